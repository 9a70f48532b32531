use exim_api::JobStatus;
use leptos::prelude::*;

use crate::state::job_progress::job_status_words;
use crate::state::status::light_for;

/// A job's status light: notice while pending or in progress, positive once it succeeded,
/// negative when it failed, with the status in words.
#[component]
pub fn JobStatusLight(status: JobStatus) -> impl IntoView {
    let class = format!("status-light {}", light_for(status.as_str()).class());
    view! { <span class=class>{Signal::derive(move || job_status_words(&status))}</span> }
}
