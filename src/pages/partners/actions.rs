//! Accept, Decline and Cancel on a partnership row, with the confirmations Decline and Cancel
//! ask for. The row updates in place with the record the server returns.

use exim_api::HandshakeRecord;
use leptos::prelude::*;

use super::pending_count::PendingRequests;
use crate::api::{handshakes, ApiClient, ApiError};
use crate::components::dialog::Modal;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::catalog::Text;
use crate::i18n::keys::{common, partners as k};
use crate::i18n::{t, tf, tr};
use crate::session::{ConnectionContext, SandboxList};
use crate::state::connection::Connection;
use crate::state::partner_query::Direction;
use crate::state::partnership::{
    action_request, cancelled_thing, partner, row_actions, Cancelled, OwnOrg, RowAction,
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
    /// Why the confirmed action failed, shown in its confirmation.
    refusal: RwSignal<Option<ApiError>>,
    act: Action<Request, ()>,
}

impl PartnershipActions {
    /// `on_changed` receives the record as the server returned it after an action.
    pub fn new(on_changed: Callback<(Direction, HandshakeRecord)>) -> Self {
        let context = expect_context::<ConnectionContext>();
        let sandboxes = expect_context::<SandboxList>();
        let toasts = expect_context::<Toasts>();
        let confirming = RwSignal::new(None);
        let refusal = RwSignal::new(None);
        // An answered request no longer waits: the Partners tab's count follows.
        let pending = use_context::<PendingRequests>();
        // Everything that follows the answer happens here: the row updates, the confirmation
        // closes, a toast says so and focus goes to the row's History button (the button used
        // may be gone: the row's actions changed). A refusal shows in the open confirmation
        // (keeping the reason typed), else as a toast.
        let act = Action::new_local(move |request: &Request| {
            let connection = context.0.get_untracked();
            let own = own_org(&connection, sandboxes);
            let client = ApiClient::new(connection);
            let request = request.clone();
            async move {
                let body = action_request(&request.record, request.action, &request.reason, &own);
                let who = partner_label(&request.record, request.direction);
                match handshakes::act(&client, &body).await {
                    Ok(record) => {
                        let id = record.id.clone();
                        on_changed.run((request.direction, record));
                        if let Some(pending) = pending {
                            pending.reload();
                        }
                        confirming.set(None);
                        toasts.show(success_message(&request, &who), ToastVariant::Positive);
                        focus_by_id(history_toggle_id(&id));
                    }
                    Err(error)
                        if request.action != RowAction::Accept
                            && confirming.with_untracked(Option::is_some) =>
                    {
                        refusal.set(Some(error));
                    }
                    Err(error) => {
                        toasts.show(
                            tf(
                                failure_message(&request),
                                &[("org", &who), ("problem", &error.user_message())],
                            ),
                            ToastVariant::Negative,
                        );
                    }
                }
            }
        });
        PartnershipActions {
            confirming,
            refusal,
            act,
        }
    }

    fn start(self, record: HandshakeRecord, direction: Direction, action: RowAction) {
        if self.act.pending().get_untracked() {
            return;
        }
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
                self.refusal.set(None);
                self.confirming.set(Some((record, direction, action)));
            }
        }
    }
}

/// "Couldn't accept the request from {org}: {problem}".
fn failure_message(request: &Request) -> Text {
    match (request.action, cancelled_thing(&request.record)) {
        (RowAction::Accept, _) => k::ACCEPT_FAILED,
        (RowAction::Decline, _) => k::DECLINE_FAILED,
        (RowAction::Cancel, Cancelled::Request) => k::CANCEL_REQUEST_FAILED,
        (RowAction::Cancel, Cancelled::Partnership) => k::CANCEL_PARTNERSHIP_FAILED,
    }
}

fn success_message(request: &Request, who: &str) -> String {
    let key = match (request.action, cancelled_thing(&request.record)) {
        (RowAction::Accept, _) => k::ACCEPTED,
        (RowAction::Decline, _) => k::DECLINED,
        (RowAction::Cancel, Cancelled::Request) => k::REQUEST_CANCELLED,
        (RowAction::Cancel, Cancelled::Partnership) => k::PARTNERSHIP_CANCELLED,
    };
    tf(key, &[("org", who)])
}

/// The words of cancelling a request or a partnership.
struct CancelWords {
    /// The row's button and the confirming one: "Cancel request".
    button: Text,
    /// The row button's accessible name: "Cancel request: {org}".
    label: Text,
    title: Text,
    keep: Text,
    cancelling: Text,
}

fn cancel_words(thing: Cancelled) -> CancelWords {
    match thing {
        Cancelled::Request => CancelWords {
            button: k::CANCEL_REQUEST,
            label: k::CANCEL_REQUEST_LABEL,
            title: k::CANCEL_REQUEST_TITLE,
            keep: k::KEEP_REQUEST,
            cancelling: k::CANCELLING_REQUEST,
        },
        Cancelled::Partnership => CancelWords {
            button: k::CANCEL_PARTNERSHIP,
            label: k::CANCEL_PARTNERSHIP_LABEL,
            title: k::CANCEL_PARTNERSHIP_TITLE,
            keep: k::KEEP_PARTNERSHIP,
            cancelling: k::CANCELLING_PARTNERSHIP,
        },
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
fn own_org(connection: &Connection, sandboxes: SandboxList) -> OwnOrg {
    let region = sandboxes.get_untracked().and_then(|list| {
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
                    RowAction::Accept => (k::ACCEPT, k::ACCEPT_LABEL, "action"),
                    RowAction::Decline => (k::DECLINE, k::DECLINE_LABEL, "action"),
                    RowAction::Cancel => {
                        let words = cancel_words(cancelled_thing(&record));
                        (words.button, words.label, "action negative")
                    }
                };
                let busy = move || accepting.get();
                let who = who.clone();
                view! {
                    <button
                        type="button"
                        class=class
                        aria-label=Signal::derive(move || tf(aria_label, &[("org", &who)]))
                        disabled=move || action == RowAction::Accept && busy()
                        on:click=move |_| actions.start(record.clone(), direction, action)
                    >
                        {Signal::derive(move || t(if action == RowAction::Accept && busy() { k::ACCEPTING } else { label }))}
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
    let cancelling = move || {
        confirming.with(|c| {
            let thing = c.as_ref().map(|(record, _, _)| cancelled_thing(record));
            cancel_words(thing.unwrap_or(Cancelled::Partnership))
        })
    };
    // Escape closes the native dialog at once, even while the answer is on its way; the
    // outcome is then reported by a toast.
    let close = move |()| confirming.set(None);
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
        actions
            .refusal
            .get()
            .map(|error| view! { <ErrorAlert error /> })
    };
    // Shares go from source to target: say who loses what.
    let cancel_consequence = move || {
        confirming.with(|c| {
            let (record, direction, _) = c.as_ref()?;
            let key = match (direction, cancelled_thing(record)) {
                (Direction::Outgoing, Cancelled::Request) => k::CANCEL_REQUEST_CONSEQUENCE,
                (Direction::Outgoing, Cancelled::Partnership) => k::CANCEL_OUTGOING_CONSEQUENCE,
                (Direction::Incoming, _) => k::CANCEL_INCOMING_CONSEQUENCE,
            };
            Some(tf(key, &[("org", &partner_label(record, *direction))]))
        })
    };

    view! {
        <Modal
            id="decline-dialog"
            open=is_open(RowAction::Decline)
            on_close=close
            title=Signal::derive(move || tf(k::DECLINE_TITLE, &[("org", &who())]))
        >
            <form on:submit=confirm novalidate>
                <p>{Signal::derive(move || tf(k::DECLINE_CONSEQUENCE, &[("org", &who())]))}</p>
                <div class="field">
                    <label for="decline-reason">{tr(k::DECLINE_REASON)}</label>
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
                        {move || reason_missing.get().then(|| t(k::DECLINE_REASON_MISSING))}
                    </span>
                </div>
                {error}
                <div class="dialog-actions">
                    <button type="button" autofocus on:click=move |_| close(())>{tr(common::CANCEL)}</button>
                    <button type="submit" class="negative" id="confirm-decline" disabled=move || act.pending().get()>
                        {Signal::derive(move || t(if act.pending().get() { k::DECLINING } else { k::DECLINE_REQUEST }))}
                    </button>
                </div>
            </form>
        </Modal>
        <Modal
            id="cancel-partnership-dialog"
            open=is_open(RowAction::Cancel)
            on_close=close
            title=Signal::derive(move || tf(cancelling().title, &[("org", &who())]))
        >
            <form on:submit=confirm novalidate>
                <p>{cancel_consequence}</p>
                <div class="field">
                    <label for="cancel-reason">{tr(k::CANCEL_REASON)}</label>
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
                    <button type="button" autofocus on:click=move |_| close(())>{Signal::derive(move || t(cancelling().keep))}</button>
                    <button type="submit" class="negative" id="confirm-cancel-partnership" disabled=move || act.pending().get()>
                        {move || {
                            let words = cancelling();
                            t(if act.pending().get() { words.cancelling } else { words.button })
                        }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
