//! The import page: loads the package, checks it may be imported, and shows the step the URL
//! names — or the submitted job.

use exim_api::Package;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::confirm_step::ConfirmStep;
use super::follow_job::FollowJob;
use super::preview_step::{use_import_plan, PreviewStep};
use super::sandbox_step::SandboxStep;
use super::steps::StepList;
use crate::api::packages;
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::use_read;
use crate::components::url_query::{use_url_query, UrlView};
use crate::i18n::keys::packages as package_keys;
use crate::i18n::keys::sandbox_import as k;
use crate::i18n::{tf, tr};
use crate::session::{PermissionsContext, SandboxList};
use crate::state::import_plan::{ImportQuery, ImportStep};
use crate::state::import_rules::{import_eligibility, target_sandboxes};
use crate::state::url::encode;

#[component]
pub fn SandboxImportPage() -> impl IntoView {
    let context = expect_context::<crate::session::ConnectionContext>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let url = use_url_query::<ImportQuery>();
    let (details, recovery) = use_read(move || {
        let client = context.client();
        let id = id.get();
        async move { packages::get(&client, &id).await }
    });
    let package_name = move || {
        details
            .get()
            .and_then(Result::ok)
            .map(|package| package.name)
            .unwrap_or_else(|| id.get())
    };
    view! {
        <p class="breadcrumb">
            <a href="/packages">{tr(package_keys::TITLE)}</a>" › "
            <a href=move || format!("/packages/{}", encode(&id.get()))>{package_name}</a>
        </p>
        // No Transition here: it would also wait for the reads of the steps inside, and show
        // "Loading the package…" while the impact preview loads.
        {move || match details.get() {
            None => view! { <p class="loading" aria-busy="true">{tr(k::LOADING)}</p> }.into_any(),
            Some(Ok(package)) => view! { <ImportFlow package url /> }.into_any(),
            Some(Err(error)) => view! {
                <div class="page-header"><h1>{tr(k::TITLE_PLAIN)}</h1></div>
                <ErrorAlert error on_retry=Callback::new(move |()| details.refetch()) recovery />
            }
            .into_any(),
        }}
    }
}

/// The steps of one package's import, or why it cannot be imported.
#[component]
fn ImportFlow(package: Package, url: UrlView<ImportQuery>) -> impl IntoView {
    let permissions = expect_context::<PermissionsContext>();
    let name = package.name.clone();
    let title = Signal::derive(move || tf(k::TITLE, &[("package", &name)]));
    // A memo: the permissions arriving must not rebuild the steps (and send their reads twice)
    // when they change nothing.
    let block = {
        let package = package.clone();
        Memo::new(move |_| {
            let can_manage = permissions.get()?.manage_packages;
            import_eligibility(&package, can_manage, js_sys::Date::now()).err()
        })
    };
    let job = Memo::new(move |_| url.query.with(|q| q.job.clone()));
    let sandbox = Memo::new(move |_| url.query.with(|q| q.sandbox.clone()));
    let step = Memo::new(move |_| url.query.with(ImportQuery::shown_step));
    // A sandbox named in the URL that is not a target (a stale or edited link) leads back to
    // the choice, saying so; while the list loads, the API's own answer will tell.
    let sandboxes = expect_context::<SandboxList>();
    let unknown_sandbox = {
        let package = package.clone();
        Memo::new(move |_| {
            let chosen = sandbox.get()?;
            let all = sandboxes.get()?;
            let offered = target_sandboxes(&package, &all)
                .iter()
                .any(|target| target.name == chosen);
            (!offered).then_some(chosen)
        })
    };
    let package = StoredValue::new(package);
    view! {
        <div class="page-header"><h1 class="wrap-anywhere">{title}</h1></div>
        {move || match (block.get(), job.get()) {
            (Some(block), _) => view! { <p class="note" id="import-blocked">{block.explanation()}</p> }.into_any(),
            (None, Some(job)) => view! { <FollowJob package=package.get_value() job url /> }.into_any(),
            (None, None) => view! {
                <StepList
                    package_id=package.with_value(|p| p.id.clone())
                    url
                    sandbox_rejected=Signal::derive(move || unknown_sandbox.with(Option::is_some))
                />
                {move || match (step.get(), sandbox.get()) {
                    (_, Some(_)) if unknown_sandbox.with(Option::is_some) => view! {
                        <SandboxStep package=package.get_value() url unknown=unknown_sandbox.get().unwrap_or_default() />
                    }
                    .into_any(),
                    (ImportStep::Sandbox, _) | (_, None) => view! { <SandboxStep package=package.get_value() url /> }.into_any(),
                    (later, Some(sandbox)) => view! { <PlanSteps package=package.get_value() sandbox step=later url /> }.into_any(),
                }}
            }
            .into_any(),
        }}
    }
}

/// The impact preview and the confirmation, which share one look-up of what the import does.
#[component]
fn PlanSteps(
    package: Package,
    sandbox: String,
    step: ImportStep,
    url: UrlView<ImportQuery>,
) -> impl IntoView {
    let plan = use_import_plan(&package, sandbox.clone(), url);
    match step {
        ImportStep::Confirm => view! { <ConfirmStep package sandbox plan url /> }.into_any(),
        _ => view! { <PreviewStep sandbox plan url /> }.into_any(),
    }
}
