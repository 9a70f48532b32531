//! Dates in tables and details: the local date (or date and time), the exact time on hover.
//!
//! The browser's `Date` gives the user's time zone offset at a moment; `state::format` does the
//! calendar and the words.

use js_sys::Date;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::format::{self, Moment};

/// Epoch milliseconds as calendar fields, local and UTC; None for a time `Date` cannot hold.
fn moment(epoch_ms: i64) -> Option<Moment> {
    let date = Date::new(&JsValue::from_f64(epoch_ms as f64));
    // JavaScript counts the offset the other way round: minutes behind UTC. NaN (an invalid
    // time) fails the conversion.
    let behind = date.get_timezone_offset();
    behind
        .is_finite()
        .then(|| Moment::at(epoch_ms, -(behind as i32)))
}

/// "2024-05-19 14:03", or a dash for an invalid time.
pub fn local_date_time(epoch_ms: i64) -> String {
    moment(epoch_ms).map_or_else(|| "—".to_string(), |m| format::local_date_time(&m))
}

/// "2024-05-19 16:03:32 +02:00 (2024-05-19 14:03:32.105 UTC)", for hover titles.
pub fn exact_time(epoch_ms: i64) -> String {
    moment(epoch_ms).map_or_else(|| "unknown time".to_string(), |m| format::exact_time(&m))
}

/// A date in a table cell; nothing when there is none.
#[component]
pub fn DateCell(epoch_ms: Option<i64>) -> impl IntoView {
    let moment = epoch_ms.and_then(moment)?;
    Some(view! { <time title=format::exact_time(&moment)>{format::local_date(&moment)}</time> })
}

/// A date with its time, for details and the rail; a dash when there is none.
#[component]
pub fn DateTime(epoch_ms: Option<i64>) -> impl IntoView {
    match epoch_ms.and_then(moment) {
        Some(moment) => view! {
            <time title=format::exact_time(&moment)>{format::local_date_time(&moment)}</time>
        }
        .into_any(),
        None => "—".into_any(),
    }
}
