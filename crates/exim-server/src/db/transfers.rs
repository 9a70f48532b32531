//! Transfers: private pushes and public pulls of a package to another org.

use exim_api::{TransferDetails, TransferRecord, TransferRequestType, TransferStatus};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::filter_sql::{order_by, push_conditions};
use super::packages::clamp_to_i64;
use super::page_window::PageWindow;
use crate::query::{FilterValue, ListQuery, Operator, Sort, TransferField};

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
    /// The failed transfer this one makes again (local extension).
    pub retry_of: Option<&'a str>,
}

pub fn insert_transfer(conn: &Connection, new: &NewTransfer) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO transfers (id, request_type, source_org, source_org_name, target_org,
                                target_org_name, package_id, package_name, status, created_date,
                                modified_date, created_by, modified_by, initiated_by,
                                pipeline_message_id, next_step_at, retry_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?11, ?11, ?12, ?13, ?14)",
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
        new.retry_of,
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
    .map(|found| found.map(|record| as_seen_by(record, party_org)))
}

/// One page of the transfers `ims_org_id` is party to, and the number of all matches.
///
/// Counting and paging run on `transfer_parties` (one row per party, in list order, with
/// the common filter columns); the transfers themselves are joined only for filters and
/// sorts on their other columns, and read in full only for the page.
pub fn list_transfers(
    conn: &Connection,
    ims_org_id: &str,
    request_type: Option<&TransferRequestType>,
    query: &ListQuery<TransferField>,
) -> rusqlite::Result<(u64, Vec<TransferRecord>)> {
    let needs_transfers = query
        .filters
        .iter()
        .map(|filter| filter.field)
        .chain([query.sort.field])
        .any(|field| column(field).1 == Table::Transfers);
    let from = if needs_transfers {
        "transfer_parties p JOIN transfers t ON t.id = p.transfer_id"
    } else {
        "transfer_parties p"
    };
    let mut conditions = String::from("p.org_id = ?");
    let mut params = vec![Value::Text(ims_org_id.to_string())];
    if let Some(request_type) = request_type {
        conditions.push_str(" AND p.request_type = ?");
        params.push(Value::Text(request_type.as_str().to_string()));
    }
    let (searches, filters): (Vec<_>, Vec<_>) = query.filters.iter().cloned().partition(|filter| {
        filter.field == TransferField::PackageName && filter.operator == Operator::Contains
    });
    for search in searches {
        for value in search.values {
            if let FilterValue::Text(text) = value {
                conditions.push_str(
                    " AND p.package_name IN (SELECT name FROM transfer_package_names
                                             WHERE instr(lower(name), lower(?)) > 0)",
                );
                params.push(Value::Text(text));
            }
        }
    }
    push_conditions(&mut conditions, &mut params, &filters, |field| {
        column(field).0
    });

    let total = count(
        conn,
        ims_org_id,
        request_type,
        query,
        from,
        &conditions,
        &params,
    )?;
    let window = PageWindow::new(query.page.start, query.page.limit, total);
    let sort = Sort {
        descending: query.sort.descending != window.reversed,
        ..query.sort
    };
    let page_sql = format!(
        "SELECT p.transfer_id FROM {from} WHERE {conditions}{} LIMIT ? OFFSET ?",
        order_by(sort, |field| column(field).0, "p.transfer_id")
    );
    params.push(Value::Integer(clamp_to_i64(window.limit)));
    params.push(Value::Integer(clamp_to_i64(window.offset)));
    let mut ids = conn
        .prepare_cached(&page_sql)?
        .query_map(params_from_iter(&params), |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if window.reversed {
        ids.reverse();
    }

    let mut fetch = conn.prepare_cached(&format!("{TRANSFER_SELECT} WHERE id = ?1"))?;
    let records = ids
        .iter()
        .map(|id| {
            fetch
                .query_row([id], record_from_row)
                .map(|record| as_seen_by(record, ims_org_id))
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total, records))
}

/// How many transfers match. Filters on status and request type only are answered from
/// `transfer_counts`; others count the matching party rows.
fn count(
    conn: &Connection,
    ims_org_id: &str,
    request_type: Option<&TransferRequestType>,
    query: &ListQuery<TransferField>,
    from: &str,
    conditions: &str,
    params: &[Value],
) -> rusqlite::Result<u64> {
    let countable = query.filters.iter().all(|filter| {
        matches!(
            filter.field,
            TransferField::Status | TransferField::RequestType
        )
    });
    let total: i64 = if countable {
        let mut conditions = String::from("p.org_id = ?");
        let mut params = vec![Value::Text(ims_org_id.to_string())];
        if let Some(request_type) = request_type {
            conditions.push_str(" AND p.request_type = ?");
            params.push(Value::Text(request_type.as_str().to_string()));
        }
        push_conditions(&mut conditions, &mut params, &query.filters, |field| {
            column(field).0
        });
        conn.prepare_cached(&format!(
            "SELECT COALESCE(SUM(p.n), 0) FROM transfer_counts p WHERE {conditions}"
        ))?
        .query_row(params_from_iter(&params), |row| row.get(0))?
    } else {
        conn.prepare_cached(&format!("SELECT COUNT(*) FROM {from} WHERE {conditions}"))?
            .query_row(params_from_iter(params), |row| row.get(0))?
    };
    Ok(total.unsigned_abs())
}

/// Where a list field lives: `transfer_parties` (alias `p`) or `transfers` (alias `t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Parties,
    Transfers,
}

fn column(field: TransferField) -> (&'static str, Table) {
    match field {
        TransferField::Id => ("p.transfer_id", Table::Parties),
        TransferField::Status => ("p.status", Table::Parties),
        TransferField::RequestType => ("p.request_type", Table::Parties),
        TransferField::PackageName => ("p.package_name", Table::Parties),
        TransferField::CreatedDate => ("p.created_date", Table::Parties),
        TransferField::PackageId => ("t.package_id", Table::Transfers),
        TransferField::SourceImsOrgId => ("p.source_org", Table::Parties),
        TransferField::TargetImsOrgId => ("p.target_org", Table::Parties),
        TransferField::SourceOrgName => ("t.source_org_name", Table::Transfers),
        TransferField::TargetOrgName => ("t.target_org_name", Table::Transfers),
        TransferField::ModifiedDate => ("t.modified_date", Table::Transfers),
        TransferField::CompletedTime => ("t.completed_time", Table::Transfers),
    }
}

const TRANSFER_SELECT: &str =
    "SELECT id, version, created_date, modified_date, created_by, modified_by, source_org,
            source_org_name, target_org, target_org_name, package_id, package_name, status,
            initiated_by, completed_time, pipeline_message_id, messages, additional_metadata,
            request_type, copied_package_id, retry_of,
            (SELECT retry.id FROM transfers retry WHERE retry.retry_of = transfers.id)
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
        target_package_id: row.get(19)?,
        retry_of: row.get(20)?,
        retried_by: row.get(21)?,
    })
}

/// The record as `viewer_org` may see it: the target org's copy (`targetPackageId`) is the
/// target's own business, so the source org does not learn its id.
fn as_seen_by(mut record: TransferRecord, viewer_org: &str) -> TransferRecord {
    if record.target_ims_org_id != viewer_org {
        record.target_package_id = None;
    }
    record
}

/// A transfer whose next step is due, as the worker needs it.
pub struct DueTransfer {
    pub id: String,
    pub package_id: String,
    pub package_name: String,
    pub source_org: String,
    pub target_org: String,
    pub initiated_by: String,
    pub step: i64,
    pub messages: Vec<String>,
}

pub fn due_transfers(conn: &Connection, now: i64) -> rusqlite::Result<Vec<DueTransfer>> {
    conn.prepare_cached(
        "SELECT id, package_id, package_name, target_org, initiated_by, step, messages,
                source_org
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
            source_org: row.get(7)?,
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
