//! "Export CSV" for a list of transfers: every page of exactly what the list shows (filters,
//! search, sort), fetched page by page with a progress bar and Cancel, saved only when complete.
//!
//! To add it to another transfer list, give it the list's API parameters (what its feed sends
//! to `GET /exim/transfer/list`; `start` and `limit` are replaced) and the file-name stem:
//!
//! ```ignore
//! <ExportCsv
//!     params=Signal::derive(move || query.with(|q| q.api_params()))
//!     stem="partner-transfers"
//! />
//! ```
//!
//! The file is `<stem>-<org-name-slug>-<YYYY-MM-DD>.csv`.

mod file;

use exim_api::{PagedResponse, TransferRecord};
use futures_util::future::join3;
use leptos::prelude::*;
use web_sys::{AbortController, AbortSignal};

use crate::api::{ApiClient, ApiError};
use crate::components::inline_alert::ErrorAlert;
use crate::i18n::keys::export as k;
use crate::i18n::{number, t, tf, tn, tr};
use crate::session::ConnectionContext;
use crate::state::csv::{
    file_name, page_count, record, retry_delay_ms, transfer_records, BYTE_ORDER_MARK,
    EXPORT_PAGE_SIZE,
};
use file::{pause, CsvParts};

/// Where an export stands.
#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    /// `done` of `total` pages in (`total` unknown until the first page answers).
    Running {
        done: u32,
        total: Option<u32>,
    },
    /// A page failed after its tries; Retry resumes from it.
    Failed(ApiError),
    /// Saved: how many transfers the file holds.
    Saved(u64),
}

/// An export between its first and last page: what it asks for and what it has.
struct Job {
    client: ApiClient,
    params: Vec<(&'static str, String)>,
    file_name: String,
    parts: CsvParts,
    /// The 1-based page to fetch next.
    next_page: u32,
    total_pages: Option<u32>,
    rows: u64,
}

#[component]
pub fn ExportCsv(
    /// The list's `/transfer/list` parameters as its feed sends them.
    #[prop(into)]
    params: Signal<Vec<(&'static str, String)>>,
    /// The start of the file name, e.g. `sharing-status`.
    stem: &'static str,
    /// The button's id: one per list on a page.
    #[prop(default = "export-csv")]
    id: &'static str,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let phase = RwSignal::new(Phase::Idle);
    let job = StoredValue::new_local(None::<Job>);
    // Bumped by Cancel and by each start: a run whose number is stale stops at its next step.
    let run_number = StoredValue::new(0u64);
    // The running run's requests: Cancel, or leaving the page, ends the one in flight at once.
    let in_flight = StoredValue::new_local(None::<AbortController>);
    let abort_in_flight = move || {
        if let Some(Some(controller)) = in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    };
    on_cleanup(abort_in_flight);

    let run = Action::new_local(move |(): &()| {
        let number = run_number.get_value();
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        in_flight.set_value(controller);
        async move { run_pages(job, phase, run_number, number, signal).await }
    });

    let start = move |_| {
        let connection = context.0.get_untracked();
        let Ok(parts) = CsvParts::new(&format!("{BYTE_ORDER_MARK}{}", header())) else {
            return;
        };
        let at = js_sys::Date::now() as i64;
        job.set_value(Some(Job {
            client: ApiClient::new(connection.clone()),
            params: params
                .get_untracked()
                .into_iter()
                .filter(|(key, _)| *key != "start" && *key != "limit")
                .collect(),
            file_name: file_name(stem, &connection.org_name, at),
            parts,
            next_page: 1,
            total_pages: None,
            rows: 0,
        }));
        run_number.update_value(|n| *n += 1);
        phase.set(Phase::Running {
            done: 0,
            total: None,
        });
        run.dispatch(());
    };
    let resume = Callback::new(move |()| {
        let resumed = job.with_value(|job| {
            job.as_ref().map(|job| Phase::Running {
                done: job.next_page - 1,
                total: job.total_pages,
            })
        });
        if let Some(running) = resumed {
            run_number.update_value(|n| *n += 1);
            phase.set(running);
            run.dispatch(());
        }
    });
    let cancel = move |_| {
        run_number.update_value(|n| *n += 1);
        abort_in_flight();
        job.set_value(None);
        phase.set(Phase::Idle);
    };
    let busy = move || matches!(phase.get(), Phase::Running { .. } | Phase::Failed(_));

    view! {
        <div class="export-csv">
            <button type="button" id=id disabled=busy on:click=start>
                {tr(k::EXPORT_CSV)}
            </button>
            {move || match phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Running { done, total } => view! {
                    <div class="export-progress">
                        <progress
                            aria-label=t(k::PROGRESS_LABEL)
                            max=total.unwrap_or(1).to_string()
                            value=total.map(|_| done.to_string())
                        ></progress>
                        <span>{progress_text(done, total)}</span>
                        <button type="button" class="export-cancel" on:click=cancel>{tr(k::CANCEL)}</button>
                    </div>
                }
                .into_any(),
                Phase::Failed(error) => {
                    let resumable = error.is_transient();
                    view! {
                        <div class="export-failed">
                            <p>{failed_text(job)}</p>
                            {if resumable {
                                view! { <ErrorAlert error on_retry=resume /> }.into_any()
                            } else {
                                view! { <ErrorAlert error /> }.into_any()
                            }}
                            <button type="button" class="export-cancel" on:click=cancel>{tr(k::CANCEL)}</button>
                        </div>
                    }
                    .into_any()
                }
                Phase::Saved(rows) => view! {
                    <p class="export-saved" role="status">
                        {tn(k::SAVED, rows, &[("count", &number(rows))])}
                    </p>
                }
                .into_any(),
            }}
        </div>
    }
}

/// Pages asked for at once once the total is known: the server answers one while the next
/// ones are on the way (one at a time, 100,000 transfers took half again as long).
const PAGES_AT_ONCE: u32 = 3;

/// Fetches the remaining pages of the job, appending each to the file in order, then saves it.
async fn run_pages(
    job: StoredValue<Option<Job>, LocalStorage>,
    phase: RwSignal<Phase>,
    run_number: StoredValue<u64>,
    number: u64,
    abort: Option<AbortSignal>,
) {
    let current = move || run_number.get_value() == number;
    loop {
        let Some((client, params, page, total)) = job.with_value(|job| {
            job.as_ref().map(|job| {
                let (params, page) = (job.params.clone(), job.next_page);
                (job.client.clone(), params, page, job.total_pages)
            })
        }) else {
            return;
        };
        // The first page alone: it tells how many there are.
        let last = total.map_or(page, |total| (page + PAGES_AT_ONCE - 1).min(total));
        let fetch = |page| {
            let abort = abort.clone();
            fetch_if_needed(client.clone(), params.clone(), page, last, current, abort)
        };
        let (first, second, third) = join3(fetch(page), fetch(page + 1), fetch(page + 2)).await;
        if !current() {
            return;
        }
        for answer in [first, second, third].into_iter().flatten() {
            let page_of = match answer {
                Ok(page_of) => page_of,
                Err(error) => {
                    phase.set(Phase::Failed(error));
                    return;
                }
            };
            let total = page_count(page_of.total_elements, EXPORT_PAGE_SIZE);
            let appended = job.try_update_value(|job| {
                let job = job.as_mut()?;
                job.parts.push(&transfer_records(&page_of.data)).ok()?;
                job.rows += page_of.data.len() as u64;
                job.total_pages = Some(total);
                job.next_page += 1;
                Some(job.next_page - 1)
            });
            let Some(done) = appended.flatten() else {
                return;
            };
            if done >= total || page_of.data.is_empty() {
                save(job, phase);
                return;
            }
            phase.set(Phase::Running {
                done,
                total: Some(total),
            });
        }
    }
}

/// Hands the finished file to the browser.
fn save(job: StoredValue<Option<Job>, LocalStorage>, phase: RwSignal<Phase>) {
    let Some(done) = job.try_update_value(Option::take).flatten() else {
        return;
    };
    let rows = done.rows;
    if done.parts.save(&done.file_name).is_ok() {
        phase.set(Phase::Saved(rows));
    }
}

/// Page `page` unless it lies beyond `last`.
async fn fetch_if_needed(
    client: ApiClient,
    params: Vec<(&'static str, String)>,
    page: u32,
    last: u32,
    current: impl Fn() -> bool,
    abort: Option<AbortSignal>,
) -> Option<Result<PagedResponse<TransferRecord>, ApiError>> {
    if page > last {
        return None;
    }
    Some(fetch_page(&client, &params, page, current, abort.as_ref()).await)
}

/// One page, tried again by itself after a dropped connection, a 5xx or a 429 (honouring
/// `Retry-After`), up to the tries of [`retry_delay_ms`].
async fn fetch_page(
    client: &ApiClient,
    params: &[(&'static str, String)],
    page: u32,
    current: impl Fn() -> bool,
    abort: Option<&AbortSignal>,
) -> Result<PagedResponse<TransferRecord>, ApiError> {
    let mut query = params.to_vec();
    query.push(("start", ((page - 1) * EXPORT_PAGE_SIZE).to_string()));
    query.push(("limit", EXPORT_PAGE_SIZE.to_string()));
    let mut failed_tries = 0;
    loop {
        let error = match client
            .get_json_abortable("/exim/transfer/list", &query, abort)
            .await
        {
            Ok(answer) => return Ok(answer),
            Err(error) if error.is_transient() => error,
            Err(error) => return Err(error),
        };
        failed_tries += 1;
        match retry_delay_ms(failed_tries, error.retry_after_secs()) {
            Some(wait) if current() => pause(wait).await,
            _ => return Err(error),
        }
    }
}

/// The header record, in the reader's language.
fn header() -> String {
    record(&[
        t(k::COLUMN_PACKAGE_NAME),
        t(k::COLUMN_PACKAGE_ID),
        t(k::COLUMN_REQUEST_TYPE),
        t(k::COLUMN_STATUS),
        t(k::COLUMN_SOURCE_ORG_NAME),
        t(k::COLUMN_SOURCE_ORG_ID),
        t(k::COLUMN_TARGET_ORG_NAME),
        t(k::COLUMN_TARGET_ORG_ID),
        t(k::COLUMN_CREATED),
        t(k::COLUMN_MODIFIED),
        t(k::COLUMN_COMPLETED),
        t(k::COLUMN_ERROR_MESSAGE),
    ])
}

fn progress_text(done: u32, total: Option<u32>) -> String {
    match total {
        Some(total) => tf(
            k::PAGE_OF,
            &[
                ("page", &number(u64::from(done))),
                ("total", &number(u64::from(total))),
            ],
        ),
        None => t(k::STARTING),
    }
}

/// Which page failed and that what came before is kept.
fn failed_text(job: StoredValue<Option<Job>, LocalStorage>) -> String {
    job.with_value(|job| match job {
        Some(Job {
            next_page,
            total_pages: Some(total),
            ..
        }) => tf(
            k::PAGE_FAILED,
            &[
                ("page", &number(u64::from(*next_page))),
                ("total", &number(u64::from(*total))),
            ],
        ),
        _ => t(k::FIRST_PAGE_FAILED),
    })
}
