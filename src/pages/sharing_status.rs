//! Sharing Status (`/sharing`): every share and pull the org is party to, live while any runs,
//! with paging, sorting, search and filters done by the API and kept in the URL. The right rail
//! is the nested route `/sharing/:id`.

use exim_api::{PagedResponse, TransferRecord, TransferRequestType, TransferStatus};
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::{transfers, ApiError};
use crate::app::ConnectionContext;
use crate::components::inline_alert::ErrorAlert;
use crate::components::live_refresh::{LiveRefresh, LiveStatusBar};
use crate::components::pagination::Pagination;
use crate::components::search_box::SearchBox;
use crate::components::sort_header::SortHeader;
use crate::components::status_light::StatusLight;
use crate::pages::packages::DateTime;
use crate::state::polling::{any_running, status_changes};
use crate::state::sorting::Sort;
use crate::state::transfer_query::TransferQuery;
use crate::state::url::encode;

/// What the table shows, shared with the rail so that it needs no request of its own.
#[derive(Clone, Copy)]
pub struct SharingFeed {
    pub page: RwSignal<Option<PagedResponse<TransferRecord>>>,
    pub query: Memo<TransferQuery>,
}

impl SharingFeed {
    pub fn row(&self, id: &str) -> Option<TransferRecord> {
        self.page
            .with(|page| page.as_ref()?.data.iter().find(|t| t.id == id).cloned())
    }

    /// `/sharing` (or `/sharing/<id>`) with the current view's query.
    pub fn href(&self, id: Option<&str>) -> String {
        let query = self.query.with(TransferQuery::to_url);
        match id {
            Some(id) => format!("/sharing/{}{query}", encode(id)),
            None => format!("/sharing{query}"),
        }
    }
}

pub fn request_type_label(request_type: &TransferRequestType) -> String {
    match request_type {
        TransferRequestType::Private => "Private share".to_string(),
        TransferRequestType::Public => "Public pull".to_string(),
        TransferRequestType::Other(raw) => raw.clone(),
    }
}

#[component]
pub fn SharingStatusPage() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let query_map = use_query_map();
    let query =
        Memo::new(move |_| query_map.with(|map| TransferQuery::from_url(|key| map.get(key))));
    let navigate = use_navigate();
    let location = use_location();
    let show = Callback::new(move |(next, replace): (TransferQuery, bool)| {
        let path = location.pathname.get_untracked();
        navigate(
            &format!("{path}{}", next.to_url()),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });

    let refresh_count = RwSignal::new(0u64);
    // A request is under way (first load, a change of view, a refresh or a retry).
    let loading = RwSignal::new(false);
    let list = LocalResource::new(move || {
        refresh_count.track();
        let client = context.client();
        let query = query.get();
        async move {
            loading.set(true);
            let page = transfers::list(&client, &query).await;
            loading.set(false);
            page
        }
    });
    let feed = SharingFeed {
        page: RwSignal::new(None),
        query,
    };
    provide_context(feed);
    let live = LiveRefresh::new(Callback::new(move |()| refresh_count.update(|n| *n += 1)));
    let failure = RwSignal::new(None::<ApiError>);
    let announcement = RwSignal::new(String::new());

    Effect::new(move |_| match list.get() {
        Some(Ok(page)) => {
            let changes = feed.page.with_untracked(|old| {
                old.as_ref()
                    .map(|old| status_changes(&old.data, &page.data))
                    .unwrap_or_default()
            });
            if !changes.is_empty() {
                announcement.set(changes.join(". "));
            }
            live.record(None, any_running(&page.data));
            failure.set(None);
            feed.page.set(Some(page));
        }
        Some(Err(error)) => {
            live.record(Some(&error), false);
            failure.set(Some(error));
        }
        None => {}
    });

    // Memos, so that a refresh re-renders cells, never the whole table (focus and scroll stay).
    let has_page = Memo::new(move |_| feed.page.with(Option::is_some));
    let first_load_error = Memo::new(move |_| if has_page.get() { None } else { failure.get() });

    view! {
        <div class="page-header">
            <h1>"Sharing status"</h1>
            <LiveStatusBar live loading problem=Signal::derive(move || failure.with(|f| f.as_ref().map(|e| e.headline().to_string()))) />
        </div>
        <Filters query show />
        <div class="sharing-layout" class:with-rail=move || location.pathname.with(|path| path.starts_with("/sharing/"))>
            <div class="sharing-main">
                {move || {
                    if has_page.get() {
                        view! { <TransferTable feed show /> }.into_any()
                    } else if let Some(error) = first_load_error.get() {
                        view! { <ErrorAlert error on_retry=Callback::new(move |()| live.retry_now()) recovery=live /> }
                            .into_any()
                    } else {
                        view! { <p class="loading" aria-busy="true">"Loading shares…"</p> }.into_any()
                    }
                }}
            </div>
            <Outlet />
        </div>
        <div class="visually-hidden" aria-live="polite" id="status-announcer">{move || announcement.get()}</div>
    }
}

/// Search by package name, status (any of several) and request type.
#[component]
fn Filters(query: Memo<TransferQuery>, show: Callback<(TransferQuery, bool)>) -> impl IntoView {
    let status_box = move |status: TransferStatus| {
        let id = format!("status-{}", status.as_str().to_lowercase());
        let label_for = id.clone();
        let label = crate::state::status::humanize(status.as_str());
        let checked = {
            let status = status.clone();
            move || query.with(|q| q.statuses.contains(&status))
        };
        view! {
            <span class="checkbox-inline">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=checked
                    on:change=move |_| show.run((query.get_untracked().toggling_status(&status), false))
                />
                <label for=label_for>{label}</label>
            </span>
        }
    };
    view! {
        <div class="toolbar filters">
            <SearchBox
                id="transfer-search"
                label="Search by package name"
                placeholder="Search by package name"
                current=Signal::derive(move || query.with(|q| q.search.clone()))
                on_search=Callback::new(move |search| {
                    show.run((TransferQuery { search, page: 1, ..query.get_untracked() }, true));
                })
            />
            <fieldset class="status-filter">
                <legend>"Status"</legend>
                {TransferStatus::KNOWN.iter().cloned().map(status_box).collect_view()}
            </fieldset>
            <label class="type-filter">
                "Type"
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let request_type = TransferRequestType::KNOWN.iter().find(|t| t.as_str() == value).cloned();
                    show.run((TransferQuery { request_type, page: 1, ..query.get_untracked() }, false));
                }>
                    <option value="" selected=move || query.with(|q| q.request_type.is_none())>"All types"</option>
                    {TransferRequestType::KNOWN
                        .iter()
                        .map(|request_type| {
                            let selected = {
                                let request_type = request_type.clone();
                                move || query.with(|q| q.request_type.as_ref() == Some(&request_type))
                            };
                            view! {
                                <option value=request_type.as_str() selected=selected>
                                    {request_type_label(request_type)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}

#[component]
fn TransferTable(feed: SharingFeed, show: Callback<(TransferQuery, bool)>) -> impl IntoView {
    let query = feed.query;
    let ids = Memo::new(move |_| {
        feed.page.with(|page| {
            page.as_ref()
                .map(|p| p.data.iter().map(|t| t.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let total = Signal::derive(move || {
        feed.page
            .with(|p| p.as_ref().map_or(0, |p| p.total_elements))
    });
    // For `cargo xtask bench`: each new set of rows (first load, another page), once painted.
    Effect::new(move |_| {
        if !ids.with(Vec::is_empty) {
            crate::perf::mark_after_paint("transfers-rows-painted");
        }
    });
    let sort = Signal::derive(move || query.with(|q| q.sort.clone()));
    let on_sort = Callback::new(move |next: Sort| {
        show.run((
            TransferQuery {
                sort: next,
                page: 1,
                ..query.get_untracked()
            },
            false,
        ));
    });
    view! {
        <Show
            when=move || !ids.with(Vec::is_empty)
            fallback=move || view! {
                <div class="table-wrap empty-state">
                    <h2>"No shares to show"</h2>
                    <p>{move || if query.with(|q| *q == TransferQuery::default()) {
                        "Share a published private package from the Packages tab; its progress appears here."
                    } else {
                        "Nothing matches these filters. Change or clear them to see more."
                    }}</p>
                </div>
            }
        >
            <div class="table-wrap">
                <table class="data-table" id="transfers-table">
                    <caption class="visually-hidden">"Shares and pulls"</caption>
                    <thead>
                        <tr>
                            <SortHeader field="packageName" title="Package" sort on_sort />
                            <th scope="col" class="optional">"Source organization"</th>
                            <SortHeader field="targetOrgName" title="Target organization" sort on_sort />
                            <th scope="col" class="optional">"Type"</th>
                            <SortHeader field="status" title="Status" sort on_sort />
                            <th scope="col" class="optional">"Initiated by"</th>
                            <SortHeader field="createdDate" title="Created" sort on_sort />
                            <th scope="col">"Completed"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| id.clone() let:id>
                            <TransferRow id feed />
                        </For>
                    </tbody>
                </table>
            </div>
            <Pagination
                page=Signal::derive(move || query.with(|q| q.page))
                page_size=Signal::derive(move || query.with(|q| q.page_size))
                total
                on_page=Callback::new(move |page| show.run((TransferQuery { page, ..query.get_untracked() }, false)))
                on_page_size=Callback::new(move |page_size| {
                    show.run((TransferQuery { page_size, page: 1, ..query.get_untracked() }, false));
                })
                noun=("share", "shares")
            />
        </Show>
    }
}

/// One row, kept by id. What a transfer is (package, organizations, type, initiator, creation)
/// never changes, so those cells are plain text; status and completion update in place on a
/// refresh, so focus and scroll stay put. (Fewer reactive cells: a 100-row page renders faster.)
#[component]
fn TransferRow(id: String, feed: SharingFeed) -> impl IntoView {
    let navigate = use_navigate();
    let location = use_location();
    let Some(first) = feed.page.with_untracked(|page| find(page, &id).cloned()) else {
        return ().into_any();
    };
    let progress = {
        let id = id.clone();
        Memo::new(move |_| {
            feed.page
                .with(|page| find(page, &id).map(|t| (t.status.to_string(), t.completed_time)))
        })
    };
    let href = {
        let id = id.clone();
        move || feed.href(Some(&id))
    };
    let open = {
        let href = href.clone();
        move |_| navigate(&href(), Default::default())
    };
    let selected = {
        let id = id.clone();
        move || {
            location
                .pathname
                .get()
                .ends_with(&format!("/{}", encode(&id)))
        }
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
        <tr data-transfer-id=id class:selected=selected on:click=open>
            <td class="name-cell">
                <a href=href on:click=|ev| ev.stop_propagation()>
                    {package_name.unwrap_or(package_id)}
                </a>
            </td>
            <td class="optional">{source_org_name.unwrap_or(source_ims_org_id)}</td>
            <td>
                {target_org_name.unwrap_or_else(|| target_ims_org_id.clone())}
                <small class="org-id">{target_ims_org_id}</small>
            </td>
            <td class="optional">{request_type_label(&request_type)}</td>
            <td>{move || progress.with(|p| p.as_ref().map(|(status, _)| view! { <StatusLight status=status.clone() /> }))}</td>
            <td class="optional">{initiated_by}</td>
            <td><DateTime epoch_ms=Some(created_date) /></td>
            <td>{move || progress.with(|p| p.as_ref().map(|(_, completed)| view! { <DateTime epoch_ms=*completed /> }))}</td>
        </tr>
    }
    .into_any()
}

fn find<'a>(
    page: &'a Option<PagedResponse<TransferRecord>>,
    id: &str,
) -> Option<&'a TransferRecord> {
    page.as_ref()?.data.iter().find(|t| t.id == id)
}
