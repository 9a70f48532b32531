//! Toasts: short confirmations in one polite notifications region.

use leptos::prelude::*;
use std::time::Duration;

use crate::i18n::keys::common as k;
use crate::i18n::tr;

const VISIBLE_FOR: Duration = Duration::from_secs(6);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastVariant {
    Positive,
    Negative,
}

#[derive(Debug, Clone, PartialEq)]
struct Toast {
    id: u64,
    message: String,
    variant: ToastVariant,
}

/// Shows toasts; provided once by the app shell.
#[derive(Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    pub fn new() -> Self {
        Toasts {
            shown: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    pub fn show(&self, message: impl Into<String>, variant: ToastVariant) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.shown.update(|all| {
            all.push(Toast {
                id,
                message: message.into(),
                variant,
            })
        });
        let shown = self.shown;
        set_timeout(
            move || shown.update(|all| all.retain(|toast| toast.id != id)),
            VISIBLE_FOR,
        );
    }

    /// Removes every notification: they belonged to who was signed in before.
    pub fn clear(&self) {
        self.shown.set(Vec::new());
    }

    fn dismiss(&self, id: u64) {
        self.shown.update(|all| all.retain(|toast| toast.id != id));
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Toasts::new()
    }
}

/// The notifications region; screen readers hear each toast once.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    view! {
        <section class="toasts" aria-label=tr(k::NOTIFICATIONS) role="status" aria-live="polite">
            <For each=move || toasts.shown.get() key=|toast| toast.id let:toast>
                <div class=format!("toast {}", match toast.variant {
                    ToastVariant::Positive => "positive",
                    ToastVariant::Negative => "negative",
                })>
                    <span>{toast.message.clone()}</span>
                    <button
                        type="button"
                        class="quiet"
                        aria-label=tr(k::DISMISS_NOTIFICATION)
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </section>
    }
}
