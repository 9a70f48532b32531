//! `/exim/transfer`: the public pulls made from Import.

use exim_api::{PagedResponse, PullRequest, TransferRecord};

use super::{ApiClient, ApiError};
use crate::state::pulled_query::PulledQuery;

/// Pulls a public package into the current org with exactly its copied payload.
pub async fn pull_request(
    client: &ApiClient,
    payload: &PullRequest,
) -> Result<TransferRecord, ApiError> {
    client
        .post_json("/exim/transfer/pullRequest", payload)
        .await
}

/// One page of the public pulls the current org is party to, newest first.
pub async fn list_pulled(
    client: &ApiClient,
    query: PulledQuery,
) -> Result<PagedResponse<TransferRecord>, ApiError> {
    client
        .get_json("/exim/transfer/list", &query.api_params())
        .await
}
