//! Publishing (EXPORT) and import (IMPORT) jobs.

use std::collections::BTreeMap;

use exim_api::{
    Artifact, ArtifactMessage, ArtifactRef, CheckedArtifact, CompletedTask, JobDetails,
    JobRequestType, JobStatus, JobType, PackageJob, PackageType, SandboxRef,
};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde_json::Map;

use super::filter_sql::{order_by, push_conditions};
use super::import_results::object_results;
use super::packages::clamp_to_i64;
use super::page_window::PageWindow;
use crate::query::{FilterValue, JobField, ListQuery, Operator, Sort};

/// Platform's only job visibility in its examples.
pub const JOB_VISIBILITY: &str = "TENANT";

pub struct NewJob {
    pub id: String,
    pub ims_org_id: String,
    pub package_id: String,
    pub request_type: JobRequestType,
    pub name: String,
    pub description: Option<String>,
    pub package_type: PackageType,
    pub source_sandbox: String,
    pub target_sandbox: Option<String>,
    pub correlation_id: String,
    pub expiry_period_days: Option<i64>,
    pub created: i64,
    pub created_by: String,
    pub first_step_at: i64,
    /// IMPORT only: source artifact id → the id of the object of the target sandbox to use
    /// instead (`importReplacementMap`).
    pub alternatives: BTreeMap<String, String>,
}

pub fn insert_job(conn: &Connection, job: &NewJob) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO jobs (id, ims_org_id, package_id, request_type, job_type, job_status, name,
                           description, package_type, source_sandbox, target_sandbox,
                           correlation_id, expiry_period_days, created, updated, created_by,
                           next_step_at, alternatives)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16,
                 ?17)",
    )?
    .execute(params![
        job.id,
        job.ims_org_id,
        job.package_id,
        job.request_type.as_str(),
        JobType::New.as_str(),
        JobStatus::Pending.as_str(),
        job.name,
        job.description,
        job.package_type.as_str(),
        job.source_sandbox,
        job.target_sandbox,
        job.correlation_id,
        job.expiry_period_days,
        job.created,
        job.created_by,
        job.first_step_at,
        encode_alternatives(&job.alternatives),
    ])?;
    Ok(())
}

/// Alternatives as stored: a JSON object, or NULL when there are none.
fn encode_alternatives(alternatives: &BTreeMap<String, String>) -> Option<String> {
    (!alternatives.is_empty()).then(|| serde_json::json!(alternatives).to_string())
}

fn decode_alternatives(stored: Option<String>) -> BTreeMap<String, String> {
    stored
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// One page of the org's jobs matching `query`, and the number of all matches.
///
/// Filters and sorts run on indexes that end with the id (migration 0005), so the page's
/// ids are read from the index alone, from the nearer end of the list; the jobs themselves
/// are read only for the page. A `name~` search matches the few distinct names first.
pub fn list_jobs(
    conn: &Connection,
    ims_org_id: &str,
    query: &ListQuery<JobField>,
) -> rusqlite::Result<(u64, Vec<PackageJob>)> {
    let mut conditions = String::from("ims_org_id = ?");
    let mut params = vec![Value::Text(ims_org_id.to_string())];
    let (searches, filters): (Vec<_>, Vec<_>) = query.filters.iter().cloned().partition(|filter| {
        filter.field == JobField::Name && filter.operator == Operator::Contains
    });
    for value in searches.into_iter().flat_map(|search| search.values) {
        if let FilterValue::Text(text) = value {
            conditions.push_str(
                " AND name IN (SELECT name FROM job_names WHERE instr(lower(name), lower(?)) > 0)",
            );
            params.push(Value::Text(text));
        }
    }
    push_conditions(&mut conditions, &mut params, &filters, column);
    let total = count(conn, ims_org_id, query, &conditions, &params)?;

    let window = PageWindow::new(query.page.start, query.page.limit, total);
    let sort = Sort {
        descending: query.sort.descending != window.reversed,
        ..query.sort
    };
    let page_sql = format!(
        "SELECT id FROM jobs WHERE {conditions}{} LIMIT ? OFFSET ?",
        order_by(sort, column, "id")
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
    let mut fetch = conn.prepare_cached(&format!("{JOB_SELECT} WHERE id = ?1"))?;
    let jobs = ids
        .iter()
        .map(|id| fetch.query_row([id], job_from_row))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total, jobs))
}

/// How many jobs match. Filters on request type, status and job type only are answered
/// from `job_counts`; others count the matching index entries.
fn count(
    conn: &Connection,
    ims_org_id: &str,
    query: &ListQuery<JobField>,
    conditions: &str,
    params: &[Value],
) -> rusqlite::Result<u64> {
    let countable = query.filters.iter().all(|filter| {
        matches!(
            filter.field,
            JobField::RequestType | JobField::JobStatus | JobField::JobType
        )
    });
    let total: i64 = if countable {
        let mut conditions = String::from("ims_org_id = ?");
        let mut params = vec![Value::Text(ims_org_id.to_string())];
        push_conditions(&mut conditions, &mut params, &query.filters, column);
        conn.prepare_cached(&format!(
            "SELECT COALESCE(SUM(n), 0) FROM job_counts WHERE {conditions}"
        ))?
        .query_row(params_from_iter(&params), |row| row.get(0))?
    } else {
        conn.prepare_cached(&format!("SELECT COUNT(*) FROM jobs WHERE {conditions}"))?
            .query_row(params_from_iter(params), |row| row.get(0))?
    };
    Ok(total.unsigned_abs())
}

fn job_from_row(row: &Row<'_>) -> rusqlite::Result<PackageJob> {
    Ok(PackageJob {
        id: row.get(0)?,
        name: row.get(6)?,
        updated: row.get(14)?,
        created: row.get(13)?,
        job_type: JobType::parse(&row.get::<_, String>(4)?),
        package_type: Some(PackageType::parse(&row.get::<_, String>(8)?)),
        description: row.get(7)?,
        job_status: JobStatus::parse(&row.get::<_, String>(5)?),
        visibility: Some(JOB_VISIBILITY.into()),
        source_sandbox: Some(row.get(9)?),
        target_sandbox: row.get(10)?,
        created_by: Some(row.get(15)?),
    })
}

/// The org's job with this id, in the detailed shape of `GET /tools/job/{id}`.
pub fn find_job(
    conn: &Connection,
    ims_org_id: &str,
    id: &str,
) -> rusqlite::Result<Option<JobDetails>> {
    let Some(mut details) = conn
        .prepare_cached(&format!("{JOB_SELECT} WHERE ims_org_id = ?1 AND id = ?2"))?
        .query_row([ims_org_id, id], details_from_row)
        .optional()?
    else {
        return Ok(None);
    };
    if details.request_type == Some(JobRequestType::Import) {
        let results = object_results(conn, id)?;
        details.object_results = (!results.is_empty()).then_some(results);
    }
    Ok(Some(details))
}

fn details_from_row(row: &Row<'_>) -> rusqlite::Result<JobDetails> {
    let ims_org_id: String = row.get(1)?;
    let sandbox = |name: String| SandboxRef {
        name,
        ims_org_id: ims_org_id.clone(),
        empty: Some(false),
    };
    let status = JobStatus::parse(&row.get::<_, String>(5)?);
    let correlation_id: String = row.get(11)?;
    let source_sandbox: String = row.get(9)?;
    let missing = decode_missing(row.get(19)?);
    // Platform lists the tasks a finished job ran: ours runs one, or when publishing failed
    // for want of objects, one failed task per missing artifact.
    let completed_tasks = match status {
        JobStatus::Failed if !missing.is_empty() => missing
            .into_iter()
            .map(|artifact| missing_artifact_task(artifact, &source_sandbox))
            .collect(),
        JobStatus::Success | JobStatus::Failed => vec![CompletedTask {
            task_type: Some("POST".into()),
            task_status: Some(status.as_str().into()),
            artifact: None,
        }],
        _ => Vec::new(),
    };
    Ok(JobDetails {
        id: row.get(0)?,
        name: row.get(6)?,
        description: row.get(7)?,
        visibility: Some(JOB_VISIBILITY.into()),
        request_type: Some(JobRequestType::parse(&row.get::<_, String>(3)?)),
        // Platform's job answers carry 0 here.
        expiry: Some(0),
        snapshot_id: Some(correlation_id.replace('-', "")),
        created_timestamp: Some(row.get(13)?),
        modified_timestamp: Some(row.get(14)?),
        package_type: Some(PackageType::parse(&row.get::<_, String>(8)?)),
        job_status: Some(status),
        job_type: Some(JobType::parse(&row.get::<_, String>(4)?)),
        counter: Some(row.get(16)?),
        source_sandbox: Some(sandbox(source_sandbox)),
        destination_sandbox: row.get::<_, Option<String>>(10)?.map(sandbox),
        ims_org_id: Some(ims_org_id),
        job_hash: Some(row.get(2)?),
        completed_tasks: Some(completed_tasks),
        import_replacement_map: Some(decode_alternatives(row.get(17)?))
            .filter(|alternatives| !alternatives.is_empty()),
        source_parent_artifact_map: None,
        object_results: None,
        error_message: row.get(18)?,
    })
}

/// A failed task naming an artifact publishing did not find, in Platform's task shape.
fn missing_artifact_task(artifact: ArtifactRef, sandbox: &str) -> CompletedTask {
    CompletedTask {
        task_type: Some("POST".into()),
        task_status: Some(JobStatus::Failed.as_str().into()),
        artifact: Some(CheckedArtifact {
            artifact: Artifact {
                id: artifact.id,
                artifact_type: artifact.artifact_type,
                title: artifact.title,
                found: Some(false),
                count: Some(0),
                extra: Map::new(),
            },
            messages: Some(vec![ArtifactMessage {
                status: JobStatus::Failed.as_str().into(),
                attempt: 1,
                message: format!("Not found in sandbox {sandbox}"),
            }]),
        }),
    }
}

fn decode_missing(stored: Option<String>) -> Vec<ArtifactRef> {
    stored
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Records why a job failed and, for publishing, the artifacts its sandbox lacked.
pub fn record_failure(
    conn: &Connection,
    id: &str,
    message: &str,
    missing: &[ArtifactRef],
) -> rusqlite::Result<()> {
    let missing = (!missing.is_empty())
        .then(|| serde_json::to_string(missing).expect("artifact refs hold strings only"));
    conn.prepare_cached(
        "UPDATE jobs SET error_message = ?2, missing_artifacts = ?3 WHERE id = ?1",
    )?
    .execute(params![id, message, missing])?;
    Ok(())
}

const JOB_SELECT: &str =
    "SELECT id, ims_org_id, package_id, request_type, job_type, job_status, name, description,
            package_type, source_sandbox, target_sandbox, correlation_id, expiry_period_days,
            created, updated, created_by, step, alternatives, error_message, missing_artifacts
     FROM jobs";

fn column(field: JobField) -> &'static str {
    match field {
        JobField::Name => "name",
        JobField::RequestType => "request_type",
        JobField::JobType => "job_type",
        JobField::JobStatus => "job_status",
        JobField::PackageType => "package_type",
        JobField::CreatedDate | JobField::Created => "created",
        JobField::Updated => "updated",
    }
}

/// A job whose next step is due, as the worker needs it.
pub struct DueJob {
    pub id: String,
    pub ims_org_id: String,
    pub package_id: String,
    pub request_type: JobRequestType,
    pub step: i64,
    pub expiry_period_days: Option<i64>,
    pub created_by: String,
    pub target_sandbox: Option<String>,
    pub alternatives: BTreeMap<String, String>,
}

pub fn due_jobs(conn: &Connection, now: i64) -> rusqlite::Result<Vec<DueJob>> {
    conn.prepare_cached(
        "SELECT id, package_id, request_type, step, expiry_period_days, created_by,
                ims_org_id, target_sandbox, alternatives
         FROM jobs WHERE next_step_at IS NOT NULL AND next_step_at <= ?1
         ORDER BY next_step_at, id",
    )?
    .query_map([now], |row| {
        Ok(DueJob {
            id: row.get(0)?,
            package_id: row.get(1)?,
            request_type: JobRequestType::parse(&row.get::<_, String>(2)?),
            step: row.get(3)?,
            expiry_period_days: row.get(4)?,
            created_by: row.get(5)?,
            ims_org_id: row.get(6)?,
            target_sandbox: row.get(7)?,
            alternatives: decode_alternatives(row.get(8)?),
        })
    })?
    .collect()
}

/// Records a step: the new status, and when the next one is due (`None`: finished).
pub fn advance_job(
    conn: &Connection,
    id: &str,
    status: &JobStatus,
    now: i64,
    next_step_at: Option<i64>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE jobs SET job_status = ?2, updated = ?3, step = step + 1, next_step_at = ?4
         WHERE id = ?1",
    )?
    .execute(params![id, status.as_str(), now, next_step_at])?;
    Ok(())
}

/// When the earliest pending step of any job is due.
pub fn next_due_job(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT MIN(next_step_at) FROM jobs WHERE next_step_at IS NOT NULL")?
        .query_row([], |row| row.get(0))
}
