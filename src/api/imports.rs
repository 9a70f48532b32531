//! Importing a published package into a sandbox of the organization: what it will do
//! (`GET /packages/{id}/import`), whether the user may (`GET /packages/preflight/{id}`), what
//! its objects depend on (`POST /packages/{id}/children`), and the IMPORT job itself
//! (`POST /packages/import`).

use exim_api::{
    ArtifactRef, DependentObject, ImportConflict, PreflightResponse, SubmitImportRequest,
    SubmitImportResponse,
};

use super::client::ApiClient;
use super::error::ApiError;
use crate::state::url::encode;

/// Each artifact of the package with the existing objects of its type in `sandbox`.
pub async fn impact(
    client: &ApiClient,
    package_id: &str,
    sandbox: &str,
) -> Result<Vec<ImportConflict>, ApiError> {
    client
        .get_json(
            &format!("/exim/packages/{}/import", encode(package_id)),
            &[("targetSandbox", sandbox.to_string())],
        )
        .await
}

/// Per artifact: may the user create it in `sandbox`, and which permissions are missing.
pub async fn preflight(
    client: &ApiClient,
    package_id: &str,
    sandbox: &str,
) -> Result<PreflightResponse, ApiError> {
    client
        .get_json(
            &format!("/exim/packages/preflight/{}", encode(package_id)),
            &[("targetSandbox", sandbox.to_string())],
        )
        .await
}

/// Starts the IMPORT job (202); the answer names the job to follow.
pub async fn submit(
    client: &ApiClient,
    request: &SubmitImportRequest,
) -> Result<SubmitImportResponse, ApiError> {
    client.post_json("/exim/packages/import", request).await
}

/// The objects each of `artifacts` depends on (`POST /packages/{id}/children`, 201).
pub async fn dependencies(
    client: &ApiClient,
    package_id: &str,
    artifacts: &[ArtifactRef],
) -> Result<Vec<DependentObject>, ApiError> {
    client
        .post_json(
            &format!("/exim/packages/{}/children", encode(package_id)),
            &artifacts,
        )
        .await
}
