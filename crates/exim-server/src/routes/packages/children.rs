//! `POST /exim/packages/{id}/children`: the objects each listed artifact depends on (201).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use exim_api::{ArtifactRef, DependentObject, PackageStatus};

use super::lookup::{own_package, package_id};
use crate::artifact_model::dependency_types;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::package_rules::{self, new_artifacts};
use crate::state::AppState;

/// Each requested artifact with the package's artifacts it depends on. Artifacts the
/// package does not hold have no known dependencies.
pub async fn children(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(requested): ApiJson<Vec<ArtifactRef>>,
) -> Result<(StatusCode, Json<Vec<DependentObject>>), ApiError> {
    let id = package_id(&id)?;
    // Checks ids and types the way package requests do.
    new_artifacts(requested.clone())?;
    let package = state
        .transaction(move |tx| own_package(tx, &caller, &id))
        .await?;
    if package_rules::status(&package) == PackageStatus::Draft {
        return Err(ApiError::Invalid(format!(
            "Package {} is DRAFT; dependent objects are listed for published packages only",
            package.id
        )));
    }
    let held = package.artifacts_list.unwrap_or_default();
    let title_of = |id: &str| {
        held.iter()
            .find(|artifact| artifact.id == id)
            .and_then(|artifact| artifact.title.clone())
    };
    let objects = requested
        .into_iter()
        .map(|artifact| {
            let artifact_type = artifact.artifact_type.trim().to_ascii_uppercase();
            let children = held
                .iter()
                .filter(|candidate| {
                    candidate.id != artifact.id
                        && dependency_types(&artifact_type)
                            .contains(&candidate.artifact_type.as_str())
                })
                .map(|child| DependentObject {
                    id: child.id.clone(),
                    title: child.title.clone(),
                    artifact_type: child.artifact_type.clone(),
                    children: None,
                })
                .collect();
            DependentObject {
                // Platform names an untitled object by its id.
                title: title_of(&artifact.id)
                    .or(artifact.title)
                    .or_else(|| Some(artifact.id.clone())),
                id: artifact.id,
                artifact_type,
                children: Some(children),
            }
        })
        .collect();
    Ok((StatusCode::CREATED, Json(objects)))
}
