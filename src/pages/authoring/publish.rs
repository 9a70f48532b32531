//! Publish: the expiry asked in a dialog, `GET /packages/{id}/export`, then the page follows
//! the package live until it is PUBLISHED (a notification) or PUBLISH_FAILED (an alert with
//! Retry and the way to the job in Jobs). The started job's id is kept in the URL
//! (`?publish_job=`), so that a reload still links it.

use exim_api::{JobRequestType, JobStatus, Package, PackageStatus};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::follow::FollowedPackage;
use crate::api::{authoring, ApiError};
use crate::components::dialog::Modal;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::LiveStatusBar;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::common;
use crate::i18n::keys::package_edit as k;
use crate::i18n::{number, t, tf, tr};
use crate::session::ConnectionContext;
use crate::state::authoring_rules::{
    check_expiry_days, is_publishing, AuthoringBlock, DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS,
};
use crate::state::job_query::JobQuery;
use crate::state::list_query::UrlQuery;
use crate::state::url::{encode, query_string};

/// The URL parameter holding the publishing job's id.
const JOB_PARAM: &str = "publish_job";

/// The Publish dialog's state.
#[derive(Clone, Copy)]
pub struct Publish {
    /// The package to publish (the dialog is open).
    target: RwSignal<Option<Package>>,
    expiry: RwSignal<String>,
    refusal: RwSignal<Option<ApiError>>,
    start: Action<(String, u32), ()>,
}

impl Publish {
    pub fn new(followed: FollowedPackage) -> Self {
        let context = expect_context::<ConnectionContext>();
        let toasts = expect_context::<Toasts>();
        let navigate = use_navigate();
        let location = use_location();
        let target = RwSignal::new(None::<Package>);
        let refusal = RwSignal::new(None);
        let start = Action::new_local(move |(id, days): &(String, u32)| {
            let client = context.client_untracked();
            let (id, days) = (id.clone(), *days);
            let navigate = navigate.clone();
            async move {
                match authoring::publish(&client, &id, days).await {
                    Ok(started) => {
                        toasts.show(
                            tf(k::PUBLISH_STARTED, &[("package", &started.name)]),
                            ToastVariant::Positive,
                        );
                        target.set(None);
                        followed.publishing_started();
                        if let Some(job) = started.job_id {
                            let path = location.pathname.get_untracked();
                            let query = query_string(&[(JOB_PARAM, job)]);
                            navigate(
                                &format!("{path}{query}"),
                                NavigateOptions {
                                    replace: true,
                                    scroll: false,
                                    ..Default::default()
                                },
                            );
                        }
                    }
                    Err(error) => refusal.set(Some(error)),
                }
            }
        });
        Publish {
            target,
            expiry: RwSignal::new(String::new()),
            refusal,
            start,
        }
    }

    /// Opens the dialog with the default lifetime.
    pub fn open(self, package: Package) {
        self.expiry.set(DEFAULT_EXPIRY_DAYS.to_string());
        self.refusal.set(None);
        self.target.set(Some(package));
    }

    fn close(self) {
        if !self.start.pending().get_untracked() {
            self.target.set(None);
        }
    }

    fn submit(self) {
        if self.start.pending().get_untracked() {
            return;
        }
        let Some(package) = self.target.get_untracked() else {
            return;
        };
        match check_expiry_days(&self.expiry.get_untracked()) {
            Ok(days) => {
                self.refusal.set(None);
                self.start.dispatch((package.id, days));
            }
            Err(_) => focus_by_id("publish-expiry"),
        }
    }
}

#[component]
pub fn PublishDialog(publish: Publish) -> impl IntoView {
    let pending = publish.start.pending();
    let title = Signal::derive(move || {
        publish.target.with(|target| {
            target
                .as_ref()
                .map(|p| tf(k::PUBLISH_TITLE, &[("package", &p.name)]))
                .unwrap_or_default()
        })
    });
    let problem = move || {
        check_expiry_days(&publish.expiry.get())
            .err()
            .map(|problem| problem.explanation())
    };
    let help = Signal::derive(|| tf(k::EXPIRY_HELP, &[("max", &number(MAX_EXPIRY_DAYS.into()))]));
    view! {
        <Modal
            id="publish-dialog"
            open=Signal::derive(move || publish.target.with(Option::is_some))
            on_close=move |()| publish.close()
            title
        >
            <form novalidate on:submit=move |ev| { ev.prevent_default(); publish.submit(); }>
                <p>{tr(k::PUBLISH_TEXT)}</p>
                <div class="field">
                    <label for="publish-expiry">{tr(k::EXPIRY_LABEL)}</label>
                    <input
                        id="publish-expiry"
                        class="expiry-days"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        autofocus
                        aria-describedby="publish-expiry-help publish-expiry-error"
                        aria-invalid=move || problem().is_some().to_string()
                        prop:value=move || publish.expiry.get()
                        on:input=move |ev| publish.expiry.set(event_target_value(&ev))
                    />
                    <p class="help" id="publish-expiry-help">{help}</p>
                    <p class="field-error" id="publish-expiry-error">{problem}</p>
                </div>
                {move || publish.refusal.get().map(|error| view! { <ErrorAlert error /> })}
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| publish.close()>{tr(common::CANCEL)}</button>
                    <button type="submit" class="primary" id="confirm-publish" disabled=move || pending.get()>
                        {Signal::derive(move || t(if pending.get() { k::PUBLISHING } else { k::PUBLISH }))}
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// Where publishing stands: followed live while it runs, an alert when it failed, and why an
/// empty package cannot be published.
#[component]
pub fn PublishState(
    package: Package,
    followed: FollowedPackage,
    publish: Publish,
    /// Whether this user may publish the package now, or why not.
    eligibility: Result<(), AuthoringBlock>,
    /// Why the last publish failed, once the package history tells (not read yet).
    #[prop(optional, into)]
    failure_reason: MaybeProp<String>,
) -> impl IntoView {
    let name = package.name.clone();
    if is_publishing(&package) {
        let refresh = followed.refresh;
        let problem = Signal::derive(move || {
            followed.read.with(|read| {
                read.as_ref()
                    .and_then(|r| r.as_ref().err().map(ApiError::headline))
            })
        });
        return view! {
            <div class="inline-alert notice publishing" id="publishing-note">
                <p>{Signal::derive(move || tf(k::PUBLISHING_NOTE, &[("package", &name)]))}</p>
                <LiveStatusBar refresh loading=followed.loading problem />
            </div>
        }
        .into_any();
    }
    if package.status == Some(PackageStatus::PublishFailed) {
        let job = use_query_map().with_untracked(|query| query.get(JOB_PARAM));
        let (href, label) = match job {
            Some(job) => (format!("/jobs/{}", encode(&job)), k::OPEN_JOB),
            None => {
                let query = JobQuery {
                    search: package.name.clone(),
                    request_type: Some(JobRequestType::Export),
                    statuses: vec![JobStatus::Failed],
                    ..JobQuery::default()
                };
                (format!("/jobs{}", query.to_url()), k::FIND_JOB)
            }
        };
        let retry = eligibility.is_ok().then(|| {
            let retry = move |_| publish.open(package.clone());
            view! { <button type="button" class="primary" id="retry-publish" on:click=retry>{tr(k::RETRY_PUBLISH)}</button> }
        });
        let reason = move || {
            failure_reason
                .get()
                .map(|reason| view! { <p class="failure-reason">{tf(k::PUBLISH_FAILED_REASON, &[("reason", &reason)])}</p> })
        };
        return view! {
            <div class="inline-alert negative" role="alert" id="publish-failed">
                <h2>{tr(k::PUBLISH_FAILED_TITLE)}</h2>
                <p>{tr(k::PUBLISH_FAILED_TEXT)}</p>
                {reason}
                <div class="actions">
                    {retry}
                    <a href=href id="publish-job-link">{tr(label)}</a>
                </div>
            </div>
        }
        .into_any();
    }
    // An emptied draft says why Publish is disabled; the other reasons show on the button.
    (eligibility == Err(AuthoringBlock::NoArtifacts))
        .then(|| view! { <p class="note" id="publish-note">{AuthoringBlock::NoArtifacts.explanation()}</p> })
        .into_any()
}
