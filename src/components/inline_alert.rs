use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::refresh::{retry_sentence, Refresh};

/// A negative InlineAlert for a failed call, with a Retry button when retrying makes sense.
/// With `recovery` (a read that retries by itself, see [`use_read`](crate::components::refresh::use_read)) it also
/// counts down to the next automatic try.
#[component]
pub fn ErrorAlert(
    error: ApiError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
    #[prop(optional)] recovery: Option<Refresh>,
) -> impl IntoView {
    let needs_connection = error.status() == Some(401);
    let countdown = move || {
        let wait = recovery?.seconds_until_retry()?;
        Some(view! { <p class="retry-countdown">{retry_sentence("Not loaded yet", wait)}</p> })
    };
    view! {
        <div class="inline-alert negative" role="alert">
            <h2>{error.headline()}</h2>
            <p>{error.user_message()}</p>
            {countdown}
            <div class="actions">
                {on_retry.map(|retry| view! {
                    <button type="button" class="primary" on:click=move |_| retry.run(())>"Retry"</button>
                })}
                {needs_connection.then(|| view! { <a href="/connection">"Open Connection"</a> })}
            </div>
        </div>
    }
}
