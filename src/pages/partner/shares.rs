//! The shares between us and the org: how many to it completed and failed, the last failure
//! with its error, and the lists of packages shared to it and received from it, each paged by
//! the API with its page in the URL.

use exim_api::{PagedResponse, TransferRecord, TransferStatus};
use leptos::prelude::*;

use crate::api::{transfers, ApiError};
use crate::components::date_cell::DateTime;
use crate::components::inline_alert::ErrorAlert;
use crate::components::list_frame::{use_list, ListFrame};
use crate::components::refresh::use_read;
use crate::components::status_light::StatusLight;
use crate::components::url_query::use_url_query;
use crate::i18n::keys::{partner as k, sharing};
use crate::i18n::{number, t, tf, tr};
use crate::pages::export::ExportCsv;
use crate::pages::sharing::rail::failure_fields;
use crate::pages::sharing::{transfer_href, transfer_id};
use crate::session::ConnectionContext;
use crate::state::partner_workspace::{PartnerPageQuery, PartnerTransfers, ShareWay};

/// Counts of the shares to the org with `status`, and the newest of them: one row each.
fn use_count(
    org_id: String,
    status: TransferStatus,
) -> LocalResource<Result<PagedResponse<TransferRecord>, ApiError>> {
    let context = expect_context::<ConnectionContext>();
    let (read, _) = use_read(move || {
        let client = context.client();
        let query = PartnerTransfers::counting(&org_id, status.clone());
        async move { transfers::with_partner(&client, &query).await }
    });
    read
}

#[component]
pub fn ShareCounts(org_id: String, partner: String) -> impl IntoView {
    let completed = use_count(org_id.clone(), TransferStatus::Completed);
    let failed = use_count(org_id, TransferStatus::Failed);
    let count = move |read: LocalResource<Result<PagedResponse<TransferRecord>, ApiError>>| {
        move || match read.get() {
            None => "…".to_string(),
            Some(Ok(page)) => number(page.total_elements),
            Some(Err(_)) => "—".to_string(),
        }
    };
    let error = move || {
        [completed, failed].into_iter().find_map(|read| {
            read.get().and_then(Result::err).map(|error| {
                view! { <ErrorAlert error on_retry=Callback::new(move |()| { completed.refetch(); failed.refetch(); }) /> }
            })
        })
    };
    let last_failure = move || {
        let page = failed.get()?.ok()?;
        let transfer = page.data.into_iter().next()?;
        let (_, message) = failure_fields(
            &transfer
                .transfer_details
                .as_ref()
                .and_then(|d| d.additional_metadata.clone()),
        );
        let package = transfer
            .package_name
            .clone()
            .unwrap_or(transfer.package_id.clone());
        Some(view! {
            <div class="last-failure" id="last-failure">
                <h3>{tr(k::LAST_FAILURE)}</h3>
                <p>
                    <a href=transfer_href(&transfer.id)>{package}</a>
                    " · "
                    <DateTime epoch_ms=transfer.completed_time.or(Some(transfer.created_date)) />
                </p>
                <p>{Signal::derive(move || match &message {
                    Some(message) => tf(sharing::PLATFORM_MESSAGE, &[("message", message)]),
                    None => t(sharing::NO_REASON),
                })}</p>
            </div>
        })
    };
    let heading = Signal::derive(move || tf(k::COUNTS_TITLE, &[("org", &partner)]));
    view! {
        <section class="panel share-counts" aria-labelledby="share-counts-heading">
            <h2 id="share-counts-heading">{heading}</h2>
            {error}
            <dl class="counts">
                <div><dt>{tr(k::COMPLETED_COUNT)}</dt><dd id="completed-count">{count(completed)}</dd></div>
                <div><dt>{tr(k::FAILED_COUNT)}</dt><dd id="failed-count">{count(failed)}</dd></div>
            </dl>
            {last_failure}
        </section>
    }
}

/// Packages shared to the org, or received from it.
#[component]
pub fn ShareList(org_id: String, way: ShareWay, partner: String) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let view = use_url_query::<PartnerPageQuery>();
    let paging = Memo::new(move |_| view.query.with(|q| q.paging(way)));
    // The list's query: a Sharing-status view narrowed to the org; Export CSV exports it.
    let list_query = Memo::new(move |_| PartnerTransfers::new(&org_id, way, paging.get()));
    let list = use_list(
        move || {
            let client = context.client();
            let query = list_query.get();
            async move { transfers::with_partner(&client, &query).await }
        },
        |_| false,
    );
    let key = way.key();
    let heading_id = format!("shares-{key}-heading");
    let labelled_by = heading_id.clone();
    let (title, empty, noun, pages) = match way {
        ShareWay::To => (k::SHARED_TO, k::NONE_SHARED_TO, k::SHARE_COUNT, k::PAGES_TO),
        ShareWay::From => (
            k::RECEIVED_FROM,
            k::NONE_RECEIVED_FROM,
            k::SHARE_COUNT,
            k::PAGES_FROM,
        ),
    };
    let heading = {
        let partner = partner.clone();
        Signal::derive(move || tf(title, &[("org", &partner)]))
    };
    let caption = heading;
    let ids = list.ids(transfer_id);
    // For `cargo xtask bench`: each new set of rows (first load, another page), once painted.
    let painted = match way {
        ShareWay::To => "partner-shared-to-painted",
        ShareWay::From => "partner-received-from-painted",
    };
    Effect::new(move |_| {
        if !ids.with(Vec::is_empty) {
            crate::perf::mark_after_paint(painted);
        }
    });
    view! {
        <section class="partner-shares" id=format!("shares-{key}") aria-labelledby=labelled_by>
            <div class="section-header">
                <h2 id=heading_id>{heading}</h2>
                <ExportCsv
                    params=Signal::derive(move || list_query.with(PartnerTransfers::api_params))
                    stem=way.export_stem()
                    id=way.export_id()
                />
            </div>
            <ListFrame
                state=list.state()
                refresh=list.refresh
                paging=paging
                on_paging=Callback::new(move |next| {
                    let query = view.query.get_untracked();
                    view.show.run(query.with_paging(way, next));
                })
                noun
                pagination_label=pages
                loading=|| view! { <p class="loading" aria-busy="true">{tr(k::LOADING)}</p> }
                empty=move || {
                    let partner = partner.clone();
                    view! { <div class="table-wrap empty-state"><p>{Signal::derive(move || tf(empty, &[("org", &partner)]))}</p></div> }
                }
            >
                <div class="table-wrap">
                    <table class="data-table partner-shares-table">
                        <caption class="visually-hidden">{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr(k::COLUMN_PACKAGE)}</th>
                                <th scope="col">{tr(k::COLUMN_STATUS)}</th>
                                <th scope="col">{tr(k::COLUMN_STARTED)}</th>
                                <th scope="col" class="optional">{tr(k::COLUMN_FINISHED)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || ids.get() key=|id| id.clone() let:id>
                                {list.row_untracked(&id, transfer_id).map(|transfer| view! {
                                    <tr data-transfer-id=transfer.id.clone()>
                                        <td class="name-cell">
                                            <a href=transfer_href(&transfer.id)>
                                                {transfer.package_name.clone().unwrap_or(transfer.package_id.clone())}
                                            </a>
                                        </td>
                                        <td><StatusLight status=transfer.status.to_string() /></td>
                                        <td><DateTime epoch_ms=Some(transfer.created_date) /></td>
                                        <td class="optional"><DateTime epoch_ms=transfer.completed_time /></td>
                                    </tr>
                                })}
                            </For>
                        </tbody>
                    </table>
                </div>
            </ListFrame>
        </section>
    }
}
