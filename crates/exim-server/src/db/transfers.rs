//! Transfers: private pushes and public pulls of a package to another org.

use exim_api::TransferStatus;
use rusqlite::{params, Connection};

/// Whether a transfer of the package is still PENDING or IN_PROGRESS.
pub fn package_has_unfinished_transfers(
    conn: &Connection,
    package_id: &str,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM transfers WHERE package_id = ?1 AND status IN (?2, ?3))",
    )?
    .query_row(
        params![
            package_id,
            TransferStatus::Pending.as_str(),
            TransferStatus::InProgress.as_str()
        ],
        |row| row.get(0),
    )
}
