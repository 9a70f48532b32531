//! The package object as Platform returns it.

use serde::{Deserialize, Serialize};
#[cfg(feature = "unmodelled-fields")]
use serde_json::{Map, Value};

use crate::enums::{PackageStatus, PackageType, PackageVisibility};

/// A sandbox named together with the org that owns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SandboxRef {
    pub name: String,
    pub ims_org_id: String,
    /// Present in some Platform responses (`"empty": false`); meaning undocumented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub empty: Option<bool>,
}

/// One artifact of a package, as listed in `artifactsList`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Artifact {
    pub id: String,
    #[serde(rename = "type")]
    pub artifact_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    #[cfg(feature = "unmodelled-fields")]
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a received package came from (local extension of exim-server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedFrom {
    #[serde(rename = "imsOrgId")]
    pub ims_org_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_name: Option<String>,
    /// The original package in the source organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_id: Option<String>,
    /// The transfer that delivered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_id: Option<String>,
}

/// A package. Timestamps are epoch milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Package {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_date: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ims_org_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sandbox: Option<SandboxRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_type: Option<PackageType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish_date: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PackageStatus>,
    /// Absent on packages made before availability existed; the console treats that as private.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_visibility: Option<PackageVisibility>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifacts_list: Option<Vec<Artifact>>,
    /// Local extension of exim-server (Platform's record has no such field): set on the copy a
    /// completed transfer made in the target organization, naming where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_from: Option<ReceivedFrom>,
    /// Fields Platform sends that this crate does not model (`tenantId`, `schemaMapping`, ...).
    #[cfg(feature = "unmodelled-fields")]
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Package {
    /// The status as Platform writes it (`PUBLISHED`), or an empty string when absent.
    pub fn status_text(&self) -> String {
        self.status
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// The name of the sandbox the package was made in, or an empty string when absent.
    pub fn source_sandbox_name(&self) -> String {
        self.source_sandbox
            .as_ref()
            .map(|sandbox| sandbox.name.clone())
            .unwrap_or_default()
    }

    /// Visibility with Platform's default applied: no value means private. Read
    /// case-insensitively, because the OpenAPI spec's own example writes `private`.
    pub fn visibility(&self) -> PackageVisibility {
        self.package_visibility
            .as_ref()
            .map_or(PackageVisibility::Private, |raw| {
                PackageVisibility::parse(raw.as_str())
            })
    }

    /// Number of artifacts listed (0 when the list is absent).
    pub fn artifact_count(&self) -> usize {
        self.artifacts_list.as_ref().map_or(0, Vec::len)
    }
}
