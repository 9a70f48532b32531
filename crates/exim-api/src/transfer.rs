//! Sharing a package with another org: a private push (`POST /transfer`) or a public pull
//! (`POST /transfer/pullRequest`, body [`PullRequest`](crate::PullRequest)).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::enums::wire_enum;

/// The progress messages Platform appends to `transferDetails.messages`, one per step, in
/// order (api-notes §5); a completed transfer then adds "Finished with status: COMPLETED".
pub const TRANSFER_PROGRESS_MESSAGES: [&str; 7] = [
    "Fetched Package",
    "Fetched Manifest",
    "Tenant Identified",
    "Fetched Sandbox Id",
    "Fetched Blob Files",
    "Message Published to Kafka",
    "Completed Transfer",
];

wire_enum!(
    /// Progress of a transfer: PENDING → IN_PROGRESS → COMPLETED | FAILED.
    TransferStatus {
        Pending => "PENDING",
        InProgress => "IN_PROGRESS",
        Completed => "COMPLETED",
        Failed => "FAILED",
    }
);

wire_enum!(
    /// PRIVATE: pushed by the owner to a partner. PUBLIC: pulled by any org from a public
    /// package's payload.
    TransferRequestType {
        Private => "PRIVATE",
        Public => "PUBLIC",
    }
);

/// `POST /transfer`: share a published package with partner orgs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferRequest {
    pub package_id: String,
    pub targets: Vec<TransferTarget>,
    /// Local extension of exim-server: the FAILED transfer this request makes again (same
    /// package, its one target). Platform ignores the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<String>,
}

/// One org a package is shared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferTarget {
    pub ims_org_id: String,
}

/// The progress log of a transfer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferDetails {
    /// Steps done so far, e.g. "Fetched Package", "Fetched Manifest", ….
    pub messages: Vec<String>,
    /// Always present on the wire: `null` while there is nothing to add (every Adobe example),
    /// so `None` is written as `null`. Our server puts `{errorCode, errorMessage}` here when a
    /// transfer fails.
    pub additional_metadata: Option<Value>,
}

/// A transfer of one package to one org. Timestamps are epoch milliseconds.
///
/// Lists and look-ups carry names (`sourceOrgName`, `packageName`) and `completedTime`; the
/// create answers carry `version`/`modified*` instead; a pull carries `pipelineMessageId`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    pub created_date: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_date: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<String>,
    #[serde(rename = "sourceIMSOrgId")]
    pub source_ims_org_id: String,
    /// In Adobe's public-list examples this simply repeats the org id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_org_name: Option<String>,
    #[serde(rename = "targetIMSOrgId")]
    pub target_ims_org_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_org_name: Option<String>,
    pub package_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_name: Option<String>,
    pub status: TransferStatus,
    pub initiated_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pipeline_message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_details: Option<TransferDetails>,
    pub request_type: TransferRequestType,
    /// Local extension of exim-server: the package a COMPLETED transfer became in the target
    /// organization, shown to the target organization only. Platform's record lacks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_package_id: Option<String>,
    /// Local extension of exim-server: the failed transfer this one retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<String>,
    /// Local extension of exim-server: the transfer that retried this failed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retried_by: Option<String>,
}
