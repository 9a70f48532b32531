//! The header's language switch: re-renders the console in place (what is typed and open
//! stays), and is remembered on this device.

use leptos::prelude::*;

use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::common as k;
use crate::i18n::language::choose;
use crate::i18n::{locale, tf, tr, Locale};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    // Not an API write: a plain task and a signal cost less wasm than an Action.
    let pending = RwSignal::new(false);
    let change = move |wanted: Locale| {
        pending.set(true);
        leptos::task::spawn_local(async move {
            if let Err(reason) = choose(wanted).await {
                toasts.show(
                    tf(k::LANGUAGE_FAILED, &[("reason", &reason)]),
                    ToastVariant::Negative,
                );
            }
            pending.set(false);
        });
    };
    view! {
        <label class="language">
            {tr(k::LANGUAGE)}
            <select
                id="language-select"
                // Also after a failed switch (`pending` falls back): the language in use.
                prop:value=move || {
                    pending.track();
                    locale().code()
                }
                disabled=pending
                on:change=move |ev| {
                    if let Some(wanted) = Locale::of_tag(&event_target_value(&ev)) {
                        change(wanted);
                    }
                }
            >
                {Locale::ALL
                    .map(|option| view! {
                        <option value=option.code() lang=option.code()>{option.autonym()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
