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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HandshakeRecord;

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
