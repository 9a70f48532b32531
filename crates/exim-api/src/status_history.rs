//! The entries of a partnership's `statusHistory`, which travels as a JSON string.

use serde::{Deserialize, Serialize};

use crate::enums::wire_enum;

wire_enum!(
    /// What happened to a partnership at one point of its history.
    StatusHistoryAction {
        Initiated => "INITIATED",
        Approved => "APPROVED",
        Rejected => "REJECTED",
        /// Our extension, as [`HandshakeStatus::Cancelled`](crate::HandshakeStatus::Cancelled).
        Cancelled => "CANCELLED",
    }
);

/// One entry. Field order and casing (`actionTakenByImsOrgID`, `actionTimeStamp`) follow
/// Platform, so that an encoded history reads like Platform's. Platform sends `null` for an
/// unknown actor and reason (older entries omit `reason`); this type always writes both keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusHistoryEntry {
    #[serde(rename = "actionTakenBy", default)]
    pub action_taken_by: Option<String>,
    #[serde(rename = "actionTakenByName", default)]
    pub action_taken_by_name: Option<String>,
    #[serde(rename = "actionTakenByImsOrgID")]
    pub action_taken_by_ims_org_id: String,
    pub action: StatusHistoryAction,
    /// Epoch milliseconds.
    #[serde(rename = "actionTimeStamp")]
    pub action_time_stamp: i64,
    #[serde(default)]
    pub reason: Option<String>,
}

/// Encodes a whole history into the string that goes into `statusHistory`.
pub fn encode_status_history(entries: &[StatusHistoryEntry]) -> String {
    serde_json::to_string(entries).expect("status history entries only hold strings and integers")
}
