//! Fields of `GET /exim/transfer/list`. Sorting by `packageName`, `status` and
//! `targetOrgName` is our extension (api-notes §14); Platform orders only by `createdDate`.

use super::list_field::{FieldKind, ListField, Sort};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferField {
    /// The transfer's own id: `property=id==ID1,ID2` lists exactly those (our extension, for
    /// the results of a bulk share).
    Id,
    Status,
    RequestType,
    PackageId,
    PackageName,
    SourceImsOrgId,
    TargetImsOrgId,
    SourceOrgName,
    TargetOrgName,
    CreatedDate,
    ModifiedDate,
    CompletedTime,
}

impl ListField for TransferField {
    const ALL: &'static [Self] = &[
        TransferField::Id,
        TransferField::Status,
        TransferField::RequestType,
        TransferField::PackageId,
        TransferField::PackageName,
        TransferField::SourceImsOrgId,
        TransferField::TargetImsOrgId,
        TransferField::SourceOrgName,
        TransferField::TargetOrgName,
        TransferField::CreatedDate,
        TransferField::ModifiedDate,
        TransferField::CompletedTime,
    ];

    const DEFAULT_SORT: Sort<Self> = Sort {
        field: TransferField::CreatedDate,
        descending: true,
    };

    fn name(self) -> &'static str {
        match self {
            TransferField::Id => "id",
            TransferField::Status => "status",
            TransferField::RequestType => "requestType",
            TransferField::PackageId => "packageId",
            TransferField::PackageName => "packageName",
            TransferField::SourceImsOrgId => "sourceIMSOrgId",
            TransferField::TargetImsOrgId => "targetIMSOrgId",
            TransferField::SourceOrgName => "sourceOrgName",
            TransferField::TargetOrgName => "targetOrgName",
            TransferField::CreatedDate => "createdDate",
            TransferField::ModifiedDate => "modifiedDate",
            TransferField::CompletedTime => "completedTime",
        }
    }

    fn kind(self) -> FieldKind {
        match self {
            TransferField::Status | TransferField::RequestType => FieldKind::Enum,
            TransferField::Id
            | TransferField::PackageId
            | TransferField::PackageName
            | TransferField::SourceImsOrgId
            | TransferField::TargetImsOrgId
            | TransferField::SourceOrgName
            | TransferField::TargetOrgName => FieldKind::Text,
            TransferField::CreatedDate
            | TransferField::ModifiedDate
            | TransferField::CompletedTime => FieldKind::Timestamp,
        }
    }

    fn known_values(self) -> &'static [&'static str] {
        match self {
            TransferField::Status => &["PENDING", "IN_PROGRESS", "COMPLETED", "FAILED"],
            TransferField::RequestType => &["PRIVATE", "PUBLIC"],
            _ => &[],
        }
    }

    fn sortable(self) -> bool {
        matches!(
            self,
            TransferField::Status
                | TransferField::PackageName
                | TransferField::SourceOrgName
                | TransferField::TargetOrgName
                | TransferField::CreatedDate
                | TransferField::ModifiedDate
                | TransferField::CompletedTime
        )
    }
}
