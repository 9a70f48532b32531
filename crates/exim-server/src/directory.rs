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

    /// Access Control resources that creating sandbox objects needs
    /// (`artifact_model::required_resources`), held whole or not at all: a user who holds
    /// `resource:Journey` may read and write journeys.
    pub const RESOURCE_PREFIX: &str = "resource:";
    pub const SANDBOX_RESOURCE: &str = "resource:Sandbox";
    pub const SCHEMA_RESOURCE: &str = "resource:Schema";
    pub const PROFILE_CONFIG_RESOURCE: &str = "resource:ProfileConfig";
    pub const SEGMENT_RESOURCE: &str = "resource:Segment";
    pub const DATASET_RESOURCE: &str = "resource:Dataset";
    pub const POLICY_RESOURCE: &str = "resource:Policy";
    pub const JOURNEY_RESOURCE: &str = "resource:Journey";

    /// Every permission: what the demo admins hold.
    pub const ALL: &[&str] = &[
        MANAGE_PACKAGE,
        PACKAGE_SHARE,
        MANAGE_SANDBOX,
        VIEW_SANDBOX,
        SANDBOX_RESOURCE,
        SCHEMA_RESOURCE,
        PROFILE_CONFIG_RESOURCE,
        SEGMENT_RESOURCE,
        DATASET_RESOURCE,
        POLICY_RESOURCE,
        JOURNEY_RESOURCE,
    ];

    /// Whether `permissions` include the Access Control resource `resource` (e.g. `Journey`).
    pub fn holds_resource(permissions: &[String], resource: &str) -> bool {
        permissions.iter().any(|held| {
            held.strip_prefix(RESOURCE_PREFIX)
                .is_some_and(|name| name == resource)
        })
    }

    /// The path form used by the effective-policies API.
    pub const PATH_PREFIX: &str = "/permissions/";
}
