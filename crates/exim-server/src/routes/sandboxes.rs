//! `GET /sandbox-management/sandboxes`: the header org's sandboxes in the shape of the
//! sandbox-management API's `ListSandboxes` (openapi-sandbox.yaml).

use axum::extract::State;
use axum::Json;
use chrono::{DateTime, SecondsFormat};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::auth::OrgCaller;
use crate::db::directory::list_sandboxes;
use crate::directory::{Org, Sandbox};
use crate::error::ApiError;
use crate::state::AppState;

/// Page size reported in `_page.limit`. Orgs have far fewer sandboxes, so one page holds all.
const PAGE_LIMIT: usize = 200;

#[derive(Debug, Serialize)]
pub struct SandboxList {
    sandboxes: Vec<SandboxView>,
    #[serde(rename = "_page")]
    page: PageInfo,
    /// No `next` link: everything fits in one page.
    #[serde(rename = "_links")]
    links: Map<String, Value>,
}

#[derive(Debug, Serialize)]
struct PageInfo {
    limit: usize,
    count: usize,
}

/// A sandbox as users see it (services also get `id` and `_system`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SandboxView {
    name: String,
    title: String,
    state: String,
    #[serde(rename = "type")]
    sandbox_type: &'static str,
    region: String,
    is_default: bool,
    created_date: String,
    last_modified_date: String,
    created_by: String,
    modified_by: String,
}

impl SandboxView {
    fn new(sandbox: Sandbox, org: &Org) -> SandboxView {
        SandboxView {
            title: sandbox.title,
            state: sandbox.state,
            sandbox_type: sandbox.sandbox_type.as_str(),
            region: org.region.to_ascii_uppercase(),
            is_default: sandbox.is_default,
            created_date: iso_date_time(sandbox.created_date),
            last_modified_date: iso_date_time(sandbox.modified_date),
            created_by: sandbox.created_by,
            modified_by: sandbox.modified_by,
            name: sandbox.name,
        }
    }
}

fn iso_date_time(epoch_millis: i64) -> String {
    DateTime::from_timestamp_millis(epoch_millis)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub async fn list(
    State(state): State<AppState>,
    caller: OrgCaller,
) -> Result<Json<SandboxList>, ApiError> {
    let org_id = caller.org.ims_org_id.clone();
    let sandboxes = state
        .db()
        .call(move |conn| list_sandboxes(conn, &org_id))
        .await?;
    let count = sandboxes.len();
    Ok(Json(SandboxList {
        sandboxes: sandboxes
            .into_iter()
            .map(|sandbox| SandboxView::new(sandbox, &caller.org))
            .collect(),
        page: PageInfo {
            limit: PAGE_LIMIT,
            count,
        },
        links: Map::new(),
    }))
}
