//! `/exim/handshake`: partnership requests between organizations.

use exim_api::{
    BulkCreateRequest, BulkCreateResponse, HandshakeActionRequest, HandshakeRecord, PagedResponse,
};

use super::client::ApiClient;
use super::error::ApiError;
use crate::state::partner_query::{Direction, TableQuery};
use crate::state::partner_workspace::Partnership;

/// The largest page the API serves.
const MAX_PAGE_SIZE: u32 = 100;

/// One page of one table of the Partners view.
pub async fn list(
    client: &ApiClient,
    direction: Direction,
    query: &TableQuery,
) -> Result<PagedResponse<HandshakeRecord>, ApiError> {
    client
        .get_json("/exim/handshake/list", &query.api_params(direction))
        .await
}

/// Every outgoing request that is pending or approved: a new request to one of these orgs
/// would be refused.
pub async fn active_outgoing(client: &ApiClient) -> Result<Vec<HandshakeRecord>, ApiError> {
    all_outgoing(client, "APPROVAL_PENDING,APPROVED").await
}

/// Every outgoing request whose status is one of `statuses` (comma-separated).
pub async fn all_outgoing(
    client: &ApiClient,
    statuses: &str,
) -> Result<Vec<HandshakeRecord>, ApiError> {
    let filter = [
        ("requestType", "OUTGOING".to_string()),
        ("property", format!("status=={statuses}")),
    ];
    every_page(client, &filter).await
}

/// Every request the list answers with `filter`, page after page.
async fn every_page(
    client: &ApiClient,
    filter: &[(&'static str, String)],
) -> Result<Vec<HandshakeRecord>, ApiError> {
    let mut all = Vec::new();
    let mut start = 0;
    loop {
        let mut params = filter.to_vec();
        params.push(("start", start.to_string()));
        params.push(("limit", MAX_PAGE_SIZE.to_string()));
        let page: PagedResponse<HandshakeRecord> =
            client.get_json("/exim/handshake/list", &params).await?;
        let received = page.data.len();
        all.extend(page.data);
        if !page.has_next_page || received == 0 {
            return Ok(all);
        }
        start += received;
    }
}

/// Asks several orgs at once; the answer says per org whether the request was made.
pub async fn bulk_create(
    client: &ApiClient,
    request: &BulkCreateRequest,
) -> Result<BulkCreateResponse, ApiError> {
    client
        .post_json("/exim/handshake/bulkCreate", request)
        .await
}

/// Approves, rejects or (our extension) cancels a partnership.
pub async fn act(
    client: &ApiClient,
    request: &HandshakeActionRequest,
) -> Result<HandshakeRecord, ApiError> {
    client.post_json("/exim/handshake/action", request).await
}

/// Every request between the current org and `org_id`, both directions. Usually one page of
/// each: two orgs exchange a handful of requests in their whole history.
pub async fn between(client: &ApiClient, org_id: &str) -> Result<Partnership, ApiError> {
    let side = |request_type: &'static str, field: &str| {
        [
            ("requestType", request_type.to_string()),
            ("property", format!("{field}=={org_id}")),
        ]
    };
    let outgoing = every_page(client, &side("OUTGOING", "targetIMSOrgId")).await?;
    let incoming = every_page(client, &side("INCOMING", "sourceIMSOrgId")).await?;
    Ok(Partnership { outgoing, incoming })
}

/// How many incoming requests wait for the current org's answer.
pub async fn pending_incoming_count(client: &ApiClient) -> Result<u64, ApiError> {
    let params = [
        ("requestType", "INCOMING".to_string()),
        ("property", "status==APPROVAL_PENDING".to_string()),
        ("start", "0".to_string()),
        ("limit", "1".to_string()),
    ];
    let page: PagedResponse<HandshakeRecord> =
        client.get_json("/exim/handshake/list", &params).await?;
    Ok(page.total_elements)
}
