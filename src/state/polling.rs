//! When Sharing Status refreshes itself, and what it announces.

use exim_api::{TransferRecord, TransferStatus};

use super::status::status_label;
use crate::i18n::keys::sharing as k;
use crate::i18n::tf;

/// Refresh interval while something is still running.
pub const POLL_INTERVAL_MS: f64 = 5_000.0;
const MAX_BACKOFF_MS: f64 = 60_000.0;

/// Delay before retrying after `failures` consecutive failed refreshes: 5, 10, 20, 40, then 60 s.
pub fn backoff_ms(failures: u32) -> f64 {
    let doublings = failures.saturating_sub(1).min(16);
    (POLL_INTERVAL_MS * f64::from(1u32 << doublings)).min(MAX_BACKOFF_MS)
}

/// A transfer that has not finished yet.
pub fn is_running(status: &TransferStatus) -> bool {
    matches!(status, TransferStatus::Pending | TransferStatus::InProgress)
}

/// Whether the page must keep refreshing: some visible row is still running.
pub fn any_running(rows: &[TransferRecord]) -> bool {
    rows.iter().any(|row| is_running(&row.status))
}

/// One sentence per row whose status changed between two refreshes of the same page,
/// e.g. "acme-journeys to Globex Corp: completed".
pub fn status_changes(before: &[TransferRecord], after: &[TransferRecord]) -> Vec<String> {
    after
        .iter()
        .filter_map(|row| {
            let previous = before.iter().find(|old| old.id == row.id)?;
            (previous.status != row.status).then(|| {
                tf(
                    k::STATUS_CHANGED,
                    &[
                        (
                            "package",
                            row.package_name.as_deref().unwrap_or(&row.package_id),
                        ),
                        (
                            "org",
                            row.target_org_name
                                .as_deref()
                                .unwrap_or(&row.target_ims_org_id),
                        ),
                        ("status", &lower_first(&status_label(row.status.as_str()))),
                    ],
                )
            })
        })
        .collect()
}

/// A status word inside a sentence: only its first letter lowered, so that German nouns keep
/// their capitals ("in Bearbeitung").
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transfer(id: &str, status: &str) -> TransferRecord {
        serde_json::from_value(serde_json::json!({
            "id": id, "createdDate": 1, "sourceIMSOrgId": "S", "targetIMSOrgId": "T",
            "targetOrgName": "Globex Corp", "packageId": "p", "packageName": "acme-journeys",
            "status": status, "initiatedBy": "u", "requestType": "PRIVATE"
        }))
        .expect("a transfer")
    }

    #[test]
    fn backoff_doubles_from_five_seconds_up_to_a_minute() {
        let delays: Vec<f64> = (1..=6).map(backoff_ms).collect();
        assert_eq!(
            delays,
            vec![5_000.0, 10_000.0, 20_000.0, 40_000.0, 60_000.0, 60_000.0]
        );
        assert_eq!(backoff_ms(1000), 60_000.0);
    }

    #[test]
    fn only_pending_and_in_progress_keep_polling() {
        assert!(any_running(&[
            transfer("a", "COMPLETED"),
            transfer("b", "IN_PROGRESS")
        ]));
        assert!(!any_running(&[
            transfer("a", "COMPLETED"),
            transfer("b", "FAILED")
        ]));
        assert!(!any_running(&[]));
    }

    #[test]
    fn changes_are_announced_once_per_changed_row() {
        let before = [transfer("a", "IN_PROGRESS"), transfer("b", "PENDING")];
        let after = [
            transfer("a", "COMPLETED"),
            transfer("b", "PENDING"),
            transfer("c", "FAILED"),
        ];
        assert_eq!(
            status_changes(&before, &after),
            vec!["acme-journeys to Globex Corp: completed"]
        );
    }

    #[test]
    fn a_status_in_a_sentence_keeps_the_capitals_after_its_first_letter() {
        assert_eq!(lower_first("In progress"), "in progress");
        assert_eq!(lower_first("In Bearbeitung"), "in Bearbeitung");
        assert_eq!(lower_first(""), "");
    }
}
