//! `GET /exim/sandbox-objects?sandbox=&type=&search=&start=&limit=`: the objects of one of
//! the caller org's sandboxes, which package authors pick artifacts from. A local extension
//! (README "exim-server's local extensions"); against Platform the console lists no objects.

use axum::extract::{RawQuery, State};
use axum::Json;
use exim_api::{ArtifactRef, PagedResponse};

use super::lookup::sandbox_of_org;
use crate::auth::Caller;
use crate::db::sandbox_objects::{list_objects, ObjectQuery, SandboxKey};
use crate::error::ApiError;
use crate::extract::query_value;
use crate::package_rules::ARTIFACT_TYPES;
use crate::query::{Page, MAX_LIMIT};
use crate::state::AppState;
use crate::validate::shorten;

/// Objects per page when `limit` is not given: more than the package lists' 20, because
/// authors scan these lists for the objects to add.
const DEFAULT_LIMIT: u64 = 50;

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(query): RawQuery,
) -> Result<Json<PagedResponse<ArtifactRef>>, ApiError> {
    let query = query.as_deref();
    let text = |name: &str| {
        query_value(query, name)
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty())
    };
    let artifact_type = text("type").map(|raw| artifact_type(&raw)).transpose()?;
    let search = text("search");
    let page = Page {
        start: text("start").map_or(Ok(0), |raw| start(&raw))?,
        limit: text("limit").map_or(Ok(DEFAULT_LIMIT), |raw| limit(&raw))?,
    };
    let requested_sandbox = text("sandbox");
    let (total, objects) = state
        .transaction(move |tx| {
            let sandbox_name = match requested_sandbox {
                Some(name) => sandbox_of_org(tx, &caller, "sandbox", &name)?,
                None => caller.sandbox.clone(),
            };
            let sandbox = SandboxKey {
                ims_org_id: &caller.org.ims_org_id,
                sandbox_name: &sandbox_name,
            };
            let query = ObjectQuery {
                artifact_type: artifact_type.as_deref(),
                search: search.as_deref(),
                start: page.start,
                limit: page.limit,
            };
            Ok(list_objects(tx, sandbox, &query)?)
        })
        .await?;
    let data = objects
        .into_iter()
        .map(|object| ArtifactRef {
            id: object.id,
            artifact_type: object.artifact_type,
            title: Some(object.title),
        })
        .collect();
    Ok(Json(page.envelope(total, data)))
}

/// One of the known artifact types, in any case.
fn artifact_type(raw: &str) -> Result<String, ApiError> {
    let upper = raw.to_ascii_uppercase();
    if ARTIFACT_TYPES.contains(&upper.as_str()) {
        Ok(upper)
    } else {
        Err(ApiError::InvalidQuery(format!(
            "Invalid type '{}': expected one of {}",
            shorten(raw),
            ARTIFACT_TYPES.join(", ")
        )))
    }
}

/// An item offset.
fn start(raw: &str) -> Result<u64, ApiError> {
    raw.parse().map_err(|_| {
        ApiError::InvalidQuery(format!(
            "Invalid start '{}': expected a non-negative integer item offset",
            shorten(raw)
        ))
    })
}

fn limit(raw: &str) -> Result<u64, ApiError> {
    raw.parse()
        .ok()
        .filter(|limit| (1..=MAX_LIMIT).contains(limit))
        .ok_or_else(|| {
            ApiError::InvalidQuery(format!(
                "Invalid limit '{}': expected an integer from 1 to {MAX_LIMIT}",
                shorten(raw)
            ))
        })
}
