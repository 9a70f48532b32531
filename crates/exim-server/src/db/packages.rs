//! Packages and their artifacts.

use exim_api::{
    Artifact, Package, PackageStatus, PackageType, PackageVisibility, ReceivedFrom, SandboxRef,
};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde_json::Map;

use super::filter_sql::{order_by, push_conditions};
use super::package_history::ChangeDetails;
use crate::query::{ListQuery, PackageField};

/// A package to store, as the demo (and later the create endpoint) describes it.
#[derive(Debug, Clone)]
pub struct NewPackage {
    pub id: String,
    pub ims_org_id: String,
    pub sandbox_name: String,
    pub version: i64,
    pub name: String,
    pub description: Option<String>,
    pub package_type: PackageType,
    pub status: PackageStatus,
    /// `None` stores no visibility at all, like packages older than the feature.
    pub visibility: Option<PackageVisibility>,
    pub created_date: i64,
    pub modified_date: i64,
    pub created_by: String,
    pub modified_by: String,
    pub expiry: Option<i64>,
    pub publish_date: Option<i64>,
    pub artifacts: Vec<Artifact>,
    /// Set on the copy a completed transfer makes; `org_name` is read from the directory.
    pub received_from: Option<ReceivedFrom>,
}

pub fn insert_package(conn: &Connection, package: &NewPackage) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO packages (id, ims_org_id, sandbox_name, version, name, description,
                               package_type, status, visibility, created_date, modified_date,
                               created_by, modified_by, expiry, publish_date,
                               received_from_org, received_from_package,
                               received_by_transfer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18)",
        params![
            package.id,
            package.ims_org_id,
            package.sandbox_name,
            package.version,
            package.name,
            package.description,
            package.package_type.as_str(),
            package.status.as_str(),
            package.visibility.as_ref().map(PackageVisibility::as_str),
            package.created_date,
            package.modified_date,
            package.created_by,
            package.modified_by,
            package.expiry,
            package.publish_date,
            package.received_from.as_ref().map(|from| &from.ims_org_id),
            package
                .received_from
                .as_ref()
                .and_then(|from| from.package_id.as_ref()),
            package
                .received_from
                .as_ref()
                .and_then(|from| from.transfer_id.as_ref()),
        ],
    )?;
    let mut insert_artifact = conn.prepare_cached(
        "INSERT INTO package_artifacts (package_id, position, artifact_id, artifact_type, title,
                                        found, count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, artifact) in package.artifacts.iter().enumerate() {
        insert_artifact.execute(params![
            package.id,
            position as i64,
            artifact.id,
            artifact.artifact_type,
            artifact.title,
            artifact.found,
            artifact.count,
        ])?;
    }
    Ok(())
}

/// One page of the org's packages matching `query`, and the number of all matches.
pub fn list_packages(
    conn: &Connection,
    ims_org_id: &str,
    query: &ListQuery<PackageField>,
) -> rusqlite::Result<(u64, Vec<Package>)> {
    let mut conditions = String::from("p.ims_org_id = ?");
    let mut params = vec![Value::Text(ims_org_id.to_string())];
    push_conditions(&mut conditions, &mut params, &query.filters, column);

    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM packages p WHERE {conditions}"),
        params_from_iter(&params),
        |row| row.get(0),
    )?;

    let sql = format!(
        "{PACKAGE_SELECT} WHERE {conditions}{} LIMIT ? OFFSET ?",
        order_by(query.sort, column, "p.id")
    );
    params.push(Value::Integer(clamp_to_i64(query.page.limit)));
    params.push(Value::Integer(clamp_to_i64(query.page.start)));
    let mut packages = conn
        .prepare(&sql)?
        .query_map(params_from_iter(&params), package_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for package in &mut packages {
        package.artifacts_list = Some(artifacts_of(conn, &package.id)?);
    }
    Ok((total.unsigned_abs(), packages))
}

/// The org's package with this id; another org's package is not found.
pub fn find_package(
    conn: &Connection,
    ims_org_id: &str,
    id: &str,
) -> rusqlite::Result<Option<Package>> {
    Ok(find_any_package(conn, id)?
        .filter(|package| package.ims_org_id.as_deref() == Some(ims_org_id)))
}

/// The SQL expression behind each list field.
fn column(field: PackageField) -> &'static str {
    match field {
        PackageField::Name => "p.name",
        PackageField::Status => "p.status",
        PackageField::PackageVisibility => "COALESCE(p.visibility, 'PRIVATE')",
        PackageField::PackageType => "p.package_type",
        PackageField::SourceSandboxName => "p.sandbox_name",
        PackageField::CreatedDate => "p.created_date",
        PackageField::ModifiedDate => "p.modified_date",
        PackageField::Expiry => "p.expiry",
        PackageField::ReceivedFromImsOrgId => "p.received_from_org",
        PackageField::Received => {
            "CASE WHEN p.received_from_org IS NULL THEN 'FALSE' ELSE 'TRUE' END"
        }
    }
}

const PACKAGE_SELECT: &str =
    "SELECT p.id, p.version, p.created_date, p.modified_date, p.created_by, p.modified_by,
            p.name, p.description, p.ims_org_id, p.sandbox_name, p.package_type, p.expiry,
            p.publish_date, p.status, p.visibility, o.tenant_id, p.received_from_org,
            r.name, p.received_from_package, p.received_by_transfer
     FROM packages p JOIN orgs o ON o.ims_org_id = p.ims_org_id
     LEFT JOIN orgs r ON r.ims_org_id = p.received_from_org";

fn package_from_row(row: &Row<'_>) -> rusqlite::Result<Package> {
    let ims_org_id: String = row.get(8)?;
    let mut extra = Map::new();
    extra.insert("tenantId".into(), row.get::<_, String>(15)?.into());
    Ok(Package {
        id: row.get(0)?,
        version: row.get(1)?,
        created_date: row.get(2)?,
        modified_date: row.get(3)?,
        created_by: row.get(4)?,
        modified_by: row.get(5)?,
        name: row.get(6)?,
        description: row.get(7)?,
        source_sandbox: Some(SandboxRef {
            name: row.get(9)?,
            ims_org_id: ims_org_id.clone(),
            empty: None,
        }),
        ims_org_id: Some(ims_org_id),
        package_type: Some(PackageType::parse(&row.get::<_, String>(10)?)),
        expiry: row.get(11)?,
        publish_date: row.get(12)?,
        status: Some(PackageStatus::parse(&row.get::<_, String>(13)?)),
        package_visibility: row
            .get::<_, Option<String>>(14)?
            .map(|raw| PackageVisibility::parse(&raw)),
        artifacts_list: None,
        received_from: row
            .get::<_, Option<String>>(16)?
            .map(|ims_org_id| -> rusqlite::Result<ReceivedFrom> {
                Ok(ReceivedFrom {
                    ims_org_id,
                    org_name: row.get(17)?,
                    package_id: row.get(18)?,
                    transfer_id: row.get(19)?,
                })
            })
            .transpose()?,
        extra,
    })
}

fn artifacts_of(conn: &Connection, package_id: &str) -> rusqlite::Result<Vec<Artifact>> {
    conn.prepare_cached(
        "SELECT artifact_id, artifact_type, title, found, count
         FROM package_artifacts WHERE package_id = ?1 ORDER BY position",
    )?
    .query_map([package_id], |row| {
        Ok(Artifact {
            id: row.get(0)?,
            artifact_type: row.get(1)?,
            title: row.get(2)?,
            found: row.get(3)?,
            count: row.get(4)?,
            extra: Map::new(),
        })
    })?
    .collect()
}

/// SQLite integers are signed; offsets beyond that simply find nothing.
pub fn clamp_to_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// Whether another package of the org already has this name (compared case-insensitively).
pub fn name_in_use(
    conn: &Connection,
    ims_org_id: &str,
    name: &str,
    except_id: Option<&str>,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM packages
                        WHERE ims_org_id = ?1 AND name = ?2 COLLATE NOCASE
                          AND id IS NOT ?3)",
    )?
    .query_row(params![ims_org_id, name, except_id], |row| row.get(0))
}

/// Who changed a package, when, and how, for its version history.
pub struct Change<'a> {
    /// What was done: one of the `package_history::change` codes.
    pub what: &'a str,
    pub at: i64,
    pub by: &'a str,
    pub details: ChangeDetails,
}

/// Records that the package was just created at its current version.
pub fn record_creation(
    conn: &Connection,
    package_id: &str,
    change: &Change,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO package_versions (package_id, version, change, changed_date, changed_by,
                                       details)
         SELECT id, version, ?2, ?3, ?4, ?5 FROM packages WHERE id = ?1",
    )?
    .execute(params![
        package_id,
        change.what,
        change.at,
        change.by,
        change.details.encode()
    ])?;
    Ok(())
}

/// Records a change at a given version, for data loaded whole (the demo).
pub fn record_version(
    conn: &Connection,
    package_id: &str,
    version: i64,
    change: &Change,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO package_versions (package_id, version, change, changed_date, changed_by,
                                       details)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        package_id,
        version,
        change.what,
        change.at,
        change.by,
        change.details.encode()
    ])?;
    Ok(())
}

/// Bumps the package's version, stamps the change and records it in the history.
pub fn record_change(conn: &Connection, package_id: &str, change: &Change) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE packages SET version = version + 1, modified_date = ?2, modified_by = ?3
         WHERE id = ?1",
    )?
    .execute(params![package_id, change.at, change.by])?;
    record_creation(conn, package_id, change)
}

pub fn set_expiry(conn: &Connection, package_id: &str, expiry: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE packages SET expiry = ?2 WHERE id = ?1")?
        .execute(params![package_id, expiry])?;
    Ok(())
}

/// Appends artifacts after the package's current ones.
pub fn append_artifacts(
    conn: &Connection,
    package_id: &str,
    artifacts: &[Artifact],
) -> rusqlite::Result<()> {
    let next_position: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM package_artifacts WHERE package_id = ?1",
        )?
        .query_row([package_id], |row| row.get(0))?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO package_artifacts (package_id, position, artifact_id, artifact_type, title,
                                        found, count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (offset, artifact) in artifacts.iter().enumerate() {
        insert.execute(params![
            package_id,
            next_position + offset as i64,
            artifact.id,
            artifact.artifact_type,
            artifact.title,
            artifact.found,
            artifact.count,
        ])?;
    }
    Ok(())
}

pub fn remove_artifacts(
    conn: &Connection,
    package_id: &str,
    artifact_ids: &[String],
) -> rusqlite::Result<()> {
    let mut delete = conn.prepare_cached(
        "DELETE FROM package_artifacts WHERE package_id = ?1 AND artifact_id = ?2",
    )?;
    for artifact_id in artifact_ids {
        delete.execute(params![package_id, artifact_id])?;
    }
    Ok(())
}

/// Records whether publishing found the artifact in the package's sandbox.
pub fn set_artifact_found(
    conn: &Connection,
    package_id: &str,
    artifact_id: &str,
    found: bool,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE package_artifacts SET found = ?3, count = ?4
         WHERE package_id = ?1 AND artifact_id = ?2",
    )?
    .execute(params![package_id, artifact_id, found, i64::from(found)])?;
    Ok(())
}

/// Publishing resolved every artifact in the source sandbox.
pub fn mark_artifacts_found(conn: &Connection, package_id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE package_artifacts SET found = 1, count = 1 WHERE package_id = ?1")?
        .execute([package_id])?;
    Ok(())
}

pub fn set_metadata(
    conn: &Connection,
    package_id: &str,
    name: &str,
    description: Option<&str>,
    sandbox_name: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE packages SET name = ?2, description = ?3, sandbox_name = ?4 WHERE id = ?1",
    )?
    .execute(params![package_id, name, description, sandbox_name])?;
    Ok(())
}

pub fn set_visibility(
    conn: &Connection,
    package_id: &str,
    visibility: &PackageVisibility,
) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE packages SET visibility = ?2 WHERE id = ?1")?
        .execute(params![package_id, visibility.as_str()])?;
    Ok(())
}

pub fn set_status(
    conn: &Connection,
    package_id: &str,
    status: &PackageStatus,
) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE packages SET status = ?2 WHERE id = ?1")?
        .execute(params![package_id, status.as_str()])?;
    Ok(())
}

/// Marks the package PUBLISHED at `at`, expiring `lifetime_ms` later.
pub fn set_published(
    conn: &Connection,
    package_id: &str,
    at: i64,
    lifetime_ms: i64,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE packages SET status = ?2, publish_date = ?3, expiry = ?3 + ?4 WHERE id = ?1",
    )?
    .execute(params![
        package_id,
        PackageStatus::Published.as_str(),
        at,
        lifetime_ms
    ])?;
    mark_artifacts_found(conn, package_id)
}

pub fn delete_package(conn: &Connection, package_id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM packages WHERE id = ?1")?
        .execute([package_id])?;
    Ok(())
}

/// Any org's package with this id, for operations that cross orgs (public pulls, transfers).
pub fn find_any_package(conn: &Connection, id: &str) -> rusqlite::Result<Option<Package>> {
    let package = conn
        .prepare_cached(&format!("{PACKAGE_SELECT} WHERE p.id = ?1"))?
        .query_row([id], package_from_row)
        .optional()?;
    let Some(mut package) = package else {
        return Ok(None);
    };
    package.artifacts_list = Some(artifacts_of(conn, &package.id)?);
    Ok(Some(package))
}
