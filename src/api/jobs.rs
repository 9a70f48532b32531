//! `/exim/packages/jobs` (the org's export and import jobs) and `/exim/tools/job/{id}` (one job).

use exim_api::{EnvelopeOutcome, FetchJobResponse, JobDetails, PackageJob, PagedResponse};

use super::client::ApiClient;
use super::error::ApiError;
use crate::i18n::keys::jobs as k;
use crate::i18n::{t, tf};
use crate::state::job_query::JobQuery;
use crate::state::url::encode;

/// One page of the org's jobs in the view `query`.
pub async fn list_jobs(
    client: &ApiClient,
    query: &JobQuery,
) -> Result<PagedResponse<PackageJob>, ApiError> {
    client
        .get_json("/exim/packages/jobs", &query.api_params())
        .await
}

/// One job in full, out of exim's envelope. An envelope that says FAILURE, or carries no job,
/// is an error with the envelope's message.
pub async fn fetch_job(client: &ApiClient, id: &str) -> Result<JobDetails, ApiError> {
    let envelope: FetchJobResponse = client
        .get_json(&format!("/exim/tools/job/{}", encode(id)), &[])
        .await?;
    unwrap_envelope(envelope)
}

fn unwrap_envelope(envelope: FetchJobResponse) -> Result<JobDetails, ApiError> {
    let said = envelope.message.unwrap_or_default();
    match (envelope.outcome, envelope.object) {
        (EnvelopeOutcome::Success, Some(job)) => Ok(job),
        (EnvelopeOutcome::Success, None) => Err(ApiError::Decode(t(k::NO_JOB_IN_ANSWER))),
        (_, _) => Err(ApiError::Decode(tf(
            k::JOB_NOT_READ,
            &[("status", &envelope.status), ("message", &said)],
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(json: serde_json::Value) -> FetchJobResponse {
        serde_json::from_value(json).expect("an envelope")
    }

    #[test]
    fn a_success_envelope_gives_its_job() {
        let job = unwrap_envelope(envelope(serde_json::json!({
            "status": "OK", "type": "SUCCESS", "message": "Job fetched successfully",
            "object": {"id": "j1", "name": "acme"}
        })))
        .expect("the job");
        assert_eq!(job.id, "j1");
    }

    #[test]
    fn a_failure_or_an_empty_envelope_is_an_error_that_says_so() {
        let failed = unwrap_envelope(envelope(serde_json::json!({
            "status": "NOT_FOUND", "type": "FAILURE", "message": "No job j9"
        })))
        .expect_err("a failure");
        assert!(failed.user_message().contains("No job j9"), "{failed:?}");
        assert!(failed.user_message().contains("NOT_FOUND"), "{failed:?}");
        let empty = unwrap_envelope(envelope(serde_json::json!({
            "status": "OK", "type": "SUCCESS"
        })))
        .expect_err("no job");
        assert!(matches!(empty, ApiError::Decode(_)));
    }
}
