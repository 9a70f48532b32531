//! After the submit: the job followed until it ends, then its summary.

use exim_api::Package;
use leptos::prelude::*;

use crate::components::url_query::UrlView;
use crate::state::import_plan::ImportQuery;

#[component]
pub fn FollowJob(package: Package, job: String, url: UrlView<ImportQuery>) -> impl IntoView {
    let _ = (package, url);
    view! { <p id="import-job">{job}</p> }
}
