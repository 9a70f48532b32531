//! The objects living in the demo sandboxes, which import look-ups suggest and imports reuse:
//!
//! - every demo package's artifacts (same id, type and title) in the package's own sandbox,
//!   in every org;
//! - in Globex's `globex-stage`, objects like the artifacts of the packages Acme shares with
//!   Globex: for "Loyalty tier segments" (the first published PRIVATE package of
//!   `acme-sandbox`), "Loyalty gold members" with the same title and type, "Loyalty silver
//!   members" with only similar titles ("… (copy)", "Silver members"), and nine more loyalty
//!   audiences, so that "Loyalty bronze members" gets a long list of suggestions (more than
//!   8); for "Customer profile schema", the same schema and data type and a similar field
//!   group; for "Win-back journeys" the same journey and a similar audience;
//! - in Acme's `acme-dev`, objects like those of Acme's own packages: same-title audiences and
//!   field group, similarly named schema and journey ("Win-back reminder (draft)"), so that
//!   importing "Win-back journeys" there reuses its audience and must create its journey;
//! - in Acme's `acme-sandbox`, objects in no package for authors to pick ("Spring sale
//!   journey" and what it depends on, a summer sale, loyalty data flows, …), linked to each
//!   other and to package artifacts in `object_dependencies`.
//!
//! Missing from their sandbox: the artifact whose absence keeps "Merge policy defaults"
//! PUBLISH_FAILED (`packages::STILL_MISSING`).

use rusqlite::Connection;

use super::dates::{BASE_MS, DAY_MS};
use super::directory::{admin_of, ACME, GLOBEX};
use super::ids::uuid;
use super::packages::{demo_package, PACKAGES, STILL_MISSING};
use crate::db::sandbox_objects::{insert_object, NewSandboxObject, SandboxKey};
use crate::import_rules::SandboxObject;

/// `(org, sandbox, type, title)` of the objects that are in no demo package.
const OTHER_OBJECTS: &[(&str, &str, &str, &str)] = &[
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty gold members",
    ),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty silver members (copy)",
    ),
    (GLOBEX, "globex-stage", "PROFILE_SEGMENT", "Silver members"),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty members 2024",
    ),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty members 2025",
    ),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty platinum members",
    ),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty members EU",
    ),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty members US",
    ),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty lapsed members",
    ),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty members (test)",
    ),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Loyalty new members",
    ),
    (GLOBEX, "globex-stage", "PROFILE_SEGMENT", "Bronze members"),
    (
        GLOBEX,
        "globex-stage",
        "REGISTRY_SCHEMA",
        "Acme customer profile",
    ),
    (
        GLOBEX,
        "globex-stage",
        "REGISTRY_MIXIN",
        "Loyalty details (v2)",
    ),
    (
        GLOBEX,
        "globex-stage",
        "REGISTRY_DATATYPE",
        "Postal address",
    ),
    (GLOBEX, "globex-stage", "JOURNEY", "Legacy win-back (old)"),
    (GLOBEX, "globex-stage", "JOURNEY", "Win-back reminder"),
    (
        GLOBEX,
        "globex-stage",
        "PROFILE_SEGMENT",
        "Lapsed customers (copy)",
    ),
    (
        ACME,
        "acme-dev",
        "PROFILE_SEGMENT",
        "Loyalty gold members (dev)",
    ),
    (
        ACME,
        "acme-dev",
        "PROFILE_SEGMENT",
        "Loyalty silver members",
    ),
    (ACME, "acme-dev", "PROFILE_SEGMENT", "Lapsed customers"),
    (
        ACME,
        "acme-dev",
        "REGISTRY_SCHEMA",
        "Acme customer profile (dev)",
    ),
    (ACME, "acme-dev", "REGISTRY_MIXIN", "Loyalty details"),
    (ACME, "acme-dev", "JOURNEY", "Win-back reminder (draft)"),
    (ACME, "acme-sandbox", "JOURNEY", "Spring sale journey"),
    (ACME, "acme-sandbox", "PROFILE_SEGMENT", "Spring shoppers"),
    (ACME, "acme-sandbox", "MESSAGE", "Spring sale email"),
    (
        ACME,
        "acme-sandbox",
        "PROFILE_MERGE",
        "Default time-based merge policy",
    ),
    (
        ACME,
        "acme-sandbox",
        "REGISTRY_CLASS",
        "XDM Individual Profile",
    ),
    (
        ACME,
        "acme-sandbox",
        "REGISTRY_CLASS",
        "XDM ExperienceEvent",
    ),
    (ACME, "acme-sandbox", "JOURNEY", "Summer sale journey"),
    (ACME, "acme-sandbox", "PROFILE_SEGMENT", "Summer shoppers"),
    (ACME, "acme-sandbox", "MESSAGE", "Summer sale email"),
    (ACME, "acme-sandbox", "CONTENT_TEMPLATE", "Seasonal banner"),
    (
        ACME,
        "acme-sandbox",
        "PROFILE_SEGMENT",
        "Clients fidèles (Québec)",
    ),
    (ACME, "acme-sandbox", "ID_NAMESPACE", "Email address"),
    (ACME, "acme-sandbox", "ID_NAMESPACE", "Phone number"),
    (ACME, "acme-sandbox", "CATALOG_DATASET", "Store locations"),
    (
        ACME,
        "acme-sandbox",
        "CATALOG_DATASET",
        "Loyalty transactions",
    ),
    (
        ACME,
        "acme-sandbox",
        "REGISTRY_SCHEMA",
        "Loyalty transaction",
    ),
    (
        ACME,
        "acme-sandbox",
        "MAPPING_SET",
        "Loyalty transactions mapping",
    ),
    (ACME, "acme-sandbox", "FLOW", "Loyalty transactions S3"),
];

pub fn load(conn: &Connection) -> rusqlite::Result<()> {
    for demo in PACKAGES {
        let package = demo_package(demo);
        let sandbox = SandboxKey {
            ims_org_id: demo.ims_org_id,
            sandbox_name: demo.sandbox,
        };
        let still_missing = |title: &Option<String>| {
            STILL_MISSING
                .iter()
                .any(|&(name, missing)| name == demo.name && title.as_deref() == Some(missing))
        };
        for artifact in package
            .artifacts
            .iter()
            .filter(|artifact| !still_missing(&artifact.title))
        {
            let object = SandboxObject {
                id: artifact.id.clone(),
                artifact_type: artifact.artifact_type.clone(),
                title: artifact
                    .title
                    .clone()
                    .unwrap_or_else(|| artifact.id.clone()),
            };
            insert(conn, sandbox, &object, package.created_date)?;
        }
    }
    for &(ims_org_id, sandbox_name, artifact_type, title) in OTHER_OBJECTS {
        let object = SandboxObject {
            id: other_object_id(ims_org_id, sandbox_name, artifact_type, title),
            artifact_type: artifact_type.into(),
            title: title.into(),
        };
        let sandbox = SandboxKey {
            ims_org_id,
            sandbox_name,
        };
        insert(conn, sandbox, &object, BASE_MS - 60 * DAY_MS)?;
    }
    Ok(())
}

fn other_object_id(
    ims_org_id: &str,
    sandbox_name: &str,
    artifact_type: &str,
    title: &str,
) -> String {
    uuid(&format!(
        "object/{ims_org_id}/{sandbox_name}/{artifact_type}/{title}"
    ))
}

/// The id of the demo object of this type and title in the org's sandbox: a demo package's
/// artifact there, or one of the other objects.
pub fn object_id(
    ims_org_id: &str,
    sandbox_name: &str,
    artifact_type: &str,
    title: &str,
) -> Option<String> {
    let in_package = PACKAGES
        .iter()
        .filter(|demo| demo.ims_org_id == ims_org_id && demo.sandbox == sandbox_name)
        .find_map(|demo| {
            demo_package(demo).artifacts.into_iter().find(|artifact| {
                artifact.artifact_type == artifact_type && artifact.title.as_deref() == Some(title)
            })
        })
        .map(|artifact| artifact.id);
    in_package.or_else(|| {
        OTHER_OBJECTS
            .contains(&(ims_org_id, sandbox_name, artifact_type, title))
            .then(|| other_object_id(ims_org_id, sandbox_name, artifact_type, title))
    })
}

fn insert(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    object: &SandboxObject,
    created: i64,
) -> rusqlite::Result<()> {
    insert_object(
        conn,
        sandbox,
        &NewSandboxObject {
            object,
            created,
            created_by: admin_of(sandbox.ims_org_id),
            created_by_job: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_rules::{rank_suggestions, similarity};

    fn titles_in(org: &str, sandbox: &str, artifact_type: &str) -> Vec<SandboxObject> {
        OTHER_OBJECTS
            .iter()
            .filter(|o| o.0 == org && o.1 == sandbox && o.2 == artifact_type)
            .map(|o| SandboxObject {
                id: o.3.into(),
                artifact_type: o.2.into(),
                title: o.3.into(),
            })
            .collect()
    }

    #[test]
    fn the_first_private_published_acme_package_meets_exact_and_similar_objects_in_globex() {
        let first = PACKAGES
            .iter()
            .find(|p| {
                p.ims_org_id == ACME
                    && p.sandbox == "acme-sandbox"
                    && p.status == exim_api::PackageStatus::Published
                    && p.visibility == Some(exim_api::PackageVisibility::Private)
            })
            .expect("a private published package");
        let package = demo_package(first);
        let mut exact = 0;
        let mut similar_only = 0;
        let mut long_lists = 0;
        for artifact in &package.artifacts {
            let candidates = titles_in(GLOBEX, "globex-stage", &artifact.artifact_type);
            let ranked = rank_suggestions(artifact, candidates);
            let title = artifact.title.as_deref().unwrap_or_default();
            match ranked.first() {
                Some(best) if similarity(&best.title, title) == 1.0 => exact += 1,
                Some(_) => similar_only += 1,
                None => {}
            }
            long_lists += usize::from(ranked.len() > 8);
        }
        assert!(exact >= 1 && similar_only >= 1 && long_lists >= 1);
    }
}
