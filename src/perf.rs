//! Performance marks for `cargo xtask bench`: when a table's rows are painted, as a
//! `performance.mark(name)` that the benchmark reads back through the Performance API (its
//! `startTime` counts from navigation start).
//!
//! "Painted" is approximated: the mark is set by a task queued from the next animation frame's
//! callback, and Chromium runs that task after it has styled, laid out and painted the frame.
//! Another task queued meanwhile can make the mark a little late, never early.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};
use wasm_bindgen::{JsCast, JsValue};

/// Marks `name` once the DOM as it is now has been painted. Call it after rendering rows.
pub fn mark_after_paint(name: &'static str) {
    request_animation_frame(move || set_timeout(move || mark(name), Duration::ZERO));
}

/// `performance.mark(name)`, through `Reflect`: the web-sys `Performance` feature would
/// rebuild web-sys and everything on it for this one call. Does nothing where it is missing.
fn mark(name: &str) {
    let Ok(performance) =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
    else {
        return;
    };
    let mark = js_sys::Reflect::get(&performance, &JsValue::from_str("mark")).ok();
    if let Some(mark) = mark
        .as_ref()
        .and_then(|mark| mark.dyn_ref::<js_sys::Function>())
    {
        let _ = mark.call1(&performance, &JsValue::from_str(name));
    }
}
