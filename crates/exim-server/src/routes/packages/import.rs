//! Importing a published package into a sandbox: `GET /exim/packages/{id}/import` lists, per
//! artifact, the similar objects already in the target sandbox; `PUT` (OpenAPI) or `POST`
//! (packages guide) `/exim/packages/import` submits the IMPORT job (202), which the worker
//! runs (`worker/imports.rs`).

use std::collections::BTreeMap;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::Json;
use exim_api::{
    Artifact, ArtifactMessage, CheckedArtifact, ImportConflict, JobRequestType, Package,
    SandboxRef, SubmitImportRequest, SubmitImportResponse,
};
use rusqlite::Connection;
use serde_json::Map;

use super::lookup::{caller_sandbox, own_package, package_id, sandbox_of_org};
use crate::auth::{Caller, ManagePackage, Permitted};
use crate::clock::now_ms;
use crate::db::jobs::{insert_job, NewJob, JOB_VISIBILITY};
use crate::db::sandbox_objects::{find_object, objects_of_type, SandboxKey};
use crate::error::ApiError;
use crate::extract::{query_value, ApiJson, ApiPath};
use crate::ids::{new_record_id, new_uuid};
use crate::import_rules::{checked_alternatives, ensure_importable, rank_suggestions};
use crate::package_rules;
use crate::state::AppState;
use crate::validate;

/// For each artifact, the objects of its type in the target sandbox that resemble it, best
/// first (`import_rules::rank_suggestions`).
pub async fn conflicts(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<Vec<ImportConflict>>, ApiError> {
    let id = package_id(&id)?;
    let target = required_target_sandbox(query.as_deref())?;
    let now = now_ms();
    state
        .transaction(move |tx| {
            let (package, target) = importable_package(tx, &caller, &id, &target, now)?;
            let org_id = &caller.org.ims_org_id;
            let sandbox = SandboxKey {
                ims_org_id: org_id,
                sandbox_name: &target,
            };
            let mut conflicts = Vec::new();
            for mut artifact in package.artifacts_list.unwrap_or_default() {
                let candidates = objects_of_type(tx, sandbox, &artifact.artifact_type)?;
                let suggestion_list = rank_suggestions(&artifact, candidates)
                    .into_iter()
                    .map(|object| Artifact {
                        id: object.id,
                        artifact_type: object.artifact_type,
                        title: Some(object.title),
                        found: Some(false),
                        count: Some(0),
                        extra: Map::new(),
                    })
                    .collect();
                let parent_id = format!(
                    "{org_id}::{target}::{}::{}",
                    artifact.artifact_type, artifact.id
                );
                let message = format!("Found object with ID: {}", artifact.id);
                artifact.found = Some(false);
                artifact.count = Some(0);
                conflicts.push(ImportConflict {
                    artifact: CheckedArtifact {
                        artifact,
                        messages: Some(vec![ArtifactMessage {
                            status: "FOUND".into(),
                            attempt: 1,
                            message,
                        }]),
                    },
                    suggestion_list,
                    parent_id,
                });
            }
            Ok(Json(conflicts))
        })
        .await
}

pub async fn submit(
    State(state): State<AppState>,
    manager: Permitted<ManagePackage>,
    ApiJson(request): ApiJson<SubmitImportRequest>,
) -> Result<(StatusCode, Json<SubmitImportResponse>), ApiError> {
    let caller = manager.caller;
    let id = package_id(&request.id)?;
    let job_name = request
        .name
        .as_deref()
        .map(|name| validate::name("name", name))
        .transpose()?;
    let job_description = request
        .description
        .as_deref()
        .map(|text| validate::text("description", text))
        .transpose()?;
    let requested_alternatives = request.alternatives.clone().unwrap_or_default();
    for (source_id, alternative) in &requested_alternatives {
        if source_id.trim().is_empty() || alternative.id.trim().is_empty() {
            return Err(ApiError::Invalid(
                "alternatives maps artifact ids to artifacts; ids must not be blank".into(),
            ));
        }
    }
    let now = now_ms();
    let first_step_at = now + state.step_ms();
    let response = state
        .transaction(move |tx| {
            let package = own_package(tx, &caller, &id)?;
            let destination = caller_sandbox(
                tx,
                &caller,
                "destinationSandbox",
                &request.destination_sandbox,
            )?;
            ensure_importable(&package, "destinationSandbox", &destination, now)?;
            let sandbox = SandboxKey {
                ims_org_id: &caller.org.ims_org_id,
                sandbox_name: &destination,
            };
            let alternatives = checked_alternatives(
                &package,
                &destination,
                &requested_alternatives,
                |object_id| Ok(find_object(tx, sandbox, object_id)?),
            )?;
            let source = package_rules::job_source_sandbox(&package, &caller.sandbox);
            let package_type = package_rules::package_type_of(&package);
            let job = NewJob {
                id: new_record_id(),
                ims_org_id: caller.org.ims_org_id.clone(),
                package_id: id.clone(),
                request_type: JobRequestType::Import,
                name: job_name.unwrap_or(package.name),
                description: job_description.or(package.description),
                package_type: package_type.clone(),
                source_sandbox: source.clone(),
                target_sandbox: Some(destination.clone()),
                correlation_id: new_uuid(),
                expiry_period_days: None,
                created: now,
                created_by: caller.user.id.clone(),
                first_step_at,
                alternatives: alternatives
                    .into_iter()
                    .map(|(source_id, object)| (source_id, object.id))
                    .collect::<BTreeMap<_, _>>(),
            };
            insert_job(tx, &job)?;
            let sandbox = |name: String| SandboxRef {
                name,
                ims_org_id: caller.org.ims_org_id.clone(),
                empty: None,
            };
            Ok(SubmitImportResponse {
                name: job.name,
                description: job.description,
                visibility: Some(JOB_VISIBILITY.into()),
                source_sandbox: sandbox(source),
                destination_sandbox: Some(sandbox(destination)),
                package_type,
                correlation_id: job.correlation_id,
                job_id: Some(job.id),
            })
        })
        .await?;
    state.wake_worker();
    Ok((StatusCode::ACCEPTED, Json(response)))
}

/// The caller org's package (404 otherwise) and the target sandbox's name, when the package
/// may be imported there (`import_rules::ensure_importable`, 400 otherwise). Conflicts,
/// preflight and submit refuse the same things.
pub(super) fn importable_package(
    conn: &Connection,
    caller: &Caller,
    id: &str,
    target_sandbox: &str,
    now: i64,
) -> Result<(Package, String), ApiError> {
    let package = own_package(conn, caller, id)?;
    let target = sandbox_of_org(conn, caller, "targetSandbox", target_sandbox)?;
    ensure_importable(&package, "targetSandbox", &target, now)?;
    Ok((package, target))
}

/// The `targetSandbox` query parameter, which import look-ups require.
pub(super) fn required_target_sandbox(query: Option<&str>) -> Result<String, ApiError> {
    query_value(query, "targetSandbox")
        .filter(|name| !name.trim().is_empty())
        .ok_or_else(|| {
            ApiError::Invalid("targetSandbox is required: the sandbox to import into".into())
        })
}
