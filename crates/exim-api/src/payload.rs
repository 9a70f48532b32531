//! The "package payload" that lets another org pull a public package.

use serde::{Deserialize, Serialize};

/// `GET /packages/payload/{id}` answers `{imsOrgId, packageId}` (the owning org and package).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CopyPayloadResponse {
    pub ims_org_id: String,
    pub package_id: String,
}

/// `POST /transfer/pullRequest` takes exactly the copied payload as its body, which is how the
/// console's "paste package payload" works, so both are one type.
pub type PullRequest = CopyPayloadResponse;
