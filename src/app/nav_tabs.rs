use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::prelude::*;
use web_sys::VisibilityState;

use crate::i18n::keys::common as k;
use crate::i18n::keys::partner as partner_keys;
use crate::i18n::{number, tn, tr};
use crate::pages::partners::pending_count::PendingRequests;

/// The main navigation. Only screens that exist are listed.
#[component]
pub fn NavTabs() -> impl IntoView {
    let pending = expect_context::<PendingRequests>();
    refresh_pending_count(pending);
    // The count is drawn by CSS from `data-pending`, so that the tab's text stays "Partners";
    // its accessible name starts with it ("Partners, 2 pending").
    let partners_label = Signal::derive(move || {
        pending
            .waiting()
            .map(|count| tn(partner_keys::TAB_PENDING, count, &[]))
    });
    view! {
        <nav class="tabs" aria-label=tr(k::NAV_MAIN)>
            <A href="/packages">{tr(k::NAV_PACKAGES)}</A>
            <A href="/sharing">{tr(k::NAV_SHARING)}</A>
            <A href="/jobs">{tr(k::NAV_JOBS)}</A>
            <span
                class="tab-with-count"
                data-pending=move || pending.waiting().map(number)
            >
                <A href="/partners" attr:aria-label=partners_label>{tr(k::NAV_PARTNERS)}</A>
            </span>
            <A href="/import">{tr(k::NAV_IMPORT)}</A>
            <A href="/connection">{tr(k::NAV_CONNECTION)}</A>
        </nav>
    }
}

/// Reads the count again on every move to another screen and whenever the browser tab is
/// shown again; the first read is the one made when the app starts.
fn refresh_pending_count(pending: PendingRequests) {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            pending.reload();
        }
        path
    });
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_visible = Closure::<dyn Fn()>::new(move || {
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == VisibilityState::Visible);
        if shown {
            pending.reload();
        }
    });
    // The navigation lives as long as the app: the listener is never removed.
    let _ = document
        .add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    on_visible.forget();
}
