//! "New partnership request": many org IDs checked before sending, one `bulkCreate`, and the
//! result per organization.

use exim_api::{BulkCreateRequest, SourceOrgDetails};
use leptos::prelude::*;

use super::org_id_entry::{commit_draft, OrgEntry, OrgIdEntry, INPUT_ID};
use crate::api::{handshakes, ApiClient, ApiError};
use crate::components::dialog::Modal;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::{common, partners as k};
use crate::i18n::{t, tf, tn, tr};
use crate::session::ConnectionContext;
use crate::state::org_ids::{check_entries, RequestContext};
use crate::state::request_outcome::{outcomes, RequestOutcome};

#[component]
pub fn PartnershipRequestDialog(
    open: RwSignal<bool>,
    /// Runs when at least one request was made.
    #[prop(into)]
    on_sent: Callback<()>,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let entries = RwSignal::new(Vec::<OrgEntry>::new());
    let draft = RwSignal::new(String::new());
    let list_error = RwSignal::new(None::<String>);
    let results = RwSignal::new(Vec::<RequestOutcome>::new());

    // Our pending and approved requests, fetched afresh each time the dialog opens. When they
    // cannot be fetched the server still refuses a repeated request, with its own message.
    let existing = LocalResource::new(move || {
        let opened = open.get();
        let client = context.client();
        async move {
            if opened {
                handshakes::active_outgoing(&client)
                    .await
                    .unwrap_or_default()
            } else {
                Vec::new()
            }
        }
    });
    let request_context = Memo::new(move |_| {
        let own = context.0.with(|c| c.org_id.clone());
        existing.with(|outgoing| RequestContext::new(&own, outgoing.as_deref().unwrap_or(&[])))
    });
    let checks = Signal::derive(move || {
        let texts: Vec<String> = entries.with(|all| all.iter().map(|e| e.text.clone()).collect());
        request_context.with(|ctx| check_entries(&texts, ctx))
    });

    let refusal = RwSignal::new(None::<ApiError>);
    // Everything that follows the answer happens here: requests made leave the list (refused
    // and unsent entries stay for the user to fix), the result per organization shows, and a
    // toast counts the requests made. A refusal of the whole request shows in the dialog, or
    // as a toast when the dialog was closed meanwhile.
    let send = Action::new_local(move |org_ids: &Vec<String>| {
        let connection = context.0.get_untracked();
        let name = if connection.org_name.trim().is_empty() {
            connection.org_id.trim().to_string()
        } else {
            connection.org_name.clone()
        };
        let request = BulkCreateRequest {
            target_ims_org_ids: org_ids.clone(),
            source_ims_details: SourceOrgDetails {
                id: connection.org_id.trim().to_string(),
                name,
            },
        };
        let client = ApiClient::new(connection);
        let sent = org_ids.clone();
        async move {
            let response = match handshakes::bulk_create(&client, &request).await {
                Ok(response) => response,
                Err(error) if open.get_untracked() => {
                    refusal.set(Some(error));
                    return;
                }
                Err(error) => {
                    toasts.show(
                        tf(k::SEND_FAILED, &[("problem", &error.user_message())]),
                        ToastVariant::Negative,
                    );
                    return;
                }
            };
            let answered = outcomes(&sent, &response);
            let made: Vec<String> = answered
                .iter()
                .filter(|o| o.result.is_ok())
                .map(|o| o.org_id.clone())
                .collect();
            entries.update(|all| {
                all.retain(|entry| {
                    crate::state::org_ids::normalize_org_id(&entry.text)
                        .map_or(true, |id| !made.contains(&id))
                })
            });
            results.set(answered);
            if !made.is_empty() {
                toasts.show(
                    tn(k::REQUESTS_SENT, made.len() as u64, &[]),
                    ToastVariant::Positive,
                );
                existing.refetch();
                on_sent.run(());
            }
            focus_by_id("request-results-heading");
        }
    });

    // Each opening starts afresh: Cancel and Escape discard the draft, its entries, results
    // and errors.
    Effect::new(move |_| {
        if open.get() {
            entries.set(Vec::new());
            draft.set(String::new());
            results.set(Vec::new());
            list_error.set(None);
            refusal.set(None);
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        commit_draft(entries, draft);
        let valid: Vec<String> = checks
            .get_untracked()
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        if valid.is_empty() {
            list_error.set(Some(t(if entries.with_untracked(Vec::is_empty) {
                k::ENTER_ONE
            } else {
                k::NONE_SENDABLE
            })));
            focus_by_id(INPUT_ID);
            return;
        }
        list_error.set(None);
        refusal.set(None);
        results.set(Vec::new());
        send.dispatch(valid);
    };
    // Escape closes the native dialog at once, even while sending; the outcome then comes as
    // a toast.
    let close = move |()| open.set(false);
    let error = move || refusal.get().map(|error| view! { <ErrorAlert error /> });

    view! {
        <Modal
            id="partnership-request-dialog"
            open=Signal::derive(move || open.get())
            on_close=close
            title=tr(k::NEW_REQUEST)
        >
            <form on:submit=submit novalidate>
                <p>{tr(k::REQUEST_INTRO)}</p>
                <OrgIdEntry entries checks draft error=Signal::derive(move || list_error.get()) />
                {error}
                <Show when=move || results.with(|r| !r.is_empty())>
                    <section class="request-results" aria-labelledby="request-results-heading">
                        <h3 id="request-results-heading" tabindex="-1">{tr(k::RESULT)}</h3>
                        <ul>
                            {move || results.get().into_iter().map(|outcome| match outcome.result {
                                Ok(()) => {
                                    // The org ID keeps its code style wherever the language puts it.
                                    let sentence = t(k::REQUEST_SENT_TO);
                                    let (before, after) = sentence.split_once("{org}").unwrap_or((&sentence, ""));
                                    view! {
                                        <li class="outcome sent">{before.to_string()}<code>{outcome.org_id}</code>{after.to_string()}</li>
                                    }.into_any()
                                }
                                Err(reason) => view! {
                                    <li class="outcome refused"><code>{outcome.org_id}</code>" "{tf(k::NOT_SENT, &[("reason", &reason)])}</li>
                                }.into_any(),
                            }).collect_view()}
                        </ul>
                    </section>
                </Show>
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| close(())>
                        {Signal::derive(move || t(if results.with(Vec::is_empty) { common::CANCEL } else { common::CLOSE }))}
                    </button>
                    <button type="submit" class="primary" id="send-request-button" disabled=move || send.pending().get()>
                        {Signal::derive(move || t(if send.pending().get() { k::SENDING } else { k::SEND_REQUEST }))}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
