//! What a package request names, resolved for the caller: a package id, the caller org's
//! package, the caller org's sandboxes. A package or sandbox of another org is refused.

use exim_api::{Package, SandboxRef};
use rusqlite::Connection;

use crate::auth::Caller;
use crate::db::directory::find_sandbox;
use crate::db::packages::find_package;
use crate::error::{ApiError, Resource};
use crate::validate;

/// The caller org's package, or 404 (other orgs' packages included).
pub fn own_package(conn: &Connection, caller: &Caller, id: &str) -> Result<Package, ApiError> {
    find_package(conn, &caller.org.ims_org_id, id)?
        .ok_or_else(|| ApiError::NotFound(Resource::Package, id.to_string()))
}

/// A package id from a path or body.
pub fn package_id(raw: &str) -> Result<String, ApiError> {
    validate::record_id("package id", raw)
}

/// A sandbox named in a request body (`sourceSandbox`, `destinationSandbox`): it must be one
/// of the caller org's sandboxes. Returns its name.
pub fn caller_sandbox(
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
pub fn sandbox_of_org(
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
