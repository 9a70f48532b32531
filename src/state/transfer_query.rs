//! The Sharing Status view as URL parameters and as `GET /exim/transfer/list` parameters.
//!
//! `?q=journey&status=PENDING,FAILED&type=private&sort=packageName&page=2&size=20`; defaults are
//! left out of the URL.

use exim_api::{TransferRequestType, TransferStatus};

use super::package_query::PAGE_SIZES;
use super::sorting::Sort;
use super::url::query_string;

const DEFAULT_PAGE_SIZE: u32 = 20;

/// Columns the API can sort transfers by: (API field, column title).
pub const SORTABLE: [(&str, &str); 4] = [
    ("packageName", "Package"),
    ("targetOrgName", "Target organization"),
    ("status", "Status"),
    ("createdDate", "Created"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferQuery {
    pub search: String,
    /// Any of these statuses; empty means every status.
    pub statuses: Vec<TransferStatus>,
    pub request_type: Option<TransferRequestType>,
    pub sort: Sort,
    pub page: u32,
    pub page_size: u32,
}

impl Default for TransferQuery {
    fn default() -> Self {
        TransferQuery {
            search: String::new(),
            statuses: Vec::new(),
            request_type: None,
            sort: Sort::descending("createdDate"),
            page: 1,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

impl TransferQuery {
    pub fn from_url(get: impl Fn(&str) -> Option<String>) -> Self {
        let default = TransferQuery::default();
        let statuses = get("status")
            .map(|raw| {
                TransferStatus::KNOWN
                    .iter()
                    .filter(|known| {
                        raw.split(',')
                            .any(|s| s.eq_ignore_ascii_case(known.as_str()))
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let request_type = get("type").and_then(|raw| {
            TransferRequestType::KNOWN
                .iter()
                .find(|known| known.as_str().eq_ignore_ascii_case(&raw))
                .cloned()
        });
        let sort = get("sort")
            .and_then(|raw| Sort::parse(&raw))
            .filter(|sort| SORTABLE.iter().any(|(field, _)| *field == sort.field))
            .unwrap_or(default.sort);
        TransferQuery {
            search: get("q").unwrap_or_default(),
            statuses,
            request_type,
            sort,
            page: get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
            page_size: get("size")
                .and_then(|s| s.parse().ok())
                .filter(|s| PAGE_SIZES.contains(s))
                .unwrap_or(DEFAULT_PAGE_SIZE),
        }
    }

    pub fn to_url(&self) -> String {
        let default = TransferQuery::default();
        let mut params = Vec::new();
        if !self.search.trim().is_empty() {
            params.push(("q", self.search.clone()));
        }
        if !self.statuses.is_empty() {
            params.push(("status", self.status_list()));
        }
        if let Some(request_type) = &self.request_type {
            params.push(("type", request_type.as_str().to_ascii_lowercase()));
        }
        if self.sort != default.sort {
            params.push(("sort", self.sort.to_param()));
        }
        if self.page != 1 {
            params.push(("page", self.page.to_string()));
        }
        if self.page_size != default.page_size {
            params.push(("size", self.page_size.to_string()));
        }
        query_string(&params)
    }

    pub fn api_params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("start", ((self.page - 1) * self.page_size).to_string()),
            ("limit", self.page_size.to_string()),
            ("orderBy", self.sort.to_param()),
        ];
        if !self.statuses.is_empty() {
            params.push(("property", format!("status=={}", self.status_list())));
        }
        let search = self.search.trim();
        if !search.is_empty() {
            params.push(("property", format!("packageName~{search}")));
        }
        if let Some(request_type) = &self.request_type {
            params.push(("requestType", request_type.as_str().to_string()));
        }
        params
    }

    /// The same view with `status` added to or removed from the filter, from page 1.
    pub fn toggling_status(&self, status: &TransferStatus) -> Self {
        let mut statuses = self.statuses.clone();
        if let Some(index) = statuses.iter().position(|s| s == status) {
            statuses.remove(index);
        } else {
            statuses.push(status.clone());
        }
        // Keep documentation order so that equal filters have equal URLs.
        statuses.sort_by_key(|s| TransferStatus::KNOWN.iter().position(|k| k == s));
        TransferQuery {
            statuses,
            page: 1,
            ..self.clone()
        }
    }

    fn status_list(&self) -> String {
        self.statuses
            .iter()
            .map(TransferStatus::as_str)
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::url::parse_query_string;
    use std::collections::HashMap;

    fn from(url: &str) -> TransferQuery {
        let map: HashMap<String, String> = parse_query_string(url).into_iter().collect();
        TransferQuery::from_url(|key| map.get(key).cloned())
    }

    #[test]
    fn the_default_view_has_an_empty_url() {
        assert_eq!(TransferQuery::default().to_url(), "");
        assert_eq!(from(""), TransferQuery::default());
    }

    #[test]
    fn every_filter_round_trips_through_the_url() {
        let query = TransferQuery {
            search: "spring sale".into(),
            statuses: vec![TransferStatus::Pending, TransferStatus::Failed],
            request_type: Some(TransferRequestType::Public),
            sort: Sort::ascending("packageName"),
            page: 2,
            page_size: 50,
        };
        let url = query.to_url();
        assert_eq!(
            url,
            "?q=spring%20sale&status=PENDING%2CFAILED&type=public&sort=packageName&page=2&size=50"
        );
        assert_eq!(from(&url), query);
    }

    #[test]
    fn api_params_use_comma_or_for_statuses_and_contains_for_search() {
        let query = TransferQuery {
            search: "journey".into(),
            statuses: vec![TransferStatus::Completed, TransferStatus::Failed],
            request_type: Some(TransferRequestType::Private),
            ..TransferQuery::default()
        };
        assert_eq!(
            query.api_params(),
            vec![
                ("start", "0".to_string()),
                ("limit", "20".to_string()),
                ("orderBy", "-createdDate".to_string()),
                ("property", "status==COMPLETED,FAILED".to_string()),
                ("property", "packageName~journey".to_string()),
                ("requestType", "PRIVATE".to_string()),
            ]
        );
    }

    #[test]
    fn toggling_a_status_keeps_a_stable_order_and_restarts_paging() {
        let query = TransferQuery {
            page: 3,
            ..TransferQuery::default()
        };
        let both = query
            .toggling_status(&TransferStatus::Failed)
            .toggling_status(&TransferStatus::Pending);
        assert_eq!(
            both.statuses,
            vec![TransferStatus::Pending, TransferStatus::Failed]
        );
        assert_eq!(both.page, 1);
        assert_eq!(
            both.toggling_status(&TransferStatus::Pending).statuses,
            vec![TransferStatus::Failed]
        );
    }

    #[test]
    fn unknown_values_are_ignored() {
        assert_eq!(
            from("?status=BOGUS&type=x&sort=secret&page=-1"),
            TransferQuery::default()
        );
    }
}
