//! Steps of publishing (EXPORT) and import (IMPORT) jobs: PENDING → IN_PROGRESS → SUCCESS
//! (or FAILED). The last step of an EXPORT job publishes its package; that of an IMPORT job
//! brings the package's objects into the target sandbox.

use exim_api::{JobRequestType, JobStatus, PackageStatus};
use rusqlite::Connection;

use crate::clock::DAY_MS;
use crate::db::jobs::{advance_job, DueJob};
use crate::db::packages::{find_any_package, record_change, set_published, Change};
use crate::package_rules::{self, DEFAULT_LIFETIME_DAYS};
use super::imports::import_objects;

pub fn advance(conn: &Connection, job: &DueJob, now: i64, step_ms: i64) -> rusqlite::Result<()> {
    if job.step == 0 {
        return advance_job(
            conn,
            &job.id,
            &JobStatus::InProgress,
            now,
            Some(now + step_ms),
        );
    }
    let outcome = match job.request_type {
        JobRequestType::Export => finish_publishing(conn, job, now)?,
        JobRequestType::Import => import_objects(conn, job, now)?,
        _ => JobStatus::Success,
    };
    advance_job(conn, &job.id, &outcome, now, None)
}

/// Publishes the job's package; fails the job if the package is gone or no longer waiting.
fn finish_publishing(conn: &Connection, job: &DueJob, now: i64) -> rusqlite::Result<JobStatus> {
    let waiting = find_any_package(conn, &job.package_id)?
        .is_some_and(|package| package_rules::status(&package) == PackageStatus::PublishInProgress);
    if !waiting {
        return Ok(JobStatus::Failed);
    }
    let lifetime_days = job.expiry_period_days.unwrap_or(DEFAULT_LIFETIME_DAYS);
    set_published(conn, &job.package_id, now, lifetime_days * DAY_MS)?;
    record_change(
        conn,
        &job.package_id,
        &Change {
            what: "PUBLISHED",
            at: now,
            by: &job.created_by,
        },
    )?;
    Ok(JobStatus::Success)
}
