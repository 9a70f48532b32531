//! `GET /exim/packages/{id}/export?expiryPeriod=`: publishes a package. The answer comes at
//! once; the package is PUBLISH_IN_PROGRESS until the worker finishes the EXPORT job.

use axum::extract::{RawQuery, State};
use axum::Json;
use exim_api::{JobRequestType, PackageStatus, PublishPackageResponse, SandboxRef};

use super::lookup::{own_package, package_id};
use crate::auth::{ManagePackage, Permitted};
use crate::clock::now_ms;
use crate::db::jobs::{insert_job, NewJob, JOB_VISIBILITY};
use crate::db::package_history::{change, ChangeDetails};
use crate::db::packages::{record_change, set_status, Change};
use crate::error::ApiError;
use crate::extract::{query_value, ApiPath};
use crate::ids::{new_record_id, new_uuid};
use crate::package_rules::{self, DEFAULT_LIFETIME_DAYS};
use crate::state::AppState;
use crate::validate::shorten;

/// Longest accepted `expiryPeriod`, in days.
const MAX_EXPIRY_PERIOD_DAYS: i64 = 36_500;

pub async fn publish(
    State(state): State<AppState>,
    manager: Permitted<ManagePackage>,
    ApiPath(id): ApiPath<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<PublishPackageResponse>, ApiError> {
    let caller = manager.caller;
    let id = package_id(&id)?;
    let lifetime_days = expiry_period(query_value(query.as_deref(), "expiryPeriod"))?;
    let now = now_ms();
    let first_step_at = now + state.step_ms();
    let response = state
        .transaction(move |tx| {
            let package = own_package(tx, &caller, &id)?;
            package_rules::ensure_publishable(&package)?;
            set_status(tx, &id, &PackageStatus::PublishInProgress)?;
            let job_id = new_record_id();
            record_change(
                tx,
                &id,
                &Change {
                    what: change::PUBLISH,
                    at: now,
                    by: &caller.user.id,
                    details: ChangeDetails {
                        job_id: Some(job_id.clone()),
                        ..ChangeDetails::default()
                    },
                },
            )?;
            let sandbox = package_rules::job_source_sandbox(&package, &caller.sandbox);
            let package_type = package_rules::package_type_of(&package);
            let job = NewJob {
                id: job_id,
                ims_org_id: caller.org.ims_org_id.clone(),
                package_id: id.clone(),
                request_type: JobRequestType::Export,
                name: package.name.clone(),
                description: package.description.clone(),
                package_type: package_type.clone(),
                source_sandbox: sandbox.clone(),
                target_sandbox: None,
                correlation_id: new_uuid(),
                expiry_period_days: Some(lifetime_days),
                created: now,
                created_by: caller.user.id.clone(),
                first_step_at,
                alternatives: Default::default(),
            };
            insert_job(tx, &job)?;
            Ok(PublishPackageResponse {
                name: package.name,
                description: package.description,
                visibility: Some(JOB_VISIBILITY.into()),
                source_sandbox: SandboxRef {
                    name: sandbox,
                    ims_org_id: caller.org.ims_org_id,
                    empty: None,
                },
                destination_sandbox: None,
                package_type,
                correlation_id: job.correlation_id,
                job_id: Some(job.id),
            })
        })
        .await?;
    state.wake_worker();
    Ok(Json(response))
}

/// Days from publication until the package expires; 90 when not given.
fn expiry_period(raw: Option<String>) -> Result<i64, ApiError> {
    let Some(raw) = raw else {
        return Ok(DEFAULT_LIFETIME_DAYS);
    };
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|days| (0..=MAX_EXPIRY_PERIOD_DAYS).contains(days))
        .ok_or_else(|| {
            ApiError::Invalid(format!(
                "Invalid expiryPeriod '{}': expected a whole number of days from 0 to {MAX_EXPIRY_PERIOD_DAYS}",
                shorten(&raw)
            ))
        })
}
