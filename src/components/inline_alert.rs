use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::refresh::{retry_sentence, Refresh};
use crate::i18n::keys::common as k;
use crate::i18n::{t, tr};

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
    // What does not exist will not exist on a second try either.
    let on_retry = on_retry.filter(|_| error.status() != Some(404));
    let headline = {
        let error = error.clone();
        Signal::derive(move || error.headline())
    };
    let countdown = move || {
        let wait = recovery?.seconds_until_retry()?;
        Some(view! { <p class="retry-countdown">{retry_sentence(&t(k::NOT_LOADED_YET), wait)}</p> })
    };
    view! {
        <div class="inline-alert negative" role="alert">
            <h2>{headline}</h2>
            <p>{Signal::derive(move || error.user_message())}</p>
            {countdown}
            <div class="actions">
                {on_retry.map(|retry| view! {
                    <button type="button" class="primary" on:click=move |_| retry.run(())>{tr(k::RETRY)}</button>
                })}
                {needs_connection.then(|| view! { <a href="/connection">{tr(k::OPEN_CONNECTION)}</a> })}
            </div>
        </div>
    }
}
