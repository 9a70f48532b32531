//! Approved partners: the orgs that accepted a partnership request of the current org, i.e.
//! the orgs it may share private packages with.

use super::client::ApiClient;
use super::error::ApiError;
use super::handshakes;
use crate::state::partner_filter::Partner;

/// Every approved outgoing partnership, as share targets.
pub async fn approved(client: &ApiClient) -> Result<Vec<Partner>, ApiError> {
    let records = handshakes::all_outgoing(client, "APPROVED").await?;
    Ok(records
        .into_iter()
        .map(|record| Partner {
            name: record
                .target_org_name
                .clone()
                .unwrap_or_else(|| record.target_ims_org_id.clone()),
            org_id: record.target_ims_org_id,
        })
        .collect())
}
