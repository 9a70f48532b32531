//! `GET /exim/packages/preflight/{id}` (packages guide) and `.../{id}/export` (OpenAPI):
//! may the caller create each artifact of the package in the target sandbox?

use axum::extract::{RawQuery, State};
use axum::Json;
use exim_api::{ArtifactPermissionCheck, PermissionSet, PreflightResponse};

use super::import::required_target_sandbox;
use super::lookup::{own_package, package_id, sandbox_of_org};
use crate::artifact_model::required_resources;
use crate::auth::Caller;
use crate::directory::permissions::MANAGE_PACKAGE;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;

/// Users who may manage packages hold every artifact permission here; others miss them all.
pub async fn preflight(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<PreflightResponse>, ApiError> {
    let id = package_id(&id)?;
    let target = required_target_sandbox(query.as_deref())?;
    let allowed = caller.user.holds(MANAGE_PACKAGE);
    state
        .transaction(move |tx| {
            let package = own_package(tx, &caller, &id)?;
            let target_sandbox_name = sandbox_of_org(tx, &caller, "targetSandbox", &target)?;
            let permission_response = package
                .artifacts_list
                .unwrap_or_default()
                .into_iter()
                .map(|artifact| {
                    let required = required_resources(&artifact.artifact_type);
                    let missing = if allowed {
                        Vec::new()
                    } else {
                        required.clone()
                    };
                    ArtifactPermissionCheck {
                        artifact_id: artifact.id,
                        required_permissions: PermissionSet {
                            resources: required,
                        },
                        missing_permissions: PermissionSet { resources: missing },
                        artifact_type: artifact.artifact_type,
                        creation_allowed: allowed,
                    }
                })
                .collect();
            Ok(Json(PreflightResponse {
                package_id: package.id,
                target_sandbox_name,
                permission_response,
            }))
        })
        .await
}
