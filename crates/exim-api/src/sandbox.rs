//! Sandbox-management's sandbox (`GET /sandbox-management/sandboxes` and friends).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::enums::wire_enum;

wire_enum!(
    /// Lifecycle of a sandbox. Lower-case on the wire, unlike exim's enums.
    SandboxState {
        Creating => "creating",
        Provisioning => "provisioning",
        Active => "active",
        Resetting => "resetting",
        Cleaning => "cleaning",
        Deleting => "deleting",
        DeProvisioning => "de-provisioning",
        Deleted => "deleted",
        Failed => "failed",
    }
);

wire_enum!(
    /// Kind of sandbox. Lower-case on the wire.
    SandboxType {
        Production => "production",
        Development => "development",
    }
);

/// A sandbox. Timestamps here are strings, not epoch milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sandbox {
    /// Only visible to services; user responses omit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<SandboxState>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub sandbox_type: Option<SandboxType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// Sandbox-management sends `eTag`; the OpenAPI schema spells it `etag`, which is accepted too.
    #[serde(
        rename = "eTag",
        alias = "etag",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub e_tag: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<String>,
    /// Service-only bookkeeping, kept as sent.
    #[serde(rename = "_system", default, skip_serializing_if = "Option::is_none")]
    pub system: Option<Value>,
}

/// Paging of a sandbox list (sandbox-management style, not exim's envelope).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SandboxListPage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// `GET /sandbox-management/sandboxes` (and `/sandbox-management/` for the user's own list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SandboxList {
    pub sandboxes: Vec<Sandbox>,
    #[serde(rename = "_page", default, skip_serializing_if = "Option::is_none")]
    pub page: Option<SandboxListPage>,
    /// HAL links (`next`, `page`), kept as sent.
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Value>,
}
