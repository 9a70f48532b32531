//! The last step of an IMPORT job: each artifact of the package, in order, is replaced by
//! the object the submit chose, reused when the target sandbox has one of the same type and
//! title, refused when the job's creator may not create its type, or else created. The
//! results are stored with the job in the same transaction as the step, so a job resumed
//! after a restart neither repeats nor loses them.

use exim_api::{JobStatus, ObjectOutcome, ObjectResult};
use rusqlite::Connection;

use crate::artifact_model::missing_resources;
use crate::db::directory::permissions_of;
use crate::db::import_results::insert_object_result;
use crate::db::jobs::DueJob;
use crate::db::packages::find_any_package;
use crate::db::sandbox_objects::{find_by_title, insert_object, NewSandboxObject, SandboxKey};
use crate::ids::new_uuid;
use crate::import_rules::{plan_object, ObjectPlan, SandboxObject};

/// Imports the job's package; FAILED when any object failed (or the package is gone), the
/// objects made before staying made.
pub fn import_objects(conn: &Connection, job: &DueJob, now: i64) -> rusqlite::Result<JobStatus> {
    let (Some(package), Some(target)) = (
        find_any_package(conn, &job.package_id)?,
        job.target_sandbox.as_deref(),
    ) else {
        return Ok(JobStatus::Failed);
    };
    let sandbox = SandboxKey {
        ims_org_id: &job.ims_org_id,
        sandbox_name: target,
    };
    let permissions = permissions_of(conn, &job.created_by)?;
    let mut failed = false;
    for (position, artifact) in package.artifacts_list.unwrap_or_default().iter().enumerate() {
        let title = artifact.title.clone().unwrap_or_else(|| artifact.id.clone());
        let same_title = find_by_title(conn, sandbox, &artifact.artifact_type, &title)?;
        let plan = plan_object(
            artifact,
            job.alternatives.get(&artifact.id).map(String::as_str),
            same_title.as_ref().map(|object| object.id.as_str()),
            &missing_resources(&artifact.artifact_type, &permissions),
        );
        let outcome = plan.outcome();
        let (object_id, message) = match plan {
            ObjectPlan::Replace(id) | ObjectPlan::Reuse(id) => (Some(id), None),
            ObjectPlan::Refuse(message) => (None, Some(message)),
            ObjectPlan::Create => {
                let object = SandboxObject {
                    id: new_uuid(),
                    artifact_type: artifact.artifact_type.clone(),
                    title: title.clone(),
                };
                insert_object(
                    conn,
                    sandbox,
                    &NewSandboxObject {
                        object: &object,
                        created: now,
                        created_by: &job.created_by,
                        created_by_job: Some(&job.id),
                    },
                )?;
                (Some(object.id), None)
            }
        };
        failed |= outcome == ObjectOutcome::Failed;
        let result = ObjectResult {
            artifact_id: artifact.id.clone(),
            artifact_type: artifact.artifact_type.clone(),
            title: artifact.title.clone(),
            outcome,
            object_id,
            message,
        };
        insert_object_result(conn, &job.id, position, &result)?;
    }
    Ok(if failed {
        JobStatus::Failed
    } else {
        JobStatus::Success
    })
}
