//! An authoring action the package does not allow now: shown disabled, with the rule's reason
//! on hover and keyboard focus.

use leptos::prelude::*;

/// A button that opens an authoring dialog, or — with `blocked` — a disabled one that says
/// why (it stays focusable, so keyboard users reach the reason).
#[component]
pub fn AuthoringButton(
    #[prop(into)] id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The accessible name; starts with the label.
    #[prop(into)]
    name: Signal<String>,
    /// Why the action is not offered now.
    blocked: Option<String>,
    #[prop(into)] on_click: Callback<()>,
) -> impl IntoView {
    match blocked {
        None => view! {
            <button type="button" class="action" id=id aria-label=name on:click=move |_| on_click.run(())>
                {label}
            </button>
        }
        .into_any(),
        Some(reason) => {
            let hint = format!("{id}-hint");
            view! {
                <span class="has-tooltip blocked-action">
                    <button type="button" class="action" id=id aria-label=name aria-disabled="true" aria-describedby=hint.clone()>
                        {label}
                    </button>
                    <span role="tooltip" id=hint class="tooltip">{reason}</span>
                </span>
            }
            .into_any()
        }
    }
}
