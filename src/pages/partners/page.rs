//! Partners (`/partners`): partnership requests sent and received, answering them, cancelling
//! partnerships, and asking new organizations.

use exim_api::HandshakeRecord;
use leptos::prelude::*;

use super::actions::{PartnershipActions, PartnershipDialogs};
use super::request_dialog::PartnershipRequestDialog;
use super::section::{handshake_id, PartnershipSection};
use crate::api::handshakes;
use crate::components::list_frame::{use_list, ListData};
use crate::components::url_query::{use_url_query, UrlView};
use crate::i18n::keys::partners as k;
use crate::i18n::tr;
use crate::session::{ConnectionContext, PermissionsContext};
use crate::state::partner_query::{Direction, PartnersQuery, TableQuery};

/// One table's view (apart from the other's, so that changing one fetches only it) and rows.
fn partnership_list(
    view: UrlView<PartnersQuery>,
    direction: Direction,
) -> (Memo<TableQuery>, ListData<HandshakeRecord>) {
    let context = expect_context::<ConnectionContext>();
    let table = Memo::new(move |_| view.query.with(|q| q.table(direction).clone()));
    let list = use_list(
        move || {
            let client = context.client();
            let table = table.get();
            async move { handshakes::list(&client, direction, &table).await }
        },
        |_| false,
    );
    (table, list)
}

#[component]
pub fn PartnersPage() -> impl IntoView {
    let view = use_url_query::<PartnersQuery>();
    let permissions = expect_context::<PermissionsContext>();
    let can_act = Signal::derive(move || permissions.get().is_some_and(|p| p.share_packages));
    let lacks_permission = move || permissions.get().is_some_and(|p| !p.share_packages);
    let (outgoing_table, outgoing) = partnership_list(view, Direction::Outgoing);
    let (incoming_table, incoming) = partnership_list(view, Direction::Incoming);
    // An answered request changes in place in its table.
    let actions =
        PartnershipActions::new(Callback::new(move |(direction, record)| match direction {
            Direction::Outgoing => outgoing.patch(record, handshake_id),
            Direction::Incoming => incoming.patch(record, handshake_id),
        }));
    let requesting = RwSignal::new(false);

    view! {
        <div class="page-header">
            <div>
                <h1>{tr(k::TITLE)}</h1>
                <p>{tr(k::INTRO)}</p>
            </div>
            <Show when=move || can_act.get()>
                <button
                    type="button"
                    class="primary"
                    id="new-request-button"
                    on:click=move |_| requesting.set(true)
                >
                    {tr(k::NEW_REQUEST)}
                </button>
            </Show>
        </div>
        <Show when=lacks_permission>
            <p class="note">{tr(k::NEEDS_PERMISSION)}</p>
        </Show>
        <PartnershipSection direction=Direction::Outgoing view table=outgoing_table list=outgoing actions can_act />
        <PartnershipSection direction=Direction::Incoming view table=incoming_table list=incoming actions can_act />
        <PartnershipDialogs actions />
        <PartnershipRequestDialog open=requesting on_sent=Callback::new(move |()| outgoing.reload()) />
    }
}
