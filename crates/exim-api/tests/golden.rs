//! Every JSON example of the reference documents, copied into `tests/golden/`, must read into
//! its type and write back to the same JSON (compared as `serde_json::Value`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use exim_api::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Reads a fixture as `T` and writes it back; returns what differs, if anything.
type RoundTrip = fn(&str) -> Result<(), String>;

/// Declares `GOLDEN`, the table of fixture files and the types they must round-trip through.
macro_rules! golden_table {
    ($($file:literal => $ty:ty),+ $(,)?) => {
        const GOLDEN: &[(&str, RoundTrip)] = &[$(($file, round_trip::<$ty>)),+];
    };
}

// Fixture file → the type it must round-trip through. Files named `*.de.json` come from the
// German packages guide, `*.handshake-doc.json` from the handshake guide, `*.openapi.json`
// from `openapi-sandbox.yaml`; the rest from the English packages guide (see README.md).
golden_table! {
    // Packages
    "packages_create.request.json" => CreatePackageRequest,
    "packages_create.request.openapi.json" => CreatePackageRequest,
    "packages_create.response.json" => Package,
    "packages_create.response.openapi.json" => Package,
    "packages_add_artifacts.request.json" => UpdatePackageRequest,
    "packages_add_artifacts.request.openapi.json" => UpdatePackageRequest,
    "packages_add_artifacts.response.json" => Package,
    "packages_add_artifacts.response.openapi.json" => Package,
    "packages_delete_artifacts.request.json" => UpdatePackageRequest,
    "packages_delete_artifacts.request.openapi.json" => UpdatePackageRequest,
    "packages_delete_artifacts.response.json" => Package,
    "packages_delete_artifacts.response.openapi.json" => Package,
    "packages_update_metadata.request.json" => UpdatePackageRequest,
    "packages_update_metadata.request.openapi.json" => UpdatePackageRequest,
    "packages_update_metadata.response.json" => Package,
    "packages_update_metadata.response.openapi.json" => Package,
    "packages_make_public.request.json" => UpdatePackageRequest,
    "packages_make_public.request.de.json" => UpdatePackageRequest,
    "packages_make_public.request.openapi.json" => UpdatePackageRequest,
    "packages_make_public.response.json" => Package,
    "packages_make_public.response.de.json" => Package,
    "packages_make_public.response.openapi.json" => Package,
    "packages_delete.response.json" => DeletePackageResponse,
    "packages_delete.response.openapi.json" => DeletePackageResponse,
    "packages_publish.response.json" => PublishPackageResponse,
    "packages_publish.response.de.json" => PublishPackageResponse,
    "packages_publish.response.openapi.json" => PublishPackageResponse,
    "packages_lookup.response.json" => Package,
    "packages_lookup.response.openapi.json" => Package,
    "packages_list.response.json" => PagedResponse<Package>,
    "packages_list.response.openapi.json" => PagedResponse<Package>,
    "packages_import_conflicts.response.json" => Vec<ImportConflict>,
    "packages_import_conflicts.response.openapi.json" => Vec<ImportConflict>,
    "packages_submit_import.request.json" => SubmitImportRequest,
    "packages_submit_import.request.openapi.json" => SubmitImportRequest,
    "packages_submit_import.response.json" => SubmitImportResponse,
    "packages_submit_import.response.de.json" => SubmitImportResponse,
    "packages_submit_import.response.openapi.json" => SubmitImportResponse,
    "packages_children.request.json" => Vec<ArtifactRef>,
    "packages_children.request.openapi.json" => Vec<ArtifactRef>,
    "packages_children.response.json" => Vec<DependentObject>,
    "packages_children.response.openapi.json" => Vec<DependentObject>,
    "packages_preflight.response.json" => PreflightResponse,
    "packages_preflight.response.openapi.json" => PreflightResponse,
    "packages_jobs.response.json" => PagedResponse<PackageJob>,
    "packages_jobs.response.openapi.json" => PagedResponse<PackageJob>,
    "packages_payload.draft_body.json" => PullRequest,
    "packages_payload.response.json" => CopyPayloadResponse,
    "packages_payload.response.de.json" => CopyPayloadResponse,
    "packages_payload.response.openapi.json" => CopyPayloadResponse,
    "tools_job.response.openapi.json" => FetchJobResponse,
    // Handshake
    "handshake_bulk_create.request.json" => BulkCreateRequest,
    "handshake_bulk_create.request.openapi.json" => BulkCreateRequest,
    "handshake_bulk_create.response.json" => BulkCreateResponse,
    "handshake_bulk_create.response.de.json" => BulkCreateResponse,
    "handshake_bulk_create.response.openapi.json" => BulkCreateResponse,
    "handshake_action.request.json" => HandshakeActionRequest,
    "handshake_action.request.de.json" => HandshakeActionRequest,
    "handshake_action.request.handshake-doc.json" => HandshakeActionRequest,
    "handshake_action.request.openapi.json" => HandshakeActionRequest,
    "handshake_action.response.json" => HandshakeRecord,
    "handshake_action.response.de.json" => HandshakeRecord,
    "handshake_action.response.openapi.json" => HandshakeRecord,
    "handshake_list.response.json" => PagedResponse<HandshakeRecord>,
    "handshake_list.response.de.json" => PagedResponse<HandshakeRecord>,
    "handshake_list.response.openapi.json" => PagedResponse<HandshakeRecord>,
    // Transfer
    "transfer_create.request.json" => TransferRequest,
    "transfer_create.request.de.json" => TransferRequest,
    "transfer_create.request.openapi.json" => TransferRequest,
    "transfer_create.response.json" => Vec<TransferRecord>,
    "transfer_create.response.de.json" => Vec<TransferRecord>,
    "transfer_create.response.openapi.json" => Vec<TransferRecord>,
    "transfer_get.response.json" => TransferRecord,
    "transfer_get.response.de.json" => TransferRecord,
    "transfer_get.response.openapi.json" => TransferRecord,
    "transfer_list.response.json" => PagedResponse<TransferRecord>,
    "transfer_list.response.de.json" => PagedResponse<TransferRecord>,
    "transfer_list.response.openapi.json" => PagedResponse<TransferRecord>,
    "transfer_list_public.draft_body.json" => PullRequest,
    "transfer_list_public.response.json" => PagedResponse<TransferRecord>,
    "transfer_list_public.response.de.json" => PagedResponse<TransferRecord>,
    "transfer_pull_request.request.json" => PullRequest,
    "transfer_pull_request.request.de.json" => PullRequest,
    "transfer_pull_request.request.openapi.json" => PullRequest,
    "transfer_pull_request.response.json" => TransferRecord,
    "transfer_pull_request.response.de.json" => TransferRecord,
    "transfer_pull_request.response.openapi.json" => TransferRecord,
    // Sandbox management
    "sandboxes_list.response.openapi.json" => SandboxList,
    "sandboxes_list_available.response.openapi.json" => SandboxList,
    "sandboxes_get.response.openapi.json" => Sandbox,
    "sandboxes_create.response.openapi.json" => Sandbox,
    "sandboxes_reset.response.openapi.json" => Sandbox,
    "sandboxes_delete.response.openapi.json" => Sandbox,
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn round_trip<T: DeserializeOwned + Serialize>(text: &str) -> Result<(), String> {
    let original: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let typed: T = serde_json::from_value(original.clone())
        .map_err(|e| format!("does not read as {}: {e}", std::any::type_name::<T>()))?;
    let written = serde_json::to_value(&typed).map_err(|e| format!("does not write: {e}"))?;
    match first_difference(&original, &written, "$") {
        None => Ok(()),
        Some(difference) => Err(format!(
            "{} writes different JSON at {difference}",
            std::any::type_name::<T>()
        )),
    }
}

/// Path and values of the first place where `expected` and `actual` differ.
fn first_difference(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let keys: BTreeSet<&String> = e.keys().chain(a.keys()).collect();
            keys.into_iter().find_map(|key| {
                let here = format!("{path}.{key}");
                match (e.get(key), a.get(key)) {
                    (Some(ev), Some(av)) => first_difference(ev, av, &here),
                    (Some(_), None) => Some(format!("{here}: dropped")),
                    (None, Some(av)) => Some(format!("{here}: added {av}")),
                    (None, None) => None,
                }
            })
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .find_map(|(i, (ev, av))| first_difference(ev, av, &format!("{path}[{i}]"))),
        _ if expected == actual => None,
        _ => Some(format!("{path}: expected {expected}, got {actual}")),
    }
}

#[test]
fn every_fixture_round_trips_through_its_type() {
    let failures: Vec<String> = GOLDEN
        .iter()
        .filter_map(|(file, check)| {
            let text = match fs::read_to_string(golden_dir().join(file)) {
                Ok(text) => text,
                Err(e) => return Some(format!("{file}: cannot read: {e}")),
            };
            check(&text).err().map(|why| format!("{file}: {why}"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_fixture_file_is_in_the_table_once() {
    let listed: Vec<&str> = GOLDEN.iter().map(|(file, _)| *file).collect();
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(unique.len(), listed.len(), "a fixture is listed twice");

    let on_disk: BTreeSet<String> = fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "README.md")
        .collect();
    let unlisted: Vec<&String> = on_disk
        .iter()
        .filter(|name| !unique.contains(name.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "fixtures missing from GOLDEN: {unlisted:?}"
    );
}
