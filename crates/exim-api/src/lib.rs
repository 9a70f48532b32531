//! Wire types of the Sandbox Tooling (`/data/foundation/exim`) REST API.
//!
//! Field names follow what Platform sends, quirks included (`artifacts` in requests but
//! `artifactsList` in responses, `sourceSandBox` in jobs, `linkingID` vs `linkingId`).
//! Optional fields are skipped when absent so that a value read from Platform serializes back
//! to the same JSON; fields this crate does not model are kept in `extra`.

mod access;
mod children;
mod enums;
mod errors;
mod handshake;
mod handshake_requests;
mod history;
mod import;
mod jobs;
mod package;
mod package_requests;
mod paging;
mod payload;
mod preflight;
mod sandbox;
mod status_history;
mod tools_job;
mod transfer;

pub use access::{permission, EffectivePoliciesResponse};
pub use children::DependentObject;
pub use enums::{PackageStatus, PackageType, PackageVisibility};
pub use errors::{ErrorReport, GatewayError, PlatformError, TenantInfo};
pub use handshake::{HandshakeRecord, HandshakeRequestType, HandshakeStatus};
pub use handshake_requests::{
    BulkCreateRequest, BulkCreateResponse, FailedHandshakeRequest, HandshakeActionRequest,
    SourceOrgDetails, TargetOrgDetails,
};
pub use history::{HistoryAction, HistoryEntry, HistoryOrganization, PackageHistory};
pub use import::{ArtifactMessage, CheckedArtifact, ImportConflict, SubmitImportRequest};
pub use jobs::{
    JobRequestType, JobStatus, JobType, PackageJob, PackageJobStarted, PublishPackageResponse,
    SubmitImportResponse,
};
pub use package::{Artifact, Package, ReceivedFrom, SandboxRef};
pub use package_requests::{
    ArtifactRef, CreatePackageRequest, DeletePackageResponse, PackageAction, UpdatePackageRequest,
};
pub use paging::PagedResponse;
pub use payload::{CopyPayloadResponse, PullRequest};
pub use preflight::{
    ArtifactPermissionCheck, PermissionSet, PreflightResponse, ResourcePermissions,
};
pub use sandbox::{Sandbox, SandboxList, SandboxListPage, SandboxState, SandboxType};
pub use status_history::{encode_status_history, StatusHistoryAction, StatusHistoryEntry};
pub use tools_job::{
    CompletedTask, EnvelopeOutcome, EximEnvelope, FetchJobResponse, JobDetails, ObjectOutcome,
    ObjectResult,
};
pub use transfer::{
    TransferDetails, TransferRecord, TransferRequest, TransferRequestType, TransferStatus,
    TransferTarget, TRANSFER_PROGRESS_MESSAGES,
};

/// The four headers Platform requires on every exim call (besides `Content-Type`).
pub mod headers {
    pub const API_KEY: &str = "x-api-key";
    pub const ORG_ID: &str = "x-gw-ims-org-id";
    pub const SANDBOX_NAME: &str = "x-sandbox-name";
}
