//! `GET /exim/packages/preflight/{id}` (packages guide) and `.../{id}/export` (OpenAPI):
//! may the caller create each artifact of the package in the target sandbox?

use axum::extract::{RawQuery, State};
use axum::Json;
use exim_api::{ArtifactPermissionCheck, PermissionSet, PreflightResponse};

use super::import::{importable_package, required_target_sandbox};
use super::lookup::package_id;
use crate::artifact_model::{missing_resources, required_resources};
use crate::auth::Caller;
use crate::clock::now_ms;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;

/// Each artifact needs the Access Control resources of its type
/// (`artifact_model::required_resources`); the answer names those the caller lacks.
pub async fn preflight(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<PreflightResponse>, ApiError> {
    let id = package_id(&id)?;
    let target = required_target_sandbox(query.as_deref())?;
    let now = now_ms();
    state
        .transaction(move |tx| {
            let (package, target_sandbox_name) =
                importable_package(tx, &caller, &id, &target, now)?;
            let permission_response = package
                .artifacts_list
                .unwrap_or_default()
                .into_iter()
                .map(|artifact| {
                    let missing =
                        missing_resources(&artifact.artifact_type, &caller.user.permissions);
                    ArtifactPermissionCheck {
                        artifact_id: artifact.id,
                        required_permissions: PermissionSet {
                            resources: required_resources(&artifact.artifact_type),
                        },
                        creation_allowed: missing.is_empty(),
                        missing_permissions: PermissionSet { resources: missing },
                        artifact_type: artifact.artifact_type,
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
