//! One object of the impact preview: what it is, what will happen to it, and the choice of an
//! existing object instead (filterable when the list is long).

use leptos::prelude::*;

use crate::components::url_query::UrlView;
use crate::i18n::keys::sandbox_import as k;
use crate::i18n::{number, t, tf, tr};
use crate::state::import_plan::{title_of, ImportQuery, Outcome, PlannedObject};
use crate::state::status::LightVariant;

/// Above this many existing objects, a filter field helps find one.
const FILTER_FROM: usize = 8;

/// The outcome in words with a status light.
fn outcome_view(outcome: &Outcome) -> impl IntoView {
    let (light, words) = match outcome {
        Outcome::Created => (LightVariant::Positive, t(k::OUTCOME_CREATED)),
        Outcome::Reused(object) => (
            LightVariant::Info,
            tf(k::OUTCOME_REUSED, &[("object", &title_of(object))]),
        ),
        Outcome::Replaced(object) => (
            LightVariant::Notice,
            tf(k::OUTCOME_REPLACED, &[("object", &title_of(object))]),
        ),
        Outcome::Blocked(missing) => (
            LightVariant::Negative,
            tf(k::OUTCOME_BLOCKED, &[("permissions", &missing.join("; "))]),
        ),
    };
    let class = format!("status-light {}", light.class());
    view! { <span class=class>{words}</span> }
}

#[component]
pub fn PreviewRow(
    row: PlannedObject,
    #[prop(into)] outcome: Signal<Outcome>,
    /// What the object depends on, once known.
    #[prop(into)]
    depends_on: Signal<Vec<String>>,
    url: UrlView<ImportQuery>,
) -> impl IntoView {
    let artifact_id = row.artifact.id.clone();
    let title = title_of(&row.artifact);
    let same_name = row.same_name().cloned();
    let others: Vec<exim_api::Artifact> = row
        .suggestions
        .iter()
        .filter(|s| Some(&s.id) != same_name.as_ref().map(|same| &same.id))
        .cloned()
        .collect();
    let filter = RwSignal::new(String::new());
    let select_id = format!("choice-{artifact_id}");
    let filter_id = format!("choice-filter-{artifact_id}");
    let chosen = {
        let artifact_id = artifact_id.clone();
        Memo::new(move |_| {
            url.query
                .with(|q| q.choices.get(&artifact_id).cloned())
                .unwrap_or_default()
        })
    };
    let choice = if row.suggestions.is_empty() {
        view! { <span class="muted">{tr(k::CHOICE_NONE)}</span> }.into_any()
    } else {
        let default_label = Signal::derive(move || match &same_name {
            Some(same) => tf(k::CHOICE_REUSE, &[("object", &title_of(same))]),
            None => t(k::CHOICE_CREATE),
        });
        let count = others.len();
        let options = move || {
            let needle = filter.get().to_lowercase();
            let current = chosen.get();
            others
                .iter()
                .filter(|object| {
                    needle.is_empty()
                        || object.id == current
                        || title_of(object).to_lowercase().contains(&needle)
                })
                .map(|object| {
                    let label = tf(k::CHOICE_USE, &[("object", &title_of(object))]);
                    let id = object.id.clone();
                    let selected = id == current;
                    view! { <option value=id selected=selected>{label}</option> }
                })
                .collect_view()
        };
        let choose = {
            let artifact_id = artifact_id.clone();
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                let object = (!value.is_empty()).then_some(value);
                url.replace
                    .run(url.query.get_untracked().with_choice(&artifact_id, object));
            }
        };
        let name = title.clone();
        let filter_field = (count > FILTER_FROM).then(|| {
            let filter_id = filter_id.clone();
            let name = name.clone();
            view! {
                <label class="small-label" for=filter_id.clone()>
                    {Signal::derive(move || tf(k::FILTER_SUGGESTIONS, &[("count", &number(count as u64)), ("object", &name)]))}
                </label>
                <input
                    type="search"
                    id=filter_id
                    autocomplete="off"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            }
        });
        view! {
            <div class="choice">
                {filter_field}
                <label class="visually-hidden" for=select_id.clone()>
                    {Signal::derive(move || tf(k::CHOICE_LABEL, &[("object", &name)]))}
                </label>
                <select id=select_id prop:value=move || chosen.get() on:change=choose>
                    <option value="" selected=move || chosen.get().is_empty()>{default_label}</option>
                    {options}
                </select>
            </div>
        }
        .into_any()
    };
    view! {
        <tr data-artifact=artifact_id>
            <td>
                <span class="object-title">{title}</span>
                <span class="muted object-meta">{row.artifact.artifact_type.clone()}" · "<code>{row.artifact.id.clone()}</code></span>
                {move || {
                    let needs = depends_on.get();
                    (!needs.is_empty()).then(|| {
                        let needs = needs.join(", ");
                        view! { <span class="object-deps">{tf(k::DEPENDS_ON, &[("objects", &needs)])}</span> }
                    })
                }}
            </td>
            <td>{move || outcome_view(&outcome.get())}</td>
            <td>{choice}</td>
        </tr>
    }
}
