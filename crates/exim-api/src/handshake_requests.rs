//! Bodies of `POST /handshake/bulkCreate` and `POST /handshake/action`, and the bulk answer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::handshake::{HandshakeRecord, HandshakeStatus};

/// The calling (source) org as it introduces itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceOrgDetails {
    pub id: String,
    pub name: String,
}

/// The answering (target) org, with its region (`va7`, `nld2`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetOrgDetails {
    pub id: String,
    pub name: String,
    pub region: String,
}

/// `POST /handshake/bulkCreate`: ask several orgs at once to become partners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkCreateRequest {
    #[serde(rename = "targetIMSOrgIds")]
    pub target_ims_org_ids: Vec<String>,
    #[serde(rename = "sourceIMSDetails")]
    pub source_ims_details: SourceOrgDetails,
}

/// Why one target of a bulk request failed. Adobe reserves the shape ("future error
/// structure"); our server sends `{errorCode, errorMessage}`, anything else is kept in `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FailedHandshakeRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The answer to `bulkCreate`, keyed by target org id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkCreateResponse {
    pub successful_requests: BTreeMap<String, HandshakeRecord>,
    pub failed_requests: BTreeMap<String, FailedHandshakeRequest>,
}

/// `POST /handshake/action`: the target org approves or rejects (or, our extension, either
/// side cancels).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandshakeActionRequest {
    /// Spelled `linkingID` here, but `linkingId` on every record.
    #[serde(rename = "linkingID")]
    pub linking_id: String,
    pub status: HandshakeStatus,
    pub reason: String,
    #[serde(rename = "targetIMSOrgDetails")]
    pub target_ims_org_details: TargetOrgDetails,
}
