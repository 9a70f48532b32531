//! `GET /exim/handshake/list?requestType=INCOMING|OUTGOING`: the header org's partnership
//! requests, received or sent.

use axum::extract::{RawQuery, State};
use axum::Json;
use exim_api::{HandshakeRecord, HandshakeRequestType, PagedResponse};

use crate::auth::Caller;
use crate::db::handshakes::{list_handshakes, Side};
use crate::error::ApiError;
use crate::extract::{query_value, ListParams};
use crate::query::HandshakeField;
use crate::state::AppState;
use crate::validate::shorten;

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw_query): RawQuery,
    ListParams(query): ListParams<HandshakeField>,
) -> Result<Json<PagedResponse<HandshakeRecord>>, ApiError> {
    let side = side(query_value(raw_query.as_deref(), "requestType"))?;
    let page = query.page;
    let (total, records) = state
        .transaction(move |tx| Ok(list_handshakes(tx, &caller.org.ims_org_id, side, &query)?))
        .await?;
    let mut envelope = page.envelope(total, records);
    envelope.next_page = Some(None);
    envelope.page_size = Some(None);
    Ok(Json(envelope))
}

fn side(raw: Option<String>) -> Result<Side, ApiError> {
    let Some(raw) = raw else {
        return Err(ApiError::Invalid(
            "requestType is required: INCOMING or OUTGOING".into(),
        ));
    };
    match HandshakeRequestType::parse(raw.trim()) {
        HandshakeRequestType::Incoming => Ok(Side::Incoming),
        HandshakeRequestType::Outgoing => Ok(Side::Outgoing),
        HandshakeRequestType::Other(_) => Err(ApiError::Invalid(format!(
            "Unknown requestType '{}'; expected INCOMING or OUTGOING",
            shorten(&raw)
        ))),
    }
}
