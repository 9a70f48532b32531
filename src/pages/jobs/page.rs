//! Jobs (`/jobs`): the org's export and import jobs, live while any runs, with paging, sorting,
//! search and filters done by the API and kept in the URL. The right rail is the nested route
//! `/jobs/:id`.

use exim_api::{JobRequestType, JobStatus, PackageJob};
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

use super::feed::{job_id, JobsFeed};
use super::job_status::JobStatusLight;
use crate::api::jobs;
use crate::components::date_cell::DateTime;
use crate::components::list_frame::{use_list, ListFrame, Rows};
use crate::components::refresh::LiveStatusBar;
use crate::components::search_box::SearchBox;
use crate::components::sort_header::SortHeader;
use crate::components::url_query::{use_url_query, UrlView};
use crate::i18n::keys::jobs as k;
use crate::i18n::{t, tf, tr};
use crate::session::ConnectionContext;
use crate::state::job_progress::{
    any_job_running, job_request_type, job_status_changes, job_status_words, package_type_words,
    request_type_words,
};
use crate::state::job_query::{JobQuery, JOB_TYPES};
use crate::state::sorting::Sort;
use crate::state::url::encode;

#[component]
pub fn JobsPage() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let view = use_url_query::<JobQuery>();
    let query = view.query;
    let location = use_location();
    // Polls while any shown job is pending or in progress.
    let list = use_list(
        move || {
            let client = context.client();
            let query = query.get();
            async move { jobs::list_jobs(&client, &query).await }
        },
        any_job_running,
    );
    let feed = JobsFeed::new(list, query);
    provide_context(feed);
    let state = list.state();
    let problem = Signal::derive(move || {
        state.with(|s| s.error.as_ref().map(|error| error.headline().to_string()))
    });
    let announcement = status_announcement(feed);
    // Without rows the list's own alert says what went wrong.
    let alert_shown = Signal::derive(move || state.with(|s| !matches!(s.rows, Rows::Some(_))));

    view! {
        <div class="page-header">
            <h1>{tr(k::TITLE)}</h1>
            <LiveStatusBar refresh=list.refresh loading=list.loading() problem shown_elsewhere=alert_shown />
        </div>
        <Filters view />
        <div class="jobs-layout" class:with-rail=move || location.pathname.with(|path| path.starts_with("/jobs/"))>
            <div class="jobs-main">
                <ListFrame
                    state
                    refresh=list.refresh
                    paging=Signal::derive(move || query.with(|q| q.paging))
                    on_paging=Callback::new(move |paging| view.show.run(JobQuery { paging, ..query.get_untracked() }))
                    noun=k::COUNT
                    loading=|| view! { <p class="loading" aria-busy="true">{tr(k::LOADING)}</p> }
                    empty=move || view! { <NoJobs query /> }
                    errors_elsewhere=true
                >
                    <JobTable feed view />
                </ListFrame>
            </div>
            <Outlet />
        </div>
        <div class="visually-hidden" aria-live="polite" id="job-status-announcer">{move || announcement.get()}</div>
    }
}

/// What the polite live region says when refreshed rows change status ("Publish acme:
/// succeeded"); the last announcement stays until the next change.
fn status_announcement(feed: JobsFeed) -> Signal<String> {
    let said = Memo::new(move |previous: Option<&(Vec<PackageJob>, String)>| {
        let now = feed.list.rows();
        let said = previous.map(|(before, said)| {
            let changes = job_status_changes(before, &now);
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

/// Search by job name, type (import or export) and status (any of several).
#[component]
fn Filters(view: UrlView<JobQuery>) -> impl IntoView {
    let query = view.query;
    let status_box = move |status: JobStatus| {
        let id = format!("job-status-{}", status.as_str().to_lowercase());
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
                <label for=label_for>{Signal::derive(move || job_status_words(&status))}</label>
            </span>
        }
    };
    view! {
        <div class="toolbar filters">
            <SearchBox
                id="job-search"
                label=k::SEARCH_LABEL
                placeholder=k::SEARCH_PLACEHOLDER
                current=Signal::derive(move || query.with(|q| q.search.clone()))
                on_search=Callback::new(move |search| {
                    view.replace.run(JobQuery { search, ..query.get_untracked() }.restarted());
                })
            />
            <label class="type-filter">
                {tr(k::FILTER_TYPE)}
                <select id="job-type" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let request_type = JOB_TYPES.iter().find(|t| t.as_str() == value).cloned();
                    view.show.run(JobQuery { request_type, ..query.get_untracked() }.restarted());
                }>
                    <option value="" selected=move || query.with(|q| q.request_type.is_none())>{tr(k::ALL_TYPES)}</option>
                    {JOB_TYPES
                        .iter()
                        .map(|request_type| {
                            let selected = {
                                let request_type = request_type.clone();
                                move || query.with(|q| q.request_type.as_ref() == Some(&request_type))
                            };
                            view! {
                                <option value=request_type.as_str() selected=selected>
                                    {Signal::derive(move || request_type_words(request_type))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <fieldset class="status-filter">
                <legend>{tr(k::FILTER_STATUS)}</legend>
                {JobStatus::KNOWN.iter().cloned().map(status_box).collect_view()}
            </fieldset>
        </div>
    }
}

/// Why there is nothing to show: no job yet, or nothing matching the filters.
#[component]
fn NoJobs(query: Memo<JobQuery>) -> impl IntoView {
    let unfiltered = move || query.with(|q| *q == JobQuery::default());
    view! {
        <div class="table-wrap empty-state">
            <h2>{Signal::derive(move || t(if unfiltered() { k::EMPTY_TITLE } else { k::EMPTY_FILTERED_TITLE }))}</h2>
            <p>{Signal::derive(move || t(if unfiltered() { k::EMPTY_HINT } else { k::EMPTY_FILTERED_HINT }))}</p>
        </div>
    }
}

#[component]
fn JobTable(feed: JobsFeed, view: UrlView<JobQuery>) -> impl IntoView {
    let query = view.query;
    let ids = feed.list.ids(job_id);
    let sort = Signal::derive(move || query.with(|q| q.sort.clone()));
    let on_sort = Callback::new(move |sort: Sort| {
        view.show.run(
            JobQuery {
                sort,
                ..query.get_untracked()
            }
            .restarted(),
        );
    });
    let filtered_type = Signal::derive(move || query.with(|q| q.request_type.clone()));
    // The row whose rail is open, compared once per change rather than once per row.
    let location = use_location();
    let open_rail = Selector::new(move || {
        location
            .pathname
            .with(|path| path.strip_prefix("/jobs/").map(str::to_string))
    });
    // Clicking anywhere on a row opens its rail: one listener for the whole table. A click on
    // the job's link is left to the link.
    let navigate = use_navigate();
    let open_clicked_row = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if target.closest("a").ok().flatten().is_some() {
            return;
        }
        let row = target.closest("tr[data-job-id]").ok().flatten();
        if let Some(id) = row.and_then(|row| row.get_attribute("data-job-id")) {
            navigate(&feed.href(Some(&id)), Default::default());
        }
    };
    view! {
        <div class="table-wrap">
            <table class="data-table" id="jobs-table">
                <caption class="visually-hidden">{tr(k::CAPTION)}</caption>
                <thead>
                    <tr>
                        <SortHeader field="name" title=k::COLUMN_NAME sort on_sort />
                        <th scope="col">{tr(k::COLUMN_TYPE)}</th>
                        <th scope="col" class="optional package-type">{tr(k::COLUMN_PACKAGE_TYPE)}</th>
                        <th scope="col" class="optional">{tr(k::COLUMN_SANDBOXES)}</th>
                        <th scope="col">{tr(k::COLUMN_STATUS)}</th>
                        <th scope="col" class="optional">{tr(k::COLUMN_CREATED_BY)}</th>
                        <SortHeader field="created" title=k::COLUMN_CREATED sort on_sort />
                        <SortHeader field="updated" title=k::COLUMN_UPDATED sort on_sort />
                    </tr>
                </thead>
                <tbody on:click=open_clicked_row>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <JobRow id feed open_rail=open_rail.clone() filtered_type />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One row, kept by id. What a job is (name, type, sandboxes, author, creation) never
/// changes, so those cells are plain text; status and last update change in place.
#[component]
fn JobRow(
    id: String,
    feed: JobsFeed,
    open_rail: Selector<Option<String>>,
    filtered_type: Signal<Option<JobRequestType>>,
) -> impl IntoView {
    let Some(first) = feed.list.row_untracked(&id, job_id) else {
        return ().into_any();
    };
    let progress = feed.list.row(id.clone(), job_id, |job| {
        (job.job_status.clone(), job.updated)
    });
    let href = {
        let id = id.clone();
        move || feed.href(Some(&id))
    };
    let selected = {
        let id = Some(encode(&id));
        move || open_rail.selected(&id)
    };
    let request_type = job_request_type(&first, filtered_type.get_untracked().as_ref());
    let PackageJob {
        name,
        package_type,
        source_sandbox,
        target_sandbox,
        created_by,
        created,
        ..
    } = first;
    view! {
        <tr data-job-id=id class:selected=selected>
            <td class="name-cell"><a href=href>{name}</a></td>
            <td>{Signal::derive(move || request_type_words(&request_type))}</td>
            <td class="optional package-type">{package_type.map(|p| Signal::derive(move || package_type_words(&p)))}</td>
            <td class="optional sandboxes">
                {source_sandbox}
                {target_sandbox.map(|target| view! { <small class="sandbox-target">{Signal::derive(move || tf(k::SANDBOX_TO, &[("sandbox", &target)]))}</small> })}
            </td>
            <td>{move || progress.with(|p| p.as_ref().map(|(status, _)| view! { <JobStatusLight status=status.clone() /> }))}</td>
            <td class="optional">{created_by}</td>
            <td><DateTime epoch_ms=Some(created) /></td>
            <td>{move || progress.with(|p| p.as_ref().map(|(_, updated)| view! { <DateTime epoch_ms=Some(*updated) /> }))}</td>
        </tr>
    }
    .into_any()
}
