//! A partnership record seen from the current org: who the partner is, what may be done with
//! it, and the `POST /handshake/action` body that does it.

use exim_api::{HandshakeActionRequest, HandshakeRecord, HandshakeStatus, TargetOrgDetails};

use super::partner_query::Direction;

/// The other party of a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub name: Option<String>,
    pub org_id: String,
    /// Known for a target once it has answered.
    pub region: Option<String>,
}

/// The target of an outgoing request, the source of an incoming one.
pub fn partner(record: &HandshakeRecord, direction: Direction) -> Partner {
    let (name, org_id, region) = match direction {
        Direction::Outgoing => (
            record.target_org_name.clone(),
            &record.target_ims_org_id,
            &record.target_region,
        ),
        Direction::Incoming => (
            record
                .source_org_name
                .clone()
                .or_else(|| record.source_ims_org_name.clone()),
            &record.source_ims_org_id,
            &record.source_region,
        ),
    };
    Partner {
        name: name.filter(|n| !n.trim().is_empty()),
        org_id: org_id.clone(),
        region: region.clone().filter(|r| !r.trim().is_empty()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAction {
    Accept,
    Decline,
    Cancel,
}

impl RowAction {
    /// The status the action asks for.
    pub fn status(self) -> HandshakeStatus {
        match self {
            RowAction::Accept => HandshakeStatus::Approved,
            RowAction::Decline => HandshakeStatus::Rejected,
            RowAction::Cancel => HandshakeStatus::Cancelled,
        }
    }
}

/// What Cancel ends: a request still waiting for its answer, or a partnership. Each has its
/// own words ("Cancel request", "Cancel partnership").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    Request,
    Partnership,
}

pub fn cancelled_thing(record: &HandshakeRecord) -> Cancelled {
    if record.status == HandshakeStatus::ApprovalPending {
        Cancelled::Request
    } else {
        Cancelled::Partnership
    }
}

/// Only the target answers a pending request; either side cancels a pending or approved one.
pub fn row_actions(record: &HandshakeRecord, direction: Direction) -> Vec<RowAction> {
    match (&record.status, direction) {
        (HandshakeStatus::ApprovalPending, Direction::Incoming) => {
            vec![RowAction::Accept, RowAction::Decline]
        }
        (HandshakeStatus::ApprovalPending, Direction::Outgoing)
        | (HandshakeStatus::Approved, _) => {
            vec![RowAction::Cancel]
        }
        _ => Vec::new(),
    }
}

/// The current org as it introduces itself when acting on a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnOrg {
    pub id: String,
    /// Empty for a Platform connection, where only the ID is configured.
    pub name: String,
    /// The region of the current sandbox, when the sandbox list said.
    pub region: Option<String>,
}

/// The action body. Platform calls the acting org `targetIMSOrgDetails` because only targets
/// answer; for a cancellation by the source it is the source. Name and region fall back to
/// what the record knows about our side.
pub fn action_request(
    record: &HandshakeRecord,
    action: RowAction,
    reason: &str,
    own: &OwnOrg,
) -> HandshakeActionRequest {
    let we_are_source = record.source_ims_org_id.eq_ignore_ascii_case(&own.id);
    let (recorded_name, recorded_region) = if we_are_source {
        (
            record
                .source_org_name
                .clone()
                .or_else(|| record.source_ims_org_name.clone()),
            record.source_region.clone(),
        )
    } else {
        (record.target_org_name.clone(), record.target_region.clone())
    };
    let name = Some(own.name.clone())
        .filter(|n| !n.trim().is_empty())
        .or(recorded_name)
        .unwrap_or_else(|| own.id.clone());
    let region = own
        .region
        .clone()
        .or(recorded_region)
        .unwrap_or_default()
        .to_ascii_lowercase();
    HandshakeActionRequest {
        linking_id: record.linking_id.clone(),
        status: action.status(),
        reason: reason.trim().to_string(),
        target_ims_org_details: TargetOrgDetails {
            id: own.id.clone(),
            name,
            region,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INITECH: &str = "2E63197465A811E70A494213@AdobeOrg";
    const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";

    fn record(status: &str) -> HandshakeRecord {
        serde_json::from_value(serde_json::json!({
            "id": "6c2ee3780fee4fbd9344e84ed2cb3fdf",
            "sourceIMSOrgId": INITECH,
            "targetIMSOrgId": GLOBEX,
            "sourceOrgName": "Initech",
            "targetOrgName": "Globex Corp",
            "sourceRegion": "nld2",
            "status": status,
            "linkingId": "fbbd61b7-e4f9-410d-856d-187dff4bbcb5"
        }))
        .unwrap()
    }

    #[test]
    fn the_partner_is_the_other_side() {
        let record = record("APPROVAL_PENDING");
        assert_eq!(
            partner(&record, Direction::Outgoing),
            Partner {
                name: Some("Globex Corp".into()),
                org_id: GLOBEX.into(),
                region: None,
            }
        );
        assert_eq!(
            partner(&record, Direction::Incoming),
            Partner {
                name: Some("Initech".into()),
                org_id: INITECH.into(),
                region: Some("nld2".into()),
            }
        );
    }

    #[test]
    fn a_fresh_bulk_record_names_its_source_differently() {
        let mut created = record("APPROVAL_PENDING");
        created.source_org_name = None;
        created.source_ims_org_name = Some("Initech Inc".into());
        assert_eq!(
            partner(&created, Direction::Incoming).name.as_deref(),
            Some("Initech Inc")
        );
    }

    #[test]
    fn actions_follow_who_may_do_what() {
        use RowAction::*;
        let cases = [
            (
                "APPROVAL_PENDING",
                Direction::Incoming,
                vec![Accept, Decline],
            ),
            ("APPROVAL_PENDING", Direction::Outgoing, vec![Cancel]),
            ("APPROVED", Direction::Incoming, vec![Cancel]),
            ("APPROVED", Direction::Outgoing, vec![Cancel]),
            ("REJECTED", Direction::Incoming, vec![]),
            ("CANCELLED", Direction::Outgoing, vec![]),
            ("SOMETHING_NEW", Direction::Outgoing, vec![]),
        ];
        for (status, direction, expected) in cases {
            assert_eq!(
                row_actions(&record(status), direction),
                expected,
                "{status} {direction:?}"
            );
        }
    }

    #[test]
    fn cancel_ends_a_request_or_a_partnership() {
        assert_eq!(
            cancelled_thing(&record("APPROVAL_PENDING")),
            Cancelled::Request
        );
        assert_eq!(cancelled_thing(&record("APPROVED")), Cancelled::Partnership);
    }

    #[test]
    fn the_target_answers_with_its_own_details() {
        let own = OwnOrg {
            id: GLOBEX.into(),
            name: "Globex Corp".into(),
            region: Some("VA6".into()),
        };
        let request = action_request(
            &record("APPROVAL_PENDING"),
            RowAction::Decline,
            "  Not now ",
            &own,
        );
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            serde_json::json!({
                "linkingID": "fbbd61b7-e4f9-410d-856d-187dff4bbcb5",
                "status": "REJECTED",
                "reason": "Not now",
                "targetIMSOrgDetails": {"id": GLOBEX, "name": "Globex Corp", "region": "va6"}
            })
        );
    }

    #[test]
    fn a_platform_source_cancels_with_what_the_record_knows() {
        let own = OwnOrg {
            id: INITECH.into(),
            name: String::new(),
            region: None,
        };
        let request = action_request(&record("APPROVED"), RowAction::Cancel, "", &own);
        assert_eq!(request.status, HandshakeStatus::Cancelled);
        assert_eq!(
            request.target_ims_org_details,
            TargetOrgDetails {
                id: INITECH.into(),
                name: "Initech".into(),
                region: "nld2".into(),
            }
        );
    }

    #[test]
    fn without_any_name_the_org_id_is_the_name() {
        let mut bare = record("APPROVAL_PENDING");
        bare.target_org_name = None;
        let own = OwnOrg {
            id: GLOBEX.into(),
            name: " ".into(),
            region: Some("va6".into()),
        };
        let request = action_request(&bare, RowAction::Accept, "", &own);
        assert_eq!(request.target_ims_org_details.name, GLOBEX);
    }
}
