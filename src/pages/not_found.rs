use leptos::prelude::*;

use crate::i18n::keys::common as k;
use crate::i18n::tr;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page-header">
            <h1>{tr(k::NOT_FOUND_TITLE)}</h1>
        </div>
        <div class="panel">
            <p>{tr(k::NOT_FOUND_TEXT)}" "<a href="/packages">{tr(k::GO_TO_PACKAGES)}</a></p>
        </div>
    }
}
