//! Partnership requests ("handshakes") between a source org and a target org.

use exim_api::{HandshakeRecord, HandshakeStatus};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::filter_sql::{order_by, push_conditions};
use super::packages::clamp_to_i64;
use crate::query::{HandshakeField, ListQuery};

pub struct NewHandshake<'a> {
    pub id: &'a str,
    pub linking_id: &'a str,
    pub source_org: &'a str,
    pub target_org: &'a str,
    pub created_date: i64,
    pub created_by: &'a str,
    pub created_by_name: &'a str,
    pub status_history: &'a str,
}

pub fn insert_handshake(conn: &Connection, new: &NewHandshake) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO handshakes (id, linking_id, source_org, target_org, status, version,
                                 created_date, modified_date, created_by, created_by_name,
                                 modified_by, modified_by_name, modified_by_org, status_history)
         VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6, ?7, ?8, ?7, ?8, ?3, ?9)",
    )?
    .execute(params![
        new.id,
        new.linking_id,
        new.source_org,
        new.target_org,
        HandshakeStatus::ApprovalPending.as_str(),
        new.created_date,
        new.created_by,
        new.created_by_name,
        new.status_history,
    ])?;
    Ok(())
}

/// Whether a request from `source_org` to `target_org` is pending or approved.
pub fn open_request_exists(
    conn: &Connection,
    source_org: &str,
    target_org: &str,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM handshakes
                        WHERE source_org = ?1 AND target_org = ?2 AND status IN (?3, ?4))",
    )?
    .query_row(
        params![
            source_org,
            target_org,
            HandshakeStatus::ApprovalPending.as_str(),
            HandshakeStatus::Approved.as_str()
        ],
        |row| row.get(0),
    )
}

/// Whether `target_org` has approved `source_org`'s request (and nobody cancelled it).
pub fn partnership_approved(
    conn: &Connection,
    source_org: &str,
    target_org: &str,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM handshakes
                        WHERE source_org = ?1 AND target_org = ?2 AND status = ?3)",
    )?
    .query_row(
        params![source_org, target_org, HandshakeStatus::Approved.as_str()],
        |row| row.get(0),
    )
}

/// The record `party_org` is party to whose linking id (or, as some clients send, id) is
/// `link`.
pub fn find_for_party(
    conn: &Connection,
    link: &str,
    party_org: &str,
) -> rusqlite::Result<Option<HandshakeRecord>> {
    conn.prepare_cached(&format!(
        "{HANDSHAKE_SELECT} WHERE (h.linking_id = ?1 OR h.id = ?1)
                           AND (h.source_org = ?2 OR h.target_org = ?2)"
    ))?
    .query_row([link, party_org], record_from_row)
    .optional()
}

/// A new status and who set it.
pub struct Answer<'a> {
    pub status: &'a HandshakeStatus,
    pub at: i64,
    pub by: &'a str,
    pub by_name: &'a str,
    pub by_org: &'a str,
    pub target_region: Option<&'a str>,
    pub status_history: &'a str,
}

pub fn record_answer(conn: &Connection, id: &str, answer: &Answer) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE handshakes
         SET status = ?2, version = version + 1, modified_date = ?3, modified_by = ?4,
             modified_by_name = ?5, modified_by_org = ?6,
             target_region = COALESCE(?7, target_region), status_history = ?8
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        answer.status.as_str(),
        answer.at,
        answer.by,
        answer.by_name,
        answer.by_org,
        answer.target_region,
        answer.status_history,
    ])?;
    Ok(())
}

pub fn find_by_id(conn: &Connection, id: &str) -> rusqlite::Result<Option<HandshakeRecord>> {
    conn.prepare_cached(&format!("{HANDSHAKE_SELECT} WHERE h.id = ?1"))?
        .query_row([id], record_from_row)
        .optional()
}

/// Which side of the partnership the listing org is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Requests other orgs sent to the org.
    Incoming,
    /// Requests the org sent.
    Outgoing,
}

/// One page of the org's incoming or outgoing requests, and the number of all matches.
pub fn list_handshakes(
    conn: &Connection,
    ims_org_id: &str,
    side: Side,
    query: &ListQuery<HandshakeField>,
) -> rusqlite::Result<(u64, Vec<HandshakeRecord>)> {
    let mut conditions = String::from(match side {
        Side::Incoming => "h.target_org = ?",
        Side::Outgoing => "h.source_org = ?",
    });
    let mut params = vec![Value::Text(ims_org_id.to_string())];
    push_conditions(&mut conditions, &mut params, &query.filters, column);
    let total: i64 = conn.query_row(
        &format!("SELECT COUNT(*) {HANDSHAKE_FROM} WHERE {conditions}"),
        params_from_iter(&params),
        |row| row.get(0),
    )?;
    let sql = format!(
        "{HANDSHAKE_SELECT} WHERE {conditions}{} LIMIT ? OFFSET ?",
        order_by(query.sort, column, "h.id")
    );
    params.push(Value::Integer(clamp_to_i64(query.page.limit)));
    params.push(Value::Integer(clamp_to_i64(query.page.start)));
    let records = conn
        .prepare(&sql)?
        .query_map(params_from_iter(&params), record_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total.unsigned_abs(), records))
}

fn column(field: HandshakeField) -> &'static str {
    match field {
        HandshakeField::Status => "h.status",
        HandshakeField::SourceImsOrgId => "h.source_org",
        HandshakeField::TargetImsOrgId => "h.target_org",
        HandshakeField::SourceOrgName => "s.name",
        HandshakeField::TargetOrgName => "t.name",
        HandshakeField::CreatedDate => "h.created_date",
        HandshakeField::ModifiedDate => "h.modified_date",
    }
}

const HANDSHAKE_FROM: &str = "FROM handshakes h
     JOIN orgs s ON s.ims_org_id = h.source_org
     JOIN orgs t ON t.ims_org_id = h.target_org";

const HANDSHAKE_SELECT: &str = "SELECT h.id, h.version, h.created_date, h.modified_date,
            h.created_by, h.modified_by, h.source_org, h.target_org, s.region, h.target_region,
            s.name, t.name, h.status, h.created_by_name, h.modified_by_name, h.modified_by_org,
            h.status_history, h.linking_id
     FROM handshakes h
     JOIN orgs s ON s.ims_org_id = h.source_org
     JOIN orgs t ON t.ims_org_id = h.target_org";

/// A record as lists and answers show it (`sourceOrgName`/`targetOrgName`).
fn record_from_row(row: &Row<'_>) -> rusqlite::Result<HandshakeRecord> {
    Ok(HandshakeRecord {
        id: row.get(0)?,
        version: Some(row.get(1)?),
        created_date: Some(row.get(2)?),
        modified_date: Some(row.get(3)?),
        created_by: Some(row.get(4)?),
        modified_by: Some(row.get(5)?),
        source_ims_org_id: row.get(6)?,
        target_ims_org_id: row.get(7)?,
        source_region: Some(row.get(8)?),
        target_region: row.get(9)?,
        source_ims_org_name: None,
        source_org_name: Some(row.get(10)?),
        target_org_name: Some(row.get(11)?),
        status: HandshakeStatus::parse(&row.get::<_, String>(12)?),
        created_by_name: Some(row.get(13)?),
        modified_by_name: Some(row.get(14)?),
        modified_by_ims_org_id: Some(row.get(15)?),
        status_history: Some(row.get(16)?),
        linking_id: row.get(17)?,
    })
}
