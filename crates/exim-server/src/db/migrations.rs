//! Schema migrations: numbered files in `migrations/`, applied in order. The number of
//! applied files is kept in `PRAGMA user_version`.

use rusqlite::Connection;

use super::error::OpenError;

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_directory_and_packages.sql"),
    include_str!("../../migrations/0002_history_jobs_partnerships_transfers.sql"),
    include_str!("../../migrations/0003_transfer_lists.sql"),
    include_str!("../../migrations/0004_sandbox_objects_and_imports.sql"),
    include_str!("../../migrations/0005_job_lists.sql"),
    include_str!("../../migrations/0006_object_dependencies_and_history.sql"),
    include_str!("../../migrations/0007_transfer_retries.sql"),
    include_str!("../../migrations/0008_transfers_between_two_orgs.sql"),
];

pub fn apply(conn: &mut Connection) -> Result<(), OpenError> {
    let supported = MIGRATIONS.len() as i64;
    let applied: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if applied > supported {
        return Err(OpenError::SchemaTooNew {
            found: applied,
            supported,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        // Each file and its version bump commit together, so a crash never half-applies one.
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
