//! Step 3: the job's name and description, the existing objects used instead, the production
//! guard, and the submit — one job per click, however many clicks.

use exim_api::{Package, SandboxRef, SubmitImportRequest};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::preview_step::{totals_sentence, BlockedAlert, ImportPlan};
use crate::api::{imports, ApiError};
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::components::url_query::UrlView;
use crate::i18n::keys::sandbox_import as k;
use crate::i18n::{t, tf, tr};
use crate::session::{ConnectionContext, SandboxList};
use crate::state::import_plan::{alternatives, title_of, ImportQuery, ImportStep, Outcome};
use crate::state::import_rules::is_production;

#[component]
pub fn ConfirmStep(
    package: Package,
    sandbox: String,
    plan: ImportPlan,
    url: UrlView<ImportQuery>,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let sandboxes = expect_context::<SandboxList>();
    let default_name = package.name.clone();
    let default_description = package.description.clone().unwrap_or_default();
    let name = Memo::new(move |_| {
        url.query
            .with(|q| q.name.clone())
            .unwrap_or_else(|| default_name.clone())
    });
    let description = Memo::new(move |_| {
        url.query
            .with(|q| q.description.clone())
            .unwrap_or_else(|| default_description.clone())
    });
    let production = {
        let sandbox = sandbox.clone();
        Memo::new(move |_| {
            sandboxes
                .get()
                .is_some_and(|all| all.iter().any(|s| s.name == sandbox && is_production(s)))
        })
    };
    let typed = RwSignal::new(String::new());
    let shown_problems = RwSignal::new(false);
    let name_missing = move || name.with(|n| n.trim().is_empty());
    let guard_unmet = {
        let sandbox = sandbox.clone();
        Memo::new(move |_| production.get() && typed.with(|typed| typed.trim() != sandbox))
    };
    let refusal = RwSignal::new(None::<ApiError>);
    let navigate = use_navigate();

    let submit_job = Action::new_local(move |request: &SubmitImportRequest| {
        let client = context.client_untracked();
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            match imports::submit(&client, &request).await {
                Ok(started) => {
                    let sandbox = request.destination_sandbox.name.clone();
                    toasts.show(
                        tf(
                            k::JOB_STARTED_TOAST,
                            &[("package", &started.name), ("sandbox", &sandbox)],
                        ),
                        ToastVariant::Positive,
                    );
                    // Replaces the confirmation in history: Back does not lead to a second job.
                    match started.job_id {
                        Some(job) => url.replace.run(ImportQuery {
                            job: Some(job),
                            ..url.query.get_untracked()
                        }),
                        // Platform's answer may name no job: it is then found in Jobs.
                        None => navigate(
                            "/jobs",
                            NavigateOptions {
                                replace: true,
                                ..Default::default()
                            },
                        ),
                    }
                }
                Err(error) => refusal.set(Some(error)),
            }
        }
    });

    let submit = {
        let sandbox = sandbox.clone();
        let package_id = package.id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if submit_job.pending().get_untracked() {
                return;
            }
            shown_problems.set(true);
            if name_missing() {
                focus_by_id("job-name");
                return;
            }
            if guard_unmet.get_untracked() {
                focus_by_id("production-confirm");
                return;
            }
            let Some(rows) = plan.rows.get_untracked() else {
                return;
            };
            if plan.blocked() {
                return;
            }
            let alternatives = alternatives(&rows);
            let description = description.get_untracked();
            refusal.set(None);
            submit_job.dispatch(SubmitImportRequest {
                id: package_id.clone(),
                name: Some(name.get_untracked().trim().to_string()),
                description: (!description.trim().is_empty()).then_some(description),
                destination_sandbox: SandboxRef {
                    name: sandbox.clone(),
                    ims_org_id: context.0.with_untracked(|c| c.org_id.clone()),
                    empty: None,
                },
                alternatives: (!alternatives.is_empty()).then_some(alternatives),
            });
        }
    };
    let set_text = move |ev: leptos::ev::Event, description_field: bool| {
        let value = event_target_value(&ev);
        let query = url.query.get_untracked();
        url.replace.run(if description_field {
            ImportQuery {
                description: Some(value),
                ..query
            }
        } else {
            ImportQuery {
                name: Some(value),
                ..query
            }
        });
    };
    let heading = {
        let sandbox = sandbox.clone();
        Signal::derive(move || tf(k::CONFIRM_HEADING, &[("sandbox", &sandbox)]))
    };
    let substitutions = plan.render(sandbox.clone(), move |rows| {
        let replaced: Vec<(String, String)> = rows
            .iter()
            .filter_map(|row| match &row.outcome {
                Outcome::Replaced(object) => Some((title_of(&row.artifact), title_of(object))),
                _ => None,
            })
            .collect();
        let list = if replaced.is_empty() {
            view! { <p class="muted">{tr(k::NO_SUBSTITUTIONS)}</p> }.into_any()
        } else {
            view! {
                <ul class="substitutions">
                    {replaced.into_iter().map(|(artifact, object)| view! {
                        <li>{tf(k::SUBSTITUTION, &[("artifact", &artifact), ("object", &object)])}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <p class="import-totals" id="import-totals">{totals_sentence(&rows)}</p>
            <BlockedAlert rows />
            <h3>{tr(k::SUBSTITUTIONS_HEADING)}</h3>
            {list}
        }
    });
    let guard = {
        let sandbox = sandbox.clone();
        move || {
            production.get().then(|| {
                let (warning_sandbox, label_sandbox, error_sandbox) =
                    (sandbox.clone(), sandbox.clone(), sandbox.clone());
                let invalid = move || shown_problems.get() && guard_unmet.get();
                view! {
                    <div class="inline-alert notice production-guard">
                        <p>{Signal::derive(move || tf(k::PRODUCTION_WARNING, &[("sandbox", &warning_sandbox)]))}</p>
                        <div class="field">
                            <label for="production-confirm">
                                {Signal::derive(move || tf(k::PRODUCTION_CONFIRM, &[("sandbox", &label_sandbox)]))}
                            </label>
                            <input
                                id="production-confirm"
                                type="text"
                                autocomplete="off"
                                spellcheck="false"
                                aria-describedby="production-error"
                                aria-invalid=move || invalid().to_string()
                                prop:value=move || typed.get()
                                on:input=move |ev| typed.set(event_target_value(&ev))
                            />
                            <p class="field-error" id="production-error">
                                {move || (shown_problems.get() && guard_unmet.get()).then(|| tf(k::PRODUCTION_MISMATCH, &[("sandbox", &error_sandbox)]))}
                            </p>
                        </div>
                    </div>
                }
            })
        }
    };
    let back = move |_| {
        url.show
            .run(url.query.get_untracked().at(ImportStep::Preview))
    };
    let pending = submit_job.pending();
    view! {
        <form class="panel import-step" on:submit=submit novalidate aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{heading}</h2>
            {substitutions}
            <div class="field">
                <label for="job-name">{tr(k::JOB_NAME)}</label>
                <input
                    id="job-name"
                    type="text"
                    autocomplete="off"
                    aria-describedby="job-name-error"
                    aria-invalid=move || (shown_problems.get() && name_missing()).to_string()
                    prop:value=move || name.get()
                    on:input=move |ev| set_text(ev, false)
                />
                <p class="field-error" id="job-name-error">
                    {move || (shown_problems.get() && name_missing()).then(|| t(k::JOB_NAME_REQUIRED))}
                </p>
            </div>
            <div class="field">
                <label for="job-description">{tr(k::JOB_DESCRIPTION)}</label>
                <textarea
                    id="job-description"
                    rows="3"
                    prop:value=move || description.get()
                    on:input=move |ev| set_text(ev, true)
                ></textarea>
            </div>
            {guard}
            {move || refusal.get().map(|error| view! { <ErrorAlert error /> })}
            <div class="actions">
                <button type="button" on:click=back>{tr(k::BACK)}</button>
                <button
                    type="submit"
                    class="primary"
                    id="import-submit"
                    disabled=move || pending.get()
                    aria-disabled=move || plan.blocked().to_string()
                >
                    {Signal::derive(move || t(if pending.get() { k::IMPORTING } else { k::IMPORT }))}
                </button>
            </div>
        </form>
    }
}
