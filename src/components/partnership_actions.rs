//! Accept, Decline and Cancel on a partnership row, with the confirmations Decline and Cancel
//! ask for. The row updates in place with the record the server returns.

use std::collections::HashMap;

use exim_api::HandshakeRecord;
use leptos::prelude::*;

use crate::api::{handshakes, sandboxes, ApiClient, ApiError};
use crate::app::ConnectionContext;
use crate::components::dialog::Modal;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::state::connection::Connection;
use crate::state::partner_query::Direction;
use crate::state::partnership::{
    action_request, cancelled_thing, is_at_least_as_new, partner, row_actions, OwnOrg, RowAction,
};

/// What the user asked for on which partnership.
#[derive(Debug, Clone, PartialEq)]
struct Request {
    record: HandshakeRecord,
    direction: Direction,
    action: RowAction,
    reason: String,
}

/// State of the partnership actions of the Partners screen. Create it once with
/// [`PartnershipActions::new`] and render [`PartnershipDialogs`] once.
#[derive(Clone, Copy)]
pub struct PartnershipActions {
    /// The partnership waiting for a Decline or Cancel confirmation.
    confirming: RwSignal<Option<(HandshakeRecord, Direction, RowAction)>>,
    act: Action<Request, (Request, Result<HandshakeRecord, ApiError>)>,
    /// Records as changed on this screen, by id.
    updated: RwSignal<HashMap<String, HandshakeRecord>>,
}

impl PartnershipActions {
    pub fn new() -> Self {
        let context = expect_context::<ConnectionContext>();
        let act = Action::new_local(move |request: &Request| {
            let connection = context.0.get_untracked();
            let client = ApiClient::new(connection.clone());
            let request = request.clone();
            async move {
                let own = own_org(&client, &connection).await;
                let body = action_request(&request.record, request.action, &request.reason, &own);
                let result = handshakes::act(&client, &body).await;
                (request, result)
            }
        });
        let actions = PartnershipActions {
            confirming: RwSignal::new(None),
            act,
            updated: RwSignal::new(HashMap::new()),
        };
        actions.report_outcomes();
        actions
    }

    /// The record as last changed on this screen, unless a fetch brought a newer one.
    pub fn current(self, fetched: &HandshakeRecord) -> HandshakeRecord {
        self.updated.with(|all| match all.get(&fetched.id) {
            Some(changed) if is_at_least_as_new(changed, fetched) => changed.clone(),
            _ => fetched.clone(),
        })
    }

    fn start(self, record: HandshakeRecord, direction: Direction, action: RowAction) {
        if self.act.pending().get_untracked() {
            return;
        }
        self.act.value().set(None);
        match action {
            RowAction::Accept => {
                self.act.dispatch(Request {
                    record,
                    direction,
                    action,
                    reason: String::new(),
                });
            }
            RowAction::Decline | RowAction::Cancel => {
                self.confirming.set(Some((record, direction, action)));
            }
        }
    }

    /// A finished action updates the row, closes its confirmation, says so, and puts focus on
    /// the row's History button (the button used may be gone: the row's actions changed).
    fn report_outcomes(self) {
        let toasts = expect_context::<Toasts>();
        Effect::new(move |_| {
            let Some((request, outcome)) = self.act.value().get() else {
                return;
            };
            let who = partner_label(&request.record, request.direction);
            match outcome {
                Ok(record) => {
                    let id = record.id.clone();
                    self.updated.update(|all| {
                        all.insert(id.clone(), record);
                    });
                    self.confirming.set(None);
                    self.act.value().set(None);
                    toasts.show(success_message(&request, &who), ToastVariant::Positive);
                    focus_by_id(history_toggle_id(&id));
                }
                // An open confirmation shows the error itself, keeping the reason typed.
                Err(error)
                    if request.action == RowAction::Accept
                        || self.confirming.with_untracked(Option::is_none) =>
                {
                    self.act.value().set(None);
                    let verb = match request.action {
                        RowAction::Accept => format!("accept the request from {who}"),
                        RowAction::Decline => format!("decline the request from {who}"),
                        RowAction::Cancel => {
                            format!("cancel the {} with {who}", cancelled_thing(&request.record))
                        }
                    };
                    toasts.show(
                        format!("Couldn't {verb}: {}", error.user_message()),
                        ToastVariant::Negative,
                    );
                }
                Err(_) => {}
            }
        });
    }
}

fn success_message(request: &Request, who: &str) -> String {
    match (request.action, &request.record.status) {
        (RowAction::Accept, _) => format!("You are now partners with {who}"),
        (RowAction::Decline, _) => format!("Request from {who} declined"),
        (RowAction::Cancel, exim_api::HandshakeStatus::ApprovalPending) => {
            format!("Request to {who} cancelled")
        }
        (RowAction::Cancel, _) => format!("Partnership with {who} cancelled"),
    }
}

/// The id of a row's History button, the stable place for focus after an action.
pub fn history_toggle_id(record_id: &str) -> String {
    format!("history-toggle-{record_id}")
}

/// The partner's name, else its org ID.
pub fn partner_label(record: &HandshakeRecord, direction: Direction) -> String {
    let partner = partner(record, direction);
    partner.name.unwrap_or(partner.org_id)
}

/// Who we are when acting: the connection's org, in the region of the current sandbox.
async fn own_org(client: &ApiClient, connection: &Connection) -> OwnOrg {
    let region = sandboxes::list(client).await.ok().and_then(|list| {
        let current = list.iter().find(|s| s.name == connection.sandbox);
        current
            .or(list.first())
            .and_then(|sandbox| sandbox.region.clone())
    });
    OwnOrg {
        id: connection.org_id.trim().to_string(),
        name: connection.org_name.clone(),
        region,
    }
}

/// The buttons of one row, from what the current user may do with this partnership.
#[component]
pub fn PartnershipActionButtons(
    record: HandshakeRecord,
    direction: Direction,
    actions: PartnershipActions,
    #[prop(into)] can_act: Signal<bool>,
) -> impl IntoView {
    let who = partner_label(&record, direction);
    let accepting = {
        let id = record.id.clone();
        Memo::new(move |_| {
            actions.act.pending().get()
                && actions
                    .act
                    .input()
                    .with(|input| input.as_ref().is_some_and(|r| r.record.id == id))
        })
    };
    move || {
        if !can_act.get() {
            return None;
        }
        let buttons = row_actions(&record, direction)
            .into_iter()
            .map(|action| {
                let record = record.clone();
                let (label, aria_label, class) = match action {
                    RowAction::Accept => ("Accept".to_string(), format!("Accept the request from {who}"), "action"),
                    RowAction::Decline => ("Decline".to_string(), format!("Decline the request from {who}"), "action"),
                    RowAction::Cancel => {
                        let thing = cancelled_thing(&record);
                        (format!("Cancel {thing}"), format!("Cancel the {thing} with {who}"), "action negative")
                    }
                };
                let busy = move || accepting.get();
                view! {
                    <button
                        type="button"
                        class=class
                        aria-label=aria_label
                        disabled=move || action == RowAction::Accept && busy()
                        on:click=move |_| actions.start(record.clone(), direction, action)
                    >
                        {move || if action == RowAction::Accept && busy() { "Accepting…".to_string() } else { label.clone() }}
                    </button>
                }
            })
            .collect_view();
        Some(buttons)
    }
}

/// The Decline and Cancel confirmations (destructive: focus starts on the safe button).
#[component]
pub fn PartnershipDialogs(actions: PartnershipActions) -> impl IntoView {
    let confirming = actions.confirming;
    let act = actions.act;
    let reason = RwSignal::new(String::new());
    let reason_missing = RwSignal::new(false);
    // Each confirmation starts blank and without an old error.
    Effect::new(move |_| {
        if confirming.with(Option::is_some) {
            reason.set(String::new());
            reason_missing.set(false);
        }
    });
    let action = move || confirming.with(|c| c.as_ref().map(|(_, _, action)| *action));
    let is_open = move |wanted: RowAction| Signal::derive(move || action() == Some(wanted));
    let who = move || {
        confirming.with(|c| {
            c.as_ref()
                .map(|(record, direction, _)| partner_label(record, *direction))
                .unwrap_or_default()
        })
    };
    let thing = move || {
        confirming.with(|c| {
            c.as_ref()
                .map(|(record, _, _)| cancelled_thing(record))
                .unwrap_or("partnership")
        })
    };
    // Escape closes the native dialog at once, even while the answer is on its way; the
    // outcome is then reported by a toast.
    let close = move |()| {
        confirming.set(None);
        if !act.pending().get_untracked() {
            act.value().set(None);
        }
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if act.pending().get_untracked() {
            return;
        }
        let Some((record, direction, action)) = confirming.get_untracked() else {
            return;
        };
        let text = reason.get_untracked();
        if action == RowAction::Decline && text.trim().is_empty() {
            reason_missing.set(true);
            focus_by_id("decline-reason");
            return;
        }
        act.dispatch(Request {
            record,
            direction,
            action,
            reason: text,
        });
    };
    let error = move || {
        act.value()
            .get()
            .and_then(|(_, result)| result.err())
            .map(|error| view! { <ErrorAlert error /> })
    };
    // Shares go from source to target: say who loses what.
    let cancel_consequence = move || {
        confirming.with(|c| match c {
            Some((record, Direction::Outgoing, _)) if record.status == exim_api::HandshakeStatus::ApprovalPending => format!(
                "Your request to {} will be withdrawn. You will not be able to share packages with them unless you send a new request and they accept it.",
                partner_label(record, Direction::Outgoing)
            ),
            Some((record, Direction::Outgoing, _)) => format!(
                "You will no longer be able to share packages with {}. Packages already shared stay with them. To share again, send a new request.",
                partner_label(record, Direction::Outgoing)
            ),
            Some((record, Direction::Incoming, _)) => format!(
                "{} will no longer be able to share packages with you. Packages already shared with you stay in your organization.",
                partner_label(record, Direction::Incoming)
            ),
            None => String::new(),
        })
    };

    view! {
        <Modal
            id="decline-dialog"
            open=is_open(RowAction::Decline)
            on_close=close
            title=Signal::derive(move || format!("Decline the request from {}?", who()))
        >
            <form on:submit=confirm novalidate>
                <p>{move || format!("{} will see your reason in the partnership's history and will not be able to share packages with you.", who())}</p>
                <div class="field">
                    <label for="decline-reason">"Reason (required)"</label>
                    <textarea
                        id="decline-reason"
                        rows="3"
                        maxlength="4096"
                        required
                        aria-invalid=move || reason_missing.get().to_string()
                        aria-describedby="decline-reason-error"
                        prop:value=move || reason.get()
                        on:input=move |ev| {
                            reason.set(event_target_value(&ev));
                            reason_missing.set(false);
                        }
                    ></textarea>
                    <span class="error" id="decline-reason-error">
                        {move || reason_missing.get().then_some("Enter a reason for declining.")}
                    </span>
                </div>
                {error}
                <div class="dialog-actions">
                    <button type="button" autofocus on:click=move |_| close(())>"Cancel"</button>
                    <button type="submit" class="negative" id="confirm-decline" disabled=move || act.pending().get()>
                        {move || if act.pending().get() { "Declining…" } else { "Decline request" }}
                    </button>
                </div>
            </form>
        </Modal>
        <Modal
            id="cancel-partnership-dialog"
            open=is_open(RowAction::Cancel)
            on_close=close
            title=Signal::derive(move || format!("Cancel the {} with {}?", thing(), who()))
        >
            <form on:submit=confirm novalidate>
                <p>{cancel_consequence}</p>
                <div class="field">
                    <label for="cancel-reason">"Reason (optional)"</label>
                    <textarea
                        id="cancel-reason"
                        rows="2"
                        maxlength="4096"
                        prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))
                    ></textarea>
                </div>
                {error}
                <div class="dialog-actions">
                    <button type="button" autofocus on:click=move |_| close(())>{move || format!("Keep {}", thing())}</button>
                    <button type="submit" class="negative" id="confirm-cancel-partnership" disabled=move || act.pending().get()>
                        {move || if act.pending().get() { "Cancelling…".to_string() } else { format!("Cancel {}", thing()) }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
