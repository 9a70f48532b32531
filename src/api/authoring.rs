//! Authoring packages: create (`POST /packages`), add and remove artifacts and change the name
//! and description (`PUT /packages` ADD / DELETE / UPDATE), publish
//! (`GET /packages/{id}/export`), delete (`DELETE /packages/{id}`), and the objects of a
//! sandbox to choose artifacts from (`GET /sandbox-objects`, an exim-server extension: Platform
//! lists them through other services, so against it artifacts are added by type and ID).

use exim_api::{
    ArtifactRef, CreatePackageRequest, DeletePackageResponse, Package, PackageAction,
    PackageHistory, PackageType, PagedResponse, PublishPackageResponse, SandboxRef,
    UpdatePackageRequest,
};

use super::client::ApiClient;
use super::error::ApiError;
use crate::state::url::encode;

/// What the New package form sends.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPackage {
    pub name: String,
    pub description: Option<String>,
    pub package_type: PackageType,
    pub sandbox: SandboxRef,
    pub artifacts: Vec<ArtifactRef>,
}

/// Creates a DRAFT package (201).
pub async fn create(client: &ApiClient, package: &NewPackage) -> Result<Package, ApiError> {
    let request = CreatePackageRequest {
        name: package.name.clone(),
        description: package.description.clone(),
        package_type: package.package_type.clone(),
        source_sandbox: Some(package.sandbox.clone()),
        expiry: None,
        artifacts: (package.package_type == PackageType::Partial)
            .then(|| package.artifacts.clone()),
    };
    client.post_json("/exim/packages", &request).await
}

/// Adds artifacts to a draft (`PUT /packages` ADD); the answer is the changed package.
pub async fn add_artifacts(
    client: &ApiClient,
    id: &str,
    artifacts: Vec<ArtifactRef>,
) -> Result<Package, ApiError> {
    let mut request = UpdatePackageRequest::new(id, PackageAction::Add);
    request.artifacts = Some(artifacts);
    client.put_json("/exim/packages", &request).await
}

/// Removes artifacts from a draft (`PUT /packages` DELETE).
pub async fn remove_artifacts(
    client: &ApiClient,
    id: &str,
    artifacts: Vec<ArtifactRef>,
) -> Result<Package, ApiError> {
    let mut request = UpdatePackageRequest::new(id, PackageAction::Delete);
    request.artifacts = Some(artifacts);
    client.put_json("/exim/packages", &request).await
}

/// Renames and redescribes a draft (`PUT /packages` UPDATE, which also needs its sandbox).
pub async fn update_details(
    client: &ApiClient,
    id: &str,
    name: String,
    description: Option<String>,
    sandbox: SandboxRef,
) -> Result<Package, ApiError> {
    let mut request = UpdatePackageRequest::new(id, PackageAction::Update);
    request.name = Some(name);
    // An empty description clears it; absent would keep the old one.
    request.description = Some(description.unwrap_or_default());
    request.source_sandbox = Some(sandbox);
    client.put_json("/exim/packages", &request).await
}

/// Starts publishing: the package is PUBLISH_IN_PROGRESS until its EXPORT job ends.
pub async fn publish(
    client: &ApiClient,
    id: &str,
    expiry_days: u32,
) -> Result<PublishPackageResponse, ApiError> {
    client
        .get_json(
            &format!("/exim/packages/{}/export", encode(id)),
            &[("expiryPeriod", expiry_days.to_string())],
        )
        .await
}

pub async fn delete(client: &ApiClient, id: &str) -> Result<DeletePackageResponse, ApiError> {
    client
        .delete_json(&format!("/exim/packages/{}", encode(id)))
        .await
}

/// What the artifact picker asks of a sandbox's objects.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObjectQuery {
    pub sandbox: String,
    /// An artifact type, or all types when empty.
    pub artifact_type: String,
    pub search: String,
    pub start: u64,
    pub limit: u64,
}

/// One page of the sandbox's objects (exim-server extension).
pub async fn sandbox_objects(
    client: &ApiClient,
    query: &ObjectQuery,
) -> Result<PagedResponse<ArtifactRef>, ApiError> {
    let mut params = vec![
        ("sandbox", query.sandbox.clone()),
        ("start", query.start.to_string()),
        ("limit", query.limit.to_string()),
    ];
    if !query.artifact_type.is_empty() {
        params.push(("type", query.artifact_type.clone()));
    }
    if !query.search.trim().is_empty() {
        params.push(("search", query.search.trim().to_string()));
    }
    client.get_json("/exim/sandbox-objects", &params).await
}

/// What happened to the package, newest first (exim-server extension; Platform has none).
pub async fn history(client: &ApiClient, id: &str) -> Result<PackageHistory, ApiError> {
    client
        .get_json(&format!("/exim/packages/{}/history", encode(id)), &[])
        .await
}
