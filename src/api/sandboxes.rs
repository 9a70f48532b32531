//! `/sandbox-management/sandboxes`: the org's sandboxes, for the sandbox switcher.

use exim_api::{Sandbox, SandboxList};

use super::client::ApiClient;
use super::error::ApiError;

pub async fn list(client: &ApiClient) -> Result<Vec<Sandbox>, ApiError> {
    let list: SandboxList = client
        .get_json("/sandbox-management/sandboxes", &[])
        .await?;
    Ok(list.sandboxes)
}
