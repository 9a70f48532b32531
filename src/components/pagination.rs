use leptos::prelude::*;

use crate::i18n::catalog::{Plural, Text};
use crate::i18n::keys::common as k;
use crate::i18n::{number, tf, tn, tr};
use crate::state::list_query::{Paging, PAGE_SIZES};

/// "Showing 21–40 of 57", previous / next, and the page size.
#[component]
pub fn Pagination(
    #[prop(into)] paging: Signal<Paging>,
    #[prop(into)] total: Signal<u64>,
    /// Another page, or the first page of another size.
    #[prop(into)]
    on_paging: Callback<Paging>,
    /// What is counted, with its count ("{count} packages").
    noun: Plural,
    /// Names the navigation when a screen has more than one list ("Pages of outgoing requests").
    #[prop(optional)]
    label: Option<Text>,
) -> impl IntoView {
    let page = move || paging.get().page;
    let pages = move || {
        let size = u64::from(paging.get().size.max(1));
        total.get().div_ceil(size).max(1) as u32
    };
    let range = move || {
        let total = total.get();
        let Paging { page, size } = paging.get();
        let first = u64::from(page.saturating_sub(1)) * u64::from(size) + 1;
        let last = (first + u64::from(size) - 1).min(total);
        let counted = tn(noun, total, &[]);
        if total <= u64::from(size) && page <= 1 {
            return tf(k::SHOWING_ALL, &[("total", &counted)]);
        }
        let (first, last) = (number(first), number(last));
        tf(
            k::SHOWING_RANGE,
            &[("first", &first), ("last", &last), ("total", &counted)],
        )
    };
    let go_to = move |page: u32| on_paging.run(paging.get_untracked().at(page));
    view! {
        <nav class="pagination" aria-label=tr(label.unwrap_or(k::PAGES))>
            <span class="range">{range}</span>
            <label class="page-size">
                {tr(k::PER_PAGE)}
                <select on:change=move |ev| {
                    if let Ok(size) = event_target_value(&ev).parse() {
                        on_paging.run(paging.get_untracked().resized(size));
                    }
                }>
                    {PAGE_SIZES
                        .map(|size| view! {
                            <option value=size.to_string() selected=move || paging.get().size == size>
                                {size.to_string()}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <button type="button" disabled=move || { page() <= 1 } on:click=move |_| go_to(paging.get_untracked().page - 1)>
                {tr(k::PREVIOUS)}
            </button>
            <span class="page-of">{Signal::derive(move || tf(k::PAGE_OF, &[("page", &number(page().into())), ("pages", &number(pages().into()))]))}</span>
            <button type="button" disabled=move || { page() >= pages() } on:click=move |_| go_to(paging.get_untracked().page + 1)>
                {tr(k::NEXT)}
            </button>
        </nav>
    }
}
