//! The artifacts chosen so far, shared by every way of choosing them, and their table.

use exim_api::ArtifactRef;
use leptos::prelude::*;

use crate::i18n::keys::authoring as k;
use crate::i18n::{number, tf, tn, tr};
use crate::state::authoring_rules::{add_artifact, InputProblem};

/// The artifacts a user is choosing, and the ids of those the package holds already (empty
/// while creating one): a held artifact cannot be chosen again.
#[derive(Clone, Copy)]
pub struct ChosenArtifacts {
    pub chosen: RwSignal<Vec<ArtifactRef>>,
    pub held: Signal<Vec<String>>,
}

impl ChosenArtifacts {
    pub fn new(held: Signal<Vec<String>>) -> Self {
        ChosenArtifacts {
            chosen: RwSignal::new(Vec::new()),
            held,
        }
    }

    /// Adds the artifact, or says why not.
    pub fn offer(&self, artifact: ArtifactRef) -> Result<(), InputProblem> {
        let held = self.held.get_untracked();
        let mut outcome = Ok(());
        self.chosen
            .update(|chosen| outcome = add_artifact(chosen, &held, artifact));
        outcome
    }

    pub fn remove(&self, id: &str) {
        self.chosen
            .update(|chosen| chosen.retain(|known| known.id != id));
    }

    pub fn is_chosen(&self, id: &str) -> bool {
        self.chosen
            .with(|chosen| chosen.iter().any(|known| known.id == id))
    }

    pub fn is_held(&self, id: &str) -> bool {
        self.held.with(|held| held.iter().any(|known| known == id))
    }
}

/// What to call an artifact in a sentence or an accessible name: its title, else its id.
pub fn artifact_label(artifact: &ArtifactRef) -> String {
    artifact
        .title
        .clone()
        .unwrap_or_else(|| artifact.id.clone())
}

/// The chosen artifacts with a Remove button each.
#[component]
pub fn ChosenArtifactsTable(picker: ChosenArtifacts) -> impl IntoView {
    let count = move || picker.chosen.with(Vec::len) as u64;
    let heading =
        Signal::derive(move || tn(k::CHOSEN_HEADING, count(), &[("count", &number(count()))]));
    view! {
        <section class="chosen-artifacts" aria-labelledby="chosen-heading">
            <h3 id="chosen-heading">{heading}</h3>
            <Show
                when=move || { count() > 0 }
                fallback=|| view! { <p class="muted" id="chosen-none">{tr(k::CHOSEN_NONE)}</p> }
            >
                <div class="scroll-x" tabindex="0" role="group" aria-labelledby="chosen-heading">
                    <table class="data-table" id="chosen-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(k::COL_TITLE)}</th>
                                <th scope="col">{tr(k::COL_TYPE)}</th>
                                <th scope="col">{tr(k::COL_ID)}</th>
                                <th scope="col"><span class="visually-hidden">{tr(k::COL_ACTIONS)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || picker.chosen.get()
                                key=|artifact| artifact.id.clone()
                                children=move |artifact| {
                                    let label = artifact_label(&artifact);
                                    let id = artifact.id.clone();
                                    let name = Signal::derive(move || tf(k::REMOVE_LABEL, &[("artifact", &label)]));
                                    view! {
                                        <tr>
                                            <td class="wrap-anywhere">{artifact.title.clone().unwrap_or_else(|| "—".into())}</td>
                                            <td>{artifact.artifact_type.clone()}</td>
                                            <td><code class="truncate" title=artifact.id.clone()>{artifact.id.clone()}</code></td>
                                            <td>
                                                <button type="button" class="action" aria-label=name on:click=move |_| picker.remove(&id)>
                                                    {tr(k::REMOVE)}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// Announces what an entry added, for screen readers and sighted users alike.
pub fn added_sentence(artifact: &ArtifactRef) -> String {
    tf(k::ADDED_ONE, &[("artifact", &artifact_label(artifact))])
}
