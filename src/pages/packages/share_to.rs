//! `/packages?share_to=<org>`, where a partner page's "Share a package with ‹org›" leads: the
//! org stays chosen while the user finds a package (other views change the URL), and the next
//! Share dialog starts with it selected.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::partners;
use crate::components::refresh::use_read;
use crate::i18n::keys::partner as k;
use crate::i18n::{tf, tr};
use crate::session::ConnectionContext;
use crate::state::org_ids::normalize_org_id;

/// The partner the next share starts with, if the user came for one.
#[derive(Clone, Copy)]
pub struct ShareTo(RwSignal<Option<String>>);

impl ShareTo {
    /// Read once from the URL when the Packages screen opens.
    pub fn provide() -> Self {
        let query = use_query_map();
        let org_id = query
            .with_untracked(|q| q.get("share_to"))
            .and_then(|raw| normalize_org_id(&raw).ok());
        let share_to = ShareTo(RwSignal::new(org_id));
        provide_context(share_to);
        share_to
    }

    pub fn org_id_untracked(self) -> Option<String> {
        self.0.get_untracked()
    }
}

/// Says which partner the next share goes to, with a way to choose none.
#[component]
pub fn ShareToNote(share_to: ShareTo) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let (approved, _) = use_read(move || {
        let wanted = share_to.0.with(Option::is_some);
        let client = context.client();
        async move {
            if wanted {
                partners::approved(&client).await
            } else {
                Ok(Vec::new())
            }
        }
    });
    move || {
        let org_id = share_to.0.get()?;
        let name = approved
            .get()
            .and_then(Result::ok)
            .and_then(|list| list.into_iter().find(|p| p.org_id == org_id))
            .map_or(org_id, |partner| partner.name);
        Some(view! {
            <div class="note share-to-note" id="share-to-note">
                <p>{Signal::derive(move || tf(k::SHARE_TO_NOTE, &[("org", &name)]))}</p>
                <button type="button" class="quiet" on:click=move |_| share_to.0.set(None)>
                    {tr(k::SHARE_TO_CLEAR)}
                </button>
            </div>
        })
    }
}
