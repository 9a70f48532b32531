//! `POST /packages/{id}/children`: the objects each listed artifact depends on.
//! The request body is a plain array of [`ArtifactRef`](crate::ArtifactRef).

use serde::{Deserialize, Serialize};

/// An artifact and its dependencies. Top-level items carry `children` (possibly empty); the
/// children themselves come without the key from Platform, so it is kept only when sent.
/// exim-server's children carry theirs when they have some (a local extension: the objects
/// they are linked to in the sandbox).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependentObject {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(rename = "type")]
    pub artifact_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<DependentObject>>,
}
