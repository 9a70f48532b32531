//! `POST /exim/handshake/action`: approve, reject or (our extension) cancel a partnership
//! request (201 with the updated record).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use exim_api::{HandshakeActionRequest, HandshakeRecord};

use crate::auth::{PackageShare, Permitted};
use crate::clock::now_ms;
use crate::db::handshakes::{find_by_id, find_for_party, record_answer, Answer};
use crate::error::{ApiError, Resource};
use crate::extract::ApiJson;
use crate::handshake_rules::{ensure_may_answer, history_action, history_entry, requested_answer};
use crate::state::AppState;
use crate::validate::{self, shorten};

pub async fn action(
    State(state): State<AppState>,
    sharer: Permitted<PackageShare>,
    ApiJson(request): ApiJson<HandshakeActionRequest>,
) -> Result<(StatusCode, Json<HandshakeRecord>), ApiError> {
    let caller = sharer.caller;
    let link = request.linking_id.trim().to_string();
    if link.is_empty() {
        return Err(ApiError::Invalid("linkingID must not be blank".into()));
    }
    let answer = requested_answer(&request.status)?;
    let reason = validate::text("reason", &request.reason)?;
    let details = request.target_ims_org_details;
    validate::org_id("targetIMSOrgDetails.id", &details.id)?;
    validate::name("targetIMSOrgDetails.name", &details.name)?;
    validate::name("targetIMSOrgDetails.region", &details.region)?;
    let now = now_ms();
    let record = state
        .transaction(move |tx| {
            let record = find_for_party(tx, &link, &caller.org.ims_org_id)?
                .ok_or_else(|| ApiError::NotFound(Resource::Handshake, shorten(&link)))?;
            if details.id != record.source_ims_org_id && details.id != record.target_ims_org_id {
                return Err(ApiError::Invalid(format!(
                    "targetIMSOrgDetails.id {} is not a party to partnership request {}",
                    details.id, record.linking_id
                )));
            }
            ensure_may_answer(&record, &caller.org.ims_org_id, &answer)?;
            let mut answered = record.clone();
            answered
                .append_status_history(history_entry(
                    &caller,
                    history_action(&answer),
                    now,
                    Some(reason),
                ))
                .map_err(|error| {
                    tracing::error!(%error, id = %record.id, "stored status history is unreadable");
                    ApiError::Internal
                })?;
            // The target's region is known once the target has answered.
            let target_region = (caller.org.ims_org_id == record.target_ims_org_id)
                .then_some(caller.org.region.as_str());
            record_answer(
                tx,
                &record.id,
                &Answer {
                    status: &answer,
                    at: now,
                    by: &caller.user.id,
                    by_name: &caller.user.display_name,
                    by_org: &caller.org.ims_org_id,
                    target_region,
                    status_history: answered.status_history.as_deref().unwrap_or("[]"),
                },
            )?;
            find_by_id(tx, &record.id)?.ok_or(ApiError::Internal)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(record)))
}
