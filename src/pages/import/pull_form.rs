//! The payload form of Import: checked while typing (after a pause) and on submit, then sent
//! as exactly `{imsOrgId, packageId}` to `POST /transfer/pullRequest`.

use exim_api::{PullRequest, TransferRecord};
use leptos::prelude::*;
use leptos_use_signal_debounce_throttle::signal_debounced;

use crate::api::{transfers, ApiError};
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::import as k;
use crate::i18n::{t, tf, tr};
use crate::pages::sharing::transfer_href;
use crate::session::ConnectionContext;
use crate::state::payload::{check_payload, PayloadCheck, PayloadPart};

const CHECK_DEBOUNCE_MS: f64 = 400.0;
const INPUT_ID: &str = "payload-input";
/// What a payload looks like, in the field's help: JSON, the same in every language.
const PAYLOAD_EXAMPLE: &str = r#"{"imsOrgId": "…@AdobeOrg", "packageId": "…"}"#;

#[component]
pub fn PullForm(
    /// Runs with the new transfer once a pull was accepted.
    #[prop(into)]
    on_pulled: Callback<TransferRecord>,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let text = RwSignal::new(String::new());
    let settled = signal_debounced(text, CHECK_DEBOUNCE_MS);
    let shown = RwSignal::new(None::<PayloadCheck>);
    // The text `shown` speaks of: a pause after a submit must not check the same text again
    // (and, for an empty field, take back what the submit said).
    let checked = RwSignal::new(String::new());
    // An empty field says nothing while typing; submitting it does.
    Effect::new(move |_| {
        let settled: String = settled.get();
        if checked.get_untracked() == settled {
            return;
        }
        shown.set((!settled.trim().is_empty()).then(|| check_payload(&settled)));
        checked.set(settled);
    });

    let pulled = RwSignal::new(None::<TransferRecord>);
    let refusal = RwSignal::new(None::<ApiError>);
    // Everything that follows the answer happens here: a toast, the field and its preview
    // empty, the success note takes focus; or the refusal shows with the text kept.
    let pull = Action::new_local(move |payload: &PullRequest| {
        let client = context.client_untracked();
        let payload = payload.clone();
        async move {
            match transfers::pull_request(&client, &payload).await {
                Ok(record) => {
                    let name = record
                        .package_name
                        .clone()
                        .unwrap_or_else(|| record.package_id.clone());
                    toasts.show(
                        tf(k::PULL_REQUESTED_TOAST, &[("package", &name)]),
                        ToastVariant::Positive,
                    );
                    // The field empties and so does what was read from it.
                    text.set(String::new());
                    checked.set(String::new());
                    shown.set(None);
                    pulled.set(Some(record.clone()));
                    on_pulled.run(record);
                    focus_by_id("pull-success-heading");
                }
                Err(error) => refusal.set(Some(error)),
            }
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pull.pending().get_untracked() {
            return;
        }
        let typed = text.get_untracked();
        let check = check_payload(&typed);
        checked.set(typed);
        let body = check.pull_request();
        shown.set(Some(check));
        match body {
            Some(body) => {
                pulled.set(None);
                refusal.set(None);
                pull.dispatch(body);
            }
            None => focus_by_id(INPUT_ID),
        }
    };
    let messages = move |part: PayloadPart| {
        move || {
            shown.with(|check| {
                check
                    .as_ref()
                    .map(|c| c.messages_for(part))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|message| view! { <li>{message}</li> })
                    .collect_view()
            })
        }
    };
    let invalid = move || shown.with(|c| c.as_ref().is_some_and(|c| !c.problems.is_empty()));
    // A field's value once read, a dash while there is nothing to say about it.
    let value_of = move |read: fn(&PayloadCheck) -> Option<String>, part: PayloadPart| {
        move || {
            let (value, has_messages) = shown.with(|c| match c {
                Some(check) => (read(check), !check.messages_for(part).is_empty()),
                None => (None, false),
            });
            match value {
                Some(value) => Some(view! { <code>{value}</code> }.into_any()),
                None if has_messages => None,
                None => Some(view! { <span class="muted">"—"</span> }.into_any()),
            }
        }
    };

    view! {
        <form class="panel pull-form" on:submit=submit novalidate aria-labelledby="pull-heading">
            <h2 id="pull-heading">{tr(k::PULL_HEADING)}</h2>
            <div class="field">
                <label for=INPUT_ID>{tr(k::PAYLOAD_LABEL)}</label>
                <span class="help" id="payload-help">
                    {tr(k::PAYLOAD_HELP)}" "
                    <code>{PAYLOAD_EXAMPLE}</code>
                    "."
                </span>
                <textarea
                    id=INPUT_ID
                    rows="6"
                    spellcheck="false"
                    autocomplete="off"
                    aria-describedby="payload-help payload-errors payload-org-errors payload-package-errors"
                    aria-invalid=move || invalid().to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <ul class="error-list" id="payload-errors">{messages(PayloadPart::Whole)}</ul>
            </div>
            <dl class="payload-fields">
                <dt>{tr(k::ORG_FIELD)}</dt>
                <dd>
                    {value_of(|c| c.ims_org_id.clone(), PayloadPart::OrgId)}
                    <ul class="error-list" id="payload-org-errors">{messages(PayloadPart::OrgId)}</ul>
                </dd>
                <dt>{tr(k::PACKAGE_FIELD)}</dt>
                <dd>
                    {value_of(|c| c.package_id.clone(), PayloadPart::PackageId)}
                    <ul class="error-list" id="payload-package-errors">{messages(PayloadPart::PackageId)}</ul>
                </dd>
            </dl>
            {move || refusal.get().map(|error| view! { <ErrorAlert error /> })}
            {move || pulled.get().map(|record| {
                let name = record.package_name.clone().unwrap_or_else(|| record.package_id.clone());
                let href = transfer_href(&record.id);
                view! {
                    <div class="inline-alert positive">
                        <h3 id="pull-success-heading" tabindex="-1">{tr(k::PULL_REQUESTED)}</h3>
                        <p>
                            {Signal::derive(move || tf(k::BEING_COPIED, &[("package", &name)]))}" "
                            <a href=href>{tr(k::FOLLOW_IN_SHARING)}</a>
                        </p>
                    </div>
                }
            })}
            <div class="actions">
                <button type="submit" class="primary" id="pull-button" disabled=move || pull.pending().get()>
                    {Signal::derive(move || t(if pull.pending().get() { k::PULLING } else { k::PULL_PACKAGE }))}
                </button>
            </div>
        </form>
    }
}
