//! `POST /exim/transfer/pullRequest`: the caller pulls another org's PUBLIC package with the
//! payload `{imsOrgId, packageId}` copied from it (201). An org does not pull its own
//! packages (400), as it does not share with itself: it already has them.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use exim_api::{
    PackageStatus, PackageVisibility, PullRequest, TransferRecord, TransferRequestType,
};

use crate::auth::{PackageShare, Permitted};
use crate::clock::now_ms;
use crate::db::directory::find_org;
use crate::db::packages::find_any_package;
use crate::db::transfers::{find_for_party, insert_transfer, NewTransfer};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::ids::{new_record_id, new_uuid};
use crate::package_rules;
use crate::state::AppState;
use crate::validate;

pub async fn pull(
    State(state): State<AppState>,
    sharer: Permitted<PackageShare>,
    ApiJson(request): ApiJson<PullRequest>,
) -> Result<(StatusCode, Json<TransferRecord>), ApiError> {
    let caller = sharer.caller;
    let source_org = validate::org_id("imsOrgId", &request.ims_org_id)?;
    let package_id = validate::record_id("packageId", &request.package_id)?;
    let now = now_ms();
    let first_step_at = now + state.step_ms();
    let record = state
        .transaction(move |tx| {
            let not_theirs = || {
                ApiError::Invalid(format!(
                    "Package {package_id} is not a package of organization {source_org}"
                ))
            };
            let package = find_any_package(tx, &package_id)?
                .filter(|package| package.ims_org_id.as_deref() == Some(source_org.as_str()))
                .ok_or_else(not_theirs)?;
            if package.visibility() != PackageVisibility::Public {
                return Err(ApiError::Invalid(format!(
                    "Package {package_id} is not PUBLIC; only public packages can be pulled"
                )));
            }
            if package_rules::status(&package) != PackageStatus::Published {
                return Err(ApiError::Invalid(format!(
                    "Package {package_id} is {}; only PUBLISHED packages can be pulled",
                    package_rules::status(&package)
                )));
            }
            // Checked last, so that a refused payload names what is wrong with the package.
            if source_org == caller.org.ims_org_id {
                return Err(ApiError::Invalid(format!(
                    "Package {package_id} belongs to your own organization ({source_org}); a \
                     package cannot be pulled into the organization that owns it"
                )));
            }
            let source = find_org(tx, &source_org)?.ok_or_else(not_theirs)?;
            let id = new_record_id();
            insert_transfer(
                tx,
                &NewTransfer {
                    id: &id,
                    request_type: &TransferRequestType::Public,
                    source_org: &source.ims_org_id,
                    source_org_name: &source.name,
                    target_org: &caller.org.ims_org_id,
                    target_org_name: &caller.org.name,
                    package_id: &package.id,
                    package_name: &package.name,
                    created: now,
                    initiated_by: &caller.user.id,
                    pipeline_message_id: Some(&new_uuid()),
                    first_step_at: Some(first_step_at),
                    retry_of: None,
                },
            )?;
            find_for_party(tx, &id, &caller.org.ims_org_id)?.ok_or(ApiError::Internal)
        })
        .await?;
    state.wake_worker();
    Ok((StatusCode::CREATED, Json(record)))
}
