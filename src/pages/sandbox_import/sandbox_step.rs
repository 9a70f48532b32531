//! Step 1: the sandbox to import into — every sandbox of the organization but the package's
//! own, with its type.

use exim_api::Package;
use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::url_query::UrlView;
use crate::i18n::keys::sandbox_import as k;
use crate::i18n::{t, tf, tr};
use crate::session::SandboxList;
use crate::state::import_plan::{ImportQuery, ImportStep};
use crate::state::import_rules::{is_production, target_sandboxes};

#[component]
pub fn SandboxStep(
    package: Package,
    url: UrlView<ImportQuery>,
    /// A sandbox the URL named that cannot be imported into.
    #[prop(optional)]
    unknown: Option<String>,
) -> impl IntoView {
    let sandboxes = expect_context::<SandboxList>();
    let chosen = RwSignal::new(if unknown.is_some() {
        None
    } else {
        url.query.with_untracked(|q| q.sandbox.clone())
    });
    let unknown_note = unknown.map(|name| {
        view! {
            <p class="inline-alert negative" id="unknown-sandbox">
                {Signal::derive(move || tf(k::UNKNOWN_SANDBOX, &[("sandbox", &name)]))}
            </p>
        }
    });
    let missing = RwSignal::new(false);
    let own = package.source_sandbox_name();
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked() {
            Some(sandbox) => url.show.run(
                url.query
                    .get_untracked()
                    .with_sandbox(sandbox)
                    .at(ImportStep::Preview),
            ),
            None => {
                missing.set(true);
                focus_by_id("sandbox-choices");
            }
        }
    };
    let options = move || {
        if let Some(error) = sandboxes.error() {
            return Some(view! { <ErrorAlert error /> }.into_any());
        }
        let all = sandboxes.get()?;
        let targets = target_sandboxes(&package, &all);
        if targets.is_empty() {
            return Some(view! { <p class="note">{tr(k::NO_SANDBOXES)}</p> }.into_any());
        }
        let radios = targets
            .into_iter()
            .map(|sandbox| {
                let name = sandbox.name.clone();
                let id = format!("target-{name}");
                let kind = t(if is_production(sandbox) { k::PRODUCTION } else { k::DEVELOPMENT });
                let checked = {
                    let name = name.clone();
                    move || chosen.with(|c| c.as_deref() == Some(name.as_str()))
                };
                view! {
                    <div class="radio-row">
                        <input
                            type="radio"
                            name="target-sandbox"
                            id=id.clone()
                            value=name.clone()
                            prop:checked=checked
                            on:change=move |_| {
                                missing.set(false);
                                chosen.set(Some(name.clone()));
                            }
                        />
                        <label for=id>
                            {sandbox.title.clone()}" "<code>{sandbox.name.clone()}</code>
                            <span class=if is_production(sandbox) { "badge production" } else { "badge" }>{kind}</span>
                        </label>
                    </div>
                }
            })
            .collect_view();
        Some(radios.into_any())
    };
    view! {
        <form class="panel import-step" on:submit=next novalidate>
            <fieldset
                id="sandbox-choices"
                tabindex="-1"
                aria-describedby="sandbox-help sandbox-error"
                aria-invalid=move || missing.get().to_string()
            >
                <legend>{tr(k::SANDBOX_LEGEND)}</legend>
                {unknown_note}
                <p class="help" id="sandbox-help">{Signal::derive(move || tf(k::SANDBOX_HELP, &[("sandbox", &own)]))}</p>
                {move || options().unwrap_or_else(|| {
                    view! { <p class="loading" aria-busy="true">{tr(k::SANDBOXES_LOADING)}</p> }.into_any()
                })}
                <p class="field-error" id="sandbox-error">
                    {move || missing.get().then(|| t(k::CHOOSE_SANDBOX))}
                </p>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" id="import-next">{tr(k::NEXT_PREVIEW)}</button>
            </div>
        </form>
    }
}
