//! The demo directory and packages (api-notes §14), loaded with `--demo` into an empty
//! database, with the demo partnerships and transfers of the submodules. Ids and dates are
//! derived deterministically so that tests and screenshots are the same on every machine.

mod partnerships;
mod transfers;

use exim_api::PackageStatus::{self, Draft, PublishFailed, Published};
use exim_api::PackageType::{self, Full, Partial};
use exim_api::{Artifact, PackageVisibility, SandboxState, SandboxType};
use rusqlite::Connection;
use serde_json::Map;

use crate::db::directory::{insert_org, insert_sandbox, insert_user, is_empty};
use crate::db::packages::{insert_package, NewPackage};
use crate::directory::permissions::{self, VIEW_SANDBOX};
use crate::directory::{Org, Sandbox, User};

pub const ACME: &str = "5C1328435BF324E90A49402A@AdobeOrg";
pub const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";
pub const INITECH: &str = "2E63197465A811E70A494213@AdobeOrg";
pub const UMBRELLA: &str = "C0FA10B6661FDE6F0A494023@AdobeOrg";

/// 2026-10-01T09:00:00Z: every demo date is an offset from this instant.
const BASE_MS: i64 = 1_790_845_200_000;
const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;
/// Platform's default package lifetime.
const DEFAULT_EXPIRY_DAYS: i64 = 90;

struct DemoOrg {
    ims_org_id: &'static str,
    name: &'static str,
    region: &'static str,
    /// `(name, title)`; the first is the default production sandbox.
    sandboxes: &'static [(&'static str, &'static str)],
}

const ORGS: &[DemoOrg] = &[
    DemoOrg {
        ims_org_id: ACME,
        name: "Acme Retail",
        region: "va7",
        sandboxes: &[
            ("prod", "Production"),
            ("acme-sandbox", "Acme Sandbox"),
            ("acme-dev", "Acme Development"),
        ],
    },
    DemoOrg {
        ims_org_id: GLOBEX,
        name: "Globex Corp",
        region: "va6",
        sandboxes: &[("prod", "Production"), ("globex-stage", "Globex Staging")],
    },
    DemoOrg {
        ims_org_id: INITECH,
        name: "Initech",
        region: "nld2",
        sandboxes: &[("prod", "Production")],
    },
    DemoOrg {
        ims_org_id: UMBRELLA,
        name: "Umbrella Group",
        region: "va7",
        sandboxes: &[("prod", "Production")],
    },
];

struct DemoUser {
    token: &'static str,
    id: &'static str,
    ims_org_id: &'static str,
    display_name: &'static str,
    permissions: &'static [&'static str],
}

const USERS: &[DemoUser] = &[
    DemoUser {
        token: "demo-acme-admin",
        id: "acme-admin@AdobeID",
        ims_org_id: ACME,
        display_name: "Avery Acme (admin)",
        permissions: permissions::ALL,
    },
    DemoUser {
        token: "demo-acme-viewer",
        id: "acme-viewer@AdobeID",
        ims_org_id: ACME,
        display_name: "Vic Acme (viewer)",
        permissions: &[VIEW_SANDBOX],
    },
    DemoUser {
        token: "demo-globex-admin",
        id: "globex-admin@AdobeID",
        ims_org_id: GLOBEX,
        display_name: "Gale Globex (admin)",
        permissions: permissions::ALL,
    },
    DemoUser {
        token: "demo-initech-admin",
        id: "initech-admin@AdobeID",
        ims_org_id: INITECH,
        display_name: "Ida Initech (admin)",
        permissions: permissions::ALL,
    },
    DemoUser {
        token: "demo-umbrella-admin",
        id: "umbrella-admin@AdobeID",
        ims_org_id: UMBRELLA,
        display_name: "Uma Umbrella (admin)",
        permissions: permissions::ALL,
    },
];

struct DemoPackage {
    ims_org_id: &'static str,
    sandbox: &'static str,
    name: &'static str,
    description: &'static str,
    package_type: PackageType,
    status: PackageStatus,
    visibility: Option<PackageVisibility>,
    created_hours_before_base: i64,
    modified_hours_after_created: i64,
    /// Lifetime after publishing; unpublished packages get the default from their last change.
    expiry_days: i64,
    /// `(type, title)`
    artifacts: &'static [(&'static str, &'static str)],
}

const PRIVATE: Option<PackageVisibility> = Some(PackageVisibility::Private);
const PUBLIC: Option<PackageVisibility> = Some(PackageVisibility::Public);
/// Stored without visibility, like packages made before the feature existed.
const UNSET: Option<PackageVisibility> = None;

const PACKAGES: &[DemoPackage] = &[
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Spring sale journeys",
        description: "Welcome and reminder journeys for the spring sale, with their audience.",
        package_type: Partial,
        status: Published,
        visibility: PUBLIC,
        created_hours_before_base: 2400,
        modified_hours_after_created: 26,
        expiry_days: 365,
        artifacts: &[
            ("JOURNEY", "Spring sale welcome"),
            ("JOURNEY", "Spring sale reminder"),
            ("PROFILE_SEGMENT", "Spring sale prospects"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Loyalty tier segments",
        description: "Gold, silver and bronze loyalty audiences.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 2150,
        modified_hours_after_created: 5,
        expiry_days: 180,
        artifacts: &[
            ("PROFILE_SEGMENT", "Loyalty gold members"),
            ("PROFILE_SEGMENT", "Loyalty silver members"),
            ("PROFILE_SEGMENT", "Loyalty bronze members"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Customer profile schema",
        description: "Individual profile schema with loyalty and consent field groups.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 1900,
        modified_hours_after_created: 50,
        expiry_days: 365,
        artifacts: &[
            ("REGISTRY_SCHEMA", "Acme customer profile"),
            ("REGISTRY_MIXIN", "Loyalty details"),
            ("REGISTRY_MIXIN", "Consent and preferences"),
            ("REGISTRY_DATATYPE", "Postal address"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Broken journey bundle",
        description: "Win-back journeys whose message template was deleted; sharing it fails.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 1700,
        modified_hours_after_created: 3,
        expiry_days: 90,
        artifacts: &[
            ("JOURNEY", "Legacy win-back"),
            ("JOURNEY", "Legacy re-engagement"),
            ("MESSAGE", "Win-back email (deleted)"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Cart abandonment journey",
        description: "Reminder journey for carts left for more than a day. Work in progress.",
        package_type: Partial,
        status: Draft,
        visibility: PRIVATE,
        created_hours_before_base: 1500,
        modified_hours_after_created: 200,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[
            ("JOURNEY", "Cart abandonment"),
            ("PROFILE_SEGMENT", "Abandoned cart in the last 24 hours"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Email consent policies",
        description: "Consent policies for marketing email and partner data sharing.",
        package_type: Partial,
        status: PublishFailed,
        visibility: PRIVATE,
        created_hours_before_base: 1350,
        modified_hours_after_created: 2,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[
            ("DULE_CONSENT_POLICY", "Marketing email consent"),
            ("DULE_CONSENT_POLICY", "Partner data sharing"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Identity namespaces",
        description: "Loyalty ID and store card namespaces used by every profile schema.",
        package_type: Partial,
        status: Published,
        visibility: UNSET,
        created_hours_before_base: 1200,
        modified_hours_after_created: 1,
        expiry_days: 730,
        artifacts: &[
            ("ID_NAMESPACE", "Loyalty ID"),
            ("ID_NAMESPACE", "Store card number"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Web events dataset",
        description: "Experience event dataset for the web shop and its schema.",
        package_type: Partial,
        status: Draft,
        visibility: PRIVATE,
        created_hours_before_base: 1000,
        modified_hours_after_created: 30,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[
            ("CATALOG_DATASET", "Web events"),
            ("REGISTRY_SCHEMA", "Web experience events"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Full sandbox snapshot Q3",
        description: "Everything in acme-sandbox at the end of the third quarter.",
        package_type: Full,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 800,
        modified_hours_after_created: 4,
        expiry_days: 180,
        artifacts: &[],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Onboarding welcome series",
        description: "Three-step welcome series for new loyalty members.",
        package_type: Partial,
        status: Published,
        visibility: PUBLIC,
        created_hours_before_base: 600,
        modified_hours_after_created: 20,
        expiry_days: 365,
        artifacts: &[
            ("JOURNEY", "New member welcome"),
            ("PROFILE_SEGMENT", "Joined in the last 7 days"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Store locator data flows",
        description: "Nightly SFTP import of store locations and its mapping.",
        package_type: Partial,
        status: Draft,
        visibility: PRIVATE,
        created_hours_before_base: 450,
        modified_hours_after_created: 100,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[
            ("FLOW", "Store locations SFTP"),
            ("MAPPING_SET", "Store locations mapping"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Merge policy defaults",
        description: "Default time-based merge policy.",
        package_type: Partial,
        status: PublishFailed,
        visibility: UNSET,
        created_hours_before_base: 300,
        modified_hours_after_created: 1,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[("PROFILE_MERGE", "Default time-based merge")],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Product catalog classes",
        description: "Product class, catalog schema and the SKU identity descriptor.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 200,
        modified_hours_after_created: 6,
        expiry_days: 90,
        artifacts: &[
            ("REGISTRY_CLASS", "Product"),
            ("REGISTRY_SCHEMA", "Product catalog"),
            ("REGISTRY_DESCRIPTOR", "Product SKU identity"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-sandbox",
        name: "Holiday campaign 2026",
        description: "Holiday countdown journey and its audiences.",
        package_type: Partial,
        status: Draft,
        visibility: PRIVATE,
        created_hours_before_base: 72,
        modified_hours_after_created: 48,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[
            ("JOURNEY", "Holiday countdown"),
            ("PROFILE_SEGMENT", "Holiday shoppers 2025"),
            ("PROFILE_SEGMENT", "Gift card buyers"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "prod",
        name: "Production baseline schemas",
        description: "The profile schema and field groups every sandbox starts from.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 2600,
        modified_hours_after_created: 10,
        expiry_days: 730,
        artifacts: &[
            ("REGISTRY_SCHEMA", "Acme customer profile"),
            ("REGISTRY_MIXIN", "Loyalty details"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "prod",
        name: "Regional privacy policies",
        description: "EU data residency and California opt-out policies.",
        package_type: Partial,
        status: Draft,
        visibility: PRIVATE,
        created_hours_before_base: 120,
        modified_hours_after_created: 2,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[
            ("DULE_CONSENT_POLICY", "EU data residency"),
            ("DULE_CONSENT_POLICY", "California opt-out"),
        ],
    },
    DemoPackage {
        ims_org_id: ACME,
        sandbox: "acme-dev",
        name: "Experimental segments",
        description: "Lookalike audiences under test.",
        package_type: Partial,
        status: Draft,
        visibility: PRIVATE,
        created_hours_before_base: 24,
        modified_hours_after_created: 1,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[("PROFILE_SEGMENT", "Lookalike test A")],
    },
    DemoPackage {
        ims_org_id: GLOBEX,
        sandbox: "prod",
        name: "Globex starter journeys",
        description: "Starter journeys Globex publishes for any organization to pull.",
        package_type: Partial,
        status: Published,
        visibility: PUBLIC,
        created_hours_before_base: 900,
        modified_hours_after_created: 12,
        expiry_days: 365,
        artifacts: &[
            ("JOURNEY", "Starter welcome"),
            ("PROFILE_SEGMENT", "New subscribers"),
        ],
    },
    DemoPackage {
        ims_org_id: GLOBEX,
        sandbox: "globex-stage",
        name: "Globex loyalty schema",
        description: "Member profile schema for the Globex rewards program.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 700,
        modified_hours_after_created: 3,
        expiry_days: 180,
        artifacts: &[("REGISTRY_SCHEMA", "Globex member profile")],
    },
    DemoPackage {
        ims_org_id: GLOBEX,
        sandbox: "globex-stage",
        name: "Partner onboarding draft",
        description: "Onboarding journey for new retail partners.",
        package_type: Partial,
        status: Draft,
        visibility: PRIVATE,
        created_hours_before_base: 100,
        modified_hours_after_created: 5,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[("JOURNEY", "Partner onboarding")],
    },
    DemoPackage {
        ims_org_id: INITECH,
        sandbox: "prod",
        name: "TPS report segments",
        description: "Audiences built from TPS report engagement.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 1100,
        modified_hours_after_created: 8,
        expiry_days: 365,
        artifacts: &[
            ("PROFILE_SEGMENT", "TPS report readers"),
            ("PROFILE_SEGMENT", "Cover sheet compliant"),
        ],
    },
    DemoPackage {
        ims_org_id: INITECH,
        sandbox: "prod",
        name: "Initech identity setup",
        description: "Employee ID namespace.",
        package_type: Partial,
        status: Draft,
        visibility: PRIVATE,
        created_hours_before_base: 50,
        modified_hours_after_created: 1,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[("ID_NAMESPACE", "Initech employee ID")],
    },
    DemoPackage {
        ims_org_id: UMBRELLA,
        sandbox: "prod",
        name: "Umbrella compliance policies",
        description: "Consent policy for research data.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 1300,
        modified_hours_after_created: 4,
        expiry_days: 365,
        artifacts: &[("DULE_CONSENT_POLICY", "Research data consent")],
    },
    DemoPackage {
        ims_org_id: UMBRELLA,
        sandbox: "prod",
        name: "Umbrella lab journeys",
        description: "Lab visit reminders.",
        package_type: Partial,
        status: PublishFailed,
        visibility: PRIVATE,
        created_hours_before_base: 400,
        modified_hours_after_created: 2,
        expiry_days: DEFAULT_EXPIRY_DAYS,
        artifacts: &[("JOURNEY", "Lab visit reminder")],
    },
];

/// A demo sign-in, as printed at startup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoToken {
    pub token: &'static str,
    pub ims_org_id: &'static str,
    pub org_name: &'static str,
    /// The Access Control permissions the user holds.
    pub permissions: &'static [&'static str],
}

/// Every demo token with its org and permissions.
pub fn demo_tokens() -> Vec<DemoToken> {
    USERS
        .iter()
        .map(|user| DemoToken {
            token: user.token,
            ims_org_id: user.ims_org_id,
            org_name: ORGS
                .iter()
                .find(|org| org.ims_org_id == user.ims_org_id)
                .map_or("", |org| org.name),
            permissions: user.permissions,
        })
        .collect()
}

/// Loads the demo into an empty database; a database with any org is left untouched.
/// Returns whether the demo was loaded.
pub fn load_into_empty(conn: &mut Connection) -> rusqlite::Result<bool> {
    let tx = conn.transaction()?;
    if !is_empty(&tx)? {
        return Ok(false);
    }
    for org in ORGS {
        insert_org(&tx, &demo_org(org))?;
        for (index, &(name, title)) in org.sandboxes.iter().enumerate() {
            insert_sandbox(&tx, &demo_sandbox(org, index, name, title))?;
        }
    }
    for user in USERS {
        insert_user(&tx, &demo_user(user), user.token)?;
    }
    for package in PACKAGES {
        insert_package(&tx, &demo_package(package))?;
    }
    partnerships::load(&tx)?;
    transfers::load(&tx)?;
    tx.commit()?;
    Ok(true)
}

fn demo_org(org: &DemoOrg) -> Org {
    Org {
        ims_org_id: org.ims_org_id.into(),
        name: org.name.into(),
        region: org.region.into(),
        tenant_id: hex_id(&format!("tenant/{}", org.ims_org_id)),
    }
}

fn demo_sandbox(org: &DemoOrg, index: usize, name: &str, title: &str) -> Sandbox {
    let production = index == 0;
    // Production exists from the start; the others were added a few weeks apart.
    let created_date = BASE_MS - 400 * DAY_MS + index as i64 * 30 * DAY_MS;
    Sandbox {
        id: uuid(&format!("sandbox/{}/{name}", org.ims_org_id)),
        ims_org_id: org.ims_org_id.into(),
        name: name.into(),
        title: title.into(),
        sandbox_type: if production {
            SandboxType::Production
        } else {
            SandboxType::Development
        },
        is_default: production,
        state: SandboxState::Active,
        created_date,
        modified_date: created_date,
        created_by: admin_of(org.ims_org_id).into(),
        modified_by: admin_of(org.ims_org_id).into(),
    }
}

fn demo_user(user: &DemoUser) -> User {
    User {
        id: user.id.into(),
        ims_org_id: user.ims_org_id.into(),
        display_name: user.display_name.into(),
        permissions: user.permissions.iter().map(|&p| p.into()).collect(),
    }
}

fn demo_package(package: &DemoPackage) -> NewPackage {
    let id = hex_id(&format!("package/{}/{}", package.ims_org_id, package.name));
    let created_date = BASE_MS - package.created_hours_before_base * HOUR_MS;
    let modified_date = created_date + package.modified_hours_after_created * HOUR_MS;
    let published = package.status == Published;
    let publish_date = published.then_some(modified_date);
    let lifetime_days = if published {
        package.expiry_days
    } else {
        DEFAULT_EXPIRY_DAYS
    };
    let artifacts = package
        .artifacts
        .iter()
        .enumerate()
        .map(|(index, &(artifact_type, title))| Artifact {
            id: uuid(&format!("artifact/{id}/{index}")),
            artifact_type: artifact_type.into(),
            title: Some(title.into()),
            found: Some(true),
            count: Some(1),
            extra: Map::new(),
        })
        .collect();
    let author = admin_of(package.ims_org_id);
    NewPackage {
        ims_org_id: package.ims_org_id.into(),
        sandbox_name: package.sandbox.into(),
        // Platform bumps the version on every change; publishing is one more.
        version: if package.status == Draft { 1 } else { 2 },
        name: package.name.into(),
        description: Some(package.description.into()),
        package_type: package.package_type.clone(),
        status: package.status.clone(),
        visibility: package.visibility.clone(),
        created_date,
        modified_date,
        created_by: author.into(),
        modified_by: author.into(),
        expiry: Some(modified_date + lifetime_days * DAY_MS),
        publish_date,
        artifacts,
        id,
    }
}

fn admin_of(ims_org_id: &str) -> &'static str {
    user_of(ims_org_id).id
}

/// The admin of a demo org, who acts for it in the demo's history.
fn user_of(ims_org_id: &str) -> &'static DemoUser {
    USERS
        .iter()
        .find(|user| user.ims_org_id == ims_org_id && user.permissions == permissions::ALL)
        .unwrap_or(&USERS[0])
}

fn region_of(ims_org_id: &str) -> &'static str {
    ORGS.iter()
        .find(|org| org.ims_org_id == ims_org_id)
        .map_or("va7", |org| org.region)
}

/// 32 lowercase hex digits derived from `seed`, shaped like Platform's package ids.
fn hex_id(seed: &str) -> String {
    // Two FNV-1a passes with different offset bases give 128 stable bits (std's hashers may
    // change between Rust releases); the finalizer spreads similar seeds apart.
    let fnv1a = |basis: u64| {
        seed.bytes().fold(basis, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let finalize = |mut hash: u64| {
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    };
    format!(
        "{:016x}{:016x}",
        finalize(fnv1a(0xcbf2_9ce4_8422_2325)),
        finalize(fnv1a(0x8422_2325_cbf2_9ce4))
    )
}

/// A dashed UUID-shaped id derived from `seed`, like artifact and sandbox ids.
fn uuid(seed: &str) -> String {
    let hex = hex_id(seed);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_well_formed() {
        let id = hex_id("package/x");
        assert_eq!(id, hex_id("package/x"));
        assert_ne!(id, hex_id("package/y"));
        assert_eq!(id.len(), 32);
        assert!(id
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(uuid("a").len(), 36);
    }

    #[test]
    fn demo_meets_the_documented_minimums() {
        let acme_in = |sandbox: &str| {
            PACKAGES
                .iter()
                .filter(|p| p.ims_org_id == ACME && p.sandbox == sandbox)
                .count()
        };
        assert!(acme_in("acme-sandbox") >= 12);
        assert!(acme_in("prod") >= 2);
        let globex_public = PACKAGES
            .iter()
            .filter(|p| p.ims_org_id == GLOBEX && p.visibility == PUBLIC)
            .count();
        assert_eq!(globex_public, 1);
        assert!(PACKAGES.iter().any(|p| p.name == "Broken journey bundle"));
        assert!(PACKAGES.iter().any(|p| p.visibility.is_none()));
    }

    #[test]
    fn every_package_lives_in_a_sandbox_of_its_org() {
        for package in PACKAGES {
            let org = ORGS.iter().find(|o| o.ims_org_id == package.ims_org_id);
            let sandboxes = org.map(|o| o.sandboxes).unwrap_or_default();
            assert!(
                sandboxes.iter().any(|&(name, _)| name == package.sandbox),
                "{}",
                package.name
            );
        }
    }
}
