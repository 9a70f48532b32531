//! A small, fixed model of how artifacts relate, standing in for the sandboxes' real
//! contents: which artifact types depend on which (dependent objects, import conflicts) and
//! which Access Control resources creating each type needs (preflight, IMPORT jobs).

use exim_api::ResourcePermissions;

use crate::directory::permissions::holds_resource;

/// The types an artifact of `artifact_type` depends on.
pub fn dependency_types(artifact_type: &str) -> &'static [&'static str] {
    match artifact_type {
        "JOURNEY" => &[
            "PROFILE_SEGMENT",
            "MESSAGE",
            "CUSTOM_ACTION",
            "CONTENT_TEMPLATE",
            "FRAGMENT",
        ],
        "CAMPAIGN" => &["PROFILE_SEGMENT", "MESSAGE", "CONTENT_TEMPLATE"],
        "PROFILE_SEGMENT" => &["REGISTRY_SCHEMA", "PROFILE_MERGE"],
        "CATALOG_DATASET" | "MAPPING_SET" => &["REGISTRY_SCHEMA"],
        "FLOW" => &["CATALOG_DATASET", "MAPPING_SET"],
        "REGISTRY_SCHEMA" => &[
            "REGISTRY_CLASS",
            "REGISTRY_MIXIN",
            "REGISTRY_DATATYPE",
            "REGISTRY_DESCRIPTOR",
            "ID_NAMESPACE",
        ],
        "REGISTRY_MIXIN" | "REGISTRY_CLASS" => &["REGISTRY_DATATYPE"],
        _ => &[],
    }
}

/// The Access Control resources (and actions) needed to create an artifact of this type.
pub fn required_resources(artifact_type: &str) -> Vec<ResourcePermissions> {
    let resource = |palm_resource_type: &str, actions: &[&str]| ResourcePermissions {
        palm_resource_type: palm_resource_type.into(),
        resource_permissions: actions.iter().map(|&action| action.into()).collect(),
    };
    let mut resources = vec![resource("Sandbox", &["view"])];
    match artifact_type {
        "PROFILE_SEGMENT" => {
            resources.push(resource("Schema", &["read"]));
            resources.push(resource("ProfileConfig", &["read"]));
            resources.push(resource("Segment", &["read", "write", "delete"]));
        }
        "CATALOG_DATASET" | "FLOW" | "MAPPING_SET" => {
            resources.push(resource("Schema", &["read"]));
            resources.push(resource("Dataset", &["read", "write"]));
        }
        "PROFILE_MERGE" => resources.push(resource("ProfileConfig", &["read", "write", "delete"])),
        "DULE_CONSENT_POLICY" | "DULE_GOVERNANCE_POLICY" => {
            resources.push(resource("Policy", &["read", "write"]))
        }
        other if other.starts_with("REGISTRY_") || other.ends_with("NAMESPACE") => {
            resources.push(resource("Schema", &["read", "write"]))
        }
        _ => resources.push(resource("Journey", &["read", "write"])),
    }
    resources
}

/// The resources of [`required_resources`] that a user holding `permissions` lacks; empty
/// when they may create an artifact of this type. Resources are held whole
/// (`crate::directory::permissions::holds_resource`), so a missing one misses every action.
pub fn missing_resources(artifact_type: &str, permissions: &[String]) -> Vec<ResourcePermissions> {
    required_resources(artifact_type)
        .into_iter()
        .filter(|resource| !holds_resource(permissions, &resource.palm_resource_type))
        .collect()
}

/// "Journey (read, write), Sandbox (view)": missing resources, for a refusal's message.
pub fn describe_resources(resources: &[ResourcePermissions]) -> String {
    resources
        .iter()
        .map(|resource| {
            format!(
                "{} ({})",
                resource.palm_resource_type,
                resource.resource_permissions.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_needs_the_sandbox_and_something_more() {
        for artifact_type in crate::package_rules::ARTIFACT_TYPES {
            let resources = required_resources(artifact_type);
            assert_eq!(resources[0].palm_resource_type, "Sandbox");
            assert!(resources.len() >= 2, "{artifact_type}");
        }
    }

    #[test]
    fn missing_resources_follow_what_the_user_holds() {
        let everything_but_journeys: Vec<String> = crate::directory::permissions::ALL
            .iter()
            .filter(|&&held| held != crate::directory::permissions::JOURNEY_RESOURCE)
            .map(|&held| held.to_string())
            .collect();
        assert!(missing_resources("PROFILE_SEGMENT", &everything_but_journeys).is_empty());
        let missing = missing_resources("JOURNEY", &everything_but_journeys);
        assert_eq!(describe_resources(&missing), "Journey (read, write)");
        assert_eq!(missing_resources("CAMPAIGN", &everything_but_journeys).len(), 1);
        assert_eq!(
            missing_resources("JOURNEY", &[]).len(),
            required_resources("JOURNEY").len()
        );
    }

    #[test]
    fn every_required_resource_can_be_held() {
        for artifact_type in crate::package_rules::ARTIFACT_TYPES {
            for resource in required_resources(artifact_type) {
                let permission = format!(
                    "{}{}",
                    crate::directory::permissions::RESOURCE_PREFIX,
                    resource.palm_resource_type
                );
                assert!(
                    crate::directory::permissions::ALL.contains(&permission.as_str()),
                    "{permission}"
                );
            }
        }
    }

    #[test]
    fn dependencies_name_known_types() {
        for artifact_type in crate::package_rules::ARTIFACT_TYPES {
            for dependency in dependency_types(artifact_type) {
                assert!(
                    crate::package_rules::ARTIFACT_TYPES.contains(dependency),
                    "{dependency}"
                );
            }
        }
    }
}
