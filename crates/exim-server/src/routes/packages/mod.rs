//! `/exim/packages/...` and `/exim/tools/job/{id}`: one file per group of operations.

mod children;
mod create;
mod delete;
mod import;
mod jobs;
mod payload;
mod preflight;
mod publish;
mod read;
mod update;

use axum::routing::{get, post, put};
use axum::Router;
use exim_api::{Package, SandboxRef};
use rusqlite::Connection;

use crate::auth::Caller;
use crate::db::directory::find_sandbox;
use crate::db::packages::find_package;
use crate::error::{ApiError, Resource};
use crate::state::AppState;
use crate::validate;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/exim/packages",
            get(read::list).post(create::create).put(update::update),
        )
        .route("/exim/packages/update", put(update::update_visibility))
        .route(
            "/exim/packages/import",
            put(import::submit).post(import::submit),
        )
        .route("/exim/packages/jobs", get(jobs::list))
        .route("/exim/packages/payload/{id}", get(payload::payload))
        .route("/exim/packages/preflight/{id}", get(preflight::preflight))
        .route(
            "/exim/packages/preflight/{id}/export",
            get(preflight::preflight),
        )
        .route(
            "/exim/packages/{id}",
            get(read::get_one).delete(delete::delete),
        )
        .route("/exim/packages/{id}/export", get(publish::publish))
        .route("/exim/packages/{id}/import", get(import::conflicts))
        .route("/exim/packages/{id}/children", post(children::children))
        .route("/exim/tools/job/{id}", get(jobs::get_one))
}

/// The caller org's package, or 404 (other orgs' packages included).
fn own_package(conn: &Connection, caller: &Caller, id: &str) -> Result<Package, ApiError> {
    find_package(conn, &caller.org.ims_org_id, id)?
        .ok_or_else(|| ApiError::NotFound(Resource::Package, id.to_string()))
}

/// A package id from a path or body.
fn package_id(raw: &str) -> Result<String, ApiError> {
    validate::record_id("package id", raw)
}

/// A sandbox named in a request body (`sourceSandbox`, `destinationSandbox`): it must be one
/// of the caller org's sandboxes. Returns its name.
fn caller_sandbox(
    conn: &Connection,
    caller: &Caller,
    field: &str,
    sandbox: &SandboxRef,
) -> Result<String, ApiError> {
    validate::org_id(&format!("{field}.imsOrgId"), &sandbox.ims_org_id)?;
    if sandbox.ims_org_id != caller.org.ims_org_id {
        return Err(ApiError::Invalid(format!(
            "{field}.imsOrgId '{}' is not the organization of this request ({})",
            validate::shorten(&sandbox.ims_org_id),
            caller.org.ims_org_id
        )));
    }
    sandbox_of_org(conn, caller, &format!("{field}.name"), &sandbox.name)
}

/// A sandbox name that must belong to the caller's org.
fn sandbox_of_org(
    conn: &Connection,
    caller: &Caller,
    field: &str,
    name: &str,
) -> Result<String, ApiError> {
    let name = name.trim();
    match find_sandbox(conn, &caller.org.ims_org_id, name)? {
        Some(sandbox) => Ok(sandbox.name),
        None => Err(ApiError::Invalid(format!(
            "{field} '{}' is not a sandbox of organization {}",
            validate::shorten(name),
            caller.org.ims_org_id
        ))),
    }
}
