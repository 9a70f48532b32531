//! When a package may be imported into a sandbox of the organization: one rule for the row
//! action, the details button and the import page, so that they always agree.

use exim_api::{Package, PackageStatus, Sandbox, SandboxType};

use crate::i18n::keys::sandbox_import as k;
use crate::i18n::t;

/// Why a package cannot be imported, in the order the conditions are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportBlock {
    NoPermission,
    NotPublished,
    Expired,
}

impl ImportBlock {
    pub fn explanation(self) -> String {
        t(match self {
            ImportBlock::NoPermission => k::BLOCK_NO_PERMISSION,
            ImportBlock::NotPublished => k::BLOCK_NOT_PUBLISHED,
            ImportBlock::Expired => k::BLOCK_EXPIRED,
        })
    }
}

/// `Ok` when the user may import this package (at `now_ms`, epoch milliseconds).
pub fn import_eligibility(
    package: &Package,
    can_manage: bool,
    now_ms: f64,
) -> Result<(), ImportBlock> {
    if !can_manage {
        return Err(ImportBlock::NoPermission);
    }
    if package.status != Some(PackageStatus::Published) {
        return Err(ImportBlock::NotPublished);
    }
    if package
        .expiry
        .is_some_and(|expiry| (expiry as f64) <= now_ms)
    {
        return Err(ImportBlock::Expired);
    }
    Ok(())
}

/// The sandboxes a package can be imported into: every sandbox of the org but its own.
pub fn target_sandboxes<'a>(package: &Package, sandboxes: &'a [Sandbox]) -> Vec<&'a Sandbox> {
    let own = package.source_sandbox_name();
    sandboxes
        .iter()
        .filter(|sandbox| sandbox.name != own)
        .collect()
}

/// Importing into production needs the sandbox's name typed (the production guard).
pub fn is_production(sandbox: &Sandbox) -> bool {
    sandbox.sandbox_type == Some(SandboxType::Production)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(status: &str, expiry: Option<i64>) -> Package {
        serde_json::from_value(serde_json::json!({
            "id": "p1", "name": "n", "status": status, "expiry": expiry,
            "sourceSandbox": {"name": "prod", "imsOrgId": "o@AdobeOrg"},
        }))
        .unwrap()
    }

    fn sandbox(name: &str, kind: &str) -> Sandbox {
        serde_json::from_value(serde_json::json!({"name": name, "title": name, "type": kind}))
            .unwrap()
    }

    #[test]
    fn only_published_unexpired_packages_are_imported_by_managers() {
        let now = 1_000.0;
        assert_eq!(
            import_eligibility(&package("PUBLISHED", Some(2_000)), true, now),
            Ok(())
        );
        assert_eq!(
            import_eligibility(&package("PUBLISHED", None), true, now),
            Ok(())
        );
        assert_eq!(
            import_eligibility(&package("PUBLISHED", None), false, now),
            Err(ImportBlock::NoPermission)
        );
        assert_eq!(
            import_eligibility(&package("DRAFT", None), true, now),
            Err(ImportBlock::NotPublished)
        );
        assert_eq!(
            import_eligibility(&package("PUBLISHED", Some(1_000)), true, now),
            Err(ImportBlock::Expired)
        );
    }

    #[test]
    fn the_package_own_sandbox_is_not_a_target_and_production_is_guarded() {
        let all = vec![sandbox("prod", "production"), sandbox("dev", "development")];
        let targets = target_sandboxes(&package("PUBLISHED", None), &all);
        assert_eq!(targets.len(), 1);
        assert_eq!(targets[0].name, "dev");
        assert!(is_production(&all[0]));
        assert!(!is_production(&all[1]));
    }
}
