//! Partners (`/partners`): partnership requests sent and received, answering them, cancelling
//! partnerships, and asking new organizations.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::app::PermissionsContext;
use crate::components::partnership_actions::{PartnershipActions, PartnershipDialogs};
use crate::components::partnership_request_dialog::PartnershipRequestDialog;
use crate::components::partnership_table::PartnershipSection;
use crate::state::partner_query::{Direction, PartnersQuery};

#[component]
pub fn PartnersPage() -> impl IntoView {
    let query_map = use_query_map();
    let query =
        Memo::new(move |_| query_map.with(|map| PartnersQuery::from_url(|key| map.get(key))));
    let navigate = use_navigate();
    let show = Callback::new(move |(next, replace): (PartnersQuery, bool)| {
        navigate(
            &format!("/partners{}", next.to_url()),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let permissions = expect_context::<PermissionsContext>();
    let can_act = Signal::derive(move || permissions.get().is_some_and(|p| p.share_packages));
    let lacks_permission = move || permissions.get().is_some_and(|p| !p.share_packages);
    let actions = PartnershipActions::new();
    let requesting = RwSignal::new(false);
    let outgoing_reload = RwSignal::new(0_u64);

    view! {
        <div class="page-header">
            <div>
                <h1>"Partners"</h1>
                <p>"Organizations you share packages with, and the requests between you."</p>
            </div>
            <Show when=move || can_act.get()>
                <button
                    type="button"
                    class="primary"
                    id="new-request-button"
                    on:click=move |_| requesting.set(true)
                >
                    "New partnership request"
                </button>
            </Show>
        </div>
        <Show when=lacks_permission>
            <p class="note">"You need the Share Packages permission to request, accept or cancel partnerships."</p>
        </Show>
        <PartnershipSection direction=Direction::Outgoing query show actions can_act reload=outgoing_reload />
        <PartnershipSection direction=Direction::Incoming query show actions can_act />
        <PartnershipDialogs actions />
        <PartnershipRequestDialog
            open=requesting
            on_sent=Callback::new(move |()| outgoing_reload.update(|n| *n += 1))
        />
    }
}
