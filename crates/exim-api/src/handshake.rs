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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status_history::StatusHistoryAction;

    /// `statusHistory` of the documented `POST /handshake/action` answer.
    const APPROVED_HISTORY: &str = r#"[{"actionTakenBy":"FF0D1F43637B49710A494110@658557135fa10b860a494019","actionTakenByName":"{NAME}","actionTakenByImsOrgID":"acme@AdobeOrg","action":"INITIATED","actionTimeStamp":1726737474450,"reason":null},{"actionTakenBy":null,"actionTakenByName":null,"actionTakenByImsOrgID":"745F37C35E4B776E0A49421B@AdobeOrg","action":"APPROVED","actionTimeStamp":1726737541818,"reason":"Done"}]"#;

    fn record(status_history: Option<&str>) -> HandshakeRecord {
        serde_json::from_value(serde_json::json!({
            "id": "6c2ee3780fee4fbd9344e84ed2cb3fdf",
            "sourceIMSOrgId": "2E63197465A811E70A494213@AdobeOrg",
            "targetIMSOrgId": "745F37C35E4B776E0A49421B@AdobeOrg",
            "status": "APPROVED",
            "statusHistory": status_history,
            "linkingId": "fbbd61b7-e4f9-410d-856d-187dff4bbcb5"
        }))
        .unwrap()
    }

    #[test]
    fn parses_a_documented_history() {
        let history = record(Some(APPROVED_HISTORY))
            .parsed_status_history()
            .unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].action, StatusHistoryAction::Initiated);
        assert_eq!(history[0].action_taken_by_name.as_deref(), Some("{NAME}"));
        assert_eq!(history[0].reason, None);
        assert_eq!(history[1].action, StatusHistoryAction::Approved);
        assert_eq!(history[1].action_taken_by, None);
        assert_eq!(
            history[1].action_taken_by_ims_org_id,
            "745F37C35E4B776E0A49421B@AdobeOrg"
        );
        assert_eq!(history[1].action_time_stamp, 1726737541818);
        assert_eq!(history[1].reason.as_deref(), Some("Done"));
    }

    #[test]
    fn encoding_reproduces_platform_text_exactly() {
        let history = record(Some(APPROVED_HISTORY))
            .parsed_status_history()
            .unwrap();
        assert_eq!(encode_status_history(&history), APPROVED_HISTORY);
    }

    #[test]
    fn an_entry_without_reason_parses_as_no_reason() {
        let older = r#"[{"actionTakenBy":"a@b.e","actionTakenByName":"x","actionTakenByImsOrgID":"O@AdobeOrg","action":"INITIATED","actionTimeStamp":1}]"#;
        let history = record(Some(older)).parsed_status_history().unwrap();
        assert_eq!(history[0].reason, None);
    }

    #[test]
    fn missing_history_is_empty() {
        assert!(record(None).parsed_status_history().unwrap().is_empty());
    }

    #[test]
    fn malformed_history_is_an_error() {
        assert!(record(Some("[{\"action\":"))
            .parsed_status_history()
            .is_err());
        assert!(record(Some("{\"not\":\"an array\"}"))
            .parsed_status_history()
            .is_err());
    }

    #[test]
    fn unknown_actions_are_kept() {
        let text = r#"[{"actionTakenBy":null,"actionTakenByName":null,"actionTakenByImsOrgID":"O@AdobeOrg","action":"REVOKED","actionTimeStamp":5,"reason":null}]"#;
        let history = record(Some(text)).parsed_status_history().unwrap();
        assert_eq!(
            history[0].action,
            StatusHistoryAction::Other("REVOKED".into())
        );
        assert_eq!(encode_status_history(&history), text);
    }

    #[test]
    fn append_extends_the_encoded_history() {
        let mut pending = record(None);
        let initiated = StatusHistoryEntry {
            action_taken_by: Some("user@AdobeID".into()),
            action_taken_by_name: Some("Ada".into()),
            action_taken_by_ims_org_id: "2E63197465A811E70A494213@AdobeOrg".into(),
            action: StatusHistoryAction::Initiated,
            action_time_stamp: 10,
            reason: None,
        };
        let cancelled = StatusHistoryEntry {
            action: StatusHistoryAction::Cancelled,
            action_time_stamp: 20,
            reason: Some("no longer needed".into()),
            ..initiated.clone()
        };
        pending.append_status_history(initiated.clone()).unwrap();
        pending.append_status_history(cancelled.clone()).unwrap();
        assert_eq!(
            pending.parsed_status_history().unwrap(),
            vec![initiated, cancelled]
        );
        assert!(pending
            .status_history
            .unwrap()
            .starts_with("[{\"actionTakenBy\":"));
    }

    #[test]
    fn append_refuses_to_overwrite_a_malformed_history() {
        let mut broken = record(Some("not json"));
        let entry = StatusHistoryEntry {
            action_taken_by: None,
            action_taken_by_name: None,
            action_taken_by_ims_org_id: "O@AdobeOrg".into(),
            action: StatusHistoryAction::Rejected,
            action_time_stamp: 1,
            reason: None,
        };
        assert!(broken.append_status_history(entry).is_err());
        assert_eq!(broken.status_history.as_deref(), Some("not json"));
    }
}
