//! Which demo objects depend on which, in Acme's `acme-sandbox`: what dependent objects
//! answer (`POST /packages/{id}/children`) beyond a package's own artifacts.
//!
//! "Spring sale journey" needs its audience "Spring shoppers" and its "Spring sale email";
//! the audience needs the schema "Acme customer profile" (an artifact of "Customer profile
//! schema") and the "Default time-based merge policy"; the schema needs the class "XDM
//! Individual Profile". None of the new objects is in a package, so a package of the journey
//! alone misses all of them. A summer sale and the loyalty data flows are alike. The schema
//! "Product catalog" and its descriptor "Product SKU identity" name each other, as schemas
//! and their descriptors do: a cycle.

use rusqlite::Connection;

use super::directory::ACME;
use super::sandbox_objects::object_id;
use crate::db::sandbox_objects::{insert_dependency, ObjectKey, SandboxKey};

const SANDBOX: &str = "acme-sandbox";

/// `((type, title), [(type, title) it depends on])`, all in Acme's `acme-sandbox`.
type Links = &'static [(
    (&'static str, &'static str),
    &'static [(&'static str, &'static str)],
)];

const LINKS: Links = &[
    (
        ("JOURNEY", "Spring sale journey"),
        &[
            ("PROFILE_SEGMENT", "Spring shoppers"),
            ("MESSAGE", "Spring sale email"),
        ],
    ),
    (
        ("PROFILE_SEGMENT", "Spring shoppers"),
        &[
            ("REGISTRY_SCHEMA", "Acme customer profile"),
            ("PROFILE_MERGE", "Default time-based merge policy"),
        ],
    ),
    (
        ("MESSAGE", "Spring sale email"),
        &[("CONTENT_TEMPLATE", "Seasonal banner")],
    ),
    (
        ("REGISTRY_SCHEMA", "Acme customer profile"),
        &[
            ("REGISTRY_CLASS", "XDM Individual Profile"),
            ("REGISTRY_MIXIN", "Loyalty details"),
            ("REGISTRY_MIXIN", "Consent and preferences"),
        ],
    ),
    (
        ("REGISTRY_MIXIN", "Loyalty details"),
        &[("REGISTRY_DATATYPE", "Postal address")],
    ),
    (
        ("JOURNEY", "Summer sale journey"),
        &[
            ("PROFILE_SEGMENT", "Summer shoppers"),
            ("MESSAGE", "Summer sale email"),
        ],
    ),
    (
        ("PROFILE_SEGMENT", "Summer shoppers"),
        &[
            ("REGISTRY_SCHEMA", "Acme customer profile"),
            ("PROFILE_MERGE", "Default time-based merge policy"),
        ],
    ),
    (
        ("MESSAGE", "Summer sale email"),
        &[("CONTENT_TEMPLATE", "Seasonal banner")],
    ),
    (
        ("JOURNEY", "Win-back reminder"),
        &[
            ("PROFILE_SEGMENT", "Lapsed customers"),
            ("MESSAGE", "Win-back email"),
        ],
    ),
    (
        ("PROFILE_SEGMENT", "Lapsed customers"),
        &[("REGISTRY_SCHEMA", "Acme customer profile")],
    ),
    (
        ("FLOW", "Store locations SFTP"),
        &[
            ("CATALOG_DATASET", "Store locations"),
            ("MAPPING_SET", "Store locations mapping"),
        ],
    ),
    (
        ("FLOW", "Loyalty transactions S3"),
        &[
            ("CATALOG_DATASET", "Loyalty transactions"),
            ("MAPPING_SET", "Loyalty transactions mapping"),
        ],
    ),
    (
        ("CATALOG_DATASET", "Loyalty transactions"),
        &[("REGISTRY_SCHEMA", "Loyalty transaction")],
    ),
    (
        ("MAPPING_SET", "Loyalty transactions mapping"),
        &[("REGISTRY_SCHEMA", "Loyalty transaction")],
    ),
    (
        ("REGISTRY_SCHEMA", "Loyalty transaction"),
        &[
            ("REGISTRY_CLASS", "XDM ExperienceEvent"),
            ("ID_NAMESPACE", "Loyalty ID"),
        ],
    ),
    (
        ("REGISTRY_SCHEMA", "Product catalog"),
        &[
            ("REGISTRY_CLASS", "Product"),
            ("REGISTRY_DESCRIPTOR", "Product SKU identity"),
        ],
    ),
    (
        ("REGISTRY_DESCRIPTOR", "Product SKU identity"),
        &[("REGISTRY_SCHEMA", "Product catalog")],
    ),
];

pub fn load(conn: &Connection) -> rusqlite::Result<()> {
    let sandbox = SandboxKey {
        ims_org_id: ACME,
        sandbox_name: SANDBOX,
    };
    for &((object_type, title), depends_on) in LINKS {
        let object = id_of(object_type, title);
        for &(depends_on_type, depends_on_title) in depends_on {
            let dependency = id_of(depends_on_type, depends_on_title);
            insert_dependency(
                conn,
                sandbox,
                ObjectKey {
                    artifact_type: object_type,
                    id: &object,
                },
                ObjectKey {
                    artifact_type: depends_on_type,
                    id: &dependency,
                },
            )?;
        }
    }
    Ok(())
}

fn id_of(artifact_type: &str, title: &str) -> String {
    object_id(ACME, SANDBOX, artifact_type, title)
        .expect("every title of LINKS names a demo object (see the test below)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_names_demo_objects_of_acme_sandbox() {
        for &((object_type, title), depends_on) in LINKS {
            for (artifact_type, title) in depends_on.iter().chain([&(object_type, title)]) {
                assert!(
                    object_id(ACME, SANDBOX, artifact_type, title).is_some(),
                    "{artifact_type} {title}"
                );
            }
        }
    }
}
