//! The list of the import's steps: done steps are links back, the current one is marked.

use leptos::prelude::*;

use super::link::import_href;
use crate::components::url_query::UrlView;
use crate::i18n::keys::sandbox_import as k;
use crate::i18n::{t, tr};
use crate::state::import_plan::{ImportQuery, ImportStep};
use crate::state::list_query::UrlQuery;

fn step_name(step: ImportStep) -> String {
    t(match step {
        ImportStep::Sandbox => k::STEP_SANDBOX,
        ImportStep::Preview => k::STEP_PREVIEW,
        ImportStep::Confirm => k::STEP_CONFIRM,
    })
}

#[component]
pub fn StepList(
    package_id: String,
    url: UrlView<ImportQuery>,
    /// The sandbox the URL names cannot be imported into: the first step is shown.
    #[prop(into)]
    sandbox_rejected: Signal<bool>,
) -> impl IntoView {
    let items = move || {
        let query = url.query.get();
        let current = if sandbox_rejected.get() {
            ImportStep::Sandbox
        } else {
            query.shown_step()
        };
        ImportStep::ALL
            .into_iter()
            .enumerate()
            .map(|(index, step)| {
                let label = format!("{}. {}", index + 1, step_name(step));
                let content = if step == current {
                    view! { <span aria-current="step">{label}</span> }.into_any()
                } else if (step as u8) < (current as u8) {
                    let href = import_href(&package_id, &query.at(step).to_url());
                    view! { <a href=href>{label}</a> }.into_any()
                } else {
                    view! { <span class="muted">{label}</span> }.into_any()
                };
                view! { <li>{content}</li> }
            })
            .collect_view()
    };
    view! { <ol class="import-steps" aria-label=tr(k::STEPS_LABEL)>{items}</ol> }
}
