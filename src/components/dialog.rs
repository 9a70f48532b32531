//! A modal dialog on the native `<dialog>` element: `showModal()` moves focus in, makes the page
//! inert, closes on Escape, and gives focus back to the opener when it closes.

use leptos::html;
use leptos::prelude::*;

/// Open while `open` is true. `title` labels the dialog; the first element with `autofocus`
/// receives focus (destructive confirmations put it on Cancel).
#[component]
pub fn Modal(
    open: Signal<bool>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] id: String,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        match (open.get(), element.open()) {
            (true, false) => {
                let _ = element.show_modal();
            }
            (false, true) => element.close(),
            _ => {}
        }
    });
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <dialog
            node_ref=dialog
            id=id
            class="modal"
            aria-labelledby=labelled_by
            on:close=move |_| on_close.run(())
        >
            <h2 id=title_id>{move || title.get()}</h2>
            {children()}
        </dialog>
    }
}
