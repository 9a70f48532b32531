use leptos::prelude::*;

use crate::i18n::catalog::Text;
use crate::i18n::tr;
use crate::state::sorting::Sort;

/// A column header that sorts by `field` (APG sortable table: a button inside `th[aria-sort]`).
#[component]
pub fn SortHeader(
    field: &'static str,
    title: Text,
    #[prop(into)] sort: Signal<Sort>,
    #[prop(into)] on_sort: Callback<Sort>,
) -> impl IntoView {
    let arrow = move || match sort.get().aria_for(field) {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "",
    };
    view! {
        <th scope="col" aria-sort=move || sort.get().aria_for(field)>
            <button
                type="button"
                class="sort-button"
                on:click=move |_| on_sort.run(sort.get_untracked().toggled_by(field))
            >
                {tr(title)}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
