use leptos::prelude::*;
use leptos_router::components::A;

/// The main navigation. Only screens that exist are listed.
#[component]
pub fn NavTabs() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="Main">
            <A href="/packages">"Packages"</A>
            <A href="/sharing">"Sharing status"</A>
            <A href="/partners">"Partners"</A>
            <A href="/import">"Import"</A>
            <A href="/connection">"Connection"</A>
        </nav>
    }
}
