//! `GET /packages/preflight/{id}[/export]?targetSandbox=`: may the caller import each artifact?

use serde::{Deserialize, Serialize};

/// The answer for a whole package. Note the upper-case `ID` in `packageID`/`artifactID`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreflightResponse {
    #[serde(rename = "packageID")]
    pub package_id: String,
    pub target_sandbox_name: String,
    pub permission_response: Vec<ArtifactPermissionCheck>,
}

/// The permissions one artifact needs, those the caller lacks, and the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactPermissionCheck {
    #[serde(rename = "artifactID")]
    pub artifact_id: String,
    pub required_permissions: PermissionSet,
    pub missing_permissions: PermissionSet,
    pub artifact_type: String,
    pub creation_allowed: bool,
}

/// A list of resource permissions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PermissionSet {
    pub resources: Vec<ResourcePermissions>,
}

/// Actions on one Access Control resource type (`Schema`, `Segment`, `Dataset`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourcePermissions {
    pub palm_resource_type: String,
    pub resource_permissions: Vec<String>,
}
