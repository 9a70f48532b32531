//! `GET /tools/job/{id}` and exim's `{status, type, message, object}` envelope.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::enums::wire_enum;
use crate::enums::PackageType;
use crate::import::CheckedArtifact;
use crate::jobs::{JobRequestType, JobStatus, JobType};
use crate::package::SandboxRef;

wire_enum!(
    /// The `type` of an exim envelope.
    EnvelopeOutcome {
        Success => "SUCCESS",
        Failure => "FAILURE",
    }
);

/// The envelope the `/tools`, `/jobs` and versioning endpoints wrap their answers in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EximEnvelope<T> {
    /// An HTTP status name such as `OK`.
    pub status: String,
    #[serde(rename = "type")]
    pub outcome: EnvelopeOutcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Absent on failures. (No `default` here: it would demand `T: Default`; serde already
    /// reads a missing `Option` as `None`.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<T>,
}

/// The answer of `GET /tools/job/{id}`.
pub type FetchJobResponse = EximEnvelope<JobDetails>;

/// One step a job has done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompletedTask {
    /// E.g. `POST`; the vocabulary is undocumented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_type: Option<String>,
    /// E.g. `SUCCESS`; the vocabulary is undocumented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_status: Option<String>,
    /// The artifact handled; an import adds its `newId` (kept in the artifact's `extra`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact: Option<CheckedArtifact>,
}

/// A job in full. Timestamps are epoch milliseconds (`createdTimestamp`, not `created`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobDetails {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_type: Option<JobRequestType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_timestamp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_timestamp: Option<i64>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub package_type: Option<PackageType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_status: Option<JobStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_type: Option<JobType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ims_org_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sandbox: Option<SandboxRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_sandbox: Option<SandboxRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_tasks: Option<Vec<CompletedTask>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_replacement_map: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_parent_artifact_map: Option<BTreeMap<String, String>>,
    /// Local extension of exim-server: what an IMPORT job did with each object, filled in as
    /// the job runs. Platform does not send it; the console does without it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_results: Option<Vec<ObjectResult>>,
    /// Local extension of exim-server: why a FAILED job failed, in one sentence (an EXPORT
    /// job names the artifacts missing from its sandbox). Platform does not send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
}

wire_enum!(
    /// What an import did with one object (local extension).
    ObjectOutcome {
        /// A new object was made in the target sandbox.
        Created => "CREATED",
        /// An object of the same type and name already existed and was used.
        Reused => "REUSED",
        /// The object the caller chose in `alternatives` was used.
        Replaced => "REPLACED",
        /// The object could not be imported; `message` says why.
        Failed => "FAILED",
    }
);

/// One object of an IMPORT job (local extension of exim-server).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectResult {
    /// The artifact's id in the package (the source sandbox).
    pub artifact_id: String,
    #[serde(rename = "type")]
    pub artifact_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub outcome: ObjectOutcome,
    /// The object's id in the target sandbox: new when created, existing when reused/replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}
