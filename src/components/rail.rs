//! What every right rail does alike (Sharing status, Jobs): opening it moves focus to its
//! heading, Escape or × closes it, and closing gives focus back to the row it belongs to.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// The rail's behaviour: call `close` from its × button, put `on_keydown` on the `<aside>` and
/// `heading` on its `<h2>`.
pub struct RailBehaviour {
    pub close: Callback<()>,
    pub on_keydown: Callback<leptos::ev::KeyboardEvent>,
    pub heading: NodeRef<html::H2>,
}

/// `id`: the shown record; `list_href`: where closing goes; `row_link`: the CSS selector of the
/// link in the record's row, which gets the focus back.
pub fn use_rail(
    id: Memo<String>,
    list_href: impl Fn() -> String + Send + Sync + 'static,
    row_link: impl Fn(&str) -> String + Send + Sync + 'static,
) -> RailBehaviour {
    let navigate = use_navigate();
    let close = Callback::new(move |()| {
        let selector = row_link(&id.get_untracked());
        navigate(&list_href(), Default::default());
        request_animation_frame(move || {
            if let Some(link) = document().query_selector(&selector).ok().flatten() {
                if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                    let _ = link.focus();
                }
            }
        });
    });
    let on_keydown = Callback::new(move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close.run(());
        }
    });
    let heading = NodeRef::<html::H2>::new();
    // Opening the rail moves focus to its heading, so screen readers start there.
    Effect::new(move |_| {
        id.track();
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    RailBehaviour {
        close,
        on_keydown,
        heading,
    }
}
