//! What the Jobs table shows, shared with the rail: the list and the view's links.

use exim_api::PackageJob;
use leptos::prelude::*;

use crate::components::list_frame::ListData;
use crate::state::job_query::JobQuery;
use crate::state::list_query::UrlQuery;
use crate::state::url::encode;

pub fn job_id(job: &PackageJob) -> &str {
    &job.id
}

#[derive(Clone, Copy)]
pub struct JobsFeed {
    pub list: ListData<PackageJob>,
    /// The view's query string, written once per view for every row's link.
    query_string: Memo<String>,
}

impl JobsFeed {
    pub fn new(list: ListData<PackageJob>, query: Memo<JobQuery>) -> Self {
        JobsFeed {
            list,
            query_string: Memo::new(move |_| query.with(UrlQuery::to_url)),
        }
    }

    /// `/jobs` (or `/jobs/<id>`) with the current view's query.
    pub fn href(&self, id: Option<&str>) -> String {
        self.query_string.with(|query| match id {
            Some(id) => format!("/jobs/{}{query}", encode(id)),
            None => format!("/jobs{query}"),
        })
    }
}
