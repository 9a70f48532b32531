//! Dates in tables and details: the local date (or date and time), the exact time on hover.
//!
//! The browser's `Date` breaks a moment down in the user's time zone; `state::format` writes it.

use js_sys::Date;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::format::{self, Fields, Moment};

/// Epoch milliseconds as calendar fields, local and UTC; None for an invalid time.
fn moment(epoch_ms: i64) -> Option<Moment> {
    let date = Date::new(&JsValue::from_f64(epoch_ms as f64));
    if date.get_time().is_nan() {
        return None;
    }
    let local = Fields {
        year: date.get_full_year() as i32,
        month: date.get_month() + 1,
        day: date.get_date(),
        hour: date.get_hours(),
        minute: date.get_minutes(),
        second: date.get_seconds(),
        millisecond: date.get_milliseconds(),
    };
    let utc = Fields {
        year: date.get_utc_full_year() as i32,
        month: date.get_utc_month() + 1,
        day: date.get_utc_date(),
        hour: date.get_utc_hours(),
        minute: date.get_utc_minutes(),
        second: date.get_utc_seconds(),
        millisecond: date.get_utc_milliseconds(),
    };
    Some(Moment {
        local,
        utc,
        // JavaScript counts the offset the other way round: minutes behind UTC.
        offset_minutes: -(date.get_timezone_offset() as i32),
    })
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
