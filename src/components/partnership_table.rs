//! One table of the Partners screen (outgoing or incoming requests) with its status filter,
//! order, paging and per-row history, all in the URL.

use exim_api::{HandshakeRecord, PagedResponse};
use leptos::prelude::*;

use crate::api::{handshakes, ApiError};
use crate::app::ConnectionContext;
use crate::components::inline_alert::ErrorAlert;
use crate::components::live_refresh::LiveRefresh;
use crate::components::pagination::Pagination;
use crate::components::partnership_actions::{
    history_toggle_id, partner_label, PartnershipActionButtons, PartnershipActions,
};
use crate::components::partnership_history::PartnershipHistory;
use crate::components::sort_header::SortHeader;
use crate::components::status_light::StatusLight;
use crate::pages::packages::DateCell;
use crate::state::partner_query::{Direction, PartnersQuery, StatusFilter, TableQuery, SORT_FIELD};
use crate::state::partnership::partner;
use crate::state::sorting::Sort;

const COLUMN_COUNT: usize = 6;

/// Shows another view of the page; `true` replaces the history entry.
pub type ShowView = Callback<(PartnersQuery, bool)>;

fn words(direction: Direction) -> (&'static str, &'static str, &'static str) {
    match direction {
        Direction::Outgoing => (
            "outgoing",
            "Outgoing requests",
            "Organizations you asked to partner with. Once one accepts, you can share private packages with it.",
        ),
        Direction::Incoming => (
            "incoming",
            "Incoming requests",
            "Organizations that asked to partner with you. Accepting lets them share private packages with you.",
        ),
    }
}

#[component]
pub fn PartnershipSection(
    direction: Direction,
    query: Memo<PartnersQuery>,
    show: ShowView,
    actions: PartnershipActions,
    #[prop(into)] can_act: Signal<bool>,
    /// Changing it fetches the table again.
    #[prop(optional)]
    reload: Option<RwSignal<u64>>,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let table = Memo::new(move |_| query.with(|q| q.table(direction).clone()));
    let list = LocalResource::new(move || {
        if let Some(reload) = reload {
            reload.track();
        }
        let client = context.client();
        let table = table.get();
        async move { handshakes::list(&client, direction, &table).await }
    });
    let recovery = LiveRefresh::recovering(list);
    let (key, title, description) = words(direction);
    let heading_id = format!("{key}-heading");
    let labelled_by = heading_id.clone();
    let filter_id = format!("{key}-status-filter");
    let label_for = filter_id.clone();
    let set_table = move |next: TableQuery| {
        show.run((query.get_untracked().with_table(direction, next), false));
    };

    view! {
        <section class="partners-section" aria-labelledby=labelled_by>
            <div class="section-header">
                <div>
                    <h2 id=heading_id>{title}</h2>
                    <p class="muted">{description}</p>
                </div>
                <div class="filter">
                <label for=label_for>"Status"</label>
                <select
                    id=filter_id
                    on:change=move |ev| {
                        let status = StatusFilter::parse(&event_target_value(&ev)).unwrap_or(StatusFilter::All);
                        set_table(TableQuery { status, ..table.get_untracked() }.restarted());
                    }
                >
                    {StatusFilter::ALL
                        .map(|filter| view! {
                            <option value=filter.key() selected=move || table.with(|t| t.status == filter)>
                                {filter.label()}
                            </option>
                        })
                        .collect_view()}
                </select>
                </div>
            </div>
            <Transition fallback=|| view! { <p class="loading" aria-busy="true">"Loading…"</p> }>
                {move || list.get().map(|result| view! {
                    <PartnershipTable
                        result
                        direction
                        query
                        table
                        show
                        actions
                        can_act
                        recovery
                        retry=Callback::new(move |()| list.refetch())
                    />
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PartnershipTable(
    result: Result<PagedResponse<HandshakeRecord>, ApiError>,
    direction: Direction,
    query: Memo<PartnersQuery>,
    table: Memo<TableQuery>,
    show: ShowView,
    actions: PartnershipActions,
    can_act: Signal<bool>,
    recovery: LiveRefresh,
    retry: Callback<()>,
) -> impl IntoView {
    let page = match result {
        Ok(page) => page,
        Err(error) => return view! { <ErrorAlert error on_retry=retry recovery /> }.into_any(),
    };
    let (key, title, _) = words(direction);
    let set_table = move |next: TableQuery| {
        show.run((query.get_untracked().with_table(direction, next), false));
    };
    if page.data.is_empty() {
        let filter = table.get_untracked().status;
        let (heading, hint) = match (filter, direction) {
            (StatusFilter::All, Direction::Outgoing) => (
                "No outgoing requests".to_string(),
                "Send a partnership request to share packages with another organization.",
            ),
            (StatusFilter::All, Direction::Incoming) => (
                "No incoming requests".to_string(),
                "Requests from organizations that want to share packages with you appear here.",
            ),
            (filter, _) => (
                format!("No {key} requests with status {}", filter.label()),
                "Choose another status to see the other requests.",
            ),
        };
        return view! {
            <div class="table-wrap empty-state">
                <h3>{heading}</h3>
                <p>{hint}</p>
                {(filter != StatusFilter::All).then(|| view! {
                    <button type="button" on:click=move |_| {
                        set_table(TableQuery { status: StatusFilter::All, ..table.get_untracked() }.restarted());
                    }>"Show all statuses"</button>
                })}
            </div>
        }
        .into_any();
    }
    let total = page.total_elements;
    let sort = Signal::derive(move || table.with(|t| t.sort.clone()));
    let on_sort = Callback::new(move |next: Sort| {
        set_table(
            TableQuery {
                sort: next,
                ..table.get_untracked()
            }
            .restarted(),
        );
    });
    let table_id = format!("{key}-table");
    view! {
        <div class="table-wrap">
            <table class="data-table partners-table" id=table_id>
                <caption class="visually-hidden">{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Partner"</th>
                        <th scope="col">"Region"</th>
                        <th scope="col">"Status"</th>
                        <SortHeader field=SORT_FIELD title="Requested" sort on_sort />
                        <th scope="col">"Last change"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {page
                        .data
                        .into_iter()
                        .map(|fetched| view! { <PartnershipRow fetched direction query show actions can_act /> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <Pagination
            page=Signal::derive(move || table.with(|t| t.page))
            page_size=Signal::derive(move || table.with(|t| t.page_size))
            total=Signal::derive(move || total)
            on_page=Callback::new(move |page: u32| set_table(TableQuery { page: page.max(1), ..table.get_untracked() }))
            on_page_size=Callback::new(move |size| set_table(TableQuery { page_size: size, ..table.get_untracked() }.restarted()))
            noun=("request", "requests")
            label=match direction {
                Direction::Outgoing => "Pages of outgoing requests",
                Direction::Incoming => "Pages of incoming requests",
            }
        />
    }
    .into_any()
}

#[component]
fn PartnershipRow(
    fetched: HandshakeRecord,
    direction: Direction,
    query: Memo<PartnersQuery>,
    show: ShowView,
    actions: PartnershipActions,
    can_act: Signal<bool>,
) -> impl IntoView {
    // Only this row re-renders when an action changes its record.
    let record = Memo::new(move |_| actions.current(&fetched));
    let id = record.with_untracked(|r| r.id.clone());
    let history_open = {
        let id = id.clone();
        Memo::new(move |_| query.with(|q| q.history.as_deref() == Some(id.as_str())))
    };
    let toggle_history = {
        let id = id.clone();
        move |_| {
            let current = query.get_untracked();
            let next = if history_open.get_untracked() {
                None
            } else {
                Some(id.clone())
            };
            show.run((current.with_history(next), false));
        }
    };
    let history_id = format!("history-{id}");
    move || {
        let record = record.get();
        let party = partner(&record, direction);
        let label = partner_label(&record, direction);
        let open = history_open.get();
        let org_id = party.org_id.clone();
        let name_cell = match party.name {
            Some(name) => view! {
                <span class="truncate" title=name.clone()>{name.clone()}</span>
                <small><code>{org_id}</code></small>
            }
            .into_any(),
            None => view! { <code>{org_id}</code> }.into_any(),
        };
        let history_row = open.then(|| {
            view! {
                <tr class="history-row" id=history_id.clone()>
                    <td colspan=COLUMN_COUNT.to_string()>
                        <PartnershipHistory record=record.clone() partner=label.clone() />
                    </td>
                </tr>
            }
        });
        view! {
            <tr data-handshake-id=record.id.clone()>
                <td class="name-cell">{name_cell}</td>
                <td>{party.region.unwrap_or_else(|| "—".to_string())}</td>
                <td><StatusLight status=record.status.to_string() /></td>
                <td><DateCell epoch_ms=record.created_date /></td>
                <td><DateCell epoch_ms=record.modified_date /></td>
                <td>
                    <div class="row-actions">
                        <PartnershipActionButtons record=record.clone() direction actions can_act />
                        <button
                            type="button"
                            class="action"
                            id=history_toggle_id(&record.id)
                            aria-label=format!("History of the partnership with {label}")
                            aria-expanded=open.to_string()
                            aria-controls=open.then(|| history_id.clone())
                            on:click=toggle_history.clone()
                        >
                            "History"
                        </button>
                    </div>
                </td>
            </tr>
            {history_row}
        }
    }
}
