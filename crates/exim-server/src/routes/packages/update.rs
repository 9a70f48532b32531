//! `PUT /exim/packages` (ADD / DELETE artifacts, UPDATE metadata or visibility; 201) and
//! `PUT /exim/packages/update` (visibility only; 202).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use exim_api::{
    Artifact, ArtifactRef, Package, PackageAction, PackageVisibility, SandboxRef,
    UpdatePackageRequest,
};
use rusqlite::Transaction;

use super::create::{artifact_refs, duplicate_name};
use super::lookup::{caller_sandbox, own_package, package_id};
use crate::auth::{Caller, ManagePackage, Permitted};
use crate::clock::{now_ms, DAY_MS};
use crate::db::package_history::{change, ChangeDetails};
use crate::db::packages::{
    append_artifacts, name_in_use, record_change, remove_artifacts, set_expiry, set_metadata,
    set_visibility, Change,
};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::package_rules::{self, DEFAULT_LIFETIME_DAYS};
use crate::state::AppState;
use crate::validate;

pub async fn update(
    State(state): State<AppState>,
    manager: Permitted<ManagePackage>,
    ApiJson(request): ApiJson<UpdatePackageRequest>,
) -> Result<(StatusCode, Json<Package>), ApiError> {
    let package = apply(&state, manager.caller, request).await?;
    Ok((StatusCode::CREATED, Json(package)))
}

/// The OpenAPI spec's "make package public"; our server also makes packages private again
/// (api-notes §14 "Visibility").
pub async fn update_visibility(
    State(state): State<AppState>,
    manager: Permitted<ManagePackage>,
    ApiJson(request): ApiJson<UpdatePackageRequest>,
) -> Result<(StatusCode, Json<Package>), ApiError> {
    if request.package_visibility.is_none()
        || PackageAction::parse(request.action.as_str()) != PackageAction::Update
    {
        return Err(ApiError::Invalid(
            "PUT /packages/update changes visibility only: send action UPDATE with \
             packageVisibility PUBLIC or PRIVATE"
                .into(),
        ));
    }
    let package = apply(&state, manager.caller, request).await?;
    Ok((StatusCode::ACCEPTED, Json(package)))
}

/// One change a request asks for, checked as far as possible without the package.
enum Edit {
    Add {
        artifacts: Vec<Artifact>,
        expiry: i64,
    },
    Remove {
        artifacts: Vec<ArtifactRef>,
        expiry: i64,
    },
    Metadata {
        name: String,
        description: Option<String>,
        sandbox: SandboxRef,
        expiry: i64,
    },
    Visibility(PackageVisibility),
}

impl Edit {
    fn history_name(&self) -> &'static str {
        match self {
            Edit::Add { .. } => change::ADD,
            Edit::Remove { .. } => change::DELETE,
            Edit::Metadata { .. } => change::UPDATE,
            Edit::Visibility(_) => change::VISIBILITY,
        }
    }
}

async fn apply(
    state: &AppState,
    caller: Caller,
    request: UpdatePackageRequest,
) -> Result<Package, ApiError> {
    let id = package_id(&request.id)?;
    let now = now_ms();
    let edit = parse_edit(request, now)?;
    state
        .transaction(move |tx| {
            let package = own_package(tx, &caller, &id)?;
            let what = edit.history_name();
            let visibility_change = matches!(edit, Edit::Visibility(_));
            if let Some(details) = make_change(tx, &caller, &package, edit)? {
                let change = Change {
                    what,
                    at: now,
                    by: &caller.user.id,
                    details,
                };
                record_change(tx, &id, &change)?;
            }
            let mut updated = own_package(tx, &caller, &id)?;
            if visibility_change {
                with_visibility_answer_details(&mut updated);
            }
            Ok(updated)
        })
        .await
}

/// Platform's answer to a visibility change also carries these (api-notes §3 P6).
fn with_visibility_answer_details(package: &mut Package) {
    package
        .extra
        .insert("schemaMapping".into(), serde_json::json!({}));
    if let Some(sandbox) = &mut package.source_sandbox {
        sandbox.empty = Some(false);
    }
}

fn parse_edit(request: UpdatePackageRequest, now: i64) -> Result<Edit, ApiError> {
    let action = PackageAction::parse(request.action.as_str());
    let expiry = match request.expiry.as_deref() {
        Some(raw) => validate::expiry(raw)?,
        // A draft's lifetime slides forward with every change.
        None => now + DEFAULT_LIFETIME_DAYS * DAY_MS,
    };
    if let Some(visibility) = &request.package_visibility {
        if action != PackageAction::Update {
            return Err(ApiError::Invalid(format!(
                "packageVisibility is changed with action UPDATE, not {}",
                validate::shorten(action.as_str())
            )));
        }
        return match PackageVisibility::parse(visibility.as_str()) {
            PackageVisibility::Other(raw) => Err(ApiError::Invalid(format!(
                "Unknown packageVisibility '{}'; expected PUBLIC or PRIVATE",
                validate::shorten(&raw)
            ))),
            known => Ok(Edit::Visibility(known)),
        };
    }
    match action {
        PackageAction::Add => Ok(Edit::Add {
            artifacts: package_rules::new_artifacts(request.artifacts.unwrap_or_default())?,
            expiry,
        }),
        PackageAction::Delete => Ok(Edit::Remove {
            artifacts: request.artifacts.unwrap_or_default(),
            expiry,
        }),
        PackageAction::Update => {
            let name = request.name.ok_or_else(|| {
                ApiError::Invalid(
                    "name is required for action UPDATE (or send packageVisibility)".into(),
                )
            })?;
            let sandbox = request.source_sandbox.ok_or_else(|| {
                ApiError::Invalid("sourceSandbox is required for action UPDATE".into())
            })?;
            Ok(Edit::Metadata {
                name: validate::name("name", &name)?,
                description: request
                    .description
                    .as_deref()
                    .map(|text| validate::text("description", text))
                    .transpose()?,
                sandbox,
                expiry,
            })
        }
        PackageAction::Other(raw) => Err(ApiError::Invalid(format!(
            "Unknown action '{}'; expected ADD, DELETE or UPDATE",
            validate::shorten(&raw)
        ))),
    }
}

/// Applies the edit; returns what changed for the history, or `None` when nothing did.
fn make_change(
    tx: &Transaction<'_>,
    caller: &Caller,
    package: &Package,
    edit: Edit,
) -> Result<Option<ChangeDetails>, ApiError> {
    let details = match edit {
        Edit::Add { artifacts, expiry } => {
            package_rules::ensure_partial(package, "ADD")?;
            package_rules::ensure_editable(package)?;
            let held = held_artifacts(package);
            let new: Vec<Artifact> = artifacts
                .into_iter()
                .filter(|artifact| held.iter().all(|known| known.id != artifact.id))
                .collect();
            append_artifacts(tx, &package.id, &new)?;
            set_expiry(tx, &package.id, expiry)?;
            ChangeDetails {
                artifacts: Some(artifact_refs(&new)),
                ..ChangeDetails::default()
            }
        }
        Edit::Remove { artifacts, expiry } => {
            package_rules::ensure_partial(package, "DELETE")?;
            package_rules::ensure_editable(package)?;
            let ids = package_rules::artifacts_to_remove(package, artifacts)?;
            remove_artifacts(tx, &package.id, &ids)?;
            set_expiry(tx, &package.id, expiry)?;
            let removed: Vec<Artifact> = held_artifacts(package)
                .iter()
                .filter(|artifact| ids.contains(&artifact.id))
                .cloned()
                .collect();
            ChangeDetails {
                artifacts: Some(artifact_refs(&removed)),
                ..ChangeDetails::default()
            }
        }
        Edit::Metadata {
            name,
            description,
            sandbox,
            expiry,
        } => {
            package_rules::ensure_editable(package)?;
            let sandbox_name = caller_sandbox(tx, caller, "sourceSandbox", &sandbox)?;
            if name_in_use(tx, &caller.org.ims_org_id, &name, Some(&package.id))? {
                return Err(duplicate_name(&name));
            }
            let description = description.or_else(|| package.description.clone());
            set_metadata(
                tx,
                &package.id,
                &name,
                description.as_deref(),
                &sandbox_name,
            )?;
            set_expiry(tx, &package.id, expiry)?;
            ChangeDetails {
                name: Some(name),
                ..ChangeDetails::default()
            }
        }
        Edit::Visibility(visibility) => {
            if package.visibility() == visibility {
                return Ok(None);
            }
            set_visibility(tx, &package.id, &visibility)?;
            ChangeDetails {
                visibility: Some(visibility),
                ..ChangeDetails::default()
            }
        }
    };
    Ok(Some(details))
}

fn held_artifacts(package: &Package) -> &[Artifact] {
    package.artifacts_list.as_deref().unwrap_or_default()
}
