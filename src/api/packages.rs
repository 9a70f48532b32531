//! `/exim/packages`.

use exim_api::{Package, PagedResponse};

use super::{ApiClient, ApiError};

/// One page of the org's packages, newest change first.
pub async fn list(client: &ApiClient, limit: u32) -> Result<PagedResponse<Package>, ApiError> {
    client
        .get_json(
            "/exim/packages",
            &[
                ("start", "0".to_string()),
                ("limit", limit.to_string()),
                ("orderby", "-modifiedDate".to_string()),
            ],
        )
        .await
}
