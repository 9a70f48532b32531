//! The Jobs view as URL parameters and as `GET /exim/packages/jobs` parameters.
//!
//! `?q=acme&type=import&status=PENDING%2CFAILED&sort=name&page=2&size=50`; defaults are left
//! out of the URL. The job whose rail is open is the path (`/jobs/<id>`), not a parameter.

use exim_api::{JobRequestType, JobStatus};

use super::list_query::{sort_from_url, Paging, UrlQuery};
use super::sorting::Sort;

const DEFAULT_PAGE_SIZE: u32 = 20;

/// Columns the API can sort jobs by.
const SORTABLE: [&str; 3] = ["name", "created", "updated"];

/// The request types the Jobs screen filters by: what an admin starts from this console.
pub const JOB_TYPES: [JobRequestType; 2] = [JobRequestType::Import, JobRequestType::Export];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobQuery {
    /// Part of the job's name.
    pub search: String,
    /// Import or export; None means both.
    pub request_type: Option<JobRequestType>,
    /// Any of these statuses; empty means every status.
    pub statuses: Vec<JobStatus>,
    pub sort: Sort,
    pub paging: Paging,
}

impl Default for JobQuery {
    fn default() -> Self {
        JobQuery {
            search: String::new(),
            request_type: None,
            statuses: Vec::new(),
            sort: Sort::descending("created"),
            paging: Paging::first(DEFAULT_PAGE_SIZE),
        }
    }
}

impl UrlQuery for JobQuery {
    fn from_url(get: &dyn Fn(&str) -> Option<String>) -> Self {
        let default = JobQuery::default();
        let statuses = get("status")
            .map(|raw| {
                JobStatus::KNOWN
                    .iter()
                    .filter(|known| {
                        raw.split(',')
                            .any(|s| s.trim().eq_ignore_ascii_case(known.as_str()))
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let request_type = get("type").and_then(|raw| {
            JOB_TYPES
                .iter()
                .find(|known| known.as_str().eq_ignore_ascii_case(raw.trim()))
                .cloned()
        });
        JobQuery {
            search: get("q").unwrap_or_default(),
            request_type,
            statuses,
            sort: sort_from_url(get("sort"), &SORTABLE, default.sort),
            paging: Paging::from_url(get, "", DEFAULT_PAGE_SIZE),
        }
    }

    fn url_params(&self) -> Vec<(String, String)> {
        let default = JobQuery::default();
        let mut params = Vec::new();
        if !self.search.trim().is_empty() {
            params.push(("q".to_string(), self.search.clone()));
        }
        if let Some(request_type) = &self.request_type {
            params.push((
                "type".to_string(),
                request_type.as_str().to_ascii_lowercase(),
            ));
        }
        if !self.statuses.is_empty() {
            params.push(("status".to_string(), self.status_list()));
        }
        if self.sort != default.sort {
            params.push(("sort".to_string(), self.sort.to_param()));
        }
        self.paging.push_url("", DEFAULT_PAGE_SIZE, &mut params);
        params
    }
}

impl JobQuery {
    /// The OpenAPI's `requestType` and `jobStatus` (comma = any of) filters; search by name
    /// with `property=name~text`, the contains filter of our other lists.
    pub fn api_params(&self) -> Vec<(&'static str, String)> {
        let mut params = self.paging.api_params().to_vec();
        params.push(("orderBy", self.sort.to_param()));
        if let Some(request_type) = &self.request_type {
            params.push(("requestType", request_type.as_str().to_string()));
        }
        if !self.statuses.is_empty() {
            params.push(("jobStatus", self.status_list()));
        }
        let search = self.search.trim();
        if !search.is_empty() {
            params.push(("property", format!("name~{search}")));
        }
        params
    }

    /// A new filter or order starts again at page 1.
    pub fn restarted(self) -> Self {
        JobQuery {
            paging: self.paging.at(1),
            ..self
        }
    }

    /// The same view with `status` added to or removed from the filter, from page 1.
    pub fn toggling_status(&self, status: &JobStatus) -> Self {
        let mut statuses = self.statuses.clone();
        if let Some(index) = statuses.iter().position(|s| s == status) {
            statuses.remove(index);
        } else {
            statuses.push(status.clone());
        }
        // Documentation order, so that equal filters have equal URLs.
        statuses.sort_by_key(|s| JobStatus::KNOWN.iter().position(|k| k == s));
        JobQuery {
            statuses,
            ..self.clone()
        }
        .restarted()
    }

    fn status_list(&self) -> String {
        self.statuses
            .iter()
            .map(JobStatus::as_str)
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::url::parse_query_string;
    use std::collections::HashMap;

    fn from(url: &str) -> JobQuery {
        let map: HashMap<String, String> = parse_query_string(url).into_iter().collect();
        JobQuery::from_url(&|key| map.get(key).cloned())
    }

    #[test]
    fn the_default_view_has_an_empty_url() {
        assert_eq!(JobQuery::default().to_url(), "");
        assert_eq!(from(""), JobQuery::default());
    }

    #[test]
    fn every_part_of_the_view_round_trips_through_the_url() {
        let query = JobQuery {
            search: "spring sale".into(),
            request_type: Some(JobRequestType::Import),
            statuses: vec![JobStatus::Pending, JobStatus::Failed],
            sort: Sort::ascending("name"),
            paging: Paging { page: 2, size: 50 },
        };
        let url = query.to_url();
        assert_eq!(
            url,
            "?q=spring%20sale&type=import&status=PENDING%2CFAILED&sort=name&page=2&size=50"
        );
        assert_eq!(from(&url), query);
    }

    #[test]
    fn api_params_use_the_documented_filters_and_contains_for_search() {
        let query = JobQuery {
            search: " acme ".into(),
            request_type: Some(JobRequestType::Export),
            statuses: vec![JobStatus::InProgress, JobStatus::Success],
            sort: Sort::descending("updated"),
            paging: Paging { page: 3, size: 10 },
        };
        assert_eq!(
            query.api_params(),
            vec![
                ("start", "20".to_string()),
                ("limit", "10".to_string()),
                ("orderBy", "-updated".to_string()),
                ("requestType", "EXPORT".to_string()),
                ("jobStatus", "IN_PROGRESS,SUCCESS".to_string()),
                ("property", "name~acme".to_string()),
            ]
        );
    }

    #[test]
    fn toggling_a_status_keeps_a_stable_order_and_restarts_paging() {
        let query = JobQuery {
            paging: Paging { page: 3, size: 20 },
            ..JobQuery::default()
        };
        let both = query
            .toggling_status(&JobStatus::Failed)
            .toggling_status(&JobStatus::Pending);
        assert_eq!(both.statuses, vec![JobStatus::Pending, JobStatus::Failed]);
        assert_eq!(both.paging.page, 1);
        assert_eq!(
            both.toggling_status(&JobStatus::Pending).statuses,
            vec![JobStatus::Failed]
        );
    }

    #[test]
    fn unknown_values_are_ignored() {
        assert_eq!(
            from("?status=BOGUS&type=copy&sort=jobStatus&page=0&size=7"),
            JobQuery::default()
        );
        assert_eq!(
            from("?type=EXPORT").request_type,
            Some(JobRequestType::Export)
        );
    }
}
