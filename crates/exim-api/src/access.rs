//! Access Control's effective policies: which permissions the current user holds.
//! The request (`POST /access-control/acl/effective-policies`) is a plain JSON array of paths.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Permission paths the console asks about.
pub mod permission {
    /// Create, publish, import and change packages.
    pub const MANAGE_PACKAGE: &str = "/permissions/manage-package";
    /// Partnerships and sharing packages across orgs.
    pub const PACKAGE_SHARE: &str = "/permissions/package-share";
}

/// `{"policies": {"/permissions/x": ["*"], "/resource-types/y": ["read", "write"]}}`.
/// Paths the user does not hold are left out rather than listed with no actions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EffectivePoliciesResponse {
    pub policies: BTreeMap<String, Vec<String>>,
}

impl EffectivePoliciesResponse {
    /// Whether the user holds `permission_path` with at least one action.
    pub fn holds(&self, permission_path: &str) -> bool {
        self.policies
            .get(permission_path)
            .is_some_and(|actions| !actions.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_only_listed_permissions_with_actions() {
        let response: EffectivePoliciesResponse = serde_json::from_str(
            r#"{"policies": {"/permissions/manage-package": ["*"], "/permissions/package-share": []}}"#,
        )
        .unwrap();
        assert!(response.holds(permission::MANAGE_PACKAGE));
        assert!(!response.holds(permission::PACKAGE_SHARE));
        assert!(!response.holds("/permissions/manage-sandbox"));
    }
}
