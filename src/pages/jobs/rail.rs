//! The right rail of Jobs (`/jobs/:id`): one job's details, its steps, what it did with each
//! object when the server says (exim-server's `objectResults`), live while the job runs.

use exim_api::{JobDetails, JobStatus, ObjectOutcome};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use wasm_bindgen_futures::JsFuture;

use super::feed::{job_id, JobsFeed};
use super::job_status::JobStatusLight;
use super::object_results::ObjectResults;
use crate::api::jobs::fetch_job;
use crate::components::date_cell::DateTime;
use crate::components::inline_alert::ErrorAlert;
use crate::components::rail::use_rail;
use crate::components::refresh::use_polled_read;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::jobs as k;
use crate::i18n::{t, tr};
use crate::session::ConnectionContext;
use crate::state::job_progress::{
    is_job_running, job_status_words, job_steps, package_type_words, request_type_words,
};

#[component]
pub fn JobRail() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let feed = expect_context::<JobsFeed>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // The list has only a summary: the rail reads the job itself, again every few seconds
    // while it runs.
    let (fetched, refresh, _) = use_polled_read(
        move || {
            let id = id.get();
            let client = context.client();
            async move { fetch_job(&client, &id).await }
        },
        |job: &JobDetails| job.job_status.as_ref().is_some_and(is_job_running),
    );
    // A failed refresh keeps the job shown: only a failure without a job replaces it.
    let shown = Memo::new(move |previous: Option<&Option<JobDetails>>| {
        fetched
            .with(|outcome| match outcome {
                Some(Ok(job)) => Some(job.clone()),
                _ => previous.cloned().flatten(),
            })
            .filter(|job| job.id == id.get())
    });
    // Platform's job has no author; the list's row has, when the job is on the current page.
    let created_by = Memo::new(move |_| {
        feed.list
            .find(&id.get(), job_id)
            .and_then(|job| job.created_by)
    });
    let error =
        Memo::new(move |_| fetched.with(|o| o.as_ref().and_then(|r| r.as_ref().err().cloned())));

    let rail = use_rail(
        id,
        move || feed.href(None),
        |row_id| format!("tr[data-job-id='{row_id}'] a"),
    );

    view! {
        <aside class="rail job-rail" aria-labelledby="rail-title" on:keydown=move |ev| rail.on_keydown.run(ev)>
            <div class="rail-header">
                <h2 id="rail-title" tabindex="-1" node_ref=rail.heading>
                    {move || shown.with(|job| match job {
                        Some(job) => job.name.clone(),
                        None => t(k::DETAILS_TITLE),
                    })}
                </h2>
                <button type="button" class="quiet close" aria-label=tr(k::CLOSE_DETAILS) on:click=move |_| rail.close.run(())>"×"</button>
            </div>
            {move || error.get().map(|error| view! {
                <ErrorAlert error on_retry=Callback::new(move |()| refresh.retry_now()) recovery=refresh />
            })}
            {move || match shown.get() {
                Some(job) => view! { <JobDetailsView job created_by=created_by.get() /> }.into_any(),
                None if error.with(Option::is_none) => view! { <p class="loading" aria-busy="true">{tr(k::LOADING_DETAILS)}</p> }.into_any(),
                None => ().into_any(),
            }}
        </aside>
    }
}

/// A job's failure, facts, steps and per-object results: the rail's body, and the import
/// page's once its job is submitted.
#[component]
pub fn JobDetailsView(job: JobDetails, created_by: Option<String>) -> impl IntoView {
    let status = job.job_status.clone().unwrap_or(JobStatus::Pending);
    let ended_badly = matches!(status, JobStatus::Failed | JobStatus::Cancelled);
    let failed_objects: Vec<(String, String)> = job
        .object_results
        .iter()
        .flatten()
        .filter(|result| result.outcome == ObjectOutcome::Failed)
        .map(|result| {
            (
                result
                    .title
                    .clone()
                    .unwrap_or_else(|| result.artifact_id.clone()),
                result.message.clone().unwrap_or_default(),
            )
        })
        .collect();
    let failure = (ended_badly || !failed_objects.is_empty()).then(|| {
        let title = if status == JobStatus::Cancelled {
            k::CANCELLED_TITLE
        } else {
            k::FAILED_TITLE
        };
        let no_reason = failed_objects.is_empty();
        view! {
            <div class="inline-alert negative" role="alert">
                <h3>{tr(title)}</h3>
                {no_reason.then(|| view! { <p>{tr(k::FAILED_NO_REASON)}</p> })}
                {(!no_reason).then(|| view! {
                    <ul class="failed-objects">
                        {failed_objects.into_iter().map(|(object, message)| view! {
                            <li><strong>{object}</strong>" — "<span lang="en">{message}</span></li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        }
    });
    let is_import = job.request_type == Some(exim_api::JobRequestType::Import)
        || job.destination_sandbox.is_some();
    let request_type = job.request_type.clone();
    let package_type = job.package_type.clone();
    let steps = job_steps(&status);
    let results = job.object_results.clone();
    let id = job.id.clone();
    view! {
        {failure}
        <dl class="metadata">
            {job.description.clone().filter(|d| !d.is_empty()).map(|description| view! {
                <dt>{tr(k::DETAIL_DESCRIPTION)}</dt><dd>{description}</dd>
            })}
            <dt>{tr(k::DETAIL_STATUS)}</dt><dd><JobStatusLight status=status.clone() /></dd>
            <dt>{tr(k::DETAIL_TYPE)}</dt><dd>{request_type.map(|r| Signal::derive(move || request_type_words(&r)))}</dd>
            <dt>{tr(k::DETAIL_PACKAGE_TYPE)}</dt><dd>{package_type.map(|p| Signal::derive(move || package_type_words(&p)))}</dd>
            <dt>{tr(k::DETAIL_SOURCE)}</dt><dd>{job.source_sandbox.as_ref().map(|s| s.name.clone())}</dd>
            {job.destination_sandbox.as_ref().map(|target| {
                let name = target.name.clone();
                view! { <dt>{tr(k::DETAIL_TARGET)}</dt><dd>{name}</dd> }
            })}
            {created_by.map(|author| view! { <dt>{tr(k::DETAIL_CREATED_BY)}</dt><dd>{author}</dd> })}
            <dt>{tr(k::DETAIL_CREATED)}</dt><dd><DateTime epoch_ms=job.created_timestamp /></dd>
            <dt>{tr(k::DETAIL_UPDATED)}</dt><dd><DateTime epoch_ms=job.modified_timestamp /></dd>
            <dt>{tr(k::DETAIL_ID)}</dt>
            <dd class="job-id"><code>{id.clone()}</code><CopyId id /></dd>
        </dl>
        <h3>{tr(k::PROGRESS)}</h3>
        <ol class="stepper">
            {steps.into_iter().map(|(step, state)| view! {
                <li class=format!("step {}", state.class())>
                    <span class="step-name">{Signal::derive(move || job_status_words(&step))}</span>
                    <span class="visually-hidden">": "{move || state.label()}</span>
                </li>
            }).collect_view()}
        </ol>
        {is_import.then(|| view! {
            <h3>{tr(k::OBJECTS)}</h3>
            {match results {
                Some(results) if results.is_empty() => view! { <p class="muted">{tr(k::OBJECTS_NONE_YET)}</p> }.into_any(),
                Some(results) => view! { <ObjectResults results=Signal::stored(results) /> }.into_any(),
                // exim-server reports objects as they are done; Platform never does.
                None if is_job_running(&status) => view! { <p class="muted">{tr(k::OBJECTS_NONE_YET)}</p> }.into_any(),
                None => view! { <p class="muted">{tr(k::OBJECTS_NOT_REPORTED)}</p> }.into_any(),
            }}
        })}
    }
}

/// Copies the job ID to the clipboard and says whether it worked.
#[component]
fn CopyId(id: String) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let copy = move |_| {
        let id = id.clone();
        spawn_local(async move {
            let copied = match web_sys::window() {
                Some(window) => JsFuture::from(window.navigator().clipboard().write_text(&id))
                    .await
                    .is_ok(),
                None => false,
            };
            if copied {
                toasts.show(t(k::ID_COPIED), ToastVariant::Positive);
            } else {
                toasts.show(t(k::ID_NOT_COPIED), ToastVariant::Negative);
            }
        });
    };
    view! { <button type="button" class="action copy-id" on:click=copy>{tr(k::COPY_ID)}</button> }
}
