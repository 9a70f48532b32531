//! New package (`/packages/new`): name, description, type and — for a partial package — the
//! artifacts, made into a DRAFT in the sandbox the user is connected to. A refusal keeps
//! everything typed and chosen; a double click creates one package.

use exim_api::{PackageType, SandboxRef};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::artifact_picker::ArtifactPicker;
use super::chosen_artifacts::ChosenArtifacts;
use crate::api::authoring::{self, NewPackage};
use crate::api::ApiError;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::authoring as k;
use crate::i18n::keys::packages as package_keys;
use crate::i18n::{t, tf, tr};
use crate::session::{ConnectionContext, PermissionsContext};
use crate::state::authoring_rules::{check_description, check_name, AuthoringBlock, InputProblem};

/// Problems found in the form's own fields (the artifacts are checked as they are chosen).
#[derive(Clone, Default, PartialEq)]
struct FormProblems {
    name: Option<String>,
    description: Option<String>,
}

#[component]
pub fn NewPackagePage() -> impl IntoView {
    let permissions = expect_context::<PermissionsContext>();
    // A memo: the permissions arriving must not rebuild the form (and lose what was typed).
    let may_manage = Memo::new(move |_| permissions.get().is_none_or(|p| p.manage_packages));
    view! {
        <p class="breadcrumb"><a href="/packages">{tr(package_keys::TITLE)}</a></p>
        <div class="page-header"><h1>{tr(k::NEW_TITLE)}</h1></div>
        {move || if may_manage.get() {
            view! { <NewPackageForm /> }.into_any()
        } else {
            view! {
                <p class="inline-alert notice" id="authoring-blocked">{AuthoringBlock::NoPermission.explanation()}</p>
            }
            .into_any()
        }}
    }
}

#[component]
fn NewPackageForm() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let navigate = use_navigate();
    let sandbox = context.sandbox();
    let org_id = context.0.with_untracked(|c| c.org_id.clone());
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let partial = RwSignal::new(true);
    let picker = ChosenArtifacts::new(Signal::derive(Vec::new));
    let problems = RwSignal::new(FormProblems::default());
    let refusal = RwSignal::new(None::<ApiError>);

    let create = Action::new_local(move |package: &NewPackage| {
        let client = context.client_untracked();
        let package = package.clone();
        let navigate = navigate.clone();
        async move {
            match authoring::create(&client, &package).await {
                Ok(created) => {
                    toasts.show(
                        tf(k::CREATED_TOAST, &[("package", &created.name)]),
                        ToastVariant::Positive,
                    );
                    navigate(&format!("/packages/{}", created.id), Default::default());
                }
                // A name in use belongs next to the name.
                Err(error) if error.status() == Some(409) => {
                    problems.update(|p| p.name = Some(error.user_message()));
                    focus_by_id("package-name");
                }
                Err(error) => refusal.set(Some(error)),
            }
        }
    });
    let pending = create.pending();

    let submit = {
        let sandbox = sandbox.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            refusal.set(None);
            let checked_name = check_name(&name.get_untracked());
            let checked_description = check_description(&description.get_untracked());
            problems.set(FormProblems {
                name: checked_name.as_ref().err().map(InputProblem::explanation),
                description: checked_description
                    .as_ref()
                    .err()
                    .map(InputProblem::explanation),
            });
            let (Ok(name), Ok(description)) = (checked_name, checked_description) else {
                focus_by_id(if problems.with_untracked(|p| p.name.is_some()) {
                    "package-name"
                } else {
                    "package-description"
                });
                return;
            };
            let package_type = if partial.get_untracked() {
                PackageType::Partial
            } else {
                PackageType::Full
            };
            create.dispatch(NewPackage {
                name,
                description,
                package_type,
                sandbox: SandboxRef {
                    name: sandbox.clone(),
                    ims_org_id: org_id.clone(),
                    empty: None,
                },
                artifacts: picker.chosen.get_untracked(),
            });
        }
    };
    let name_problem = move || problems.with(|p| p.name.clone());
    let description_problem = move || problems.with(|p| p.description.clone());
    let picker_sandbox = sandbox.clone();
    view! {
        <form id="new-package-form" class="panel new-package" on:submit=submit novalidate aria-labelledby="new-package-details">
            <h2 id="new-package-details">{tr(package_keys::DETAILS)}</h2>
            <div class="field">
                <label for="package-name">{tr(k::FIELD_NAME)}</label>
                <input
                    id="package-name"
                    type="text"
                    autocomplete="off"
                    required
                    aria-describedby="package-name-error"
                    aria-invalid=move || name_problem().is_some().to_string()
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <p class="field-error" id="package-name-error">{name_problem}</p>
            </div>
            <div class="field">
                <label for="package-description">{tr(k::FIELD_DESCRIPTION)}</label>
                <textarea
                    id="package-description"
                    rows="3"
                    aria-describedby="package-description-error"
                    aria-invalid=move || description_problem().is_some().to_string()
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))
                ></textarea>
                <p class="field-error" id="package-description-error">{description_problem}</p>
            </div>
            <fieldset class="package-type">
                <legend>{tr(k::FIELD_TYPE)}</legend>
                <div class="radio-row">
                    <input type="radio" id="type-partial" name="package-type" prop:checked=move || partial.get() on:change=move |_| partial.set(true) />
                    <label for="type-partial">{tr(k::TYPE_PARTIAL)}</label>
                </div>
                <div class="radio-row">
                    <input type="radio" id="type-full" name="package-type" prop:checked=move || !partial.get() on:change=move |_| partial.set(false) />
                    <label for="type-full">{tr(k::TYPE_FULL)}</label>
                </div>
            </fieldset>
            <dl class="metadata">
                <dt>{tr(k::FIELD_SANDBOX)}</dt>
                <dd><code id="new-package-sandbox">{sandbox.clone()}</code></dd>
            </dl>
            <p class="help">{tr(k::SANDBOX_NOTE)}</p>
        </form>
        <section class="panel new-package-artifacts" aria-labelledby="artifacts-heading">
            <h2 id="artifacts-heading">{tr(k::ARTIFACTS_HEADING)}</h2>
            {move || if partial.get() {
                view! { <ArtifactPicker picker sandbox=picker_sandbox.clone() /> }.into_any()
            } else {
                view! { <p class="muted" id="full-package-note">{tr(k::TYPE_FULL_NOTE)}</p> }.into_any()
            }}
        </section>
        <div id="create-refusal">{move || refusal.get().map(|error| view! { <ErrorAlert error /> })}</div>
        <div class="actions form-actions">
            <a class="button" href="/packages">{tr(k::CANCEL)}</a>
            <button type="submit" form="new-package-form" class="primary" id="create-package" disabled=move || pending.get()>
                {Signal::derive(move || t(if pending.get() { k::CREATING } else { k::CREATE }))}
            </button>
        </div>
    }
}
