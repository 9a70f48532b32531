use leptos::prelude::*;

use crate::state::package_query::PAGE_SIZES;

/// "Showing 21–40 of 57", previous / next, and the page size.
#[component]
pub fn Pagination(
    #[prop(into)] page: Signal<u32>,
    #[prop(into)] page_size: Signal<u32>,
    #[prop(into)] total: Signal<u64>,
    #[prop(into)] on_page: Callback<u32>,
    #[prop(into)] on_page_size: Callback<u32>,
    /// What is counted, singular and plural ("package", "packages").
    noun: (&'static str, &'static str),
    /// Names the navigation when a screen has more than one list ("Pages of outgoing requests").
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let pages = move || {
        let size = u64::from(page_size.get().max(1));
        total.get().div_ceil(size).max(1) as u32
    };
    let range = move || {
        let total = total.get();
        let size = u64::from(page_size.get());
        let first = (u64::from(page.get()) - 1) * size + 1;
        let last = (first + size - 1).min(total);
        let (one, many) = noun;
        match total {
            0 => format!("No {many}"),
            1 => format!("Showing 1 {one}"),
            _ => format!("Showing {first}–{last} of {total} {many}"),
        }
    };
    view! {
        <nav class="pagination" aria-label=label.unwrap_or("Pages")>
            <span class="range">{range}</span>
            <label class="page-size">
                "Per page"
                <select on:change=move |ev| {
                    if let Ok(size) = event_target_value(&ev).parse() {
                        on_page_size.run(size);
                    }
                }>
                    {PAGE_SIZES
                        .map(|size| view! {
                            <option value=size.to_string() selected=move || page_size.get() == size>
                                {size.to_string()}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                disabled=move || { page.get() <= 1 }
                on:click=move |_| on_page.run(page.get_untracked() - 1)
            >
                "Previous"
            </button>
            <span class="page-of">{move || format!("Page {} of {}", page.get(), pages())}</span>
            <button
                type="button"
                disabled=move || { page.get() >= pages() }
                on:click=move |_| on_page.run(page.get_untracked() + 1)
            >
                "Next"
            </button>
        </nav>
    }
}
