//! Importing a published package: the conflict check and the submit body.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::package::{Artifact, SandboxRef};
use crate::package_requests::ArtifactRef;

/// A lookup note on an artifact, e.g. `{status: "FOUND", attempt: 1, message: "Found object…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArtifactMessage {
    /// Only `FOUND` is seen in examples; the vocabulary is undocumented.
    pub status: String,
    pub attempt: i64,
    pub message: String,
}

/// An artifact together with the notes of the lookup that checked it (conflicts, job tasks).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckedArtifact {
    #[serde(flatten)]
    pub artifact: Artifact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messages: Option<Vec<ArtifactMessage>>,
}

/// One item of `GET /packages/{id}/import?targetSandbox=`: an artifact of the package and the
/// similar objects already in the target sandbox, best match first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportConflict {
    pub artifact: CheckedArtifact,
    pub suggestion_list: Vec<Artifact>,
    /// `{orgId}::{sandbox}::{type}::{artifactId}`; note the upper-case `ID`.
    #[serde(rename = "parentID")]
    pub parent_id: String,
}

/// `PUT /packages/import` (OpenAPI spec) or `POST` (packages guide).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubmitImportRequest {
    /// The package to import.
    pub id: String,
    /// Job name; Platform falls back to the package's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Job description; Platform falls back to the package's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub destination_sandbox: SandboxRef,
    /// Source artifact id → the existing target artifact to use instead of creating it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<BTreeMap<String, ArtifactRef>>,
}
