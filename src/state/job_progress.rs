//! What a job is and where it stands: its type, its status in words, its steps, when the Jobs
//! screen keeps refreshing, and what it announces.

use exim_api::{JobRequestType, JobStatus, ObjectOutcome, PackageJob, PackageType};

use super::polling::lower_first;
use super::transfer_progress::StepState;
use crate::i18n::keys::jobs as k;
use crate::i18n::keys::status as s;
use crate::i18n::{t, tf};

/// A job that has not finished yet.
pub fn is_job_running(status: &JobStatus) -> bool {
    matches!(status, JobStatus::Pending | JobStatus::InProgress)
}

/// Whether the list must keep refreshing: some visible job is still running.
pub fn any_job_running(jobs: &[PackageJob]) -> bool {
    jobs.iter().any(|job| is_job_running(&job.job_status))
}

/// Import or export. The list's items carry no `requestType` (Platform documents none), so it
/// comes from the filter when the view has one; otherwise from the target sandbox, which only
/// an import has (an export — publishing — reads its source sandbox only).
pub fn job_request_type(job: &PackageJob, filtered: Option<&JobRequestType>) -> JobRequestType {
    match filtered {
        Some(request_type) => request_type.clone(),
        None if job.target_sandbox.is_some() => JobRequestType::Import,
        None => JobRequestType::Export,
    }
}

/// Import, Export, or the raw value of another type.
pub fn request_type_words(request_type: &JobRequestType) -> String {
    match request_type {
        JobRequestType::Import => t(k::TYPE_IMPORT),
        JobRequestType::Export => t(k::TYPE_EXPORT),
        other => other.as_str().to_string(),
    }
}

pub fn package_type_words(package_type: &PackageType) -> String {
    match package_type {
        PackageType::Full => t(k::PACKAGE_FULL),
        PackageType::Partial => t(k::PACKAGE_PARTIAL),
        PackageType::Other(raw) => raw.clone(),
    }
}

/// A job's status in words: a job that ended well has "Succeeded".
pub fn job_status_words(status: &JobStatus) -> String {
    t(match status {
        JobStatus::Pending => s::PENDING,
        JobStatus::InProgress => s::IN_PROGRESS,
        JobStatus::Success => k::SUCCEEDED,
        JobStatus::Failed => s::FAILED,
        JobStatus::Cancelled => s::CANCELLED,
        JobStatus::Other(raw) => return super::status::status_label(raw),
    })
}

/// The steps of a job — Pending, In progress, then how it ended — with the state of each.
pub fn job_steps(status: &JobStatus) -> Vec<(JobStatus, StepState)> {
    use StepState::{Current, Done, Failed, NotReached};
    let (pending, running, end, end_state) = match status {
        JobStatus::Pending => (Current, NotReached, JobStatus::Success, NotReached),
        JobStatus::InProgress => (Done, Current, JobStatus::Success, NotReached),
        JobStatus::Success => (Done, Done, JobStatus::Success, Done),
        JobStatus::Failed => (Done, Done, JobStatus::Failed, Failed),
        JobStatus::Cancelled => (Done, Done, JobStatus::Cancelled, Failed),
        JobStatus::Other(_) => (Done, Done, status.clone(), NotReached),
    };
    vec![
        (JobStatus::Pending, pending),
        (JobStatus::InProgress, running),
        (end, end_state),
    ]
}

/// What an import did with one object, in words.
pub fn outcome_words(outcome: &ObjectOutcome) -> String {
    match outcome {
        ObjectOutcome::Created => t(k::OUTCOME_CREATED),
        ObjectOutcome::Reused => t(k::OUTCOME_REUSED),
        ObjectOutcome::Replaced => t(k::OUTCOME_REPLACED),
        ObjectOutcome::Failed => t(k::OUTCOME_FAILED),
        ObjectOutcome::Other(raw) => super::status::status_label(raw),
    }
}

/// One sentence per job whose status changed between two refreshes of the same page,
/// e.g. "Publish acme: succeeded".
pub fn job_status_changes(before: &[PackageJob], after: &[PackageJob]) -> Vec<String> {
    after
        .iter()
        .filter_map(|job| {
            let previous = before.iter().find(|old| old.id == job.id)?;
            (previous.job_status != job.job_status).then(|| {
                tf(
                    k::STATUS_CHANGED,
                    &[
                        ("job", &job.name),
                        ("status", &lower_first(&job_status_words(&job.job_status))),
                    ],
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: &str, status: &str, target: Option<&str>) -> PackageJob {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": format!("job {id}"), "updated": 2, "created": 1, "jobType": "NEW",
            "jobStatus": status, "sourceSandBox": "prod", "targetSandbox": target
        }))
        .expect("a job")
    }

    #[test]
    fn only_pending_and_in_progress_keep_polling() {
        assert!(any_job_running(&[
            job("a", "SUCCESS", None),
            job("b", "PENDING", None)
        ]));
        assert!(any_job_running(&[job("a", "IN_PROGRESS", None)]));
        assert!(!any_job_running(&[
            job("a", "SUCCESS", None),
            job("b", "FAILED", None),
            job("c", "CANCELLED", None)
        ]));
        assert!(!any_job_running(&[]));
    }

    #[test]
    fn the_type_comes_from_the_filter_else_from_the_target_sandbox() {
        let import = job("a", "SUCCESS", Some("dev"));
        let export = job("b", "SUCCESS", None);
        assert_eq!(job_request_type(&import, None), JobRequestType::Import);
        assert_eq!(job_request_type(&export, None), JobRequestType::Export);
        assert_eq!(
            job_request_type(&import, Some(&JobRequestType::Export)),
            JobRequestType::Export
        );
        assert_eq!(request_type_words(&JobRequestType::Import), "Import");
        assert_eq!(request_type_words(&JobRequestType::Copy), "COPY");
    }

    #[test]
    fn steps_follow_the_status() {
        let states = |status| {
            job_steps(&status)
                .into_iter()
                .map(|(_, state)| state)
                .collect::<Vec<_>>()
        };
        use StepState::*;
        assert_eq!(
            states(JobStatus::Pending),
            vec![Current, NotReached, NotReached]
        );
        assert_eq!(
            states(JobStatus::InProgress),
            vec![Done, Current, NotReached]
        );
        assert_eq!(states(JobStatus::Success), vec![Done, Done, Done]);
        assert_eq!(
            job_steps(&JobStatus::Failed)[2],
            (JobStatus::Failed, Failed)
        );
        assert_eq!(job_status_words(&JobStatus::Success), "Succeeded");
        assert_eq!(job_status_words(&JobStatus::InProgress), "In progress");
    }

    #[test]
    fn changes_are_announced_once_per_changed_job() {
        let before = [job("a", "IN_PROGRESS", None), job("b", "PENDING", None)];
        let after = [
            job("a", "SUCCESS", None),
            job("b", "PENDING", None),
            job("c", "FAILED", None),
        ];
        assert_eq!(
            job_status_changes(&before, &after),
            vec!["job a: succeeded"]
        );
    }
}
