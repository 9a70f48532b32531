//! Dates in tables and details: the local date (or date and time), the exact time on hover.

use leptos::prelude::*;

use crate::state::format::{exact_time, local_date, local_date_time};

/// A date in a table cell; nothing when there is none.
#[component]
pub fn DateCell(epoch_ms: Option<i64>) -> impl IntoView {
    epoch_ms.map(|ms| view! { <time title=exact_time(ms)>{local_date(ms)}</time> })
}

/// A date with its time, for details and the rail; a dash when there is none.
#[component]
pub fn DateTime(epoch_ms: Option<i64>) -> impl IntoView {
    match epoch_ms {
        Some(ms) => view! { <time title=exact_time(ms)>{local_date_time(ms)}</time> }.into_any(),
        None => "—".into_any(),
    }
}
