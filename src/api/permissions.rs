//! `/access-control/acl/effective-policies`: what the signed-in user may do.

use exim_api::EffectivePoliciesResponse;

use super::client::ApiClient;
use super::error::ApiError;

const MANAGE_PACKAGE: &str = "/permissions/manage-package";
const PACKAGE_SHARE: &str = "/permissions/package-share";

/// The permissions the console asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permissions {
    pub manage_packages: bool,
    pub share_packages: bool,
}

impl Permissions {
    /// Used when the check itself fails: the API's own refusal will then show.
    pub const ASSUMED: Permissions = Permissions {
        manage_packages: true,
        share_packages: true,
    };
}

pub async fn fetch(client: &ApiClient) -> Result<Permissions, ApiError> {
    let response: EffectivePoliciesResponse = client
        .post_json(
            "/access-control/acl/effective-policies",
            &[MANAGE_PACKAGE, PACKAGE_SHARE],
        )
        .await?;
    Ok(Permissions {
        manage_packages: response.holds(MANAGE_PACKAGE),
        share_packages: response.holds(PACKAGE_SHARE),
    })
}
