//! `GET /sandbox-management/sandboxes`: the header org's sandboxes in the shape of the
//! sandbox-management API's `ListSandboxes` (openapi-sandbox.yaml).

use axum::extract::State;
use axum::Json;
use chrono::{DateTime, SecondsFormat};
use exim_api::{SandboxList, SandboxListPage};
use serde_json::json;

use crate::auth::OrgCaller;
use crate::db::directory::list_sandboxes;
use crate::directory::{Org, Sandbox};
use crate::error::ApiError;
use crate::state::AppState;

/// Page size reported in `_page.limit`. Orgs have far fewer sandboxes, so one page holds all.
const PAGE_LIMIT: u64 = 200;

pub async fn list(
    State(state): State<AppState>,
    caller: OrgCaller,
) -> Result<Json<SandboxList>, ApiError> {
    let org_id = caller.org.ims_org_id.clone();
    let sandboxes = state
        .db()
        .call(move |conn| list_sandboxes(conn, &org_id))
        .await?;
    let count = sandboxes.len() as u64;
    Ok(Json(SandboxList {
        sandboxes: sandboxes
            .into_iter()
            .map(|sandbox| user_view(sandbox, &caller.org))
            .collect(),
        page: Some(SandboxListPage {
            limit: Some(PAGE_LIMIT),
            count: Some(count),
        }),
        // No `next` link: everything fits in one page.
        links: Some(json!({})),
    }))
}

/// A sandbox as users see it: services would also get `id` and `_system`.
fn user_view(sandbox: Sandbox, org: &Org) -> exim_api::Sandbox {
    exim_api::Sandbox {
        id: None,
        name: sandbox.name,
        title: sandbox.title,
        state: Some(sandbox.state),
        sandbox_type: Some(sandbox.sandbox_type),
        region: Some(org.region.to_ascii_uppercase()),
        is_default: Some(sandbox.is_default),
        e_tag: None,
        created_date: Some(iso_date_time(sandbox.created_date)),
        last_modified_date: Some(iso_date_time(sandbox.modified_date)),
        created_by: Some(sandbox.created_by),
        modified_by: Some(sandbox.modified_by),
        system: None,
    }
}

fn iso_date_time(epoch_millis: i64) -> String {
    DateTime::from_timestamp_millis(epoch_millis)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}
