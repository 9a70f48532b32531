//! Steps of publishing (EXPORT) and import (IMPORT) jobs: PENDING → IN_PROGRESS → SUCCESS
//! (or FAILED). The last step of an EXPORT job publishes its package when its sandbox holds
//! every artifact; that of an IMPORT job brings the package's objects into the target
//! sandbox.

use exim_api::{ArtifactRef, JobRequestType, JobStatus, PackageStatus, PackageType};
use rusqlite::Connection;

use super::imports::import_objects;
use crate::clock::DAY_MS;
use crate::db::jobs::{advance_job, record_failure, DueJob};
use crate::db::package_history::{change, ChangeDetails};
use crate::db::packages::{
    find_any_package, record_change, set_artifact_found, set_published, set_status, Change,
};
use crate::db::sandbox_objects::{holds_object, SandboxKey};
use crate::package_rules::{self, DEFAULT_LIFETIME_DAYS};

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

/// Publishes the job's package once every artifact of a PARTIAL package is found in the
/// package's sandbox (same id, same type); otherwise the package is PUBLISH_FAILED and the job
/// FAILED, naming the missing artifacts. A FULL package copies whatever the sandbox holds.
fn finish_publishing(conn: &Connection, job: &DueJob, now: i64) -> rusqlite::Result<JobStatus> {
    let Some(package) = find_any_package(conn, &job.package_id)?
        .filter(|package| package_rules::status(package) == PackageStatus::PublishInProgress)
    else {
        let message = format!(
            "Package {} was deleted or changed before it was published",
            job.package_id
        );
        record_failure(conn, &job.id, &message, &[])?;
        return Ok(JobStatus::Failed);
    };
    let sandbox_name = package.source_sandbox_name();
    let sandbox = SandboxKey {
        ims_org_id: &job.ims_org_id,
        sandbox_name: &sandbox_name,
    };
    let mut missing = Vec::new();
    if package_rules::package_type_of(&package) == PackageType::Partial {
        for artifact in package.artifacts_list.as_deref().unwrap_or_default() {
            let found = holds_object(conn, sandbox, &artifact.artifact_type, &artifact.id)?;
            set_artifact_found(conn, &package.id, &artifact.id, found)?;
            if !found {
                missing.push(ArtifactRef {
                    id: artifact.id.clone(),
                    artifact_type: artifact.artifact_type.clone(),
                    title: artifact.title.clone(),
                });
            }
        }
    }
    let job_id = Some(job.id.clone());
    if !missing.is_empty() {
        let message = package_rules::missing_artifacts_message(&sandbox_name, &missing);
        set_status(conn, &package.id, &PackageStatus::PublishFailed)?;
        record_failure(conn, &job.id, &message, &missing)?;
        let change = Change {
            what: change::PUBLISH_FAILED,
            at: now,
            by: &job.created_by,
            details: ChangeDetails {
                message: Some(message),
                job_id,
                ..ChangeDetails::default()
            },
        };
        record_change(conn, &package.id, &change)?;
        return Ok(JobStatus::Failed);
    }
    let lifetime_days = job.expiry_period_days.unwrap_or(DEFAULT_LIFETIME_DAYS);
    set_published(conn, &package.id, now, lifetime_days * DAY_MS)?;
    let change = Change {
        what: change::PUBLISHED,
        at: now,
        by: &job.created_by,
        details: ChangeDetails {
            job_id,
            ..ChangeDetails::default()
        },
    };
    record_change(conn, &package.id, &change)?;
    Ok(JobStatus::Success)
}
