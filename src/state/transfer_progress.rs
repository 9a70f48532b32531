//! The progress stepper of a transfer, built from `transferDetails.messages`. Each documented
//! step is named in words an admin understands; Platform's own message stays beside it, so a
//! support ticket can quote it.

use exim_api::{TransferStatus, TRANSFER_PROGRESS_MESSAGES as STEPS};

use crate::i18n::keys::sharing as k;
use crate::i18n::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Done,
    Current,
    Failed,
    NotReached,
}

impl StepState {
    /// The step's style class.
    pub fn class(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Current => "in-progress",
            StepState::Failed => "failed",
            StepState::NotReached => "not-reached",
        }
    }

    /// The state in words, for screen readers.
    pub fn label(self) -> String {
        t(match self {
            StepState::Done => k::STEP_DONE,
            StepState::Current => k::STEP_CURRENT,
            StepState::Failed => k::STEP_FAILED,
            StepState::NotReached => k::STEP_NOT_REACHED,
        })
    }
}

/// A documented step in the user's words.
pub fn step_words(platform_message: &str) -> String {
    t(match platform_message {
        "Fetched Package" => k::STEP_FETCHED_PACKAGE,
        "Fetched Manifest" => k::STEP_FETCHED_MANIFEST,
        "Tenant Identified" => k::STEP_TENANT_IDENTIFIED,
        "Fetched Sandbox Id" => k::STEP_FETCHED_SANDBOX_ID,
        "Fetched Blob Files" => k::STEP_FETCHED_BLOB_FILES,
        "Message Published to Kafka" => k::STEP_MESSAGE_PUBLISHED,
        "Completed Transfer" => k::STEP_COMPLETED_TRANSFER,
        other => return other.to_string(),
    })
}

/// Each step with its state. A step is done when its message was reported; the first step
/// not reported is current while the transfer runs, and failed when the transfer failed.
pub fn steps(messages: &[String], status: &TransferStatus) -> Vec<(&'static str, StepState)> {
    let reported = |step: &str| messages.iter().any(|m| m.eq_ignore_ascii_case(step));
    let mut first_missing = true;
    STEPS
        .iter()
        .map(|step| {
            let state = if reported(step) {
                StepState::Done
            } else if first_missing {
                first_missing = false;
                match status {
                    TransferStatus::Failed => StepState::Failed,
                    TransferStatus::Pending | TransferStatus::InProgress => StepState::Current,
                    _ => StepState::NotReached,
                }
            } else {
                StepState::NotReached
            };
            (*step, state)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_step_has_words_of_its_own() {
        for step in STEPS {
            assert_ne!(step_words(step), step, "{step}");
        }
        assert_eq!(step_words("Fetched Blob Files"), "Copy the package files");
        assert_eq!(step_words("Something New"), "Something New");
    }

    fn messages(list: &[&str]) -> Vec<String> {
        list.iter().map(|m| m.to_string()).collect()
    }

    #[test]
    fn a_running_transfer_has_one_current_step() {
        let states = steps(
            &messages(&["Fetched Package", "Fetched Manifest"]),
            &TransferStatus::InProgress,
        );
        assert_eq!(states[1].1, StepState::Done);
        assert_eq!(states[2], ("Tenant Identified", StepState::Current));
        assert!(states[3..].iter().all(|(_, s)| *s == StepState::NotReached));
    }

    #[test]
    fn a_failed_transfer_marks_the_step_it_stopped_at() {
        let reported = messages(&STEPS[..4]);
        let states = steps(&reported, &TransferStatus::Failed);
        assert_eq!(states[4], ("Fetched Blob Files", StepState::Failed));
        assert_eq!(states[5].1, StepState::NotReached);
    }

    #[test]
    fn a_completed_transfer_is_all_done() {
        let reported = messages(&STEPS);
        assert!(steps(&reported, &TransferStatus::Completed)
            .iter()
            .all(|(_, s)| *s == StepState::Done));
    }
}
