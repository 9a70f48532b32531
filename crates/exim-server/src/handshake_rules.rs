//! Who may answer a partnership request, and when (api-notes §9, §14): the target org
//! approves or rejects while the request is pending; either party cancels a pending or
//! approved partnership (our extension).

use exim_api::{HandshakeRecord, HandshakeStatus, StatusHistoryAction, StatusHistoryEntry};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::validate::shorten;

/// The answer a request asks for, refusing statuses nobody can set.
pub fn requested_answer(raw: &HandshakeStatus) -> Result<HandshakeStatus, ApiError> {
    match HandshakeStatus::parse(raw.as_str()) {
        status @ (HandshakeStatus::Approved
        | HandshakeStatus::Rejected
        | HandshakeStatus::Cancelled) => Ok(status),
        other => Err(ApiError::Invalid(format!(
            "status '{}' cannot be set; expected APPROVED, REJECTED or CANCELLED",
            shorten(other.as_str())
        ))),
    }
}

/// Checks that `caller_org` may give `answer` to `record` now.
pub fn ensure_may_answer(
    record: &HandshakeRecord,
    caller_org: &str,
    answer: &HandshakeStatus,
) -> Result<(), ApiError> {
    let current = &record.status;
    match answer {
        HandshakeStatus::Approved | HandshakeStatus::Rejected => {
            if caller_org != record.target_ims_org_id {
                return Err(ApiError::Conflict(format!(
                    "Only the target organization {} can answer partnership request {} with {answer}",
                    record.target_ims_org_id, record.linking_id
                )));
            }
            if *current != HandshakeStatus::ApprovalPending {
                return Err(ApiError::Conflict(format!(
                    "Partnership request {} is {current}; only APPROVAL_PENDING requests can be {}",
                    record.linking_id,
                    answer.as_str().to_ascii_lowercase()
                )));
            }
        }
        _ => {
            if !matches!(
                current,
                HandshakeStatus::ApprovalPending | HandshakeStatus::Approved
            ) {
                return Err(ApiError::Conflict(format!(
                    "Partnership request {} is {current}; only APPROVAL_PENDING and APPROVED partnerships can be cancelled",
                    record.linking_id
                )));
            }
        }
    }
    Ok(())
}

/// The history entry for an action taken by `caller`.
pub fn history_entry(
    caller: &Caller,
    action: StatusHistoryAction,
    at: i64,
    reason: Option<String>,
) -> StatusHistoryEntry {
    StatusHistoryEntry {
        action_taken_by: Some(caller.user.id.clone()),
        action_taken_by_name: Some(caller.user.display_name.clone()),
        action_taken_by_ims_org_id: caller.org.ims_org_id.clone(),
        action,
        action_time_stamp: at,
        reason,
    }
}

/// The history action recording an answer.
pub fn history_action(answer: &HandshakeStatus) -> StatusHistoryAction {
    match answer {
        HandshakeStatus::Approved => StatusHistoryAction::Approved,
        HandshakeStatus::Rejected => StatusHistoryAction::Rejected,
        _ => StatusHistoryAction::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "5C1328435BF324E90A49402A@AdobeOrg";
    const TARGET: &str = "745F37C35E4B776E0A49421B@AdobeOrg";

    fn record(status: HandshakeStatus) -> HandshakeRecord {
        HandshakeRecord {
            id: "0".repeat(32),
            version: Some(0),
            created_date: None,
            modified_date: None,
            created_by: None,
            modified_by: None,
            source_ims_org_id: SOURCE.into(),
            target_ims_org_id: TARGET.into(),
            source_region: None,
            target_region: None,
            source_ims_org_name: None,
            source_org_name: None,
            target_org_name: None,
            status,
            created_by_name: None,
            modified_by_name: None,
            modified_by_ims_org_id: None,
            status_history: None,
            linking_id: "link".into(),
        }
    }

    #[test]
    fn only_the_target_answers_and_only_once() {
        use HandshakeStatus::*;
        let pending = record(ApprovalPending);
        assert!(ensure_may_answer(&pending, TARGET, &Approved).is_ok());
        assert!(ensure_may_answer(&pending, TARGET, &Rejected).is_ok());
        assert!(ensure_may_answer(&pending, SOURCE, &Approved).is_err());
        assert!(ensure_may_answer(&record(Approved), TARGET, &Approved).is_err());
        assert!(ensure_may_answer(&record(Rejected), TARGET, &Approved).is_err());
    }

    #[test]
    fn either_party_cancels_a_live_partnership() {
        use HandshakeStatus::*;
        for org in [SOURCE, TARGET] {
            assert!(ensure_may_answer(&record(ApprovalPending), org, &Cancelled).is_ok());
            assert!(ensure_may_answer(&record(Approved), org, &Cancelled).is_ok());
            assert!(ensure_may_answer(&record(Rejected), org, &Cancelled).is_err());
            assert!(ensure_may_answer(&record(Cancelled), org, &Cancelled).is_err());
        }
    }

    #[test]
    fn pending_states_cannot_be_requested() {
        assert!(requested_answer(&HandshakeStatus::ApprovalPending).is_err());
        assert!(requested_answer(&HandshakeStatus::InProgress).is_err());
        assert!(requested_answer(&HandshakeStatus::Other("approved".into())).is_ok());
    }
}
