//! `GET /exim/transfer/list`: the transfers the header org is party to (source or target),
//! with `requestType` optional (api-notes §14).

use axum::extract::{RawQuery, State};
use axum::Json;
use exim_api::{PagedResponse, TransferRecord, TransferRequestType};

use crate::auth::Caller;
use crate::db::transfers::list_transfers;
use crate::error::ApiError;
use crate::extract::{query_value, ListParams};
use crate::query::TransferField;
use crate::state::AppState;
use crate::validate::shorten;

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw_query): RawQuery,
    ListParams(query): ListParams<TransferField>,
) -> Result<Json<PagedResponse<TransferRecord>>, ApiError> {
    let request_type = request_type(query_value(raw_query.as_deref(), "requestType"))?;
    let page = query.page;
    let (total, records) = state
        .transaction(move |tx| {
            Ok(list_transfers(
                tx,
                &caller.org.ims_org_id,
                request_type.as_ref(),
                &query,
            )?)
        })
        .await?;
    let mut envelope = page.envelope(total, records);
    envelope.next_page = Some(None);
    envelope.page_size = Some(None);
    Ok(Json(envelope))
}

fn request_type(raw: Option<String>) -> Result<Option<TransferRequestType>, ApiError> {
    let Some(raw) = raw.filter(|raw| !raw.trim().is_empty()) else {
        return Ok(None);
    };
    match TransferRequestType::parse(raw.trim()) {
        TransferRequestType::Other(_) => Err(ApiError::Invalid(format!(
            "Unknown requestType '{}'; expected PUBLIC or PRIVATE",
            shorten(&raw)
        ))),
        known => Ok(Some(known)),
    }
}
