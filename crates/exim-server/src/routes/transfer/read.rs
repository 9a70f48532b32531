//! `GET /exim/transfer/{id}`: one transfer the header org is party to.

use axum::extract::State;
use axum::Json;
use exim_api::TransferRecord;

use crate::auth::Caller;
use crate::db::transfers::find_for_party;
use crate::error::{ApiError, Resource};
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::validate;

pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<TransferRecord>, ApiError> {
    let id = validate::record_id("transfer id", &id)?;
    state
        .transaction(move |tx| {
            find_for_party(tx, &id, &caller.org.ims_org_id)?
                .map(Json)
                .ok_or(ApiError::NotFound(Resource::Transfer, id))
        })
        .await
}
