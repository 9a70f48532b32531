//! Entry of many org IDs: typed or pasted text becomes one tag per ID, each checked, a bad
//! one explained on its tag and kept until the user removes it.

use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::i18n::keys::partners as k;
use crate::i18n::{tf, tn, tr};
use crate::state::org_ids::{split_org_list, EntryProblem};

/// One entry as the user wrote it; `key` tells tags apart, even two with the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgEntry {
    pub key: u64,
    pub text: String,
}

pub const INPUT_ID: &str = "org-id-input";

/// Turns the whole draft into entries and empties it.
pub fn commit_draft(entries: RwSignal<Vec<OrgEntry>>, draft: RwSignal<String>) {
    let text = draft.get_untracked();
    draft.set(String::new());
    append(entries, split_org_list(&text));
}

fn append(entries: RwSignal<Vec<OrgEntry>>, texts: Vec<String>) {
    if texts.is_empty() {
        return;
    }
    entries.update(|all| {
        let first_key = all.iter().map(|e| e.key + 1).max().unwrap_or(0);
        let added = (first_key..)
            .zip(texts)
            .map(|(key, text)| OrgEntry { key, text });
        all.extend(added);
    });
}

/// While typing, every ID followed by a separator becomes a tag and the unfinished rest stays
/// in the field; pasted text becomes tags all at once.
fn take_finished(
    entries: RwSignal<Vec<OrgEntry>>,
    draft: RwSignal<String>,
    value: String,
    pasted: bool,
) {
    let ends_with_separator = value
        .chars()
        .last()
        .is_some_and(|c| c == ',' || c == ';' || c.is_whitespace());
    let mut tokens = split_org_list(&value);
    let rest = if pasted || ends_with_separator {
        String::new()
    } else {
        tokens.pop().unwrap_or_default()
    };
    append(entries, tokens);
    draft.set(rest);
}

#[component]
pub fn OrgIdEntry(
    entries: RwSignal<Vec<OrgEntry>>,
    /// The check of each entry, in the same order.
    #[prop(into)]
    checks: Signal<Vec<Result<String, EntryProblem>>>,
    draft: RwSignal<String>,
    /// A problem with the list as a whole ("add at least one").
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let pasting = StoredValue::new(false);
    let check_of = move |key: u64| {
        let index = entries.with(|all| all.iter().position(|e| e.key == key));
        index.and_then(|i| checks.with(|c| c.get(i).cloned()))
    };
    let summary = move || {
        let (good, bad) = checks.with(|c| {
            let good = c.iter().filter(|r| r.is_ok()).count();
            (good, c.len() - good)
        });
        let to_ask = tn(k::TO_ASK, good as u64, &[]);
        match (good, bad) {
            (0, 0) => String::new(),
            (_, 0) => tf(k::SUMMARY, &[("to_ask", &to_ask)]),
            (_, bad) => tn(k::SUMMARY_UNSENDABLE, bad as u64, &[("to_ask", &to_ask)]),
        }
    };
    let remove = move |key: u64| {
        entries.update(|all| all.retain(|e| e.key != key));
        // The removed tag's button is gone: continue in the field.
        focus_by_id(INPUT_ID);
    };

    view! {
        <div class="field org-id-entry">
            <label for=INPUT_ID>{tr(k::ORG_IDS)}</label>
            <span class="help" id="org-id-help">{tr(k::ORG_IDS_HELP)}</span>
            <Show when=move || entries.with(|e| !e.is_empty())>
                <ul class="tag-list" aria-label=tr(k::TO_ASK_LIST)>
                    <For each=move || entries.get() key=|entry| entry.key let:entry>
                        {
                            let key = entry.key;
                            let check = move || check_of(key);
                            let text = entry.text.clone();
                            let shown = move || match check() {
                                Some(Ok(org_id)) => org_id,
                                _ => text.clone(),
                            };
                            let problem = move || check().and_then(Result::err).map(|p| p.message());
                            let remove_label = Signal::derive(move || tf(k::REMOVE_ENTRY, &[("org", &entry.text)]));
                            view! {
                                <li class="tag" class:invalid=move || problem().is_some()>
                                    <span class="tag-text">{shown}</span>
                                    {move || problem().map(|message| view! {
                                        <span class="tag-problem">{message}</span>
                                    })}
                                    <button
                                        type="button"
                                        class="quiet"
                                        aria-label=remove_label
                                        on:click=move |_| remove(key)
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <textarea
                id=INPUT_ID
                rows="2"
                autofocus
                spellcheck="false"
                autocomplete="off"
                aria-describedby="org-id-help org-id-summary org-id-error"
                aria-invalid=move || error.get().is_some().to_string()
                prop:value=move || draft.get()
                on:paste=move |_| pasting.set_value(true)
                on:input=move |ev| {
                    let pasted = pasting.get_value();
                    pasting.set_value(false);
                    take_finished(entries, draft, event_target_value(&ev), pasted);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Enter" && !ev.shift_key() {
                        ev.prevent_default();
                        commit_draft(entries, draft);
                    }
                }
                on:blur=move |_| commit_draft(entries, draft)
            ></textarea>
            <span class="help" id="org-id-summary" aria-live="polite">{summary}</span>
            <span class="error" id="org-id-error">{move || error.get()}</span>
        </div>
    }
}
