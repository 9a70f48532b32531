//! The demo partnerships (api-notes §14): Acme→Globex approved, Acme→Initech pending, and
//! Umbrella→Acme pending (incoming for Acme).

use exim_api::{encode_status_history, HandshakeStatus, StatusHistoryAction, StatusHistoryEntry};
use rusqlite::Connection;

use super::dates::{BASE_MS, HOUR_MS};
use super::directory::{region_of, user_of, ACME, GLOBEX, INITECH, UMBRELLA};
use super::ids::{hex_id, uuid};
use crate::db::handshakes::{insert_handshake, record_answer, Answer, NewHandshake};

struct DemoPartnership {
    source: &'static str,
    target: &'static str,
    created_hours_before_base: i64,
    /// `(hours after the request, answer, reason)` once the target answered.
    answer: Option<(i64, HandshakeStatus, &'static str)>,
}

const PARTNERSHIPS: &[DemoPartnership] = &[
    DemoPartnership {
        source: ACME,
        target: GLOBEX,
        created_hours_before_base: 900,
        answer: Some((
            20,
            HandshakeStatus::Approved,
            "Approved for the joint loyalty programme",
        )),
    },
    DemoPartnership {
        source: ACME,
        target: INITECH,
        created_hours_before_base: 100,
        answer: None,
    },
    DemoPartnership {
        source: UMBRELLA,
        target: ACME,
        created_hours_before_base: 50,
        answer: None,
    },
];

pub fn load(conn: &Connection) -> rusqlite::Result<()> {
    for partnership in PARTNERSHIPS {
        insert(conn, partnership)?;
    }
    Ok(())
}

fn insert(conn: &Connection, partnership: &DemoPartnership) -> rusqlite::Result<()> {
    let seed = format!("handshake/{}/{}", partnership.source, partnership.target);
    let id = hex_id(&seed);
    let created = BASE_MS - partnership.created_hours_before_base * HOUR_MS;
    let requester = user_of(partnership.source);
    let mut history = vec![StatusHistoryEntry {
        action_taken_by: Some(requester.id.into()),
        action_taken_by_name: Some(requester.display_name.into()),
        action_taken_by_ims_org_id: partnership.source.into(),
        action: StatusHistoryAction::Initiated,
        action_time_stamp: created,
        reason: None,
    }];
    insert_handshake(
        conn,
        &NewHandshake {
            id: &id,
            linking_id: &uuid(&seed),
            source_org: partnership.source,
            target_org: partnership.target,
            created_date: created,
            created_by: requester.id,
            created_by_name: requester.display_name,
            status_history: &encode_status_history(&history),
        },
    )?;
    let Some((hours, status, reason)) = &partnership.answer else {
        return Ok(());
    };
    let answered = created + hours * HOUR_MS;
    let answerer = user_of(partnership.target);
    history.push(StatusHistoryEntry {
        action_taken_by: Some(answerer.id.into()),
        action_taken_by_name: Some(answerer.display_name.into()),
        action_taken_by_ims_org_id: partnership.target.into(),
        action: StatusHistoryAction::Approved,
        action_time_stamp: answered,
        reason: Some((*reason).into()),
    });
    record_answer(
        conn,
        &id,
        &Answer {
            status,
            at: answered,
            by: answerer.id,
            by_name: answerer.display_name,
            by_org: partnership.target,
            target_region: Some(region_of(partnership.target)),
            status_history: &encode_status_history(&history),
        },
    )
}
