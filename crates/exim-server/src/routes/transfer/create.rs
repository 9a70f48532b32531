//! `POST /exim/transfer`: the caller shares one of its PUBLISHED, PRIVATE packages with
//! approved partners (201, one PENDING record per accepted target; api-notes §14).
//!
//! Local extension: `retryOf` names a FAILED transfer of the caller's org that this request
//! makes again — the same package to its one target. The new record answers `retryOf`, the
//! failed one `retriedBy`; a failed transfer is retried at most once.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use exim_api::{
    Package, PackageStatus, PackageVisibility, TransferRecord, TransferRequest,
    TransferRequestType, TransferStatus,
};
use rusqlite::Connection;

use crate::auth::{Caller, PackageShare, Permitted};
use crate::clock::now_ms;
use crate::db::directory::find_org;
use crate::db::handshakes::partnership_approved;
use crate::db::packages::find_package;
use crate::db::transfers::{find_for_party, insert_transfer, NewTransfer};
use crate::directory::Org;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::ids::{is_ims_org_id, new_record_id};
use crate::package_rules;
use crate::state::AppState;
use crate::validate::{self, shorten};

/// Most target orgs one request may name.
const MAX_TARGETS: usize = 100;

pub async fn create(
    State(state): State<AppState>,
    sharer: Permitted<PackageShare>,
    ApiJson(request): ApiJson<TransferRequest>,
) -> Result<(StatusCode, Json<Vec<TransferRecord>>), ApiError> {
    let caller = sharer.caller;
    let package_id = validate::record_id("packageId", &request.package_id)?;
    let mut targets: Vec<String> = Vec::new();
    for target in request.targets {
        if !targets.contains(&target.ims_org_id) {
            targets.push(target.ims_org_id);
        }
    }
    if targets.is_empty() {
        return Err(ApiError::Invalid(
            "targets must name at least one organization".into(),
        ));
    }
    if targets.len() > MAX_TARGETS {
        return Err(ApiError::Invalid(format!(
            "targets names {} organizations; at most {MAX_TARGETS} are allowed",
            targets.len()
        )));
    }
    let retry_of = request
        .retry_of
        .as_deref()
        .map(|id| validate::record_id("retryOf", id))
        .transpose()?;
    let now = now_ms();
    let first_step_at = now + state.step_ms();
    let records = state
        .transaction(move |tx| {
            let package = shareable_package(tx, &caller, &package_id)?;
            if let Some(failed) = &retry_of {
                ensure_retryable(tx, &caller, failed, &package_id, &targets)?;
            }
            let mut accepted = Vec::new();
            let mut refusals = Vec::new();
            for target in &targets {
                match partner(tx, &caller, target)? {
                    Ok(org) => accepted.push(org),
                    Err(reason) => refusals.push(format!("{}: {reason}", shorten(target))),
                }
            }
            if accepted.is_empty() {
                return Err(ApiError::Invalid(format!(
                    "No transfer was created. {}",
                    refusals.join("; ")
                )));
            }
            let mut records = Vec::new();
            for target in accepted {
                let id = new_record_id();
                insert_transfer(
                    tx,
                    &NewTransfer {
                        id: &id,
                        request_type: &TransferRequestType::Private,
                        source_org: &caller.org.ims_org_id,
                        source_org_name: &caller.org.name,
                        target_org: &target.ims_org_id,
                        target_org_name: &target.name,
                        package_id: &package.id,
                        package_name: &package.name,
                        created: now,
                        initiated_by: &caller.user.id,
                        pipeline_message_id: None,
                        first_step_at: Some(first_step_at),
                        retry_of: retry_of.as_deref(),
                    },
                )?;
                records.push(
                    find_for_party(tx, &id, &caller.org.ims_org_id)?.ok_or(ApiError::Internal)?,
                );
            }
            Ok(records)
        })
        .await?;
    state.wake_worker();
    Ok((StatusCode::CREATED, Json(records)))
}

/// Refuses a `retryOf` that is not a FAILED share by the caller's org of this package to
/// exactly this one target, or that was retried already.
fn ensure_retryable(
    conn: &Connection,
    caller: &Caller,
    failed_id: &str,
    package_id: &str,
    targets: &[String],
) -> Result<(), ApiError> {
    let org = &caller.org.ims_org_id;
    let failed = find_for_party(conn, failed_id, org)?
        .filter(|record| &record.source_ims_org_id == org)
        .ok_or_else(|| {
            ApiError::Invalid(format!(
                "retryOf {failed_id} is not a transfer shared by organization {org}"
            ))
        })?;
    if failed.status != TransferStatus::Failed {
        return Err(ApiError::Invalid(format!(
            "retryOf {failed_id} is {}; only a FAILED transfer can be retried",
            failed.status
        )));
    }
    if failed.package_id != package_id {
        return Err(ApiError::Invalid(format!(
            "retryOf {failed_id} shared package {}, not {package_id}",
            failed.package_id
        )));
    }
    if targets != [failed.target_ims_org_id.clone()] {
        return Err(ApiError::Invalid(format!(
            "retryOf {failed_id} went to {}; a retry targets exactly that organization",
            failed.target_ims_org_id
        )));
    }
    if let Some(retry) = failed.retried_by {
        return Err(ApiError::Invalid(format!(
            "retryOf {failed_id} was retried already by transfer {retry}"
        )));
    }
    Ok(())
}

/// The caller's package, if it may be shared privately: PUBLISHED and not PUBLIC.
fn shareable_package(conn: &Connection, caller: &Caller, id: &str) -> Result<Package, ApiError> {
    let package = find_package(conn, &caller.org.ims_org_id, id)?.ok_or_else(|| {
        ApiError::Invalid(format!(
            "Package {id} is not a package of organization {}",
            caller.org.ims_org_id
        ))
    })?;
    if package_rules::status(&package) != PackageStatus::Published {
        return Err(ApiError::Invalid(format!(
            "Package {id} is {}; only PUBLISHED packages can be shared",
            package_rules::status(&package)
        )));
    }
    if package.visibility() == PackageVisibility::Public {
        return Err(ApiError::Invalid(format!(
            "Package {id} is PUBLIC; other organizations pull public packages with their \
             payload instead of being sent them"
        )));
    }
    Ok(package)
}

/// The target org if the caller may share with it, else why not.
fn partner(
    conn: &Connection,
    caller: &Caller,
    target: &str,
) -> Result<Result<Org, String>, ApiError> {
    if !is_ims_org_id(target) {
        return Ok(Err(validate::invalid_org_id_message("imsOrgId", target)));
    }
    if target == caller.org.ims_org_id {
        return Ok(Err(
            "a package cannot be shared with its own organization".into()
        ));
    }
    let approved = partnership_approved(conn, &caller.org.ims_org_id, target)?;
    match find_org(conn, target)? {
        Some(org) if approved => Ok(Ok(org)),
        _ => Ok(Err(format!(
            "no APPROVED partnership from {} to this organization",
            caller.org.ims_org_id
        ))),
    }
}
