//! Sharing Status (`/sharing`): every share and pull the org is party to, live while any runs,
//! with paging, sorting, search and filters done by the API and kept in the URL. The right rail
//! is the nested route `/sharing/:id`.

use exim_api::{TransferRecord, TransferRequestType, TransferStatus};
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

use super::feed::{transfer_id, SharingFeed};
use super::org_link::org_link;
use super::retry::{retry_ids, RetryButton, RetryLinks};
use crate::api::transfers;
use crate::components::date_cell::DateTime;
use crate::components::list_frame::{use_list, ListFrame, Rows};
use crate::components::refresh::LiveStatusBar;
use crate::components::search_box::SearchBox;
use crate::components::sort_header::SortHeader;
use crate::components::status_light::StatusLight;
use crate::components::url_query::{use_url_query, UrlView};
use crate::i18n::keys::sharing as k;
use crate::i18n::{t, tn, tr};
use crate::pages::export::ExportCsv;
use crate::session::ConnectionContext;
use crate::state::polling::{any_running, status_changes};
use crate::state::sorting::Sort;
use crate::state::status::{request_type_label, status_label};
use crate::state::transfer_query::TransferQuery;
use crate::state::url::encode;

#[component]
pub fn SharingStatusPage() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let view = use_url_query::<TransferQuery>();
    let query = view.query;
    let location = use_location();
    // Polls while any shown transfer is pending or in progress.
    let list = use_list(
        move || {
            let client = context.client();
            let query = query.get();
            async move { transfers::list(&client, &query).await }
        },
        any_running,
    );
    let feed = SharingFeed::new(list, query);
    provide_context(feed);
    let state = list.state();
    let problem = Signal::derive(move || {
        state.with(|s| s.error.as_ref().map(|error| error.headline().to_string()))
    });
    let announcement = status_announcement(feed);
    // Without rows the list's own alert says what went wrong (see `errors_elsewhere`).
    let alert_shown = Signal::derive(move || state.with(|s| !matches!(s.rows, Rows::Some(_))));

    view! {
        <div class="page-header">
            <h1>{tr(k::TITLE)}</h1>
            <LiveStatusBar refresh=list.refresh loading=list.loading() problem shown_elsewhere=alert_shown />
            <ExportCsv params=Signal::derive(move || query.with(TransferQuery::api_params)) stem="sharing-status" />
        </div>
        <Filters view />
        <OnlyShares view />
        <div class="sharing-layout" class:with-rail=move || location.pathname.with(|path| path.starts_with("/sharing/"))>
            <div class="sharing-main">
                <ListFrame
                    state
                    refresh=list.refresh
                    paging=Signal::derive(move || query.with(|q| q.paging))
                    on_paging=Callback::new(move |paging| view.show.run(TransferQuery { paging, ..query.get_untracked() }))
                    noun=k::COUNT
                    loading=|| view! { <p class="loading" aria-busy="true">{tr(k::LOADING)}</p> }
                    empty=move || view! { <NoShares query /> }
                    errors_elsewhere=true
                >
                    <TransferTable feed view />
                </ListFrame>
            </div>
            <Outlet />
        </div>
        <div class="visually-hidden" aria-live="polite" id="status-announcer">{move || announcement.get()}</div>
    }
}

/// The words the polite live region says when refreshed rows change status ("Spring sale to
/// Globex: Completed"); the last announcement stays until the next change.
fn status_announcement(feed: SharingFeed) -> Signal<String> {
    let said = Memo::new(move |previous: Option<&(Vec<TransferRecord>, String)>| {
        let now = feed.list.rows();
        let said = previous.map(|(before, said)| {
            let changes = status_changes(before, &now);
            if changes.is_empty() {
                said.clone()
            } else {
                changes.join(". ")
            }
        });
        (now, said.unwrap_or_default())
    });
    Signal::derive(move || said.with(|(_, said)| said.clone()))
}

/// Search by package name, status (any of several) and request type.
#[component]
fn Filters(view: UrlView<TransferQuery>) -> impl IntoView {
    let query = view.query;
    let status_box = move |status: TransferStatus| {
        let id = format!("status-{}", status.as_str().to_lowercase());
        let label_for = id.clone();
        let checked = {
            let status = status.clone();
            move || query.with(|q| q.statuses.contains(&status))
        };
        let toggled = status.clone();
        view! {
            <span class="checkbox-inline">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=checked
                    on:change=move |_| view.show.run(query.get_untracked().toggling_status(&toggled))
                />
                <label for=label_for>{move || status_label(status.as_str())}</label>
            </span>
        }
    };
    view! {
        <div class="toolbar filters">
            <SearchBox
                id="transfer-search"
                label=k::SEARCH_LABEL
                placeholder=k::SEARCH_PLACEHOLDER
                current=Signal::derive(move || query.with(|q| q.search.clone()))
                on_search=Callback::new(move |search| {
                    view.replace.run(TransferQuery { search, ..query.get_untracked() }.restarted());
                })
            />
            <fieldset class="status-filter">
                <legend>{tr(k::FILTER_STATUS)}</legend>
                {TransferStatus::KNOWN.iter().cloned().map(status_box).collect_view()}
            </fieldset>
            <label class="type-filter">
                {tr(k::FILTER_TYPE)}
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let request_type = TransferRequestType::KNOWN.iter().find(|t| t.as_str() == value).cloned();
                    view.show.run(TransferQuery { request_type, ..query.get_untracked() }.restarted());
                }>
                    <option value="" selected=move || query.with(|q| q.request_type.is_none())>{tr(k::ALL_TYPES)}</option>
                    {TransferRequestType::KNOWN
                        .iter()
                        .map(|request_type| {
                            let selected = {
                                let request_type = request_type.clone();
                                move || query.with(|q| q.request_type.as_ref() == Some(&request_type))
                            };
                            view! {
                                <option value=request_type.as_str() selected=selected>
                                    {move || request_type_label(request_type)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}

/// While the view is narrowed to the shares of one bulk share (`?share=`), says so and offers
/// every share again: that filter has no control of its own in the toolbar.
#[component]
fn OnlyShares(view: UrlView<TransferQuery>) -> impl IntoView {
    let query = view.query;
    let count = Memo::new(move |_| query.with(|q| q.shares.len()) as u64);
    let show_all = move |_| {
        view.show.run(
            TransferQuery {
                shares: Vec::new(),
                ..query.get_untracked()
            }
            .restarted(),
        );
    };
    move || {
        (count.get() > 0).then(|| {
            view! {
                <div class="inline-alert filter-notice" id="only-shares">
                    <p>{move || tn(k::ONLY_SHARES, count.get(), &[])}</p>
                    <button type="button" id="show-all-shares" on:click=show_all>{tr(k::SHOW_ALL_SHARES)}</button>
                </div>
            }
        })
    }
}

/// Why there is nothing to show: nothing shared yet, or nothing matching the filters.
#[component]
fn NoShares(query: Memo<TransferQuery>) -> impl IntoView {
    view! {
        <div class="table-wrap empty-state">
            <h2>{tr(k::EMPTY_TITLE)}</h2>
            <p>{Signal::derive(move || t(if query.with(|q| *q == TransferQuery::default()) {
                k::EMPTY_HINT
            } else {
                k::EMPTY_FILTERED_HINT
            }))}</p>
        </div>
    }
}

#[component]
fn TransferTable(feed: SharingFeed, view: UrlView<TransferQuery>) -> impl IntoView {
    let query = view.query;
    let ids = feed.list.ids(transfer_id);
    // For `cargo xtask bench`: each new set of rows (first load, another page), once painted.
    Effect::new(move |_| {
        if !ids.with(Vec::is_empty) {
            crate::perf::mark_after_paint("transfers-rows-painted");
        }
    });
    let sort = Signal::derive(move || query.with(|q| q.sort.clone()));
    let on_sort = Callback::new(move |sort: Sort| {
        view.show.run(
            TransferQuery {
                sort,
                ..query.get_untracked()
            }
            .restarted(),
        );
    });
    // The row whose rail is open, compared once per change rather than once per row.
    let location = use_location();
    let open_rail = Selector::new(move || {
        location
            .pathname
            .with(|path| path.strip_prefix("/sharing/").map(str::to_string))
    });
    // Clicking anywhere on a row opens its rail: one listener for the whole table. A click on
    // the package link is left to the link.
    let navigate = use_navigate();
    let open_clicked_row = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if target.closest("a, button").ok().flatten().is_some() {
            return;
        }
        let row = target.closest("tr[data-transfer-id]").ok().flatten();
        if let Some(id) = row.and_then(|row| row.get_attribute("data-transfer-id")) {
            navigate(&feed.href(Some(&id)), Default::default());
        }
    };
    view! {
        <div class="table-wrap">
            <table class="data-table" id="transfers-table">
                <caption class="visually-hidden">{tr(k::CAPTION)}</caption>
                <thead>
                    <tr>
                        <SortHeader field="packageName" title=k::COLUMN_PACKAGE sort on_sort />
                        <th scope="col" class="optional">{tr(k::COLUMN_SOURCE_ORG)}</th>
                        <SortHeader field="targetOrgName" title=k::COLUMN_TARGET_ORG sort on_sort />
                        <th scope="col" class="optional">{tr(k::COLUMN_TYPE)}</th>
                        <SortHeader field="status" title=k::COLUMN_STATUS sort on_sort />
                        <th scope="col" class="optional">{tr(k::COLUMN_INITIATED_BY)}</th>
                        <SortHeader field="createdDate" title=k::COLUMN_CREATED sort on_sort />
                        <th scope="col">{tr(k::COLUMN_FINISHED)}</th>
                    </tr>
                </thead>
                <tbody on:click=open_clicked_row>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <TransferRow id feed open_rail=open_rail.clone() />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One row, kept by id. What a transfer is (package, organizations, type, initiator, creation)
/// never changes, so those cells are plain text; status and completion update in place on a
/// refresh, so focus and scroll stay put.
#[component]
fn TransferRow(
    id: String,
    feed: SharingFeed,
    open_rail: Selector<Option<String>>,
) -> impl IntoView {
    let Some(first) = feed.list.row_untracked(&id, transfer_id) else {
        return ().into_any();
    };
    let progress = feed.list.row(id.clone(), transfer_id, |t| {
        (t.status.to_string(), t.completed_time)
    });
    let links = feed.list.row(id.clone(), transfer_id, retry_ids);
    let record = feed
        .list
        .row(id.clone(), transfer_id, TransferRecord::clone);
    let href = {
        let id = id.clone();
        move || feed.href(Some(&id))
    };
    let selected = {
        let id = Some(encode(&id));
        move || open_rail.selected(&id)
    };
    let TransferRecord {
        package_id,
        package_name,
        source_ims_org_id,
        source_org_name,
        target_ims_org_id,
        target_org_name,
        request_type,
        initiated_by,
        created_date,
        ..
    } = first;
    view! {
        <tr data-transfer-id=id class:selected=selected>
            <td class="name-cell">
                <a href=href>
                    {package_name.unwrap_or(package_id)}
                </a>
            </td>
            <td class="optional">{org_link(source_org_name.unwrap_or(source_ims_org_id.clone()), &source_ims_org_id)}</td>
            <td>
                {org_link(target_org_name.unwrap_or_else(|| target_ims_org_id.clone()), &target_ims_org_id)}
                <small class="org-id">{target_ims_org_id}</small>
            </td>
            <td class="optional">{move || request_type_label(&request_type)}</td>
            <td class="status-cell">
                {move || progress.with(|p| p.as_ref().map(|(status, _)| view! { <StatusLight status=status.clone() /> }))}
                <RetryLinks links feed />
                <RetryButton transfer=record feed />
            </td>
            <td class="optional">{initiated_by}</td>
            <td><DateTime epoch_ms=Some(created_date) /></td>
            <td>{move || progress.with(|p| p.as_ref().map(|(_, completed)| view! { <DateTime epoch_ms=*completed /> }))}</td>
        </tr>
    }
    .into_any()
}
