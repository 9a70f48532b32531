//! Multi-select partner picker: an APG combobox with a listbox of suggestions, and the chosen
//! organizations as removable tags.
//!
//! Keys: ArrowDown/ArrowUp move through suggestions (opening the list), Enter adds the active
//! suggestion and clears the input, Escape closes the list, Backspace on an empty input removes
//! the last tag.

use leptos::prelude::*;
use leptos_use_signal_debounce_throttle::signal_debounced;

use crate::i18n::keys::packages as k;
use crate::i18n::{t, tf, tr};
use crate::state::partner_filter::{suggestions, Partner};
use crate::state::partner_workspace::partner_href;

const TYPING_DEBOUNCE_MS: f64 = 150.0;

#[component]
pub fn OrgPicker(
    #[prop(into)] partners: Signal<Vec<Partner>>,
    selected: RwSignal<Vec<Partner>>,
    /// Id of the input, for the label that names it.
    id: &'static str,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let settled: Signal<String> = signal_debounced(typed, TYPING_DEBOUNCE_MS);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let listbox_id = format!("{id}-listbox");
    let matches = Memo::new(move |_| {
        partners.with(|all| {
            selected.with(|chosen| {
                settled.with(|text| {
                    suggestions(all, chosen, text)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    // A new list of suggestions starts with its first entry active.
    Effect::new(move |_| {
        let count = matches.with(Vec::len);
        active.set((count > 0).then_some(0));
    });

    let add = move |partner: Partner| {
        selected.update(|chosen| chosen.push(partner));
        typed.set(String::new());
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = matches.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                if !open.get_untracked() {
                    open.set(true);
                    return;
                }
                if count == 0 {
                    return;
                }
                let step = if ev.key() == "ArrowDown" {
                    1
                } else {
                    count - 1
                };
                active.update(|a| *a = Some(a.map_or(0, |i| (i + step) % count)));
            }
            "Enter" => {
                ev.prevent_default();
                let chosen = active
                    .get_untracked()
                    .and_then(|i| matches.with_untracked(|m| m.get(i).cloned()));
                if let (true, Some(partner)) = (open.get_untracked(), chosen) {
                    add(partner);
                }
            }
            "Escape" if open.get_untracked() => {
                // Closing the list must not also close the dialog around the picker.
                ev.prevent_default();
                ev.stop_propagation();
                open.set(false);
            }
            "Backspace" if typed.with_untracked(String::is_empty) => {
                selected.update(|chosen| {
                    chosen.pop();
                });
            }
            _ => {}
        }
    };
    let option_id = move |index: usize| format!("{id}-option-{index}");
    let listbox_for_input = listbox_id.clone();

    view! {
        <div class="org-picker">
            <ul class="tags" aria-label=tr(k::SELECTED_ORGS)>
                <For each=move || selected.get() key=|partner| partner.org_id.clone() let:partner>
                    <li class="tag">
                        // A link, not a control of the combobox: the picker's keys are the input's.
                        <a class="tag-name" href=partner_href(&partner.org_id)>{partner.name.clone()}</a>
                        <button
                            type="button"
                            class="quiet"
                            aria-label={
                                let name = partner.name.clone();
                                Signal::derive(move || tf(k::REMOVE_ORG, &[("org", &name)]))
                            }
                            on:click={
                                let org_id = partner.org_id.clone();
                                move |_| selected.update(|chosen| chosen.retain(|p| p.org_id != org_id))
                            }
                        >
                            "×"
                        </button>
                    </li>
                </For>
            </ul>
            <div class="combobox">
                <input
                    id=id
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-controls=listbox_for_input
                    aria-expanded=move || open.get().to_string()
                    aria-activedescendant=move || {
                        open.get().then(|| active.get().map(option_id)).flatten().unwrap_or_default()
                    }
                    placeholder=tr(k::PICKER_PLACEHOLDER)
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        open.set(true);
                    }
                    on:focus=move |_| open.set(true)
                    on:blur=move |_| open.set(false)
                    on:keydown=on_keydown
                />
                <ul
                    id=listbox_id
                    role="listbox"
                    aria-label=tr(k::APPROVED_PARTNERS)
                    class="listbox"
                    hidden=move || !open.get() || matches.with(Vec::is_empty)
                >
                    {move || {
                        matches
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(index, partner)| {
                                let is_active = move || active.get() == Some(index);
                                let chosen = partner.clone();
                                view! {
                                    <li
                                        id=option_id(index)
                                        role="option"
                                        aria-selected=move || is_active().to_string()
                                        class:active=is_active
                                        // mousedown, not click: it fires before the input's blur closes the list.
                                        on:mousedown=move |ev| {
                                            ev.prevent_default();
                                            add(chosen.clone());
                                        }
                                    >
                                        <span class="option-name">{partner.name.clone()}</span>
                                        <small>{partner.org_id.clone()}</small>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <p class="picker-status" aria-live="polite">
                    {move || {
                        let nothing_typed = settled.with(|t| t.trim().is_empty());
                        (open.get() && matches.with(Vec::is_empty) && !partners.with(Vec::is_empty))
                            .then(|| t(if nothing_typed { k::ALL_PARTNERS_SELECTED } else { k::NO_PARTNER_MATCH }))
                    }}
                </p>
            </div>
        </div>
    }
}
