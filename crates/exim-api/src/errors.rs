//! The two error bodies Platform sends.

use serde::{Deserialize, Serialize};
#[cfg(feature = "unmodelled-fields")]
use serde_json::Map;
use serde_json::Value;

/// What the API gateway answers before a request reaches the service (auth failures):
/// `{"error_code": "401013", "message": "Oauth token is not valid"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GatewayError {
    pub error_code: String,
    pub message: String,
}

/// The tenant a service error was raised for.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ims_org_id: Option<String>,
}

/// The `report` member of a service error.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorReport {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_info: Option<TenantInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_context: Option<Value>,
}

/// A Platform service error (RFC 7807-like): `{type, title, status, report}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlatformError {
    #[serde(rename = "type")]
    pub error_type: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ErrorReport>,
    /// Other members some services add (`error-chain`, ...).
    #[cfg(feature = "unmodelled-fields")]
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
