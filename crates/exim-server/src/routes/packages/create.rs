//! `POST /exim/packages`: a new DRAFT package (201).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use exim_api::{
    Artifact, ArtifactRef, CreatePackageRequest, Package, PackageStatus, PackageType,
    PackageVisibility,
};

use super::lookup::{caller_sandbox, own_package};
use crate::auth::{ManagePackage, Permitted};
use crate::clock::{now_ms, DAY_MS};
use crate::db::package_history::{change, ChangeDetails};
use crate::db::packages::{insert_package, name_in_use, record_creation, Change, NewPackage};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::ids::new_record_id;
use crate::package_rules::{self, DEFAULT_LIFETIME_DAYS};
use crate::state::AppState;
use crate::validate;

/// Platform's answer names the service that created the package.
const CREATING_SERVICE: &str = "platform_exim";

pub async fn create(
    State(state): State<AppState>,
    manager: Permitted<ManagePackage>,
    ApiJson(request): ApiJson<CreatePackageRequest>,
) -> Result<(StatusCode, Json<Package>), ApiError> {
    let caller = manager.caller;
    let name = validate::name("name", &request.name)?;
    let description = request
        .description
        .as_deref()
        .map(|text| validate::text("description", text))
        .transpose()?;
    let package_type = package_rules::package_type(&request.package_type)?;
    let artifacts = package_rules::new_artifacts(request.artifacts.unwrap_or_default())?;
    if package_type == PackageType::Full && !artifacts.is_empty() {
        return Err(ApiError::Invalid(
            "A FULL package copies the whole sandbox; artifacts must be absent or empty".into(),
        ));
    }
    let now = now_ms();
    let expiry = match request.expiry.as_deref() {
        Some(raw) => validate::expiry(raw)?,
        None => now + DEFAULT_LIFETIME_DAYS * DAY_MS,
    };

    let package = state
        .transaction(move |tx| {
            let sandbox_name = match &request.source_sandbox {
                Some(sandbox) => caller_sandbox(tx, &caller, "sourceSandbox", sandbox)?,
                None => caller.sandbox.clone(),
            };
            if name_in_use(tx, &caller.org.ims_org_id, &name, None)? {
                return Err(duplicate_name(&name));
            }
            let id = new_record_id();
            let details = ChangeDetails {
                artifacts: (!artifacts.is_empty()).then(|| artifact_refs(&artifacts)),
                ..ChangeDetails::default()
            };
            insert_package(
                tx,
                &NewPackage {
                    id: id.clone(),
                    ims_org_id: caller.org.ims_org_id.clone(),
                    sandbox_name,
                    version: 0,
                    name,
                    description,
                    package_type,
                    status: PackageStatus::Draft,
                    visibility: Some(PackageVisibility::Private),
                    created_date: now,
                    modified_date: now,
                    created_by: caller.user.id.clone(),
                    modified_by: caller.user.id.clone(),
                    expiry: Some(expiry),
                    publish_date: None,
                    artifacts,
                    received_from: None,
                },
            )?;
            let change = Change {
                what: change::CREATE,
                at: now,
                by: &caller.user.id,
                details,
            };
            record_creation(tx, &id, &change)?;
            own_package(tx, &caller, &id)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(with_request_details(package))))
}

/// Artifacts as a history entry names them.
pub(super) fn artifact_refs(artifacts: &[Artifact]) -> Vec<ArtifactRef> {
    artifacts
        .iter()
        .map(|artifact| ArtifactRef {
            id: artifact.id.clone(),
            artifact_type: artifact.artifact_type.clone(),
            title: artifact.title.clone(),
        })
        .collect()
}

/// Platform's create answer also carries the request's id and the creating service.
fn with_request_details(mut package: Package) -> Package {
    package
        .extra
        .insert("requestId".into(), new_record_id().into());
    package
        .extra
        .insert("userId".into(), CREATING_SERVICE.into());
    package
}

pub(super) fn duplicate_name(name: &str) -> ApiError {
    ApiError::Conflict(format!(
        "A package named '{}' already exists in this organization",
        validate::shorten(name)
    ))
}
