//! The three ways to choose artifacts — from the sandbox's objects, by type and ID, or by
//! pasting a list — as tabs (APG tabs, automatic activation), above the chosen ones.

use leptos::prelude::*;

use super::artifact_entry::ArtifactEntry;
use super::artifact_paste::ArtifactPaste;
use super::chosen_artifacts::{ChosenArtifacts, ChosenArtifactsTable};
use super::object_browser::ObjectBrowser;
use crate::components::focus::focus_by_id;
use crate::i18n::catalog::Text;
use crate::i18n::keys::authoring as k;
use crate::i18n::tr;

#[derive(Clone, Copy, PartialEq, Eq)]
enum PickerTab {
    Sandbox,
    ById,
    Paste,
}

impl PickerTab {
    const ALL: [PickerTab; 3] = [PickerTab::Sandbox, PickerTab::ById, PickerTab::Paste];

    fn id(self) -> &'static str {
        match self {
            PickerTab::Sandbox => "picker-tab-sandbox",
            PickerTab::ById => "picker-tab-id",
            PickerTab::Paste => "picker-tab-paste",
        }
    }

    fn label(self) -> Text {
        match self {
            PickerTab::Sandbox => k::TAB_SANDBOX,
            PickerTab::ById => k::TAB_ID,
            PickerTab::Paste => k::TAB_PASTE,
        }
    }

    /// The tab an arrow, Home or End key moves to from this one.
    fn moved(self, key: &str) -> Option<PickerTab> {
        let index = PickerTab::ALL.iter().position(|tab| *tab == self)?;
        let last = PickerTab::ALL.len() - 1;
        let next = match key {
            "ArrowRight" => (index + 1) % PickerTab::ALL.len(),
            "ArrowLeft" => (index + last) % PickerTab::ALL.len(),
            "Home" => 0,
            "End" => last,
            _ => return None,
        };
        Some(PickerTab::ALL[next])
    }
}

#[component]
pub fn ArtifactPicker(picker: ChosenArtifacts, sandbox: String) -> impl IntoView {
    let selected = RwSignal::new(PickerTab::Sandbox);
    let tab = move |tab: PickerTab| {
        let is_selected = move || selected.get() == tab;
        view! {
            <button
                type="button"
                role="tab"
                id=tab.id()
                class="picker-tab"
                aria-selected=move || is_selected().to_string()
                aria-controls="picker-panel"
                tabindex=move || if is_selected() { "0" } else { "-1" }
                on:click=move |_| selected.set(tab)
                on:keydown=move |ev| {
                    if let Some(next) = tab.moved(&ev.key()) {
                        ev.prevent_default();
                        selected.set(next);
                        focus_by_id(next.id());
                    }
                }
            >
                {tr(tab.label())}
            </button>
        }
    };
    let panel = move || match selected.get() {
        PickerTab::Sandbox => view! { <ObjectBrowser picker sandbox=sandbox.clone() /> }.into_any(),
        PickerTab::ById => view! { <ArtifactEntry picker /> }.into_any(),
        PickerTab::Paste => view! { <ArtifactPaste picker /> }.into_any(),
    };
    view! {
        <div class="artifact-picker">
            <div role="tablist" class="picker-tabs" aria-label=tr(k::PICKER_LABEL)>
                {PickerTab::ALL.into_iter().map(tab).collect_view()}
            </div>
            <div
                role="tabpanel"
                id="picker-panel"
                class="picker-panel"
                aria-labelledby=move || selected.get().id()
            >
                {panel}
            </div>
            <ChosenArtifactsTable picker />
        </div>
    }
}
