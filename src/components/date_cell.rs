//! Dates in tables and details: the date (or date and time) in the user's locale, the exact
//! time with its zone and in UTC on hover.
//!
//! Texts that follow the language are `Signal<String>`s: every distinct closure in a view
//! brings its own rendering code into the wasm, a signal of a string shares one.

use leptos::prelude::*;

use crate::i18n::{date, date_time, exact_time};

/// A date in a table cell; nothing when there is none.
#[component]
pub fn DateCell(epoch_ms: Option<i64>) -> impl IntoView {
    let epoch_ms = epoch_ms?;
    Some(
        view! { <time title=Signal::derive(move || exact_time(epoch_ms))>{Signal::derive(move || date(epoch_ms))}</time> },
    )
}

/// A date with its time, for details and the rail; a dash when there is none.
#[component]
pub fn DateTime(epoch_ms: Option<i64>) -> impl IntoView {
    match epoch_ms {
        Some(epoch_ms) => view! {
            <time title=Signal::derive(move || exact_time(epoch_ms))>{Signal::derive(move || date_time(epoch_ms))}</time>
        }
        .into_any(),
        None => "—".into_any(),
    }
}
