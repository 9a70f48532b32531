//! `GET /packages/{id}/history`: what happened to a package, newest first. A local extension
//! of exim-server; Platform documents no such history for these events, and the console does
//! without it there.

use serde::{Deserialize, Serialize};

use crate::enums::wire_enum;
use crate::package_requests::ArtifactRef;
use crate::transfer::TransferStatus;

wire_enum!(
    /// What happened at one point of a package's history.
    HistoryAction {
        Created => "CREATED",
        ArtifactsAdded => "ARTIFACTS_ADDED",
        ArtifactsRemoved => "ARTIFACTS_REMOVED",
        /// Name, description or source sandbox changed.
        Updated => "UPDATED",
        PublishRequested => "PUBLISH_REQUESTED",
        Published => "PUBLISHED",
        PublishFailed => "PUBLISH_FAILED",
        MadePublic => "MADE_PUBLIC",
        MadePrivate => "MADE_PRIVATE",
        /// A share (private push) of this package to another organization.
        Shared => "SHARED",
        /// Another organization pulled this public package.
        Copied => "COPIED",
        /// This package is a copy received from another organization.
        Received => "RECEIVED",
    }
);

/// The other organization of a SHARED, COPIED or RECEIVED entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryOrganization {
    #[serde(rename = "imsOrgId")]
    pub ims_org_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One event. Only the fields that belong to the action are present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub action: HistoryAction,
    /// Epoch milliseconds.
    pub at: i64,
    /// The user id of whoever did it.
    pub by: String,
    /// Their display name, when the directory knows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_name: Option<String>,
    /// ARTIFACTS_ADDED, ARTIFACTS_REMOVED: which ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifacts: Option<Vec<ArtifactRef>>,
    /// UPDATED: the new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// SHARED, COPIED, RECEIVED: the other organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<HistoryOrganization>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_id: Option<String>,
    /// SHARED, COPIED: the transfer's current status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TransferStatus>,
    /// PUBLISH_FAILED: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// PUBLISH_REQUESTED, PUBLISHED, PUBLISH_FAILED: the EXPORT job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
}

impl HistoryEntry {
    /// An entry with only its action, time and author; the other fields are set as needed.
    pub fn new(action: HistoryAction, at: i64, by: impl Into<String>) -> HistoryEntry {
        HistoryEntry {
            action,
            at,
            by: by.into(),
            by_name: None,
            artifacts: None,
            name: None,
            organization: None,
            transfer_id: None,
            status: None,
            message: None,
            job_id: None,
        }
    }
}

/// The answer of `GET /packages/{id}/history`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageHistory {
    pub data: Vec<HistoryEntry>,
}
