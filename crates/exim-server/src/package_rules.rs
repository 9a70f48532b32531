//! What may be done to a package in which state, and which artifacts a request may name.
//! Pure functions; the handlers apply them inside the transaction that makes the change.

use exim_api::{Artifact, ArtifactRef, Package, PackageStatus, PackageType};
use serde_json::Map;

use crate::error::ApiError;
use crate::validate::{shorten, MAX_NAME_CHARS};

/// Platform's default lifetime of a package, from its last change or its publication.
pub const DEFAULT_LIFETIME_DAYS: i64 = 90;

/// Artifact types a package may hold: the documented list, those seen in Platform's examples
/// and those known to Platform clients.
pub const ARTIFACT_TYPES: &[&str] = &[
    "JOURNEY",
    "ID_NAMESPACE",
    "REGISTRY_DATATYPE",
    "REGISTRY_CLASS",
    "REGISTRY_MIXIN",
    "REGISTRY_SCHEMA",
    "REGISTRY_DESCRIPTOR",
    "CATALOG_DATASET",
    "DULE_CONSENT_POLICY",
    "DULE_GOVERNANCE_POLICY",
    "PROFILE_SEGMENT",
    "PROFILE_MERGE",
    "FLOW",
    "MAPPING_SET",
    "MESSAGE",
    "PRESET",
    "IDENTITY_NAMESPACE",
    "CAMPAIGN",
    "CUSTOM_ACTION",
    "CONTENT_TEMPLATE",
    "FRAGMENT",
    "CHANNEL_CONFIGURATION",
    "DECISIONING_OBJECT",
];

/// Most artifacts one request may name.
pub const MAX_ARTIFACTS_PER_REQUEST: usize = 500;

pub fn status(package: &Package) -> PackageStatus {
    package.status.clone().unwrap_or(PackageStatus::Draft)
}

/// The sandbox a job on this package reads from: the package's own, or else the caller's
/// (packages made before `sourceSandbox` was stored have none).
pub fn job_source_sandbox(package: &Package, caller_sandbox: &str) -> String {
    package.source_sandbox.as_ref().map_or_else(
        || caller_sandbox.to_string(),
        |sandbox| sandbox.name.clone(),
    )
}

pub fn package_type_of(package: &Package) -> PackageType {
    package.package_type.clone().unwrap_or(PackageType::Partial)
}

/// The requested `packageType`, matched case-insensitively.
pub fn package_type(requested: &PackageType) -> Result<PackageType, ApiError> {
    match PackageType::parse(requested.as_str()) {
        PackageType::Other(raw) => Err(ApiError::Invalid(format!(
            "Unknown packageType '{}'; expected PARTIAL or FULL",
            shorten(&raw)
        ))),
        known => Ok(known),
    }
}

/// Checks the artifacts of a create or ADD request and turns them into new package artifacts,
/// keeping the first of any repeated id. They are not resolved in the sandbox until the
/// package is published (`found: false`, `count: 0`, as Platform answers).
pub fn new_artifacts(requested: Vec<ArtifactRef>) -> Result<Vec<Artifact>, ApiError> {
    if requested.len() > MAX_ARTIFACTS_PER_REQUEST {
        return Err(ApiError::Invalid(format!(
            "artifacts has {} entries; at most {MAX_ARTIFACTS_PER_REQUEST} are allowed",
            requested.len()
        )));
    }
    let mut artifacts: Vec<Artifact> = Vec::with_capacity(requested.len());
    for (index, artifact) in requested.into_iter().enumerate() {
        let id = artifact_id(index, &artifact.id)?;
        // Platform's ids are UUIDs and hex strings; an id with a space or a control character
        // is a copy-and-paste slip that would name no object of the sandbox.
        if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(ApiError::Invalid(format!(
                "artifacts[{index}].id '{}' must not contain spaces or control characters",
                shorten(&id).escape_debug()
            )));
        }
        let artifact_type = artifact.artifact_type.trim().to_ascii_uppercase();
        if !ARTIFACT_TYPES.contains(&artifact_type.as_str()) {
            return Err(ApiError::Invalid(format!(
                "artifacts[{index}].type '{}' is not an artifact type; expected one of {}",
                shorten(&artifact.artifact_type),
                ARTIFACT_TYPES.join(", ")
            )));
        }
        // A blank title is no title.
        let title = match artifact.title.as_deref().map(str::trim) {
            Some(title) if !title.is_empty() => Some(crate::validate::name(
                &format!("artifacts[{index}].title"),
                title,
            )?),
            _ => None,
        };
        if artifacts.iter().any(|known| known.id == id) {
            continue;
        }
        artifacts.push(Artifact {
            id,
            artifact_type,
            title,
            found: Some(false),
            count: Some(0),
            extra: Map::new(),
        });
    }
    Ok(artifacts)
}

/// The ids of a DELETE request's artifacts, each of which must be in the package.
pub fn artifacts_to_remove(
    package: &Package,
    requested: Vec<ArtifactRef>,
) -> Result<Vec<String>, ApiError> {
    let held = package.artifacts_list.as_deref().unwrap_or_default();
    requested
        .into_iter()
        .enumerate()
        .map(|(index, artifact)| {
            let id = artifact_id(index, &artifact.id)?;
            if held.iter().any(|known| known.id == id) {
                Ok(id)
            } else {
                Err(ApiError::Invalid(format!(
                    "Artifact {} is not in package {}",
                    shorten(&id),
                    package.id
                )))
            }
        })
        .collect()
}

fn artifact_id(index: usize, raw: &str) -> Result<String, ApiError> {
    let id = raw.trim();
    if id.is_empty() {
        return Err(ApiError::Invalid(format!(
            "artifacts[{index}].id must not be blank"
        )));
    }
    if id.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::Invalid(format!(
            "artifacts[{index}].id is longer than {MAX_NAME_CHARS} characters"
        )));
    }
    Ok(id.to_string())
}

/// Artifacts and metadata change only before publishing succeeds: published packages are
/// immutable.
pub fn ensure_editable(package: &Package) -> Result<(), ApiError> {
    match status(package) {
        PackageStatus::Draft | PackageStatus::PublishFailed => Ok(()),
        other => Err(ApiError::Conflict(format!(
            "Package {} is {other}; only DRAFT and PUBLISH_FAILED packages can be changed",
            package.id
        ))),
    }
}

/// Only PARTIAL packages list their artifacts; a FULL one copies the whole sandbox.
pub fn ensure_partial(package: &Package, action: &str) -> Result<(), ApiError> {
    match package_type_of(package) {
        PackageType::Partial => Ok(()),
        other => Err(ApiError::Invalid(format!(
            "{action} is only possible on PARTIAL packages; package {} is {other}",
            package.id
        ))),
    }
}

/// Publishing starts from DRAFT or PUBLISH_FAILED, and a PARTIAL package needs artifacts.
pub fn ensure_publishable(package: &Package) -> Result<(), ApiError> {
    match status(package) {
        PackageStatus::Draft | PackageStatus::PublishFailed => {}
        other => {
            return Err(ApiError::Conflict(format!(
                "Package {} is {other}; only DRAFT and PUBLISH_FAILED packages can be published",
                package.id
            )))
        }
    }
    if package_type_of(package) == PackageType::Partial && package.artifact_count() == 0 {
        return Err(ApiError::Invalid(format!(
            "Package {} is PARTIAL and has no artifacts; add artifacts before publishing",
            package.id
        )));
    }
    Ok(())
}

/// Most missing artifacts a failed publication names; the count covers the rest.
const MISSING_NAMED: usize = 5;

/// Why publishing failed: "2 artifacts were not found in sandbox acme-sandbox: JOURNEY 1a2b…,
/// PROFILE_SEGMENT 3c4d…", naming at most [`MISSING_NAMED`] of them.
pub fn missing_artifacts_message(sandbox: &str, missing: &[ArtifactRef]) -> String {
    let (noun, verb) = if missing.len() == 1 {
        ("artifact", "was")
    } else {
        ("artifacts", "were")
    };
    let mut named: Vec<String> = missing
        .iter()
        .take(MISSING_NAMED)
        .map(|artifact| format!("{} {}", artifact.artifact_type, artifact.id))
        .collect();
    if missing.len() > MISSING_NAMED {
        named.push(format!("and {} more", missing.len() - MISSING_NAMED));
    }
    format!(
        "{} {noun} {verb} not found in sandbox {sandbox}: {}",
        missing.len(),
        named.join(", ")
    )
}

/// Imports, dependency look-ups and sharing need a published package.
pub fn ensure_published(package: &Package, purpose: &str) -> Result<(), ApiError> {
    match status(package) {
        PackageStatus::Published => Ok(()),
        other => Err(ApiError::Invalid(format!(
            "Package {} is {other}; only PUBLISHED packages can be {purpose}",
            package.id
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn artifact(id: &str, artifact_type: &str) -> ArtifactRef {
        ArtifactRef {
            id: id.into(),
            artifact_type: artifact_type.into(),
            title: None,
        }
    }

    #[test]
    fn artifacts_are_deduplicated_and_types_normalized() {
        let artifacts = new_artifacts(vec![
            artifact("a", "journey"),
            artifact("b", "PROFILE_SEGMENT"),
            artifact("a", "JOURNEY"),
        ])
        .unwrap();
        assert_eq!(artifacts.len(), 2);
        assert_eq!(artifacts[0].artifact_type, "JOURNEY");
        assert_eq!(artifacts[0].found, Some(false));
    }

    #[test]
    fn unknown_types_and_blank_ids_are_refused() {
        assert!(new_artifacts(vec![artifact("a", "SPACESHIP")]).is_err());
        assert!(new_artifacts(vec![artifact(" ", "JOURNEY")]).is_err());
    }

    #[test]
    fn ids_with_spaces_or_control_characters_are_refused_by_index() {
        for id in ["a b", "a\tb", "a\u{7}b", "a\u{a0}b"] {
            let refused = new_artifacts(vec![artifact("ok", "JOURNEY"), artifact(id, "JOURNEY")]);
            let Err(ApiError::Invalid(message)) = refused else {
                panic!("{id:?} was accepted");
            };
            assert!(message.starts_with("artifacts[1].id '"), "{message}");
        }
        assert!(new_artifacts(vec![artifact("  padded  ", "JOURNEY")]).is_ok());
    }

    #[test]
    fn a_failed_publication_names_at_most_five_missing_artifacts() {
        let one = missing_artifacts_message("acme-sandbox", &[artifact("j1", "JOURNEY")]);
        assert_eq!(
            one,
            "1 artifact was not found in sandbox acme-sandbox: JOURNEY j1"
        );
        let seven: Vec<ArtifactRef> = (1..=7)
            .map(|n| artifact(&format!("s{n}"), "PROFILE_SEGMENT"))
            .collect();
        let message = missing_artifacts_message("prod", &seven);
        assert!(message.starts_with("7 artifacts were not found in sandbox prod: "));
        assert!(
            message.ends_with("PROFILE_SEGMENT s5, and 2 more"),
            "{message}"
        );
    }

    #[test]
    fn package_types_are_matched_case_insensitively() {
        assert_eq!(
            package_type(&PackageType::Other("full".into())).unwrap(),
            PackageType::Full
        );
        assert!(package_type(&PackageType::Other("HALF".into())).is_err());
    }
}
