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
    ];

    /// Newest first, like every list in Platform's examples.
    const DEFAULT_SORT: Sort<Self> = Sort {
        field: PackageField::CreatedDate,
        descending: true,
    };

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
        }
    }

    fn kind(self) -> FieldKind {
        match self {
            PackageField::Name | PackageField::SourceSandboxName => FieldKind::Text,
            PackageField::Status | PackageField::PackageVisibility | PackageField::PackageType => {
                FieldKind::Enum
            }
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
