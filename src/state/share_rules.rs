//! When a package may be shared with partner organizations (the UI spec's three conditions).

use exim_api::{Package, PackageStatus, PackageVisibility};

use crate::i18n::keys::packages as k;
use crate::i18n::{t, tf};

/// Why a package cannot be shared, in the order the conditions are checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareBlock {
    NoPermission,
    Public,
    NotPublished,
    OtherSandbox(String),
}

impl ShareBlock {
    /// The sentence shown on the row, in the user's language.
    pub fn explanation(&self) -> String {
        match self {
            ShareBlock::NoPermission => t(k::BLOCK_NO_PERMISSION),
            ShareBlock::Public => t(k::BLOCK_PUBLIC),
            ShareBlock::NotPublished => t(k::BLOCK_NOT_PUBLISHED),
            ShareBlock::OtherSandbox(sandbox) => {
                tf(k::BLOCK_OTHER_SANDBOX, &[("sandbox", sandbox)])
            }
        }
    }
}

/// `Ok` when the Share action applies to this package for this user in this sandbox.
pub fn share_eligibility(
    package: &Package,
    current_sandbox: &str,
    can_share: bool,
) -> Result<(), ShareBlock> {
    if !can_share {
        return Err(ShareBlock::NoPermission);
    }
    if package.visibility() == PackageVisibility::Public {
        return Err(ShareBlock::Public);
    }
    if package.status != Some(PackageStatus::Published) {
        return Err(ShareBlock::NotPublished);
    }
    let sandbox = package
        .source_sandbox
        .as_ref()
        .map(|s| s.name.as_str())
        .unwrap_or("");
    if sandbox != current_sandbox {
        return Err(ShareBlock::OtherSandbox(sandbox.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use exim_api::SandboxRef;

    fn package(
        status: PackageStatus,
        visibility: Option<PackageVisibility>,
        sandbox: &str,
    ) -> Package {
        serde_json::from_value::<Package>(serde_json::json!({"id": "p1", "name": "n"}))
            .map(|mut package| {
                package.status = Some(status);
                package.package_visibility = visibility;
                package.source_sandbox = Some(SandboxRef {
                    name: sandbox.to_string(),
                    ims_org_id: "5C1328435BF324E90A49402A@AdobeOrg".to_string(),
                    empty: None,
                });
                package
            })
            .expect("a minimal package")
    }

    #[test]
    fn a_published_private_package_of_this_sandbox_can_be_shared() {
        let shareable = package(
            PackageStatus::Published,
            Some(PackageVisibility::Private),
            "dev",
        );
        assert_eq!(share_eligibility(&shareable, "dev", true), Ok(()));
        let unset = package(PackageStatus::Published, None, "dev");
        assert_eq!(
            share_eligibility(&unset, "dev", true),
            Ok(()),
            "no visibility means private"
        );
    }

    #[test]
    fn each_condition_blocks_with_its_reason() {
        let published = package(PackageStatus::Published, None, "dev");
        assert_eq!(
            share_eligibility(&published, "dev", false),
            Err(ShareBlock::NoPermission)
        );
        let draft = package(PackageStatus::Draft, None, "dev");
        assert_eq!(
            share_eligibility(&draft, "dev", true),
            Err(ShareBlock::NotPublished)
        );
        let public = package(
            PackageStatus::Published,
            Some(PackageVisibility::Public),
            "dev",
        );
        assert_eq!(
            share_eligibility(&public, "dev", true),
            Err(ShareBlock::Public)
        );
        assert_eq!(
            share_eligibility(&published, "prod", true),
            Err(ShareBlock::OtherSandbox("dev".into()))
        );
        assert_eq!(
            ShareBlock::NotPublished.explanation(),
            "Only published packages can be shared"
        );
    }
}
