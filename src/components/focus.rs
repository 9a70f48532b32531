//! Moving focus where the user continues, once the view has updated.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id on the next frame, after pending DOM updates.
pub fn focus_by_id(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}
