use leptos::prelude::*;

use crate::api::ApiError;

/// A negative InlineAlert for a failed call, with a Retry button when retrying makes sense.
#[component]
pub fn ErrorAlert(
    error: ApiError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let needs_connection = error.status() == Some(401);
    view! {
        <div class="inline-alert negative" role="alert">
            <h2>{error.headline()}</h2>
            <p>{error.user_message()}</p>
            <div class="actions">
                {on_retry.map(|retry| view! {
                    <button type="button" class="primary" on:click=move |_| retry.run(())>"Retry"</button>
                })}
                {needs_connection.then(|| view! { <a href="/connection">"Open Connection"</a> })}
            </div>
        </div>
    }
}
