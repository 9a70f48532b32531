//! Fields of `GET /exim/packages/jobs`.

use super::list_field::{FieldKind, ListField, Sort};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobField {
    Name,
    RequestType,
    JobType,
    JobStatus,
    PackageType,
    /// Jobs carry `created`, but Platform's own example orders them by `createdDate`.
    CreatedDate,
    Created,
    Updated,
}

impl ListField for JobField {
    const ALL: &'static [Self] = &[
        JobField::Name,
        JobField::RequestType,
        JobField::JobType,
        JobField::JobStatus,
        JobField::PackageType,
        JobField::CreatedDate,
        JobField::Created,
        JobField::Updated,
    ];

    const DEFAULT_SORT: Sort<Self> = Sort {
        field: JobField::Created,
        descending: true,
    };

    const QUERY_PARAMETERS: &'static [Self] =
        &[JobField::JobStatus, JobField::JobType, JobField::RequestType];

    fn name(self) -> &'static str {
        match self {
            JobField::Name => "name",
            JobField::RequestType => "requestType",
            JobField::JobType => "jobType",
            JobField::JobStatus => "jobStatus",
            JobField::PackageType => "packageType",
            JobField::CreatedDate => "createdDate",
            JobField::Created => "created",
            JobField::Updated => "updated",
        }
    }

    fn kind(self) -> FieldKind {
        match self {
            JobField::Name => FieldKind::Text,
            JobField::RequestType
            | JobField::JobType
            | JobField::JobStatus
            | JobField::PackageType => FieldKind::Enum,
            JobField::CreatedDate | JobField::Created | JobField::Updated => FieldKind::Timestamp,
        }
    }

    fn known_values(self) -> &'static [&'static str] {
        match self {
            JobField::RequestType => &["EXPORT", "IMPORT", "COPY"],
            JobField::JobType => &["NEW", "RESUME", "ROLLBACK"],
            JobField::JobStatus => &["PENDING", "IN_PROGRESS", "SUCCESS", "FAILED", "CANCELLED"],
            JobField::PackageType => &["PARTIAL", "FULL"],
            _ => &[],
        }
    }

    fn sortable(self) -> bool {
        matches!(
            self,
            JobField::Name | JobField::CreatedDate | JobField::Created | JobField::Updated
        )
    }
}
