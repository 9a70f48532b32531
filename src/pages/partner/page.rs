//! `/partners/<org>`: who the org is, where the partnership stands, its whole history, and the
//! shares between us. A malformed org ID or an org we never partnered with gets a page that
//! says so.

use exim_api::HandshakeRecord;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::requests::PartnershipRequests;
use super::shares::{ShareCounts, ShareList};
use crate::api::{handshakes, ApiError};
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::use_read;
use crate::components::status_light::StatusLight;
use crate::i18n::keys::partner as k;
use crate::i18n::{tf, tr};
use crate::session::ConnectionContext;
use crate::state::org_ids::normalize_org_id;
use crate::state::partner_workspace::{Partnership, ShareWay};
use crate::state::url::encode;

#[component]
pub fn PartnerPage() -> impl IntoView {
    let params = use_params_map();
    let raw = Memo::new(move |_| params.with(|p| p.get("orgId").unwrap_or_default()));
    move || match normalize_org_id(&raw.get()) {
        Ok(org_id) => view! { <PartnerWorkspace org_id /> }.into_any(),
        Err(problem) => {
            let raw = raw.get();
            view! {
                <div class="page-header"><h1>{tr(k::MALFORMED_TITLE)}</h1></div>
                <div class="panel partner-problem">
                    <p>{tf(k::MALFORMED_TEXT, &[("id", &raw)])}</p>
                    <p>{problem.message()}</p>
                    <p><a href="/partners">{tr(k::GO_TO_PARTNERS)}</a></p>
                </div>
            }
            .into_any()
        }
    }
}

/// What the handshakes with the org let the page show.
#[derive(Clone, PartialEq)]
enum Shape {
    Loading,
    Failed(ApiError),
    Unknown,
    Found,
}

#[component]
fn PartnerWorkspace(org_id: String) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let asked = org_id.clone();
    let (partnership, recovery) = use_read(move || {
        let client = context.client();
        let org_id = asked.clone();
        async move { handshakes::between(&client, &org_id).await }
    });
    // Only a change of shape rebuilds the page; an answer to an action patches it in place.
    let shape = Memo::new(move |_| match partnership.get() {
        None => Shape::Loading,
        Some(Err(error)) => Shape::Failed(error),
        Some(Ok(found)) if found.is_empty() => Shape::Unknown,
        Some(Ok(_)) => Shape::Found,
    });
    let found = Memo::new(move |_| partnership.get().and_then(Result::ok).unwrap_or_default());
    let on_changed = Callback::new(move |record| {
        partnership.update(|outcome| {
            if let Some(Ok(found)) = outcome {
                found.patch(record);
            }
        });
    });
    move || {
        let org_id = org_id.clone();
        match shape.get() {
            Shape::Loading => view! { <p class="loading" aria-busy="true">{tr(k::LOADING)}</p> }.into_any(),
            Shape::Failed(error) => view! {
                <div class="page-header"><h1>{tr(k::TITLE_LOADING)}</h1></div>
                <ErrorAlert error on_retry=Callback::new(move |()| partnership.refetch()) recovery />
            }
            .into_any(),
            Shape::Unknown => view! {
                <div class="page-header"><h1>{tr(k::UNKNOWN_TITLE)}</h1></div>
                <div class="panel partner-problem">
                    <p>{tf(k::UNKNOWN_TEXT, &[("id", &org_id)])}</p>
                    <p><a href="/partners">{tr(k::GO_TO_PARTNERS)}</a></p>
                </div>
            }
            .into_any(),
            Shape::Found => view! { <Workspace org_id found=found.into() on_changed /> }.into_any(),
        }
    }
}

/// The page of an org we have or had a partnership with. Who it is stays; where the
/// partnership stands follows the actions taken here.
#[component]
fn Workspace(
    org_id: String,
    found: Signal<Partnership>,
    on_changed: Callback<HandshakeRecord>,
) -> impl IntoView {
    let facts = found.with_untracked(Partnership::facts);
    let name = facts.name.clone().unwrap_or_else(|| org_id.clone());
    let status = move || {
        found.with(|f| {
            f.current()
                .map(|(record, _)| view! { <StatusLight status=record.status.to_string() /> })
        })
    };
    let share = {
        let (org_id, name) = (org_id.clone(), name.clone());
        move || {
            let label = name.clone();
            if found.with(Partnership::can_share) {
                let href = format!("/packages?share_to={}", encode(&org_id));
                view! {
                    <a class="button primary" id="share-with-partner" href=href>
                        {Signal::derive(move || tf(k::SHARE_WITH, &[("org", &label)]))}
                    </a>
                }
                .into_any()
            } else {
                view! {
                    <p class="note" id="share-unavailable">
                        {Signal::derive(move || tf(k::SHARE_UNAVAILABLE, &[("org", &label)]))}
                    </p>
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="page-header partner-header">
            <div>
                <p class="breadcrumb"><a href="/partners">{tr(k::BACK_TO_PARTNERS)}</a></p>
                <h1 class="partner-name">{name.clone()}</h1>
                <dl class="metadata partner-facts">
                    <dt>{tr(k::ORG_ID)}</dt><dd><code>{org_id.clone()}</code></dd>
                    <dt>{tr(k::REGION)}</dt><dd>{facts.region.unwrap_or_else(|| "—".to_string())}</dd>
                    <dt>{tr(k::STATUS)}</dt><dd id="partnership-status">{status}</dd>
                </dl>
            </div>
            <div class="partner-share">{share}</div>
        </div>
        <ShareCounts org_id=org_id.clone() partner=name.clone() />
        <PartnershipRequests found partner=name.clone() on_changed />
        <ShareList org_id=org_id.clone() way=ShareWay::To partner=name.clone() />
        <ShareList org_id way=ShareWay::From partner=name />
    }
}
