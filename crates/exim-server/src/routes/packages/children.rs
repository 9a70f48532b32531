//! `POST /exim/packages/{id}/children`: the objects each listed artifact depends on (201).
//!
//! Two local extensions (README "exim-server's local extensions"): drafts answer too
//! (Platform refuses them with 400), and besides the package's own artifacts of the types an
//! artifact depends on, the answer holds the objects it is linked to in the sandbox, each
//! with what it depends on in turn.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use exim_api::{Artifact, ArtifactRef, DependentObject, Package};
use rusqlite::Connection;

use super::lookup::{own_package, package_id};
use crate::artifact_model::dependency_types;
use crate::auth::Caller;
use crate::db::packages::find_any_package;
use crate::db::sandbox_objects::{dependencies_of, find_object, ObjectKey, SandboxKey};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::package_rules::new_artifacts;
use crate::state::AppState;

/// Levels of linked objects answered below a requested artifact; deeper links are left out.
const MAX_DEPTH: usize = 5;

/// Each requested artifact with what it depends on: first the package's artifacts of the
/// types it depends on (`artifact_model::dependency_types`), then the objects it is linked to
/// in the package's sandbox, each once.
pub async fn children(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(requested): ApiJson<Vec<ArtifactRef>>,
) -> Result<(StatusCode, Json<Vec<DependentObject>>), ApiError> {
    let id = package_id(&id)?;
    // Checks ids and types the way package requests do.
    new_artifacts(requested.clone())?;
    let objects = state
        .transaction(move |tx| {
            let package = own_package(tx, &caller, &id)?;
            let (org, sandbox) = links_sandbox(tx, &package)?;
            let sandbox = SandboxKey {
                ims_org_id: &org,
                sandbox_name: &sandbox,
            };
            let held = package.artifacts_list.unwrap_or_default();
            requested
                .into_iter()
                .map(|artifact| Ok(dependent_object(tx, sandbox, &held, artifact)?))
                .collect::<Result<Vec<_>, ApiError>>()
        })
        .await?;
    Ok((StatusCode::CREATED, Json(objects)))
}

/// The sandbox whose links describe the package's artifacts: its own, or for a copy received
/// from another org, the original's (the dependencies travel with the package).
fn links_sandbox(conn: &Connection, package: &Package) -> rusqlite::Result<(String, String)> {
    let original = match package
        .received_from
        .as_ref()
        .and_then(|from| from.package_id.as_deref())
    {
        Some(original_id) => find_any_package(conn, original_id)?,
        None => None,
    };
    let source = original.as_ref().unwrap_or(package);
    Ok((
        source.ims_org_id.clone().unwrap_or_default(),
        source.source_sandbox_name(),
    ))
}

fn dependent_object(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    held: &[Artifact],
    artifact: ArtifactRef,
) -> rusqlite::Result<DependentObject> {
    let artifact_type = artifact.artifact_type.trim().to_ascii_uppercase();
    let id = artifact.id.trim().to_string();
    let mut path = vec![(artifact_type.clone(), id.clone())];
    let mut children = Vec::new();
    for candidate in held.iter().filter(|candidate| {
        candidate.id != id
            && dependency_types(&artifact_type).contains(&candidate.artifact_type.as_str())
    }) {
        let child = DependentObject {
            id: candidate.id.clone(),
            title: candidate.title.clone(),
            artifact_type: candidate.artifact_type.clone(),
            children: None,
        };
        children.push(with_links(conn, sandbox, child, &mut path)?);
    }
    let key = ObjectKey {
        artifact_type: &artifact_type,
        id: &id,
    };
    for linked in linked_objects(conn, sandbox, key, &mut path)? {
        if children.iter().all(|known| known.id != linked.id) {
            children.push(linked);
        }
    }
    let in_sandbox = find_object(conn, sandbox, &id)?
        .filter(|object| object.artifact_type == artifact_type)
        .map(|object| object.title);
    let title = held
        .iter()
        .find(|known| known.id == id)
        .and_then(|known| known.title.clone())
        .or(in_sandbox)
        .or(artifact.title)
        // Platform names an untitled object by its id.
        .unwrap_or_else(|| id.clone());
    Ok(DependentObject {
        title: Some(title),
        id,
        artifact_type,
        children: Some(children),
    })
}

/// The objects `object` is linked to, each with its own links, down to [`MAX_DEPTH`] levels
/// below the requested artifact. `path` holds the objects above (the requested artifact
/// first); a link back to one of them is a cycle and left out.
fn linked_objects(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    object: ObjectKey<'_>,
    path: &mut Vec<(String, String)>,
) -> rusqlite::Result<Vec<DependentObject>> {
    if path.len() > MAX_DEPTH {
        return Ok(Vec::new());
    }
    let mut nodes = Vec::new();
    for linked in dependencies_of(conn, sandbox, object)? {
        let on_path = path
            .iter()
            .any(|(artifact_type, id)| *artifact_type == linked.artifact_type && *id == linked.id);
        if on_path {
            continue;
        }
        let node = DependentObject {
            id: linked.id,
            title: Some(linked.title),
            artifact_type: linked.artifact_type,
            children: None,
        };
        nodes.push(with_links(conn, sandbox, node, path)?);
    }
    Ok(nodes)
}

/// `node` with the objects it is linked to as its `children` (absent when none, as
/// Platform's children come).
fn with_links(
    conn: &Connection,
    sandbox: SandboxKey<'_>,
    mut node: DependentObject,
    path: &mut Vec<(String, String)>,
) -> rusqlite::Result<DependentObject> {
    path.push((node.artifact_type.clone(), node.id.clone()));
    let key = ObjectKey {
        artifact_type: &node.artifact_type,
        id: &node.id,
    };
    let below = linked_objects(conn, sandbox, key, path)?;
    path.pop();
    node.children = (!below.is_empty()).then_some(below);
    Ok(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::sandbox_objects::insert_dependency;
    use crate::db::Db;

    /// Links `chain[0]` → `chain[1]` → … (journeys, in Acme's `acme-sandbox`) and answers
    /// the linked objects of `chain[0]`.
    fn linked_below(chain: &[&str]) -> Vec<DependentObject> {
        let db = Db::open(None).unwrap();
        db.call_blocking(|conn| {
            crate::demo::load_into_empty(conn)?;
            let sandbox = SandboxKey {
                ims_org_id: crate::demo::ACME,
                sandbox_name: "acme-sandbox",
            };
            let key = |id| ObjectKey {
                artifact_type: "JOURNEY",
                id,
            };
            for pair in chain.windows(2) {
                insert_dependency(conn, sandbox, key(pair[0]), key(pair[1]))?;
            }
            let mut path = vec![("JOURNEY".to_string(), chain[0].to_string())];
            linked_objects(conn, sandbox, key(chain[0]), &mut path)
        })
        .unwrap()
    }

    fn depth(nodes: &[DependentObject]) -> usize {
        nodes
            .iter()
            .map(|node| 1 + depth(node.children.as_deref().unwrap_or_default()))
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn links_are_followed_five_levels_deep() {
        let chain = ["j0", "j1", "j2", "j3", "j4", "j5", "j6", "j7"];
        let below = linked_below(&chain);
        assert_eq!(depth(&below), MAX_DEPTH);
        assert_eq!(linked_below(&chain[..4]).len(), 1);
        assert_eq!(depth(&linked_below(&chain[..4])), 3);
    }

    #[test]
    fn a_link_back_up_the_path_is_left_out() {
        let below = linked_below(&["a", "b", "c", "a"]);
        let b = &below[0];
        let c = &b.children.as_deref().unwrap()[0];
        assert_eq!((b.id.as_str(), c.id.as_str()), ("b", "c"));
        assert_eq!(c.children, None, "c → a closes the cycle");
        // Untitled: named by its id.
        assert_eq!(c.title.as_deref(), Some("c"));
    }
}
