//! `POST /exim/handshake/bulkCreate`: the caller asks several orgs to become partners (201).
//! Each target either gets a new APPROVAL_PENDING request or lands in `failedRequests`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use exim_api::{
    encode_status_history, BulkCreateRequest, BulkCreateResponse, FailedHandshakeRequest,
    HandshakeRecord, StatusHistoryAction,
};
use rusqlite::Connection;

use crate::auth::{Caller, PackageShare, Permitted};
use crate::clock::now_ms;
use crate::db::directory::find_org;
use crate::db::handshakes::{find_by_id, insert_handshake, open_request_exists, NewHandshake};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::handshake_rules::history_entry;
use crate::ids::{is_ims_org_id, new_record_id, new_uuid};
use crate::state::AppState;
use crate::validate::{self, shorten};

/// Most target orgs one request may name.
const MAX_TARGETS: usize = 100;

pub async fn bulk_create(
    State(state): State<AppState>,
    sharer: Permitted<PackageShare>,
    ApiJson(request): ApiJson<BulkCreateRequest>,
) -> Result<(StatusCode, Json<BulkCreateResponse>), ApiError> {
    let caller = sharer.caller;
    let source = &request.source_ims_details;
    validate::org_id("sourceIMSDetails.id", &source.id)?;
    if source.id != caller.org.ims_org_id {
        return Err(ApiError::Invalid(format!(
            "sourceIMSDetails.id '{}' is not the organization of this request ({})",
            source.id, caller.org.ims_org_id
        )));
    }
    validate::name("sourceIMSDetails.name", &source.name)?;
    let mut targets: Vec<String> = Vec::new();
    for target in request.target_ims_org_ids {
        if !targets.contains(&target) {
            targets.push(target);
        }
    }
    if targets.is_empty() {
        return Err(ApiError::Invalid(
            "targetIMSOrgIds must name at least one organization".into(),
        ));
    }
    if targets.len() > MAX_TARGETS {
        return Err(ApiError::Invalid(format!(
            "targetIMSOrgIds names {} organizations; at most {MAX_TARGETS} are allowed",
            targets.len()
        )));
    }
    let now = now_ms();
    let response = state
        .transaction(move |tx| {
            let mut response = BulkCreateResponse::default();
            for target in targets {
                match request_partnership(tx, &caller, &target, now)? {
                    Ok(record) => {
                        response.successful_requests.insert(target, record);
                    }
                    Err(failure) => {
                        response.failed_requests.insert(target, failure);
                    }
                }
            }
            Ok(response)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(response)))
}

/// Creates the request to `target`, or says why this target fails.
fn request_partnership(
    conn: &Connection,
    caller: &Caller,
    target: &str,
    now: i64,
) -> Result<Result<HandshakeRecord, FailedHandshakeRequest>, ApiError> {
    let fail = |code: &str, message: String| {
        Ok(Err(FailedHandshakeRequest {
            error_code: Some(code.into()),
            error_message: Some(message),
            extra: Default::default(),
        }))
    };
    if !is_ims_org_id(target) {
        return fail(
            "INVALID_ORG_ID",
            validate::invalid_org_id_message("target organization", target),
        );
    }
    if target == caller.org.ims_org_id {
        return fail(
            "SELF_PARTNERSHIP",
            "An organization cannot partner with itself".into(),
        );
    }
    if find_org(conn, target)?.is_none() {
        return fail(
            "UNKNOWN_ORG",
            format!("Organization {} is not known", shorten(target)),
        );
    }
    if open_request_exists(conn, &caller.org.ims_org_id, target)? {
        return fail(
            "REQUEST_EXISTS",
            format!("A pending or approved partnership request to {target} already exists"),
        );
    }
    let id = new_record_id();
    let history = encode_status_history(&[history_entry(
        caller,
        StatusHistoryAction::Initiated,
        now,
        None,
    )]);
    insert_handshake(
        conn,
        &NewHandshake {
            id: &id,
            linking_id: &new_uuid(),
            source_org: &caller.org.ims_org_id,
            target_org: target,
            created_date: now,
            created_by: &caller.user.id,
            created_by_name: &caller.user.display_name,
            status_history: &history,
        },
    )?;
    let mut record = find_by_id(conn, &id)?.ok_or(ApiError::Internal)?;
    // The bulk answer names only the source, as `sourceIMSOrgName`.
    record.source_ims_org_name = record.source_org_name.take();
    record.target_org_name = None;
    Ok(Ok(record))
}
