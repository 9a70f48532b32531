//! What a package's history is read from: the changes recorded in `package_versions` (with
//! their details) and the transfers of the package.

use exim_api::{ArtifactRef, PackageVisibility, TransferRequestType, TransferStatus};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// The codes of `package_versions.change`, as written since the table exists.
pub mod change {
    pub const CREATE: &str = "CREATE";
    pub const ADD: &str = "ADD";
    pub const DELETE: &str = "DELETE";
    pub const UPDATE: &str = "UPDATE";
    pub const VISIBILITY: &str = "VISIBILITY";
    pub const PUBLISH: &str = "PUBLISH";
    pub const PUBLISHED: &str = "PUBLISHED";
    pub const PUBLISH_FAILED: &str = "PUBLISH_FAILED";
    /// The target org's copy made by a transfer.
    pub const COPY: &str = "COPY";
}

/// What a change did, stored as JSON in `package_versions.details`; every field is optional,
/// and rows older than the column have none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeDetails {
    /// Created with, added or removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifacts: Option<Vec<ArtifactRef>>,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new visibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<PackageVisibility>,
    /// The EXPORT job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    /// Why publishing failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl ChangeDetails {
    /// As stored: JSON, or NULL when there is nothing to say.
    pub fn encode(&self) -> Option<String> {
        (*self != ChangeDetails::default())
            .then(|| serde_json::to_string(self).expect("details hold strings only"))
    }

    fn decode(stored: Option<String>) -> ChangeDetails {
        stored
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }
}

/// One recorded change.
pub struct RecordedChange {
    pub what: String,
    pub at: i64,
    pub by: String,
    /// The author's display name, when the directory knows them.
    pub by_name: Option<String>,
    pub details: ChangeDetails,
}

/// The package's recorded changes, oldest first.
pub fn changes_of(conn: &Connection, package_id: &str) -> rusqlite::Result<Vec<RecordedChange>> {
    conn.prepare_cached(
        "SELECT v.change, v.changed_date, v.changed_by, u.display_name, v.details
         FROM package_versions v LEFT JOIN users u ON u.id = v.changed_by
         WHERE v.package_id = ?1 ORDER BY v.version",
    )?
    .query_map([package_id], |row| {
        Ok(RecordedChange {
            what: row.get(0)?,
            at: row.get(1)?,
            by: row.get(2)?,
            by_name: row.get(3)?,
            details: ChangeDetails::decode(row.get(4)?),
        })
    })?
    .collect()
}

/// A transfer of the package to another org.
pub struct PackageTransfer {
    pub id: String,
    pub request_type: TransferRequestType,
    pub target_org: String,
    pub target_org_name: String,
    pub status: TransferStatus,
    pub created: i64,
    pub initiated_by: String,
    pub initiated_by_name: Option<String>,
}

/// Every transfer of the package, oldest first.
pub fn transfers_of(conn: &Connection, package_id: &str) -> rusqlite::Result<Vec<PackageTransfer>> {
    conn.prepare_cached(
        "SELECT t.id, t.request_type, t.target_org, t.target_org_name, t.status,
                t.created_date, t.initiated_by, u.display_name
         FROM transfers t LEFT JOIN users u ON u.id = t.initiated_by
         WHERE t.package_id = ?1 ORDER BY t.created_date, t.id",
    )?
    .query_map([package_id], |row| {
        Ok(PackageTransfer {
            id: row.get(0)?,
            request_type: TransferRequestType::parse(&row.get::<_, String>(1)?),
            target_org: row.get(2)?,
            target_org_name: row.get(3)?,
            status: TransferStatus::parse(&row.get::<_, String>(4)?),
            created: row.get(5)?,
            initiated_by: row.get(6)?,
            initiated_by_name: row.get(7)?,
        })
    })?
    .collect()
}

/// The display name of a user, when the directory knows them.
pub fn display_name(conn: &Connection, user_id: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT display_name FROM users WHERE id = ?1")?
        .query_row(params![user_id], |row| row.get(0))
        .optional()
}
