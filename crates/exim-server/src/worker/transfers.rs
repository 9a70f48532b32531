//! Steps of a transfer (api-notes §14): PENDING → IN_PROGRESS, one progress message per
//! step, then COMPLETED with the target org's copy of the package, or FAILED at
//! "Fetched Blob Files" for packages that cannot be read.

use exim_api::TransferStatus;
use rusqlite::Connection;
use serde_json::json;

use super::package_copy::copy_for_target;
use crate::db::transfers::{record_step, DueTransfer, Step};

/// The documented progress messages, one per step.
pub use exim_api::TRANSFER_PROGRESS_MESSAGES as PROGRESS;

/// The step whose blob files broken packages do not have.
pub const BLOB_STEP: &str = "Fetched Blob Files";

/// The demo's package that always fails to share, besides any name containing `[fail]`.
const BROKEN_DEMO_PACKAGE: &str = "Broken journey bundle";

pub fn advance(
    conn: &Connection,
    transfer: &DueTransfer,
    now: i64,
    step_ms: i64,
) -> rusqlite::Result<()> {
    let mut messages = transfer.messages.clone();
    let done = usize::try_from(transfer.step).unwrap_or(usize::MAX);
    let Some(&next) = PROGRESS.get(done) else {
        return complete(conn, transfer, messages, now);
    };
    if next == BLOB_STEP && fails_to_share(&transfer.package_name) {
        return fail(
            conn,
            transfer,
            messages,
            now,
            blob_failure(&transfer.package_name),
        );
    }
    messages.push(next.to_string());
    record_step(
        conn,
        &transfer.id,
        &Step {
            status: &TransferStatus::InProgress,
            messages: &messages,
            at: now,
            next_step_at: Some(now + step_ms),
            completed_time: None,
            additional_metadata: None,
            copied_package_id: None,
        },
    )
}

/// The `additionalMetadata` of a transfer that failed at [`BLOB_STEP`].
pub fn blob_failure(package_name: &str) -> serde_json::Value {
    json!({
        "errorCode": "BLOB_FETCH_FAILED",
        "errorMessage": format!(
            "Could not fetch the blob files of package '{package_name}': one of its artifacts \
             no longer exists in the source sandbox"
        ),
    })
}

/// Deterministic failures, so that error paths can be demonstrated and tested.
pub fn fails_to_share(package_name: &str) -> bool {
    package_name.to_ascii_lowercase().contains("[fail]") || package_name == BROKEN_DEMO_PACKAGE
}

/// Finishes the transfer and gives the target org its copy, in the same transaction.
fn complete(
    conn: &Connection,
    transfer: &DueTransfer,
    mut messages: Vec<String>,
    now: i64,
) -> rusqlite::Result<()> {
    let Some(copy_id) = copy_for_target(conn, transfer, now)? else {
        let details = json!({
            "errorCode": "PACKAGE_GONE",
            "errorMessage": format!(
                "Package '{}' no longer exists in the source organization",
                transfer.package_name
            ),
        });
        return fail(conn, transfer, messages, now, details);
    };
    messages.push(format!(
        "Finished with status: {}",
        TransferStatus::Completed
    ));
    record_step(
        conn,
        &transfer.id,
        &Step {
            status: &TransferStatus::Completed,
            messages: &messages,
            at: now,
            next_step_at: None,
            completed_time: Some(now),
            additional_metadata: None,
            copied_package_id: Some(&copy_id),
        },
    )
}

fn fail(
    conn: &Connection,
    transfer: &DueTransfer,
    mut messages: Vec<String>,
    now: i64,
    details: serde_json::Value,
) -> rusqlite::Result<()> {
    messages.push(format!("Finished with status: {}", TransferStatus::Failed));
    record_step(
        conn,
        &transfer.id,
        &Step {
            status: &TransferStatus::Failed,
            messages: &messages,
            at: now,
            next_step_at: None,
            completed_time: Some(now),
            additional_metadata: Some(details.to_string()),
            copied_package_id: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::fails_to_share;

    #[test]
    fn failing_packages_are_recognized() {
        assert!(fails_to_share("Broken journey bundle"));
        assert!(fails_to_share("Segments [FAIL] on purpose"));
        assert!(!fails_to_share("Loyalty tier segments"));
    }
}
