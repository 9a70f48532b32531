use leptos::prelude::*;
use leptos_use_signal_debounce_throttle::signal_debounced;

use crate::i18n::catalog::Text;
use crate::i18n::tr;

const DEBOUNCE_MS: f64 = 300.0;

/// A search field with a visible label (a placeholder is only an example) whose value lives in
/// the URL: `on_search` runs after a short pause in typing,
/// and the field follows the URL (Back/Forward) unless the user is still typing.
#[component]
pub fn SearchBox(
    id: &'static str,
    label: Text,
    placeholder: Text,
    /// The search as the URL has it.
    #[prop(into)]
    current: Signal<String>,
    #[prop(into)] on_search: Callback<String>,
) -> impl IntoView {
    let text = RwSignal::new(current.get_untracked());
    let settled: Signal<String> = signal_debounced(text, DEBOUNCE_MS);
    Effect::new(move |_| {
        let from_url = current.get();
        let typing = settled.get_untracked() != text.get_untracked();
        if !typing && text.get_untracked() != from_url {
            text.set(from_url);
        }
    });
    Effect::new(move |_| {
        let wanted = settled.get();
        if current.get_untracked() != wanted {
            on_search.run(wanted);
        }
    });
    view! {
        <div class="search">
            <label for=id>{tr(label)}</label>
            <input
                type="search"
                id=id
                placeholder=tr(placeholder)
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
        </div>
    }
}
