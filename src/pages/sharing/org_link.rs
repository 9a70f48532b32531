//! An organization named on Sharing status or its rail: a link to its partner page, unless it
//! is the current org.

use leptos::prelude::*;

use crate::session::ConnectionContext;
use crate::state::partner_workspace::partner_href;

pub fn org_link(name: String, org_id: &str) -> AnyView {
    let here = expect_context::<ConnectionContext>()
        .0
        .with_untracked(|c| c.org_id.clone());
    if org_id.eq_ignore_ascii_case(here.trim()) {
        name.into_any()
    } else {
        view! { <a class="partner-link" href=partner_href(org_id)>{name}</a> }.into_any()
    }
}
