//! After the submit: the job followed while it runs (the refresh scheduler's discipline: only
//! while it runs, paused while the tab is hidden, back-off on failure), then its summary and
//! what to check next.

use exim_api::{JobDetails, ObjectOutcome, Package};
use leptos::prelude::*;

use super::link::import_href;
use crate::api::jobs::fetch_job;
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::{use_polled_read, LiveStatusBar};
use crate::components::url_query::UrlView;
use crate::i18n::keys::sandbox_import as k;
use crate::i18n::{number, tf, tr};
use crate::pages::jobs::JobDetailsView;
use crate::session::ConnectionContext;
use crate::state::import_plan::{ImportQuery, ImportStep};
use crate::state::job_progress::is_job_running;
use crate::state::list_query::UrlQuery;
use crate::state::url::encode;

/// "3 created, 1 reused, 1 replaced by your choice, 0 failed", from the job's per-object
/// results (exim-server's extension); None without them.
fn results_sentence(job: &JobDetails) -> Option<String> {
    let results = job.object_results.as_ref().filter(|r| !r.is_empty())?;
    let count = |outcome: ObjectOutcome| {
        number(results.iter().filter(|r| r.outcome == outcome).count() as u64)
    };
    Some(tf(
        k::RESULT_TOTALS,
        &[
            ("created", &count(ObjectOutcome::Created)),
            ("reused", &count(ObjectOutcome::Reused)),
            ("replaced", &count(ObjectOutcome::Replaced)),
            ("failed", &count(ObjectOutcome::Failed)),
        ],
    ))
}

#[component]
pub fn FollowJob(package: Package, job: String, url: UrlView<ImportQuery>) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let (fetched, refresh, loading) = use_polled_read(
        {
            let job = job.clone();
            move || {
                let client = context.client();
                let job = job.clone();
                async move { fetch_job(&client, &job).await }
            }
        },
        |job: &JobDetails| job.job_status.as_ref().is_some_and(is_job_running),
    );
    // A failed refresh keeps the job shown; the status bar says what went wrong.
    let shown = Memo::new(move |previous: Option<&Option<JobDetails>>| {
        fetched.with(|outcome| match outcome {
            Some(Ok(job)) => Some(job.clone()),
            _ => previous.cloned().flatten(),
        })
    });
    let error = Memo::new(move |_| fetched.with(|o| o.as_ref().and_then(|r| r.clone().err())));
    let running = Memo::new(move |_| {
        shown.with(|job| {
            job.as_ref()
                .is_none_or(|job| job.job_status.as_ref().is_some_and(is_job_running))
        })
    });
    let sandbox = url
        .query
        .with_untracked(|q| q.sandbox.clone())
        .unwrap_or_default();
    let again = import_href(
        &package.id,
        &ImportQuery {
            sandbox: Some(sandbox),
            step: ImportStep::Preview,
            ..ImportQuery::default()
        }
        .to_url(),
    );
    let job_link = format!("/jobs/{}", encode(&job));
    let package_link = format!("/packages/{}", encode(&package.id));
    view! {
        <section class="panel import-step import-job" id="import-job" aria-labelledby="import-job-heading">
            <h2 id="import-job-heading">
                {move || shown.with(|job| job.as_ref().map(|j| tf(k::JOB_HEADING, &[("job", &j.name)])))}
            </h2>
            <LiveStatusBar
                refresh
                loading
                problem=Signal::derive(move || error.get().map(|e| e.user_message()))
                shown_elsewhere=Signal::derive(move || shown.with(Option::is_none))
            />
            {move || match (shown.get(), error.get()) {
                (Some(job), _) => {
                    let summary = results_sentence(&job);
                    view! {
                        {summary.map(|sentence| view! { <p class="import-totals" id="import-result-totals">{sentence}</p> })}
                        <JobDetailsView job created_by=None />
                    }
                    .into_any()
                }
                (None, Some(error)) => view! {
                    <ErrorAlert error on_retry=Callback::new(move |()| refresh.retry_now()) recovery=refresh />
                }
                .into_any(),
                (None, None) => view! { <p class="loading" aria-busy="true">{tr(k::JOB_LOADING)}</p> }.into_any(),
            }}
            <Show when=move || !running.get()>
                <h3>{tr(k::NEXT_CHECKS_HEADING)}</h3>
                <ul class="next-checks">
                    <li>{tr(k::CHECK_DRAFTS)}</li>
                    <li>{tr(k::CHECK_CREDENTIALS)}</li>
                </ul>
            </Show>
            <div class="actions">
                <a class="button" href=job_link.clone()>{tr(k::OPEN_IN_JOBS)}</a>
                <a class="button" href=package_link.clone()>{tr(k::BACK_TO_PACKAGE)}</a>
                <a class="button" id="import-again" href=again.clone()>{tr(k::IMPORT_AGAIN)}</a>
            </div>
        </section>
    }
}
