//! `GET /exim/packages/payload/{id}`: what another org pastes to pull a public package.

use axum::extract::State;
use axum::Json;
use exim_api::{CopyPayloadResponse, PackageVisibility};

use super::lookup::{own_package, package_id};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;

/// The payload of one of the caller's own packages. Only a PUBLIC package can be pulled, so
/// a PRIVATE one has no payload to copy.
pub async fn payload(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<CopyPayloadResponse>, ApiError> {
    let id = package_id(&id)?;
    let package = state
        .transaction(move |tx| own_package(tx, &caller, &id))
        .await?;
    if package.visibility() != PackageVisibility::Public {
        return Err(ApiError::Invalid(format!(
            "Package {} is PRIVATE; only PUBLIC packages have a payload to copy. \
             Make it public first (PUT /packages/update with packageVisibility PUBLIC)",
            package.id
        )));
    }
    Ok(Json(CopyPayloadResponse {
        ims_org_id: package.ims_org_id.unwrap_or_default(),
        package_id: package.id,
    }))
}
