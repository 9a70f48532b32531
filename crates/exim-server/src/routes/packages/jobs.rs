//! `GET /exim/packages/jobs` and `GET /exim/tools/job/{id}`.

use axum::extract::State;
use axum::Json;
use exim_api::{EnvelopeOutcome, EximEnvelope, FetchJobResponse, PackageJob, PagedResponse};

use crate::auth::Caller;
use crate::db::jobs::{find_job, list_jobs};
use crate::error::{ApiError, Resource};
use crate::extract::{ApiPath, ListParams};
use crate::query::JobField;
use crate::state::AppState;
use crate::validate;

/// The org's export and import jobs.
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ListParams(query): ListParams<JobField>,
) -> Result<Json<PagedResponse<PackageJob>>, ApiError> {
    let page = query.page;
    let (total, jobs) = state
        .transaction(move |tx| Ok(list_jobs(tx, &caller.org.ims_org_id, &query)?))
        .await?;
    Ok(Json(page.envelope(total, jobs)))
}

/// One job of the org, in exim's `{status, type, message, object}` envelope.
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<FetchJobResponse>, ApiError> {
    let id = validate::record_id("job id", &id)?;
    let lookup = id.clone();
    let job = state
        .transaction(move |tx| Ok(find_job(tx, &caller.org.ims_org_id, &lookup)?))
        .await?
        .ok_or(ApiError::NotFound(Resource::Job, id))?;
    Ok(Json(EximEnvelope {
        status: "OK".into(),
        outcome: EnvelopeOutcome::Success,
        message: Some("Job fetched successfully".into()),
        object: Some(job),
    }))
}
