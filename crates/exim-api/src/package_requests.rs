//! Bodies the console sends to create and change packages, and the answer to a delete.

use serde::{Deserialize, Serialize};

use crate::enums::wire_enum;
use crate::enums::{PackageType, PackageVisibility};
use crate::package::SandboxRef;

wire_enum!(
    /// What a `PUT /packages` does: add or remove artifacts, or change metadata or visibility.
    PackageAction {
        Add => "ADD",
        Delete => "DELETE",
        Update => "UPDATE",
    }
);

/// An artifact named in a request (`artifacts`, children lookups, import `alternatives`).
///
/// Requests say `artifacts` where responses say `artifactsList`, and carry only these fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArtifactRef {
    pub id: String,
    #[serde(rename = "type")]
    pub artifact_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// `POST /packages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatePackageRequest {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub package_type: PackageType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sandbox: Option<SandboxRef>,
    /// An ISO-8601 UTC string such as `2023-05-20T20:05:10Z`, although responses carry `expiry`
    /// as epoch milliseconds. Platform defaults it to 90 days from now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<String>,
    /// Must be absent or empty for a FULL package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifacts: Option<Vec<ArtifactRef>>,
}

/// `PUT /packages` (and `PUT /packages/update` for visibility). Which fields matter depends on
/// `action`: ADD/DELETE use `artifacts`, UPDATE uses the metadata fields or `packageVisibility`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdatePackageRequest {
    pub id: String,
    pub action: PackageAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifacts: Option<Vec<ArtifactRef>>,
    /// ISO-8601 UTC string, as in [`CreatePackageRequest::expiry`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sandbox: Option<SandboxRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_visibility: Option<PackageVisibility>,
}

impl UpdatePackageRequest {
    /// A request with only `id` and `action` set; fill the rest with struct update syntax.
    pub fn new(id: impl Into<String>, action: PackageAction) -> Self {
        Self {
            id: id.into(),
            action,
            artifacts: None,
            expiry: None,
            name: None,
            description: None,
            source_sandbox: None,
            package_visibility: None,
        }
    }
}

/// `DELETE /packages/{id}` answers with a sentence, e.g. `Package {id} deleted`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletePackageResponse {
    pub reason: String,
}
