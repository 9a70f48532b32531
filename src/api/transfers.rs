//! `/exim/transfer`: shares to partner orgs and pulls of public packages.

use exim_api::{PagedResponse, PullRequest, TransferRecord, TransferRequest, TransferTarget};

use super::client::ApiClient;
use super::error::ApiError;
use crate::state::partner_workspace::PartnerTransfers;
use crate::state::pulled_query::PulledQuery;
use crate::state::transfer_query::TransferQuery;
use crate::state::url::encode;

/// One page of Sharing status. A view narrowed to some shares (`?share=`, where a bulk share's
/// results lead) asks with exim-server's `property=id==` filter; a server without it (Platform
/// refuses it with 400, or might ignore it) is asked for each share of the page by its id.
pub async fn list(
    client: &ApiClient,
    query: &TransferQuery,
) -> Result<PagedResponse<TransferRecord>, ApiError> {
    let listed: Result<PagedResponse<TransferRecord>, ApiError> = client
        .get_json("/exim/transfer/list", &query.api_params())
        .await;
    if query.shares.is_empty() {
        return listed;
    }
    match listed {
        Err(error) if error.status() == Some(400) => shares_one_by_one(client, query).await,
        Ok(page) if page.data.iter().any(|t| !query.shares.contains(&t.id)) => {
            shares_one_by_one(client, query).await
        }
        answer => answer,
    }
}

/// The page of `query`'s shares read one by one (`GET /transfer/{id}`), newest first; its other
/// filters are applied to that page only.
async fn shares_one_by_one(
    client: &ApiClient,
    query: &TransferQuery,
) -> Result<PagedResponse<TransferRecord>, ApiError> {
    let reads = query.shares_on_page().iter().map(|id| get(client, id));
    let records = futures_util::future::try_join_all(reads).await?;
    Ok(query.page_of_shares(records))
}

pub async fn get(client: &ApiClient, id: &str) -> Result<TransferRecord, ApiError> {
    client
        .get_json(&format!("/exim/transfer/{}", encode(id)), &[])
        .await
}

/// Starts sharing a package with every target org; Platform answers one record per target.
pub async fn share(
    client: &ApiClient,
    package_id: &str,
    org_ids: &[String],
) -> Result<Vec<TransferRecord>, ApiError> {
    let request = TransferRequest {
        package_id: package_id.to_string(),
        targets: org_ids
            .iter()
            .map(|id| TransferTarget {
                ims_org_id: id.clone(),
            })
            .collect(),
        retry_of: None,
    };
    client.post_json("/exim/transfer", &request).await
}

/// Shares a failed transfer's package again with its target, naming the failed transfer
/// (`retryOf`, exim-server's extension: Platform ignores it and the records then carry no link).
/// An empty answer means Platform dropped the target.
pub async fn retry(
    client: &ApiClient,
    failed: &TransferRecord,
) -> Result<Vec<TransferRecord>, ApiError> {
    let request = TransferRequest {
        package_id: failed.package_id.clone(),
        targets: vec![TransferTarget {
            ims_org_id: failed.target_ims_org_id.clone(),
        }],
        retry_of: Some(failed.id.clone()),
    };
    client.post_json("/exim/transfer", &request).await
}

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

/// One page of the shares with one partner org, or only their count.
pub async fn with_partner(
    client: &ApiClient,
    query: &PartnerTransfers,
) -> Result<PagedResponse<TransferRecord>, ApiError> {
    client
        .get_json("/exim/transfer/list", &query.api_params())
        .await
}
