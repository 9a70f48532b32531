//! "Pulled packages": the public pulls the current org is party to, newest first, paged.

use exim_api::{PagedResponse, TransferRecord};
use leptos::prelude::*;

use crate::api::{transfers, ApiError};
use crate::app::ConnectionContext;
use crate::components::inline_alert::ErrorAlert;
use crate::components::live_refresh::LiveRefresh;
use crate::components::pagination::Pagination;
use crate::components::status_light::StatusLight;
use crate::pages::packages::DateCell;
use crate::state::pulled_query::PulledQuery;
use crate::state::url::encode;

#[component]
pub fn PulledPackages(
    query: Memo<PulledQuery>,
    #[prop(into)] show: Callback<PulledQuery>,
    /// Changing it fetches the list again.
    reload: RwSignal<u64>,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let list = LocalResource::new(move || {
        reload.track();
        let client = context.client();
        let query = query.get();
        async move { transfers::list_pulled(&client, query).await }
    });
    let recovery = LiveRefresh::recovering(list);
    view! {
        <section class="pulled-section" aria-labelledby="pulled-heading">
            <h2 id="pulled-heading">"Pulled packages"</h2>
            <Transition fallback=|| view! { <p class="loading" aria-busy="true">"Loading…"</p> }>
                {move || list.get().map(|result| view! {
                    <PulledTable result query show recovery retry=Callback::new(move |()| list.refetch()) />
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PulledTable(
    result: Result<PagedResponse<TransferRecord>, ApiError>,
    query: Memo<PulledQuery>,
    show: Callback<PulledQuery>,
    recovery: LiveRefresh,
    retry: Callback<()>,
) -> impl IntoView {
    let page = match result {
        Ok(page) => page,
        Err(error) => return view! { <ErrorAlert error on_retry=retry recovery /> }.into_any(),
    };
    if page.data.is_empty() {
        return view! {
            <div class="table-wrap empty-state">
                <h3>"No pulled packages yet"</h3>
                <p>"Packages pulled with a payload, into your organization or from it, appear here."</p>
            </div>
        }
        .into_any();
    }
    let total = page.total_elements;
    view! {
        <div class="table-wrap">
            <table class="data-table" id="pulled-table">
                <caption class="visually-hidden">"Pulled packages"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Package"</th>
                        <th scope="col">"From"</th>
                        <th scope="col">"Pulled by"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Requested"</th>
                    </tr>
                </thead>
                <tbody>
                    {page.data.into_iter().map(|transfer| view! { <PulledRow transfer /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pagination
            page=Signal::derive(move || query.with(|q| q.page))
            page_size=Signal::derive(move || query.with(|q| q.page_size))
            total=Signal::derive(move || total)
            on_page=Callback::new(move |page: u32| show.run(PulledQuery { page: page.max(1), ..query.get_untracked() }))
            on_page_size=Callback::new(move |page_size| show.run(PulledQuery { page: 1, page_size }))
            noun=("pull", "pulls")
        />
    }
    .into_any()
}

#[component]
fn PulledRow(transfer: TransferRecord) -> impl IntoView {
    let name = transfer
        .package_name
        .clone()
        .unwrap_or_else(|| transfer.package_id.clone());
    let href = format!("/sharing/{}", encode(&transfer.id));
    view! {
        <tr data-transfer-id=transfer.id.clone()>
            <td class="name-cell">
                <a href=href class="truncate" title=name.clone()>{name.clone()}</a>
                <small><code>{transfer.package_id.clone()}</code></small>
            </td>
            <td><Organization id=transfer.source_ims_org_id.clone() name=transfer.source_org_name.clone() /></td>
            <td><Organization id=transfer.target_ims_org_id.clone() name=transfer.target_org_name.clone() /></td>
            <td><StatusLight status=transfer.status.to_string() /></td>
            <td><DateCell epoch_ms=Some(transfer.created_date) /></td>
        </tr>
    }
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
