//! Import (`/import`): pull a public package of another organization with its payload, and
//! the list of pulls made.

use leptos::prelude::*;

use super::pull_form::PullForm;
use super::pulled::PulledPackages;
use crate::api::transfers;
use crate::components::list_frame::use_list;
use crate::components::url_query::use_url_query;
use crate::i18n::keys::import as k;
use crate::i18n::tr;
use crate::session::ConnectionContext;
use crate::state::pulled_query::PulledQuery;

#[component]
pub fn ImportPage() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let view = use_url_query::<PulledQuery>();
    let query = view.query;
    let pulls = use_list(
        move || {
            let client = context.client();
            let query = query.get();
            async move { transfers::list_pulled(&client, query).await }
        },
        |_| false,
    );

    view! {
        <div class="page-header">
            <div>
                <h1>{tr(k::TITLE)}</h1>
                <p>{tr(k::INTRO)}</p>
            </div>
        </div>
        <PullForm on_pulled=Callback::new(move |_| pulls.reload()) />
        <PulledPackages view pulls />
    }
}
