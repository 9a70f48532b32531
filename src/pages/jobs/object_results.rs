//! What an import did with each object (exim-server's `objectResults`): created with its new
//! ID, reused, replaced by the user's choice, or failed with Platform's message.

use exim_api::{ObjectOutcome, ObjectResult};
use leptos::prelude::*;

use crate::i18n::keys::jobs as k;
use crate::i18n::tr;
use crate::state::job_progress::outcome_words;

/// The per-object results of an import job, one row per object, in the order given.
#[component]
pub fn ObjectResults(#[prop(into)] results: Signal<Vec<ObjectResult>>) -> impl IntoView {
    view! {
        <div class="table-wrap object-results">
            <table class="data-table">
                <caption class="visually-hidden">{tr(k::OBJECTS_CAPTION)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(k::COLUMN_OBJECT)}</th>
                        <th scope="col">{tr(k::COLUMN_OUTCOME)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || results.get() key=|result| (result.artifact_id.clone(), result.outcome.clone(), result.object_id.clone()) let:result>
                        <ObjectRow result />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ObjectRow(result: ObjectResult) -> impl IntoView {
    let ObjectResult {
        artifact_id,
        artifact_type,
        title,
        outcome,
        object_id,
        message,
    } = result;
    let failed = outcome == ObjectOutcome::Failed;
    let id_label = if outcome == ObjectOutcome::Created {
        k::NEW_ID
    } else {
        k::EXISTING_ID
    };
    let class = format!("outcome outcome-{}", outcome.as_str().to_ascii_lowercase());
    view! {
        <tr>
            <td class="name-cell">
                {title.unwrap_or_else(|| artifact_id.clone())}
                <small class="artifact-type">{artifact_type}</small>
            </td>
            <td>
                <span class=class>{Signal::derive(move || outcome_words(&outcome))}</span>
                {object_id.filter(|_| !failed).map(|id| view! {
                    <small class="object-id">{tr(id_label)}": "<code>{id}</code></small>
                })}
                {message.map(|message| view! { <small class="object-message" lang="en">{message}</small> })}
            </td>
        </tr>
    }
}
