//! One table of the Partners screen (outgoing or incoming requests) with its status filter,
//! order, paging and per-row history, all in the URL.

use exim_api::HandshakeRecord;
use leptos::prelude::*;

use super::actions::{
    history_toggle_id, partner_label, PartnershipActionButtons, PartnershipActions,
};
use super::history::PartnershipHistory;
use crate::components::date_cell::DateCell;
use crate::components::list_frame::{ListData, ListFrame};
use crate::components::sort_header::SortHeader;
use crate::components::status_light::StatusLight;
use crate::components::url_query::UrlView;
use crate::i18n::catalog::Text;
use crate::i18n::keys::partners as k;
use crate::i18n::{keys, t, tf, tr};
use crate::state::partner_query::{Direction, PartnersQuery, StatusFilter, TableQuery, SORT_FIELD};
use crate::state::partner_workspace::partner_href;
use crate::state::partnership::partner;
use crate::state::sorting::Sort;

const COLUMN_COUNT: usize = 6;

pub fn handshake_id(record: &HandshakeRecord) -> &str {
    &record.id
}

/// One table's view and how to show another.
#[derive(Clone, Copy)]
struct TableView {
    direction: Direction,
    page: UrlView<PartnersQuery>,
    table: Memo<TableQuery>,
}

impl TableView {
    fn show(self, next: TableQuery) {
        let query = self.page.query.get_untracked();
        self.page.show.run(query.with_table(self.direction, next));
    }
}

/// A table's id prefix, title and description.
fn words(direction: Direction) -> (&'static str, Text, Text) {
    match direction {
        Direction::Outgoing => ("outgoing", k::OUTGOING_TITLE, k::OUTGOING_INTRO),
        Direction::Incoming => ("incoming", k::INCOMING_TITLE, k::INCOMING_INTRO),
    }
}

#[component]
pub fn PartnershipSection(
    direction: Direction,
    view: UrlView<PartnersQuery>,
    /// This table's view, apart from the other table's.
    table: Memo<TableQuery>,
    list: ListData<HandshakeRecord>,
    actions: PartnershipActions,
    #[prop(into)] can_act: Signal<bool>,
) -> impl IntoView {
    let (key, title, description) = words(direction);
    let heading_id = format!("{key}-heading");
    let labelled_by = heading_id.clone();
    let filter_id = format!("{key}-status-filter");
    let label_for = filter_id.clone();
    let table_view = TableView {
        direction,
        page: view,
        table,
    };
    let updating = list.updating();

    view! {
        <section class="partners-section" aria-labelledby=labelled_by>
            <div class="section-header">
                <div>
                    <h2 id=heading_id>{tr(title)}</h2>
                    <p class="muted">{tr(description)}</p>
                </div>
                <div class="filter">
                <span class="updating" role="status">{move || updating.get().then(|| t(keys::common::UPDATING))}</span>
                <label for=label_for>{tr(k::FILTER_STATUS)}</label>
                <select
                    id=filter_id
                    on:change=move |ev| {
                        let status = StatusFilter::parse(&event_target_value(&ev)).unwrap_or(StatusFilter::All);
                        table_view.show(TableQuery { status, ..table.get_untracked() }.restarted());
                    }
                >
                    {StatusFilter::ALL
                        .map(|filter| view! {
                            <option value=filter.key() selected=move || table.with(|t| t.status == filter)>
                                {move || filter.label()}
                            </option>
                        })
                        .collect_view()}
                </select>
                </div>
            </div>
            <ListFrame
                state=list.state()
                refresh=list.refresh
                paging=Signal::derive(move || table.with(|t| t.paging))
                on_paging=Callback::new(move |paging| table_view.show(TableQuery { paging, ..table.get_untracked() }))
                noun=k::REQUEST_COUNT
                pagination_label=match direction {
                    Direction::Outgoing => k::PAGES_OUTGOING,
                    Direction::Incoming => k::PAGES_INCOMING,
                }
                loading=|| view! { <p class="loading" aria-busy="true">{tr(k::LOADING)}</p> }
                empty=move || view! { <NoRequests table_view /> }
            >
                <PartnershipTable table_view list actions can_act />
            </ListFrame>
        </section>
    }
}

/// What to say when a table has no rows, and a way back to all statuses.
#[component]
fn NoRequests(table_view: TableView) -> impl IntoView {
    let table = table_view.table;
    let words = move || {
        let filter = table.with(|t| t.status);
        let (heading, hint) = match (filter, table_view.direction) {
            (StatusFilter::All, Direction::Outgoing) => (t(k::NO_OUTGOING), k::NO_OUTGOING_HINT),
            (StatusFilter::All, Direction::Incoming) => (t(k::NO_INCOMING), k::NO_INCOMING_HINT),
            (filter, direction) => {
                let heading = match direction {
                    Direction::Outgoing => k::NO_OUTGOING_WITH_STATUS,
                    Direction::Incoming => k::NO_INCOMING_WITH_STATUS,
                };
                (
                    tf(heading, &[("status", &filter.label())]),
                    k::OTHER_STATUS_HINT,
                )
            }
        };
        view! {
            <h3>{heading}</h3>
            <p>{tr(hint)}</p>
            {(filter != StatusFilter::All).then(|| view! {
                <button type="button" on:click=move |_| {
                    table_view.show(TableQuery { status: StatusFilter::All, ..table.get_untracked() }.restarted());
                }>{tr(k::SHOW_ALL_STATUSES)}</button>
            })}
        }
    };
    view! { <div class="table-wrap empty-state">{words}</div> }
}

#[component]
fn PartnershipTable(
    table_view: TableView,
    list: ListData<HandshakeRecord>,
    actions: PartnershipActions,
    can_act: Signal<bool>,
) -> impl IntoView {
    let (key, title, _) = words(table_view.direction);
    let table = table_view.table;
    let ids = list.ids(handshake_id);
    let sort = Signal::derive(move || table.with(|t| t.sort.clone()));
    let on_sort = Callback::new(move |sort: Sort| {
        table_view.show(
            TableQuery {
                sort,
                ..table.get_untracked()
            }
            .restarted(),
        );
    });
    let table_id = format!("{key}-table");
    view! {
        <div class="table-wrap">
            <table class="data-table partners-table" id=table_id>
                <caption class="visually-hidden">{tr(title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(k::COLUMN_PARTNER)}</th>
                        <th scope="col">{tr(k::COLUMN_REGION)}</th>
                        <th scope="col">{tr(k::COLUMN_STATUS)}</th>
                        <SortHeader field=SORT_FIELD title=k::COLUMN_REQUESTED sort on_sort />
                        <th scope="col">{tr(k::COLUMN_LAST_CHANGE)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(k::COLUMN_ACTIONS)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <PartnershipRow id table_view list actions can_act />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One partnership, kept by id: who and when it was asked are plain; its status, last change,
/// actions and history follow the page and the writes made here.
#[component]
fn PartnershipRow(
    id: String,
    table_view: TableView,
    list: ListData<HandshakeRecord>,
    actions: PartnershipActions,
    can_act: Signal<bool>,
) -> impl IntoView {
    let direction = table_view.direction;
    let query = table_view.page.query;
    let Some(first) = list.row_untracked(&id, handshake_id) else {
        return ().into_any();
    };
    let record = list.row(id.clone(), handshake_id, HandshakeRecord::clone);
    let history_open = {
        let id = id.clone();
        Memo::new(move |_| query.with(|q| q.history.as_deref() == Some(id.as_str())))
    };
    let toggle_history = {
        let id = id.clone();
        move |_| {
            let next = (!history_open.get_untracked()).then(|| id.clone());
            table_view
                .page
                .show
                .run(query.get_untracked().with_history(next));
        }
    };
    let history_id = format!("history-{id}");
    let party = partner(&first, direction);
    let label = partner_label(&first, direction);
    let org_id = party.org_id.clone();
    let partner_page = partner_href(&org_id);
    let name_cell = match party.name {
        Some(name) => view! {
            <a class="truncate partner-link" href=partner_page title=name.clone()>{name.clone()}</a>
            <small><code>{org_id}</code></small>
        }
        .into_any(),
        None => {
            view! { <a class="partner-link" href=partner_page><code>{org_id}</code></a> }.into_any()
        }
    };
    let status = move || {
        record.with(|r| {
            r.as_ref()
                .map(|r| view! { <StatusLight status=r.status.to_string() /> })
        })
    };
    let modified = move || {
        record.with(|r| {
            r.as_ref()
                .map(|r| view! { <DateCell epoch_ms=r.modified_date /> })
        })
    };
    let buttons = move || {
        record
            .get()
            .map(|record| view! { <PartnershipActionButtons record direction actions can_act /> })
    };
    let history_row = {
        let (label, history_id) = (label.clone(), history_id.clone());
        move || {
            let record = record.get()?;
            history_open.get().then(|| {
                view! {
                    <tr class="history-row" id=history_id.clone()>
                        <td colspan=COLUMN_COUNT.to_string()>
                            <PartnershipHistory record partner=label.clone() />
                        </td>
                    </tr>
                }
            })
        }
    };
    view! {
        <tr data-handshake-id=id.clone()>
            <td class="name-cell">{name_cell}</td>
            <td>{party.region.unwrap_or_else(|| "—".to_string())}</td>
            <td>{status}</td>
            <td><DateCell epoch_ms=first.created_date /></td>
            <td>{modified}</td>
            <td>
                <div class="row-actions">
                    {buttons}
                    <button
                        type="button"
                        class="action"
                        id=history_toggle_id(&id)
                        aria-label=Signal::derive(move || tf(k::HISTORY_LABEL, &[("org", &label)]))
                        aria-expanded=move || history_open.get().to_string()
                        aria-controls=move || history_open.get().then(|| history_id.clone())
                        on:click=toggle_history
                    >
                        {tr(k::HISTORY)}
                    </button>
                </div>
            </td>
        </tr>
        {history_row}
    }
    .into_any()
}
