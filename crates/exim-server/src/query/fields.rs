//! The filterable and sortable fields of each list.

use super::list_field::{FieldKind, ListField, Sort};

/// Fields of `GET /exim/packages` (api-notes §14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackageField {
    Name,
    Status,
    PackageVisibility,
    PackageType,
    SourceSandboxName,
    CreatedDate,
    ModifiedDate,
    Expiry,
    /// Local extension: the org a received package came from (`receivedFrom.imsOrgId`).
    ReceivedFromImsOrgId,
    /// Local extension: `received==true` for packages received from another org.
    Received,
}

impl ListField for PackageField {
    const ALL: &'static [Self] = &[
        PackageField::Name,
        PackageField::Status,
        PackageField::PackageVisibility,
        PackageField::PackageType,
        PackageField::SourceSandboxName,
        PackageField::CreatedDate,
        PackageField::ModifiedDate,
        PackageField::Expiry,
        PackageField::ReceivedFromImsOrgId,
        PackageField::Received,
    ];

    /// Newest first, like every list in Platform's examples.
    const DEFAULT_SORT: Sort<Self> = Sort {
        field: PackageField::CreatedDate,
        descending: true,
    };

    const QUERY_PARAMETERS: &'static [Self] = &[PackageField::Status];

    fn name(self) -> &'static str {
        match self {
            PackageField::Name => "name",
            PackageField::Status => "status",
            PackageField::PackageVisibility => "packageVisibility",
            PackageField::PackageType => "packageType",
            PackageField::SourceSandboxName => "sourceSandbox.name",
            PackageField::CreatedDate => "createdDate",
            PackageField::ModifiedDate => "modifiedDate",
            PackageField::Expiry => "expiry",
            PackageField::ReceivedFromImsOrgId => "receivedFrom.imsOrgId",
            PackageField::Received => "received",
        }
    }

    fn kind(self) -> FieldKind {
        match self {
            PackageField::Name
            | PackageField::SourceSandboxName
            | PackageField::ReceivedFromImsOrgId => FieldKind::Text,
            PackageField::Status
            | PackageField::PackageVisibility
            | PackageField::PackageType
            | PackageField::Received => FieldKind::Enum,
            PackageField::CreatedDate | PackageField::ModifiedDate | PackageField::Expiry => {
                FieldKind::Timestamp
            }
        }
    }

    fn known_values(self) -> &'static [&'static str] {
        match self {
            PackageField::Status => &[
                "DRAFT",
                "PUBLISH_IN_PROGRESS",
                "PUBLISHED",
                "PUBLISH_FAILED",
            ],
            PackageField::PackageVisibility => &["PRIVATE", "PUBLIC"],
            PackageField::PackageType => &["PARTIAL", "FULL"],
            PackageField::Received => &["TRUE", "FALSE"],
            _ => &[],
        }
    }

    fn sortable(self) -> bool {
        matches!(
            self,
            PackageField::Name
                | PackageField::Status
                | PackageField::CreatedDate
                | PackageField::ModifiedDate
                | PackageField::Expiry
        )
    }
}
