//! The objects living in each sandbox (journeys, audiences, schemas, …): what imports
//! conflict with, reuse and create, what authors pick artifacts from, and which objects
//! depend on which.

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::packages::clamp_to_i64;
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
        params![
            sandbox.ims_org_id,
            sandbox.sandbox_name,
            artifact_type,
            title
        ],
        object_from_row,
    )
    .optional()
}

/// What a list of a sandbox's objects asks for.
pub struct ObjectQuery<'a> {
    /// Upper case, as types are stored.
    pub artifact_type: Option<&'a str>,
    /// Part of the title or of the id, in any (ASCII) case.
    pub search: Option<&'a str>,
    pub start: u64,
    pub limit: u64,
}

/// One page of the sandbox's objects matching `query`, by type, title (ignoring case) and
/// id, and the number of all matches.
pub fn list_objects(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    query: &ObjectQuery<'_>,
) -> rusqlite::Result<(u64, Vec<SandboxObject>)> {
    let mut conditions = String::from("ims_org_id = ? AND sandbox_name = ?");
    let mut params = vec![
        Value::Text(sandbox.ims_org_id.to_string()),
        Value::Text(sandbox.sandbox_name.to_string()),
    ];
    if let Some(artifact_type) = query.artifact_type {
        conditions.push_str(" AND artifact_type = ?");
        params.push(Value::Text(artifact_type.to_string()));
    }
    if let Some(search) = query.search {
        conditions.push_str(
            " AND (instr(lower(title), lower(?)) > 0 OR instr(lower(object_id), lower(?)) > 0)",
        );
        params.push(Value::Text(search.to_string()));
        params.push(Value::Text(search.to_string()));
    }
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT COUNT(*) FROM sandbox_objects WHERE {conditions}"
        ))?
        .query_row(params_from_iter(&params), |row| row.get(0))?;
    params.push(Value::Integer(clamp_to_i64(query.limit)));
    params.push(Value::Integer(clamp_to_i64(query.start)));
    let objects = conn
        .prepare_cached(&format!(
            "SELECT object_id, artifact_type, title FROM sandbox_objects WHERE {conditions}
             ORDER BY artifact_type, title COLLATE NOCASE, object_id LIMIT ? OFFSET ?"
        ))?
        .query_map(params_from_iter(&params), object_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total.unsigned_abs(), objects))
}

/// Whether the sandbox holds an object with this id whose type is `artifact_type` (in any
/// case).
pub fn holds_object(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    artifact_type: &str,
    object_id: &str,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM sandbox_objects
                        WHERE ims_org_id = ?1 AND sandbox_name = ?2 AND object_id = ?3
                          AND artifact_type = ?4 COLLATE NOCASE)",
    )?
    .query_row(
        params![
            sandbox.ims_org_id,
            sandbox.sandbox_name,
            object_id,
            artifact_type
        ],
        |row| row.get(0),
    )
}

/// An object of a sandbox, named by type and id.
#[derive(Debug, Clone, Copy)]
pub struct ObjectKey<'a> {
    pub artifact_type: &'a str,
    pub id: &'a str,
}

/// Records that `object` depends on `depends_on`, both in `sandbox`; a known link is kept.
pub fn insert_dependency(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    object: ObjectKey<'_>,
    depends_on: ObjectKey<'_>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO object_dependencies (ims_org_id, sandbox_name, object_type,
                                                    object_id, depends_on_type, depends_on_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        sandbox.ims_org_id,
        sandbox.sandbox_name,
        object.artifact_type,
        object.id,
        depends_on.artifact_type,
        depends_on.id,
    ])?;
    Ok(())
}

/// The objects `object` depends on in the sandbox, by type, title and id. One that is not
/// (or no longer) in the sandbox is titled by its id.
pub fn dependencies_of(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    object: ObjectKey<'_>,
) -> rusqlite::Result<Vec<SandboxObject>> {
    conn.prepare_cached(
        "SELECT d.depends_on_id, d.depends_on_type, COALESCE(o.title, d.depends_on_id) AS title
         FROM object_dependencies d
         LEFT JOIN sandbox_objects o
           ON o.ims_org_id = d.ims_org_id AND o.sandbox_name = d.sandbox_name
          AND o.artifact_type = d.depends_on_type AND o.object_id = d.depends_on_id
         WHERE d.ims_org_id = ?1 AND d.sandbox_name = ?2 AND d.object_type = ?3
           AND d.object_id = ?4
         ORDER BY d.depends_on_type, title COLLATE NOCASE, d.depends_on_id",
    )?
    .query_map(
        params![
            sandbox.ims_org_id,
            sandbox.sandbox_name,
            object.artifact_type,
            object.id
        ],
        object_from_row,
    )?
    .collect()
}

fn object_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SandboxObject> {
    Ok(SandboxObject {
        id: row.get(0)?,
        artifact_type: row.get(1)?,
        title: row.get(2)?,
    })
}
