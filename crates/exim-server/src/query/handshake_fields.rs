//! Fields of `GET /exim/handshake/list`.

use super::list_field::{FieldKind, ListField, Sort};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandshakeField {
    Status,
    SourceImsOrgId,
    TargetImsOrgId,
    SourceOrgName,
    TargetOrgName,
    CreatedDate,
    ModifiedDate,
}

impl ListField for HandshakeField {
    const ALL: &'static [Self] = &[
        HandshakeField::Status,
        HandshakeField::SourceImsOrgId,
        HandshakeField::TargetImsOrgId,
        HandshakeField::SourceOrgName,
        HandshakeField::TargetOrgName,
        HandshakeField::CreatedDate,
        HandshakeField::ModifiedDate,
    ];

    const DEFAULT_SORT: Sort<Self> = Sort {
        field: HandshakeField::CreatedDate,
        descending: true,
    };

    fn name(self) -> &'static str {
        match self {
            HandshakeField::Status => "status",
            HandshakeField::SourceImsOrgId => "sourceIMSOrgId",
            HandshakeField::TargetImsOrgId => "targetIMSOrgId",
            HandshakeField::SourceOrgName => "sourceOrgName",
            HandshakeField::TargetOrgName => "targetOrgName",
            HandshakeField::CreatedDate => "createdDate",
            HandshakeField::ModifiedDate => "modifiedDate",
        }
    }

    fn kind(self) -> FieldKind {
        match self {
            HandshakeField::Status => FieldKind::Enum,
            HandshakeField::SourceImsOrgId
            | HandshakeField::TargetImsOrgId
            | HandshakeField::SourceOrgName
            | HandshakeField::TargetOrgName => FieldKind::Text,
            HandshakeField::CreatedDate | HandshakeField::ModifiedDate => FieldKind::Timestamp,
        }
    }

    fn known_values(self) -> &'static [&'static str] {
        match self {
            HandshakeField::Status => &[
                "APPROVAL_PENDING",
                "APPROVED",
                "REJECTED",
                "CANCELLED",
                "IN_PROGRESS",
            ],
            _ => &[],
        }
    }

    /// Adobe lists IN_PROGRESS as a filter value but records say APPROVAL_PENDING
    /// (api-notes §7).
    fn stored_value(self, value: String) -> String {
        if self == HandshakeField::Status && value == "IN_PROGRESS" {
            "APPROVAL_PENDING".into()
        } else {
            value
        }
    }

    /// Platform orders partnerships only by `createdDate`; `modifiedDate` is our addition.
    fn sortable(self) -> bool {
        matches!(
            self,
            HandshakeField::CreatedDate | HandshakeField::ModifiedDate
        )
    }
}
