//! What an IMPORT job did with each artifact of its package (`objectResults`).

use exim_api::{ObjectOutcome, ObjectResult};
use rusqlite::{params, Connection};

/// Records the job's result for the artifact at `position` of its package.
pub fn insert_object_result(
    conn: &Connection,
    job_id: &str,
    position: usize,
    result: &ObjectResult,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO job_object_results (job_id, position, artifact_id, artifact_type, title,
                                         outcome, object_id, message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        job_id,
        i64::try_from(position).unwrap_or(i64::MAX),
        result.artifact_id,
        result.artifact_type,
        result.title,
        result.outcome.as_str(),
        result.object_id,
        result.message,
    ])?;
    Ok(())
}

/// The job's results in the order of the package's artifacts.
pub fn object_results(conn: &Connection, job_id: &str) -> rusqlite::Result<Vec<ObjectResult>> {
    conn.prepare_cached(
        "SELECT artifact_id, artifact_type, title, outcome, object_id, message
         FROM job_object_results WHERE job_id = ?1 ORDER BY position",
    )?
    .query_map([job_id], |row| {
        Ok(ObjectResult {
            artifact_id: row.get(0)?,
            artifact_type: row.get(1)?,
            title: row.get(2)?,
            outcome: ObjectOutcome::parse(&row.get::<_, String>(3)?),
            object_id: row.get(4)?,
            message: row.get(5)?,
        })
    })?
    .collect()
}
