//! Approved partners: the orgs that accepted a partnership request of the current org, i.e.
//! the orgs it may share private packages with.

use exim_api::{HandshakeRecord, PagedResponse};

use super::{ApiClient, ApiError};
use crate::state::partner_filter::Partner;

/// The largest page the API serves.
const PAGE_SIZE: u32 = 100;

/// Every approved outgoing partnership, all pages.
pub async fn approved(client: &ApiClient) -> Result<Vec<Partner>, ApiError> {
    let mut partners = Vec::new();
    let mut start = 0;
    loop {
        let page: PagedResponse<HandshakeRecord> = client
            .get_json(
                "/exim/handshake/list",
                &[
                    ("requestType", "OUTGOING".to_string()),
                    ("property", "status==APPROVED".to_string()),
                    ("start", start.to_string()),
                    ("limit", PAGE_SIZE.to_string()),
                ],
            )
            .await?;
        partners.extend(page.data.into_iter().map(|record| {
            Partner {
                name: record
                    .target_org_name
                    .clone()
                    .unwrap_or_else(|| record.target_ims_org_id.clone()),
                org_id: record.target_ims_org_id,
            }
        }));
        if !page.has_next_page {
            return Ok(partners);
        }
        start += PAGE_SIZE;
    }
}
