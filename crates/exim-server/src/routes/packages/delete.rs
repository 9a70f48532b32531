//! `DELETE /exim/packages/{id}`.

use axum::extract::State;
use axum::Json;
use exim_api::{DeletePackageResponse, PackageStatus};

use super::lookup::{own_package, package_id};
use crate::auth::{ManagePackage, Permitted};
use crate::db::packages::delete_package;
use crate::db::transfers::package_has_unfinished_transfers;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::package_rules;
use crate::state::AppState;

/// Deletes a package unless work on it is under way (publishing, or a transfer that still
/// has to read it).
pub async fn delete(
    State(state): State<AppState>,
    manager: Permitted<ManagePackage>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<DeletePackageResponse>, ApiError> {
    let caller = manager.caller;
    let id = package_id(&id)?;
    state
        .transaction(move |tx| {
            let package = own_package(tx, &caller, &id)?;
            if package_rules::status(&package) == PackageStatus::PublishInProgress {
                return Err(ApiError::Conflict(format!(
                    "Package {id} is being published; delete it once publishing has finished"
                )));
            }
            if package_has_unfinished_transfers(tx, &id)? {
                return Err(ApiError::Conflict(format!(
                    "Package {id} is being shared; delete it once its transfers have finished"
                )));
            }
            delete_package(tx, &id)?;
            Ok(Json(DeletePackageResponse {
                reason: format!("Package {id} deleted"),
            }))
        })
        .await
}
