use leptos::prelude::*;

use crate::state::status::{light_for, status_label};

/// A coloured dot and the status in words; `hint` explains it on hover and to screen readers.
#[component]
pub fn StatusLight(
    #[prop(into)] status: String,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let class = format!("status-light {}", light_for(&status).class());
    view! { <span class=class title=hint>{Signal::derive(move || status_label(&status))}</span> }
}
