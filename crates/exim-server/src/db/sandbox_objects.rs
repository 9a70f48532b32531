//! The objects living in each sandbox (journeys, audiences, schemas, …): what imports
//! conflict with, reuse and create.

use rusqlite::{params, Connection, OptionalExtension};

use crate::import_rules::SandboxObject;

/// Where an object lives.
#[derive(Debug, Clone, Copy)]
pub struct SandboxKey<'a> {
    pub ims_org_id: &'a str,
    pub sandbox_name: &'a str,
}

/// An object to store in a sandbox.
pub struct NewSandboxObject<'a> {
    pub object: &'a SandboxObject,
    pub created: i64,
    pub created_by: &'a str,
    /// The IMPORT job that made it, if any.
    pub created_by_job: Option<&'a str>,
}

/// Stores the object; an object already there under the same id and type is left as it is.
pub fn insert_object(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    new: &NewSandboxObject<'_>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO sandbox_objects (ims_org_id, sandbox_name, artifact_type,
                                                object_id, title, created, created_by,
                                                created_by_job)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        sandbox.ims_org_id,
        sandbox.sandbox_name,
        new.object.artifact_type,
        new.object.id,
        new.object.title,
        new.created,
        new.created_by,
        new.created_by_job,
    ])?;
    Ok(())
}

/// Every object of `artifact_type` in the sandbox, by id.
pub fn objects_of_type(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    artifact_type: &str,
) -> rusqlite::Result<Vec<SandboxObject>> {
    conn.prepare_cached(
        "SELECT object_id, artifact_type, title FROM sandbox_objects
         WHERE ims_org_id = ?1 AND sandbox_name = ?2 AND artifact_type = ?3
         ORDER BY object_id",
    )?
    .query_map(
        params![sandbox.ims_org_id, sandbox.sandbox_name, artifact_type],
        object_from_row,
    )?
    .collect()
}

/// The sandbox's object with this id, of any type.
pub fn find_object(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    object_id: &str,
) -> rusqlite::Result<Option<SandboxObject>> {
    conn.prepare_cached(
        "SELECT object_id, artifact_type, title FROM sandbox_objects
         WHERE ims_org_id = ?1 AND sandbox_name = ?2 AND object_id = ?3
         ORDER BY artifact_type LIMIT 1",
    )?
    .query_row(
        params![sandbox.ims_org_id, sandbox.sandbox_name, object_id],
        object_from_row,
    )
    .optional()
}

/// The sandbox's oldest object of this type whose title equals `title` ignoring case.
pub fn find_by_title(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    artifact_type: &str,
    title: &str,
) -> rusqlite::Result<Option<SandboxObject>> {
    conn.prepare_cached(
        "SELECT object_id, artifact_type, title FROM sandbox_objects
         WHERE ims_org_id = ?1 AND sandbox_name = ?2 AND artifact_type = ?3
           AND title = ?4 COLLATE NOCASE
         ORDER BY created, object_id LIMIT 1",
    )?
    .query_row(
        params![sandbox.ims_org_id, sandbox.sandbox_name, artifact_type, title],
        object_from_row,
    )
    .optional()
}

fn object_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SandboxObject> {
    Ok(SandboxObject {
        id: row.get(0)?,
        artifact_type: row.get(1)?,
        title: row.get(2)?,
    })
}
