//! Transfers: private pushes and public pulls of a package to another org.

use exim_api::{TransferDetails, TransferRecord, TransferRequestType, TransferStatus};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::filter_sql::push_conditions;
use super::packages::clamp_to_i64;
use crate::query::{FieldKind, ListField, ListQuery, TransferField};

pub struct NewTransfer<'a> {
    pub id: &'a str,
    pub request_type: &'a TransferRequestType,
    pub source_org: &'a str,
    pub source_org_name: &'a str,
    pub target_org: &'a str,
    pub target_org_name: &'a str,
    pub package_id: &'a str,
    pub package_name: &'a str,
    pub created: i64,
    /// The user who asked; Platform names them both `createdBy` and `initiatedBy`.
    pub initiated_by: &'a str,
    pub pipeline_message_id: Option<&'a str>,
    /// When the worker takes the first step; `None` stores a finished transfer (demo data).
    pub first_step_at: Option<i64>,
}

pub fn insert_transfer(conn: &Connection, new: &NewTransfer) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO transfers (id, request_type, source_org, source_org_name, target_org,
                                target_org_name, package_id, package_name, status, created_date,
                                modified_date, created_by, modified_by, initiated_by,
                                pipeline_message_id, next_step_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?11, ?11, ?12, ?13)",
    )?
    .execute(params![
        new.id,
        new.request_type.as_str(),
        new.source_org,
        new.source_org_name,
        new.target_org,
        new.target_org_name,
        new.package_id,
        new.package_name,
        TransferStatus::Pending.as_str(),
        new.created,
        new.initiated_by,
        new.pipeline_message_id,
        new.first_step_at,
    ])?;
    Ok(())
}

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

/// The transfer with this id if `party_org` is its source or target.
pub fn find_for_party(
    conn: &Connection,
    id: &str,
    party_org: &str,
) -> rusqlite::Result<Option<TransferRecord>> {
    conn.prepare_cached(&format!(
        "{TRANSFER_SELECT} WHERE id = ?1 AND (source_org = ?2 OR target_org = ?2)"
    ))?
    .query_row([id, party_org], record_from_row)
    .optional()
}

/// One page of the transfers `ims_org_id` is party to, and the number of all matches.
///
/// The org's transfers are read as two arms, one per side, each served in list order by its
/// own index; SQLite merges the arms, so a page costs the rows before it, not a sort of all.
/// The page is chosen on row ids first and its rows fetched after, so that skipped rows are
/// never read in full.
pub fn list_transfers(
    conn: &Connection,
    ims_org_id: &str,
    request_type: Option<&TransferRequestType>,
    query: &ListQuery<TransferField>,
) -> rusqlite::Result<(u64, Vec<TransferRecord>)> {
    let mut filter = String::new();
    let mut filter_params = Vec::new();
    if let Some(request_type) = request_type {
        filter.push_str(" AND request_type = ?");
        filter_params.push(Value::Text(request_type.as_str().to_string()));
    }
    push_conditions(&mut filter, &mut filter_params, &query.filters, column);
    let org = Value::Text(ims_org_id.to_string());
    let mut params = vec![org.clone()];
    params.extend(filter_params.iter().cloned());
    params.extend([org.clone(), org]);
    params.extend(filter_params);

    let total: i64 = conn.query_row(
        &format!(
            "SELECT (SELECT COUNT(*) FROM transfers WHERE {OUTGOING}{filter})
                  + (SELECT COUNT(*) FROM transfers WHERE {INCOMING}{filter})"
        ),
        params_from_iter(&params),
        |row| row.get(0),
    )?;

    let sort_key = column(query.sort.field);
    let direction = if query.sort.descending { "DESC" } else { "ASC" };
    let collation = if query.sort.field.kind() == FieldKind::Text {
        " COLLATE NOCASE"
    } else {
        ""
    };
    let page_sql = format!(
        "SELECT rowid AS rid, {sort_key} AS sort_key FROM transfers WHERE {OUTGOING}{filter}
         UNION ALL
         SELECT rowid, {sort_key} FROM transfers WHERE {INCOMING}{filter}
         ORDER BY sort_key{collation} {direction}, rid {direction}
         LIMIT ? OFFSET ?"
    );
    params.push(Value::Integer(clamp_to_i64(query.page.limit)));
    params.push(Value::Integer(clamp_to_i64(query.page.start)));
    let row_ids = conn
        .prepare_cached(&page_sql)?
        .query_map(params_from_iter(&params), |row| row.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut fetch = conn.prepare_cached(&format!("{TRANSFER_SELECT} WHERE rowid = ?1"))?;
    let records = row_ids
        .into_iter()
        .map(|row_id| fetch.query_row([row_id], record_from_row))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total.unsigned_abs(), records))
}

/// The org as source; an org pulling its own public package counts once, as source.
const OUTGOING: &str = "source_org = ?";
const INCOMING: &str = "target_org = ? AND source_org <> ?";

fn column(field: TransferField) -> &'static str {
    match field {
        TransferField::Status => "status",
        TransferField::RequestType => "request_type",
        TransferField::PackageId => "package_id",
        TransferField::PackageName => "package_name",
        TransferField::SourceImsOrgId => "source_org",
        TransferField::TargetImsOrgId => "target_org",
        TransferField::SourceOrgName => "source_org_name",
        TransferField::TargetOrgName => "target_org_name",
        TransferField::CreatedDate => "created_date",
        TransferField::ModifiedDate => "modified_date",
        TransferField::CompletedTime => "completed_time",
    }
}

const TRANSFER_SELECT: &str =
    "SELECT id, version, created_date, modified_date, created_by, modified_by, source_org,
            source_org_name, target_org, target_org_name, package_id, package_name, status,
            initiated_by, completed_time, pipeline_message_id, messages, additional_metadata,
            request_type
     FROM transfers";

fn record_from_row(row: &Row<'_>) -> rusqlite::Result<TransferRecord> {
    let messages: String = row.get(16)?;
    let additional_metadata: Option<String> = row.get(17)?;
    Ok(TransferRecord {
        id: row.get(0)?,
        version: Some(row.get(1)?),
        created_date: row.get(2)?,
        modified_date: Some(row.get(3)?),
        created_by: Some(row.get(4)?),
        modified_by: Some(row.get(5)?),
        source_ims_org_id: row.get(6)?,
        source_org_name: Some(row.get(7)?),
        target_ims_org_id: row.get(8)?,
        target_org_name: Some(row.get(9)?),
        package_id: row.get(10)?,
        package_name: Some(row.get(11)?),
        status: TransferStatus::parse(&row.get::<_, String>(12)?),
        initiated_by: row.get(13)?,
        completed_time: row.get(14)?,
        pipeline_message_id: row.get(15)?,
        transfer_details: Some(TransferDetails {
            messages: serde_json::from_str(&messages).unwrap_or_default(),
            additional_metadata: additional_metadata
                .and_then(|text| serde_json::from_str(&text).ok()),
        }),
        request_type: TransferRequestType::parse(&row.get::<_, String>(18)?),
    })
}

/// A transfer whose next step is due, as the worker needs it.
pub struct DueTransfer {
    pub id: String,
    pub package_id: String,
    pub package_name: String,
    pub target_org: String,
    pub initiated_by: String,
    pub step: i64,
    pub messages: Vec<String>,
}

pub fn due_transfers(conn: &Connection, now: i64) -> rusqlite::Result<Vec<DueTransfer>> {
    conn.prepare_cached(
        "SELECT id, package_id, package_name, target_org, initiated_by, step, messages
         FROM transfers WHERE next_step_at IS NOT NULL AND next_step_at <= ?1
         ORDER BY next_step_at, id",
    )?
    .query_map([now], |row| {
        let messages: String = row.get(6)?;
        Ok(DueTransfer {
            id: row.get(0)?,
            package_id: row.get(1)?,
            package_name: row.get(2)?,
            target_org: row.get(3)?,
            initiated_by: row.get(4)?,
            step: row.get(5)?,
            messages: serde_json::from_str(&messages).unwrap_or_default(),
        })
    })?
    .collect()
}

/// A step taken: the transfer's new state. `next_step_at: None` finishes it.
pub struct Step<'a> {
    pub status: &'a TransferStatus,
    pub messages: &'a [String],
    pub at: i64,
    pub next_step_at: Option<i64>,
    pub completed_time: Option<i64>,
    pub additional_metadata: Option<String>,
    pub copied_package_id: Option<&'a str>,
}

pub fn record_step(conn: &Connection, id: &str, step: &Step) -> rusqlite::Result<()> {
    let messages = serde_json::to_string(step.messages)
        .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))?;
    conn.prepare_cached(
        "UPDATE transfers
         SET status = ?2, messages = ?3, modified_date = ?4, version = version + 1,
             step = step + 1, next_step_at = ?5, completed_time = ?6,
             additional_metadata = ?7, copied_package_id = ?8
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        step.status.as_str(),
        messages,
        step.at,
        step.next_step_at,
        step.completed_time,
        step.additional_metadata,
        step.copied_package_id,
    ])?;
    Ok(())
}

/// When the earliest pending step of any transfer is due.
pub fn next_due_transfer(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT MIN(next_step_at) FROM transfers WHERE next_step_at IS NOT NULL")?
        .query_row([], |row| row.get(0))
}
