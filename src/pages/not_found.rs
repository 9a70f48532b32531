use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page-header">
            <h1>"Page not found"</h1>
        </div>
        <div class="panel">
            <p>"There is nothing at this address. "<a href="/packages">"Go to Packages"</a></p>
        </div>
    }
}
