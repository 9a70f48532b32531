//! Import (`/import`): pull a public package of another organization with its payload, and
//! the list of pulls made.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::pull_form::PullForm;
use crate::components::pulled_packages::PulledPackages;
use crate::state::pulled_query::PulledQuery;

#[component]
pub fn ImportPage() -> impl IntoView {
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(|map| PulledQuery::from_url(|key| map.get(key))));
    let navigate = use_navigate();
    let show = Callback::new(move |next: PulledQuery| {
        navigate(
            &format!("/import{}", next.to_url()),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    });
    let reload = RwSignal::new(0_u64);

    view! {
        <div class="page-header">
            <div>
                <h1>"Import from payload"</h1>
                <p>"Copy a public package of another organization into yours with the payload its owner shared."</p>
            </div>
        </div>
        <PullForm on_pulled=Callback::new(move |_| reload.update(|n| *n += 1)) />
        <PulledPackages query show reload />
    }
}
