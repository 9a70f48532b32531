//! The asynchronous side of the API (api-notes §14 "Async work"): publishing and import jobs
//! and transfers advance one step per `step_ms`.
//!
//! Every record that still has work carries `next_step_at`. One task wakes when the earliest
//! step is due (or when a handler reports new work), and advances every due record by one
//! step in a single transaction. A step's effects (a status, a message, the target org's copy
//! of a package) commit together with the step, so a process killed at any point resumes
//! after restart from the last committed step: nothing is lost and nothing is done twice.

mod imports;
mod jobs;
mod package_copy;
pub mod transfers;

use std::sync::Arc;
use std::time::Duration;

use rusqlite::Transaction;
use tokio::sync::Notify;

use crate::clock::now_ms;
use crate::db::jobs::{due_jobs, next_due_job};
use crate::db::transfers::{due_transfers, next_due_transfer};
use crate::db::{Db, DbError};

/// Longest sleep while nothing is due, in case a wake-up was missed.
const IDLE_RECHECK: Duration = Duration::from_millis(1000);

/// Starts the worker on the current tokio runtime.
pub fn spawn(db: Db, wake: Arc<Notify>, step_ms: i64) {
    tokio::spawn(run(db, wake, step_ms));
}

async fn run(db: Db, wake: Arc<Notify>, step_ms: i64) {
    loop {
        let worker_db = db.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            worker_db.transaction_blocking(|tx| advance_due_work(tx, now_ms(), step_ms))
        })
        .await;
        let next_due = match outcome {
            Ok(Ok(next_due)) => next_due,
            Ok(Err(error)) => {
                tracing::error!(%error, "the worker could not advance due work; retrying");
                None
            }
            Err(_) => {
                tracing::error!("the worker's step panicked; retrying");
                None
            }
        };
        let pause = next_due.map_or(IDLE_RECHECK, |due| {
            let wait = u64::try_from(due - now_ms()).unwrap_or(0);
            Duration::from_millis(wait).min(IDLE_RECHECK)
        });
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            () = wake.notified() => {}
        }
    }
}

/// Advances every record whose step is due; returns when the next step is due.
fn advance_due_work(tx: &Transaction<'_>, now: i64, step_ms: i64) -> Result<Option<i64>, DbError> {
    for job in due_jobs(tx, now)? {
        jobs::advance(tx, &job, now, step_ms)?;
    }
    for transfer in due_transfers(tx, now)? {
        transfers::advance(tx, &transfer, now, step_ms)?;
    }
    let next_due = [next_due_job(tx)?, next_due_transfer(tx)?];
    Ok(next_due.into_iter().flatten().min())
}
