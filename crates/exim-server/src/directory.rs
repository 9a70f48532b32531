//! Who exists on this server: organizations, their users and their sandboxes.

use exim_api::{SandboxState, SandboxType};

/// An IMS organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub ims_org_id: String,
    pub name: String,
    /// Platform region in lower case, e.g. `va7`.
    pub region: String,
    /// The 32-hex tenant id Platform puts on packages as `tenantId`.
    pub tenant_id: String,
}

/// A user of an org, identified by their bearer token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Adobe ID style, e.g. `acme-admin@AdobeID`; appears as `createdBy`.
    pub id: String,
    pub ims_org_id: String,
    pub display_name: String,
    /// Access Control permission names, e.g. `manage-package`.
    pub permissions: Vec<String>,
}

impl User {
    pub fn holds(&self, permission: &str) -> bool {
        self.permissions.iter().any(|held| held == permission)
    }
}

/// A sandbox of an org, named by `x-sandbox-name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sandbox {
    pub id: String,
    pub ims_org_id: String,
    pub name: String,
    pub title: String,
    pub sandbox_type: SandboxType,
    pub is_default: bool,
    pub state: SandboxState,
    pub created_date: i64,
    pub modified_date: i64,
    pub created_by: String,
    pub modified_by: String,
}

/// Access Control permissions the server knows and enforces.
pub mod permissions {
    pub const MANAGE_PACKAGE: &str = "manage-package";
    pub const PACKAGE_SHARE: &str = "package-share";
    pub const MANAGE_SANDBOX: &str = "manage-sandbox";
    pub const VIEW_SANDBOX: &str = "view-sandbox";

    pub const ALL: &[&str] = &[MANAGE_PACKAGE, PACKAGE_SHARE, MANAGE_SANDBOX, VIEW_SANDBOX];

    /// The path form used by the effective-policies API.
    pub const PATH_PREFIX: &str = "/permissions/";
}
