//! `GET /exim/packages/{id}/history`: what happened to one of the org's packages, newest
//! first (local extension; README "exim-server's local extensions").

use axum::extract::State;
use axum::Json;
use exim_api::PackageHistory;

use super::lookup::{own_package, package_id};
use crate::auth::Caller;
use crate::db::package_history::{changes_of, display_name, transfers_of};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::history_rules;
use crate::state::AppState;

pub async fn history(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<PackageHistory>, ApiError> {
    let id = package_id(&id)?;
    let data = state
        .transaction(move |tx| {
            let package = own_package(tx, &caller, &id)?;
            let received_by_name = match (&package.received_from, &package.created_by) {
                (Some(_), Some(receiver)) => display_name(tx, receiver)?,
                _ => None,
            };
            let changes = changes_of(tx, &id)?;
            let transfers = transfers_of(tx, &id)?;
            Ok(history_rules::history(
                &package,
                received_by_name,
                changes,
                transfers,
            ))
        })
        .await?;
    Ok(Json(PackageHistory { data }))
}
