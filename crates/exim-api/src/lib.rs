//! Wire types of the Sandbox Tooling (`/data/foundation/exim`) REST API.
//!
//! Field names follow what Platform sends, quirks included (`artifacts` in requests but
//! `artifactsList` in responses, `sourceSandBox` in jobs, `linkingID` vs `linkingId`).
//! Optional fields are skipped when absent so that a value read from Platform serializes back
//! to the same JSON; fields this crate does not model are kept in `extra`.

mod enums;
mod errors;
mod package;
mod paging;

pub use enums::{PackageStatus, PackageType, PackageVisibility};
pub use errors::{GatewayError, PlatformError, TenantInfo, ErrorReport};
pub use package::{Artifact, Package, SandboxRef};
pub use paging::PagedResponse;

/// The four headers Platform requires on every exim call (besides `Content-Type`).
pub mod headers {
    pub const API_KEY: &str = "x-api-key";
    pub const ORG_ID: &str = "x-gw-ims-org-id";
    pub const SANDBOX_NAME: &str = "x-sandbox-name";
}
