use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::keys::common as k;
use crate::i18n::tr;

/// The main navigation. Only screens that exist are listed.
#[component]
pub fn NavTabs() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label=tr(k::NAV_MAIN)>
            <A href="/packages">{tr(k::NAV_PACKAGES)}</A>
            <A href="/sharing">{tr(k::NAV_SHARING)}</A>
            <A href="/jobs">{tr(k::NAV_JOBS)}</A>
            <A href="/partners">{tr(k::NAV_PARTNERS)}</A>
            <A href="/import">{tr(k::NAV_IMPORT)}</A>
            <A href="/connection">{tr(k::NAV_CONNECTION)}</A>
        </nav>
    }
}
