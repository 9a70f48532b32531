//! A partnership's `statusHistory` as a timeline: who did what, when, and why.

use exim_api::{HandshakeRecord, StatusHistoryAction};

use super::status::{light_for, status_label, LightVariant};
use crate::i18n::keys::partners as k;
use crate::i18n::t;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// What happened, in the words the status column uses ("Requested", "Approved", …).
    pub what: String,
    /// The colour of its marker, as the status light of the state it led to.
    pub light: LightVariant,
    /// The organization that acted, by name when the record knows it.
    pub organization: String,
    /// The person who acted, when Platform says.
    pub person: Option<String>,
    /// Epoch milliseconds.
    pub at: i64,
    pub reason: Option<String>,
}

/// The history could not be read (it travels as a JSON string that may be malformed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryUnavailable;

/// The record's history, oldest first.
pub fn timeline(record: &HandshakeRecord) -> Result<Vec<TimelineEntry>, HistoryUnavailable> {
    let history = record
        .parsed_status_history()
        .map_err(|_| HistoryUnavailable)?;
    let mut entries: Vec<TimelineEntry> = history
        .into_iter()
        .map(|entry| TimelineEntry {
            what: action_words(&entry.action),
            light: match &entry.action {
                StatusHistoryAction::Initiated => LightVariant::Notice,
                other => light_for(other.as_str()),
            },
            organization: org_name(record, &entry.action_taken_by_ims_org_id),
            person: non_empty(entry.action_taken_by_name),
            at: entry.action_time_stamp,
            reason: non_empty(entry.reason),
        })
        .collect();
    entries.sort_by_key(|entry| entry.at);
    Ok(entries)
}

fn action_words(action: &StatusHistoryAction) -> String {
    match action {
        StatusHistoryAction::Initiated => t(k::HISTORY_REQUESTED),
        other => status_label(other.as_str()),
    }
}

/// The name of a party of the record, else the org ID as given.
fn org_name(record: &HandshakeRecord, org_id: &str) -> String {
    let name = if org_id.eq_ignore_ascii_case(&record.source_ims_org_id) {
        record
            .source_org_name
            .clone()
            .or_else(|| record.source_ims_org_name.clone())
    } else if org_id.eq_ignore_ascii_case(&record.target_ims_org_id) {
        record.target_org_name.clone()
    } else {
        None
    };
    non_empty(name).unwrap_or_else(|| org_id.to_string())
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INITECH: &str = "2E63197465A811E70A494213@AdobeOrg";
    const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";

    fn record(history: Option<&str>) -> HandshakeRecord {
        serde_json::from_value(serde_json::json!({
            "id": "6c2ee3780fee4fbd9344e84ed2cb3fdf",
            "sourceIMSOrgId": INITECH,
            "targetIMSOrgId": GLOBEX,
            "sourceOrgName": "Initech",
            "targetOrgName": "Globex Corp",
            "status": "REJECTED",
            "statusHistory": history,
            "linkingId": "fbbd61b7-e4f9-410d-856d-187dff4bbcb5"
        }))
        .unwrap()
    }

    #[test]
    fn entries_name_the_acting_org_and_person_oldest_first() {
        let history = format!(
            r#"[{{"actionTakenBy":"u2","actionTakenByName":"Gail","actionTakenByImsOrgID":"{GLOBEX}","action":"REJECTED","actionTimeStamp":20,"reason":"Not now"}},
                {{"actionTakenBy":"u1","actionTakenByName":"Ian","actionTakenByImsOrgID":"{INITECH}","action":"INITIATED","actionTimeStamp":10,"reason":null}}]"#
        );
        let entries = timeline(&record(Some(&history))).unwrap();
        assert_eq!(
            entries,
            vec![
                TimelineEntry {
                    what: "Requested".into(),
                    light: LightVariant::Notice,
                    organization: "Initech".into(),
                    person: Some("Ian".into()),
                    at: 10,
                    reason: None,
                },
                TimelineEntry {
                    what: "Rejected".into(),
                    light: LightVariant::Negative,
                    organization: "Globex Corp".into(),
                    person: Some("Gail".into()),
                    at: 20,
                    reason: Some("Not now".into()),
                },
            ]
        );
    }

    #[test]
    fn unknown_people_orgs_and_actions_are_shown_as_sent() {
        let history = r#"[{"actionTakenBy":null,"actionTakenByName":"","actionTakenByImsOrgID":"0000@AdobeOrg","action":"SOMETHING_NEW","actionTimeStamp":5,"reason":"  "}]"#;
        let entries = timeline(&record(Some(history))).unwrap();
        assert_eq!(entries[0].what, "Something new");
        assert_eq!(entries[0].organization, "0000@AdobeOrg");
        assert_eq!(entries[0].person, None);
        assert_eq!(entries[0].reason, None);
    }

    #[test]
    fn cancellation_reads_as_cancelled() {
        let history = format!(
            r#"[{{"actionTakenBy":null,"actionTakenByName":null,"actionTakenByImsOrgID":"{INITECH}","action":"CANCELLED","actionTimeStamp":5,"reason":"Project over"}}]"#
        );
        let entries = timeline(&record(Some(&history))).unwrap();
        assert_eq!(entries[0].what, "Cancelled");
        assert_eq!(entries[0].reason.as_deref(), Some("Project over"));
    }

    #[test]
    fn the_bulk_create_name_is_used_for_the_source() {
        let mut created = record(Some(&format!(
            r#"[{{"actionTakenBy":null,"actionTakenByName":null,"actionTakenByImsOrgID":"{INITECH}","action":"INITIATED","actionTimeStamp":1}}]"#
        )));
        created.source_org_name = None;
        created.source_ims_org_name = Some("Initech Inc".into());
        assert_eq!(timeline(&created).unwrap()[0].organization, "Initech Inc");
    }

    #[test]
    fn a_missing_history_is_empty_and_a_malformed_one_unavailable() {
        assert_eq!(timeline(&record(None)), Ok(vec![]));
        assert_eq!(timeline(&record(Some("[{"))), Err(HistoryUnavailable));
        assert_eq!(
            timeline(&record(Some("{\"a\":1}"))),
            Err(HistoryUnavailable)
        );
    }
}
