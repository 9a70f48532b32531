//! The header's language switch: re-renders the console in place (what is typed and open
//! stays), and is remembered on this device.

use leptos::prelude::*;

use crate::i18n::keys::common as k;
use crate::i18n::language::choose;
use crate::i18n::{locale, tf, tr, Locale};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    // Not an API write: a plain task and two signals cost less wasm than an Action.
    let pending = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let change = move |wanted: Locale| {
        pending.set(true);
        leptos::task::spawn_local(async move {
            failed.set(choose(wanted).await.err());
            pending.set(false);
        });
    };
    let failure = move || {
        failed.get().map(|reason| {
            view! {
                <span class="language-error" role="alert">
                    {Signal::derive(move || tf(k::LANGUAGE_FAILED, &[("reason", &reason)]))}
                </span>
            }
        })
    };
    view! {
        <label class="language">
            {tr(k::LANGUAGE)}
            <select
                id="language-select"
                disabled=pending
                // Also after a failed switch: the select goes back to the language in use.
                prop:value=move || {
                    failed.track();
                    locale().code()
                }
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    if let Some(wanted) = Locale::of_tag(&code) {
                        change(wanted);
                    }
                }
            >
                {Locale::ALL
                    .map(|option| view! {
                        <option value=option.code() lang=option.code()>
                            {option.autonym()}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
        {failure}
    }
}
