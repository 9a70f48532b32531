//! The header's language switch: re-renders the console in place (what is typed and open
//! stays), and is remembered on this device.

use leptos::prelude::*;

use crate::i18n::keys::common as k;
use crate::i18n::language::choose;
use crate::i18n::{locale, tf, tr, Locale};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let change = Action::new_local(|wanted: &Locale| choose(*wanted));
    let failure = move || {
        let Some(Err(reason)) = change.value().get() else {
            return None;
        };
        Some(view! {
            <span class="language-error" role="alert">
                {move || tf(k::LANGUAGE_FAILED, &[("reason", &reason)])}
            </span>
        })
    };
    view! {
        <label class="language">
            {tr(k::LANGUAGE)}
            <select
                id="language-select"
                disabled=move || change.pending().get()
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    if let Some(wanted) = Locale::of_tag(&code) {
                        change.dispatch(wanted);
                    }
                }
            >
                {Locale::ALL
                    .map(|option| view! {
                        <option value=option.code() lang=option.code() selected=move || locale() == option>
                            {option.autonym()}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
        {failure}
    }
}
