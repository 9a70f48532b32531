//! Export (publish) and import jobs: the answer that starts one and the job list.

use serde::{Deserialize, Serialize};

use crate::enums::wire_enum;
use crate::enums::PackageType;
use crate::package::SandboxRef;

wire_enum!(
    /// Why a job runs. COMPUTE, UPGRADE and UPDATE come from package versioning.
    JobType {
        New => "NEW",
        Resume => "RESUME",
        Rollback => "ROLLBACK",
        Compute => "COMPUTE",
        Upgrade => "UPGRADE",
        Update => "UPDATE",
    }
);

wire_enum!(
    /// Progress of an export or import job.
    JobStatus {
        Pending => "PENDING",
        InProgress => "IN_PROGRESS",
        Success => "SUCCESS",
        Failed => "FAILED",
        Cancelled => "CANCELLED",
    }
);

wire_enum!(
    /// What a job does (the `requestType` filter of `/packages/jobs`). VERSION comes from
    /// package versioning.
    JobRequestType {
        Export => "EXPORT",
        Import => "IMPORT",
        Copy => "COPY",
        Version => "VERSION",
    }
);

/// What `GET /packages/{id}/export` (publish) and `PUT|POST /packages/import` answer: the job
/// that was started. Only the import answer has `destinationSandbox`; `jobId` is missing from
/// the older examples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageJobStarted {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Always `TENANT` in the examples; the vocabulary is undocumented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<String>,
    pub source_sandbox: SandboxRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_sandbox: Option<SandboxRef>,
    /// Named `type` here, although packages call it `packageType`.
    #[serde(rename = "type")]
    pub package_type: PackageType,
    pub correlation_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
}

/// The answer to publishing a package.
pub type PublishPackageResponse = PackageJobStarted;

/// The answer to submitting an import.
pub type SubmitImportResponse = PackageJobStarted;

/// One item of `GET /packages/jobs`. Timestamps are epoch milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageJob {
    pub id: String,
    pub name: String,
    pub updated: i64,
    pub created: i64,
    pub job_type: JobType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_type: Option<PackageType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub job_status: JobStatus,
    /// Always `TENANT` in the examples; the vocabulary is undocumented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<String>,
    /// Platform spells this one `sourceSandBox` (capital B) right next to `targetSandbox`.
    #[serde(
        rename = "sourceSandBox",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_sandbox: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_sandbox: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
}
