//! Every partnership request between us and the org, either direction, newest first: who asked,
//! where it stands, what may be done with it, and its history. The actions and their dialogs
//! are those of Partners.

use exim_api::HandshakeRecord;
use leptos::prelude::*;

use crate::components::date_cell::DateTime;
use crate::components::status_light::StatusLight;
use crate::i18n::keys::partner as k;
use crate::i18n::{tf, tr};
use crate::pages::partners::actions::{
    PartnershipActionButtons, PartnershipActions, PartnershipDialogs,
};
use crate::pages::partners::history::PartnershipHistory;
use crate::session::PermissionsContext;
use crate::state::partner_query::Direction;
use crate::state::partner_workspace::Partnership;

#[component]
pub fn PartnershipRequests(
    found: Signal<Partnership>,
    partner: String,
    on_changed: Callback<HandshakeRecord>,
) -> impl IntoView {
    let permissions = expect_context::<PermissionsContext>();
    let can_act = Signal::derive(move || permissions.get().is_some_and(|p| p.share_packages));
    let actions = PartnershipActions::new(Callback::new(move |(_, record)| on_changed.run(record)));
    let requests = Memo::new(move |_| found.with(Partnership::requests));
    view! {
        <section class="partner-requests" aria-labelledby="partner-requests-heading">
            <h2 id="partner-requests-heading">{tr(k::REQUESTS_TITLE)}</h2>
            <ol class="request-list">
                <For
                    each=move || requests.get()
                    key=|(record, _)| (record.id.clone(), record.status.to_string(), record.modified_date)
                    let:request
                >
                    <RequestItem record=request.0 direction=request.1 partner=partner.clone() actions can_act />
                </For>
            </ol>
        </section>
        <PartnershipDialogs actions />
    }
}

/// One request: a new answer gives it a new key, so it is drawn again as it is now.
#[component]
fn RequestItem(
    record: HandshakeRecord,
    direction: Direction,
    partner: String,
    actions: PartnershipActions,
    can_act: Signal<bool>,
) -> impl IntoView {
    let who = match direction {
        Direction::Outgoing => {
            let partner = partner.clone();
            Signal::derive(move || tf(k::REQUEST_OUTGOING, &[("org", &partner)]))
        }
        Direction::Incoming => {
            let partner = partner.clone();
            Signal::derive(move || tf(k::REQUEST_INCOMING, &[("org", &partner)]))
        }
    };
    let id = format!("request-{}", record.id);
    view! {
        <li class="request-item panel" id=id data-direction=match direction {
            Direction::Outgoing => "outgoing",
            Direction::Incoming => "incoming",
        }>
            <div class="request-summary">
                <h3>{who}</h3>
                <StatusLight status=record.status.to_string() />
                <span class="muted"><DateTime epoch_ms=record.created_date /></span>
                <div class="row-actions">
                    <PartnershipActionButtons record=record.clone() direction actions can_act />
                </div>
            </div>
            <PartnershipHistory record partner />
        </li>
    }
}
