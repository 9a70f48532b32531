//! Choosing an artifact by its type and ID (and an optional title), one at a time; each is
//! checked for format before it joins the chosen ones.

use leptos::prelude::*;

use super::chosen_artifacts::{added_sentence, ChosenArtifacts};
use crate::components::focus::focus_by_id;
use crate::i18n::keys::authoring as k;
use crate::i18n::tr;
use crate::state::authoring_rules::{check_artifact, InputProblem, ARTIFACT_TYPES};

/// Which field a problem belongs next to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EntryField {
    Type,
    Id,
    Title,
}

fn field_of(problem: &InputProblem) -> EntryField {
    match problem {
        InputProblem::TypeMissing | InputProblem::UnknownType(_) => EntryField::Type,
        InputProblem::TitleTooLong { .. } => EntryField::Title,
        _ => EntryField::Id,
    }
}

#[component]
pub fn ArtifactEntry(picker: ChosenArtifacts) -> impl IntoView {
    let artifact_type = RwSignal::new(String::new());
    let id = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<InputProblem>);
    let added = RwSignal::new(None::<String>);
    let message_for = move |field: EntryField| {
        problem.with(|problem| {
            problem
                .as_ref()
                .filter(|problem| field_of(problem) == field)
                .map(InputProblem::explanation)
        })
    };
    let invalid = move |field: EntryField| message_for(field).is_some().to_string();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = check_artifact(
            &artifact_type.get_untracked(),
            &id.get_untracked(),
            &title.get_untracked(),
        )
        .and_then(|artifact| picker.offer(artifact.clone()).map(|()| artifact));
        match checked {
            Ok(artifact) => {
                problem.set(None);
                added.set(Some(added_sentence(&artifact)));
                // The type stays: lists are often of one type.
                id.set(String::new());
                title.set(String::new());
                focus_by_id("entry-id");
            }
            Err(found) => {
                added.set(None);
                let field = field_of(&found);
                problem.set(Some(found));
                focus_by_id(match field {
                    EntryField::Type => "entry-type",
                    EntryField::Id => "entry-id",
                    EntryField::Title => "entry-title",
                });
            }
        }
    };
    view! {
        <form class="artifact-entry" on:submit=add novalidate>
            <div class="field">
                <label for="entry-type">{tr(k::FIELD_ARTIFACT_TYPE)}</label>
                <select
                    id="entry-type"
                    aria-describedby="entry-type-error"
                    aria-invalid=move || invalid(EntryField::Type)
                    prop:value=move || artifact_type.get()
                    on:change=move |ev| artifact_type.set(event_target_value(&ev))
                >
                    <option value="">{tr(k::CHOOSE_TYPE)}</option>
                    {ARTIFACT_TYPES.iter().map(|name| view! { <option value=*name>{*name}</option> }).collect_view()}
                </select>
                <p class="field-error" id="entry-type-error">{move || message_for(EntryField::Type)}</p>
            </div>
            <div class="field">
                <label for="entry-id">{tr(k::FIELD_ARTIFACT_ID)}</label>
                <input
                    id="entry-id"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="entry-id-error"
                    aria-invalid=move || invalid(EntryField::Id)
                    prop:value=move || id.get()
                    on:input=move |ev| id.set(event_target_value(&ev))
                />
                <p class="field-error" id="entry-id-error">{move || message_for(EntryField::Id)}</p>
            </div>
            <div class="field">
                <label for="entry-title">{tr(k::FIELD_ARTIFACT_TITLE)}</label>
                <input
                    id="entry-title"
                    type="text"
                    autocomplete="off"
                    aria-describedby="entry-title-error"
                    aria-invalid=move || invalid(EntryField::Title)
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
                <p class="field-error" id="entry-title-error">{move || message_for(EntryField::Title)}</p>
            </div>
            <div class="actions">
                <button type="submit" id="entry-add">{tr(k::ADD)}</button>
                <p class="muted" role="status" id="entry-added">{move || added.get()}</p>
            </div>
        </form>
    }
}
