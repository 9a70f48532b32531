//! Toasts: short confirmations in one polite notifications region, at most three at a time.
//! Each can be dismissed and stays while it is hovered or focused; the page's end keeps room for
//! them, so whatever they cover can be scrolled out from under them.

use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

use crate::i18n::keys::common as k;
use crate::i18n::tr;

const VISIBLE_FOR: Duration = Duration::from_secs(6);
const AT_MOST: usize = 3;

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
    /// The toast under the pointer or holding focus: it does not time out.
    held: RwSignal<Option<u64>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    pub fn new() -> Self {
        Toasts {
            shown: RwSignal::new(Vec::new()),
            held: RwSignal::new(None),
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
            });
            // The oldest make room.
            let extra = all.len().saturating_sub(AT_MOST);
            all.drain(..extra);
        });
        self.expire_later(id);
    }

    /// Removes the toast after a while, unless it is held then (it expires after release).
    fn expire_later(self, id: u64) {
        set_timeout(
            move || {
                if self.held.get_untracked() != Some(id) {
                    self.dismiss(id);
                }
            },
            VISIBLE_FOR,
        );
    }

    fn hold(self, id: u64) {
        self.held.set(Some(id));
    }

    fn release(self, id: u64) {
        if self.held.get_untracked() == Some(id) {
            self.held.set(None);
            self.expire_later(id);
        }
    }

    /// Removes every notification: they belonged to who was signed in before.
    pub fn clear(&self) {
        self.shown.set(Vec::new());
    }

    fn dismiss(self, id: u64) {
        self.shown.update(|all| all.retain(|toast| toast.id != id));
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Toasts::new()
    }
}

/// The notifications region; screen readers hear each toast once. After it, in the page's
/// flow, room as tall as the toasts shown.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let region = NodeRef::<html::Section>::new();
    let room = RwSignal::new(0);
    // Measured once the toasts are laid out.
    Effect::new(move |_| {
        toasts.shown.track();
        request_animation_frame(move || {
            if let Some(region) = region.get_untracked() {
                room.set(region.offset_height());
            }
        });
    });
    view! {
        <section node_ref=region class="toasts" aria-label=tr(k::NOTIFICATIONS) role="status" aria-live="polite">
            <For each=move || toasts.shown.get() key=|toast| toast.id let:toast>
                <div
                    class=format!("toast {}", match toast.variant {
                        ToastVariant::Positive => "positive",
                        ToastVariant::Negative => "negative",
                    })
                    on:mouseenter=move |_| toasts.hold(toast.id)
                    on:mouseleave=move |_| toasts.release(toast.id)
                    on:focusin=move |_| toasts.hold(toast.id)
                    on:focusout=move |_| toasts.release(toast.id)
                >
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
        <div class="toast-room" aria-hidden="true" style:height=move || format!("{}px", room.get())></div>
    }
}
