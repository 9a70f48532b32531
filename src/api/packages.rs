//! `/exim/packages`.

use exim_api::{
    CopyPayloadResponse, Package, PackageAction, PackageVisibility, PagedResponse,
    UpdatePackageRequest,
};

use super::client::ApiClient;
use super::error::ApiError;
use crate::state::package_query::PackageQuery;
use crate::state::url::encode;

/// One page of the inventory as the view asks for it.
pub async fn list(
    client: &ApiClient,
    query: &PackageQuery,
) -> Result<PagedResponse<Package>, ApiError> {
    let params = query.api_params();
    client.get_json("/exim/packages", &params).await
}

pub async fn get(client: &ApiClient, id: &str) -> Result<Package, ApiError> {
    client
        .get_json(&format!("/exim/packages/{}", encode(id)), &[])
        .await
}

/// Makes a package public or private (`PUT /packages` with `action: UPDATE`).
pub async fn set_visibility(
    client: &ApiClient,
    id: &str,
    visibility: PackageVisibility,
) -> Result<Package, ApiError> {
    let mut request = UpdatePackageRequest::new(id.to_string(), PackageAction::Update);
    request.package_visibility = Some(visibility);
    client.put_json("/exim/packages", &request).await
}

/// The `{imsOrgId, packageId}` payload another org pastes to pull a public package.
pub async fn payload(client: &ApiClient, id: &str) -> Result<CopyPayloadResponse, ApiError> {
    client
        .get_json(&format!("/exim/packages/payload/{}", encode(id)), &[])
        .await
}
