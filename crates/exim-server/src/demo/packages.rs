//! The demo packages: drafts, published and failed packages of both types and every
//! visibility, in the demo orgs' sandboxes.

use exim_api::PackageStatus::{self, Draft, PublishFailed, Published};
use exim_api::PackageType::{self, Full, Partial};
use exim_api::{Artifact, ArtifactRef, PackageVisibility};
use rusqlite::Connection;
use serde_json::Map;

use super::dates::{BASE_MS, DAY_MS, HOUR_MS};
use super::directory::{admin_of, ACME, GLOBEX, INITECH, UMBRELLA};
use super::ids::{hex_id, uuid};
use crate::db::package_history::{change, ChangeDetails};
use crate::db::packages::{insert_package, record_version, Change, NewPackage};
use crate::package_rules::missing_artifacts_message;

/// Platform's default package lifetime.
const DEFAULT_EXPIRY_DAYS: i64 = 90;
/// Published demo packages stay importable for years: demo dates are fixed, expiry is checked
/// against today, and a package expiring under the tests would break them on a given day.
/// "Broken journey bundle" alone is long expired, for the expired path.
const LIVE_EXPIRY_DAYS: i64 = 3650;

pub struct DemoPackage {
    pub ims_org_id: &'static str,
    pub sandbox: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub package_type: PackageType,
    pub status: PackageStatus,
    pub visibility: Option<PackageVisibility>,
    pub created_hours_before_base: i64,
    pub modified_hours_after_created: i64,
    /// Lifetime after publishing; unpublished packages get the default from their last change.
    pub expiry_days: i64,
    /// `(type, title)`
    pub artifacts: &'static [(&'static str, &'static str)],
}

const PRIVATE: Option<PackageVisibility> = Some(PackageVisibility::Private);
const PUBLIC: Option<PackageVisibility> = Some(PackageVisibility::Public);
/// Stored without visibility, like packages made before the feature existed.
const UNSET: Option<PackageVisibility> = None;

pub const PACKAGES: &[DemoPackage] = &[
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        name: "Win-back journeys",
        description: "Win-back journey for lapsed customers, its audience and its email.",
        package_type: Partial,
        status: Published,
        visibility: PRIVATE,
        created_hours_before_base: 1750,
        modified_hours_after_created: 4,
        expiry_days: LIVE_EXPIRY_DAYS,
        artifacts: &[
            ("JOURNEY", "Win-back reminder"),
            ("PROFILE_SEGMENT", "Lapsed customers"),
            ("MESSAGE", "Win-back email"),
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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
        expiry_days: LIVE_EXPIRY_DAYS,
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

/// Why each PUBLISH_FAILED demo package failed: `(package, artifact title)`, the artifact its
/// sandbox lacked when publishing ran.
pub const PUBLISH_FAILURES: &[(&str, &str)] = &[
    ("Email consent policies", "Partner data sharing"),
    ("Merge policy defaults", "Default time-based merge"),
    ("Umbrella lab journeys", "Lab visit reminder"),
];

/// Of [`PUBLISH_FAILURES`], the artifacts still missing: publishing "Merge policy defaults"
/// again fails again (its merge policy was replaced by "Default time-based merge policy").
/// The others were restored since, so a retry succeeds.
pub const STILL_MISSING: &[(&str, &str)] = &[("Merge policy defaults", "Default time-based merge")];

/// Inserts the demo packages with their history: created, then changed (drafts), or asked to
/// publish and published or failed, then made public (public packages).
pub fn load(conn: &Connection) -> rusqlite::Result<()> {
    for demo in PACKAGES {
        let package = demo_package(demo);
        insert_package(conn, &package)?;
        for (version, change) in history(demo, &package).into_iter().enumerate() {
            record_version(conn, &package.id, version as i64, &change)?;
        }
    }
    Ok(())
}

/// The changes that brought the package to its demo state, oldest first; one per version.
fn history<'a>(demo: &DemoPackage, package: &'a NewPackage) -> Vec<Change<'a>> {
    let by = package.created_by.as_str();
    let at_publish = package.modified_date - HOUR_MS / 60;
    let entry = |what, at, details| Change {
        what,
        at,
        by,
        details,
    };
    let created = ChangeDetails {
        artifacts: (!package.artifacts.is_empty()).then(|| {
            package
                .artifacts
                .iter()
                .map(|artifact| ArtifactRef {
                    id: artifact.id.clone(),
                    artifact_type: artifact.artifact_type.clone(),
                    title: artifact.title.clone(),
                })
                .collect()
        }),
        ..ChangeDetails::default()
    };
    let mut changes = vec![entry(change::CREATE, package.created_date, created)];
    match demo.status {
        Draft => changes.push(entry(
            change::UPDATE,
            package.modified_date,
            ChangeDetails {
                name: Some(package.name.clone()),
                ..ChangeDetails::default()
            },
        )),
        PublishFailed => {
            changes.push(entry(change::PUBLISH, at_publish, ChangeDetails::default()));
            let missing: Vec<ArtifactRef> = package
                .artifacts
                .iter()
                .filter(|artifact| {
                    PUBLISH_FAILURES.iter().any(|&(name, title)| {
                        name == demo.name && artifact.title.as_deref() == Some(title)
                    })
                })
                .map(|artifact| ArtifactRef {
                    id: artifact.id.clone(),
                    artifact_type: artifact.artifact_type.clone(),
                    title: artifact.title.clone(),
                })
                .collect();
            let message = missing_artifacts_message(demo.sandbox, &missing);
            changes.push(entry(
                change::PUBLISH_FAILED,
                package.modified_date,
                ChangeDetails {
                    message: Some(message),
                    ..ChangeDetails::default()
                },
            ));
        }
        _ => {
            changes.push(entry(change::PUBLISH, at_publish, ChangeDetails::default()));
            changes.push(entry(
                change::PUBLISHED,
                package.modified_date,
                ChangeDetails::default(),
            ));
        }
    }
    if demo.visibility == PUBLIC {
        changes.push(entry(
            change::VISIBILITY,
            package.modified_date + HOUR_MS,
            ChangeDetails {
                visibility: PUBLIC,
                ..ChangeDetails::default()
            },
        ));
    }
    changes
}

pub fn demo_package(package: &DemoPackage) -> NewPackage {
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
        // Platform bumps the version on every change (`history` lists them).
        version: match (&package.status, &package.visibility) {
            (Draft, _) => 1,
            (_, &PUBLIC) => 3,
            _ => 2,
        },
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
        received_from: None,
        id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::directory::ORGS;

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
    fn the_history_matches_the_version_and_every_failure_names_its_artifact() {
        for demo in PACKAGES {
            let package = demo_package(demo);
            let changes = history(demo, &package);
            assert_eq!(changes.len() as i64, package.version + 1, "{}", demo.name);
            if demo.status == PublishFailed {
                let message = changes[2].details.message.as_deref().unwrap_or_default();
                assert!(message.starts_with("1 artifact was not found"), "{message}");
            }
        }
        for (name, title) in STILL_MISSING {
            assert!(PUBLISH_FAILURES.contains(&(name, title)));
        }
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
