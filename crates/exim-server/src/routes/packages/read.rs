//! `GET /exim/packages` and `GET /exim/packages/{id}`.

use axum::extract::State;
use axum::Json;
use exim_api::{Package, PagedResponse};

use super::lookup::{own_package, package_id};
use crate::auth::Caller;
use crate::db::packages::list_packages;
use crate::error::ApiError;
use crate::extract::{ApiPath, ListParams};
use crate::query::PackageField;
use crate::state::AppState;

/// All of the header org's packages, in every sandbox (api-notes §14).
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ListParams(query): ListParams<PackageField>,
) -> Result<Json<PagedResponse<Package>>, ApiError> {
    let page = query.page;
    let org_id = caller.org.ims_org_id;
    let (total, packages) = state
        .db()
        .call(move |conn| list_packages(conn, &org_id, &query))
        .await?;
    Ok(Json(page.envelope(total, packages)))
}

/// One package of the header org; other orgs' packages are reported as not found.
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Package>, ApiError> {
    let id = package_id(&id)?;
    state
        .transaction(move |tx| own_package(tx, &caller, &id))
        .await
        .map(Json)
}
