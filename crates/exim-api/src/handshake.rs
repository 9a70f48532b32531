//! A partnership ("handshake") between a source org that wants to share and a target org.

use serde::{Deserialize, Serialize};

use crate::enums::wire_enum;
use crate::status_history::{encode_status_history, StatusHistoryEntry};

wire_enum!(
    /// State of a partnership record, also the `status` of `POST /handshake/action`.
    HandshakeStatus {
        /// A new request, waiting for the target org.
        ApprovalPending => "APPROVAL_PENDING",
        Approved => "APPROVED",
        Rejected => "REJECTED",
        /// Our extension (Adobe documents no cancel): either party ended the partnership.
        Cancelled => "CANCELLED",
        /// Listed by Adobe only as a list-filter value; it never appears on a record.
        InProgress => "IN_PROGRESS",
    }
);

wire_enum!(
    /// The `requestType` of `GET /handshake/list`, relative to the header org.
    HandshakeRequestType {
        Incoming => "INCOMING",
        Outgoing => "OUTGOING",
    }
);

/// A partnership record. Timestamps are epoch milliseconds.
///
/// The org names depend on the call: `bulkCreate` answers with `sourceIMSOrgName`, later
/// records carry `sourceOrgName`/`targetOrgName`. `targetRegion` appears once the target org
/// has answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HandshakeRecord {
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
    #[serde(rename = "sourceIMSOrgId")]
    pub source_ims_org_id: String,
    #[serde(rename = "targetIMSOrgId")]
    pub target_ims_org_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_region: Option<String>,
    #[serde(
        rename = "sourceIMSOrgName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_ims_org_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_org_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_org_name: Option<String>,
    pub status: HandshakeStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by_name: Option<String>,
    #[serde(
        rename = "modifiedByIMSOrgId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modified_by_ims_org_id: Option<String>,
    /// A JSON array encoded *as a string*, exactly as Platform sends it; read it with
    /// [`parsed_status_history`](Self::parsed_status_history).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_history: Option<String>,
    /// A dashed UUID; `POST /handshake/action` names it `linkingID`.
    pub linking_id: String,
}

impl HandshakeRecord {
    /// Decodes `statusHistory`; a record without one has an empty history.
    pub fn parsed_status_history(&self) -> Result<Vec<StatusHistoryEntry>, serde_json::Error> {
        match &self.status_history {
            Some(encoded) => serde_json::from_str(encoded),
            None => Ok(Vec::new()),
        }
    }

    /// Appends one entry (the history is append-only). Fails, changing nothing, when the
    /// current history cannot be read, so that a malformed one is never silently replaced.
    pub fn append_status_history(
        &mut self,
        entry: StatusHistoryEntry,
    ) -> Result<(), serde_json::Error> {
        let mut history = self.parsed_status_history()?;
        history.push(entry);
        self.status_history = Some(encode_status_history(&history));
        Ok(())
    }
}
