//! "Pulled packages": the public pulls the current org is party to, newest first, paged.

use exim_api::TransferRecord;
use leptos::prelude::*;

use crate::components::date_cell::DateCell;
use crate::components::list_frame::{ListData, ListFrame};
use crate::components::status_light::StatusLight;
use crate::components::url_query::UrlView;
use crate::i18n::keys::{common, import as k};
use crate::i18n::{t, tr};
use crate::pages::sharing::{transfer_href, transfer_id};
use crate::state::pulled_query::PulledQuery;

#[component]
pub fn PulledPackages(
    view: UrlView<PulledQuery>,
    pulls: ListData<TransferRecord>,
) -> impl IntoView {
    let query = view.query;
    let updating = pulls.updating();
    view! {
        <section class="pulled-section" aria-labelledby="pulled-heading">
            <div class="section-header">
                <h2 id="pulled-heading">{tr(k::PULLED_HEADING)}</h2>
                <span class="updating" role="status">{move || updating.get().then(|| t(common::UPDATING))}</span>
            </div>
            <ListFrame
                state=pulls.state()
                refresh=pulls.refresh
                paging=Signal::derive(move || query.with(|q| q.paging))
                on_paging=Callback::new(move |paging| view.show.run(PulledQuery { paging }))
                noun=k::PULL_COUNT
                loading=|| view! { <p class="loading" aria-busy="true">{tr(k::LOADING)}</p> }
                empty=|| view! {
                    <div class="table-wrap empty-state">
                        <h3>{tr(k::NO_PULLS)}</h3>
                        <p>{tr(k::NO_PULLS_HINT)}</p>
                    </div>
                }
            >
                <PulledTable pulls />
            </ListFrame>
        </section>
    }
}

#[component]
fn PulledTable(pulls: ListData<TransferRecord>) -> impl IntoView {
    let ids = pulls.ids(transfer_id);
    view! {
        <div class="table-wrap">
            <table class="data-table" id="pulled-table">
                <caption class="visually-hidden">{tr(k::PULLED_HEADING)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(k::COLUMN_PACKAGE)}</th>
                        <th scope="col">{tr(k::COLUMN_FROM)}</th>
                        <th scope="col">{tr(k::COLUMN_PULLED_BY)}</th>
                        <th scope="col">{tr(k::COLUMN_STATUS)}</th>
                        <th scope="col">{tr(k::COLUMN_REQUESTED)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <PulledRow id pulls />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One pull, kept by id; only its status follows the page.
#[component]
fn PulledRow(id: String, pulls: ListData<TransferRecord>) -> impl IntoView {
    let Some(transfer) = pulls.row_untracked(&id, transfer_id) else {
        return ().into_any();
    };
    let status = pulls.row(id, transfer_id, |t| t.status.to_string());
    let name = transfer
        .package_name
        .clone()
        .unwrap_or_else(|| transfer.package_id.clone());
    let href = transfer_href(&transfer.id);
    view! {
        <tr data-transfer-id=transfer.id.clone()>
            <td class="name-cell">
                <a href=href class="truncate" title=name.clone()>{name.clone()}</a>
                <small><code>{transfer.package_id.clone()}</code></small>
            </td>
            <td><Organization id=transfer.source_ims_org_id.clone() name=transfer.source_org_name.clone() /></td>
            <td><Organization id=transfer.target_ims_org_id.clone() name=transfer.target_org_name.clone() /></td>
            <td>{move || status.get().map(|status| view! { <StatusLight status /> })}</td>
            <td><DateCell epoch_ms=Some(transfer.created_date) /></td>
        </tr>
    }
    .into_any()
}

/// An org by name with its ID, or by ID alone (public-pull records often repeat the ID as name).
#[component]
fn Organization(id: String, name: Option<String>) -> impl IntoView {
    match name.filter(|n| !n.trim().is_empty() && *n != id) {
        Some(name) => view! {
            <span class="truncate" title=name.clone()>{name.clone()}</span>
            <small class="muted"><code>{id}</code></small>
        }
        .into_any(),
        None => view! { <code>{id}</code> }.into_any(),
    }
}
