//! The Sharing Status view as URL parameters and as `GET /exim/transfer/list` parameters.
//!
//! `?q=journey&status=PENDING,FAILED&type=private&share=ID1,ID2&sort=packageName&page=2&size=20`;
//! defaults are left out of the URL.

use exim_api::{PagedResponse, TransferRecord, TransferRequestType, TransferStatus};

use super::list_query::{sort_from_url, Paging, UrlQuery};
use super::sorting::Sort;

const DEFAULT_PAGE_SIZE: u32 = 20;

/// Columns the API can sort transfers by.
const SORTABLE: [&str; 4] = ["packageName", "targetOrgName", "status", "createdDate"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferQuery {
    pub search: String,
    /// Any of these statuses; empty means every status.
    pub statuses: Vec<TransferStatus>,
    pub request_type: Option<TransferRequestType>,
    /// Only these transfers (the shares a bulk share started); empty means every transfer.
    pub shares: Vec<String>,
    pub sort: Sort,
    pub paging: Paging,
}

impl Default for TransferQuery {
    fn default() -> Self {
        TransferQuery {
            search: String::new(),
            statuses: Vec::new(),
            request_type: None,
            shares: Vec::new(),
            sort: Sort::descending("createdDate"),
            paging: Paging::first(DEFAULT_PAGE_SIZE),
        }
    }
}

impl UrlQuery for TransferQuery {
    fn from_url(get: &dyn Fn(&str) -> Option<String>) -> Self {
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
        TransferQuery {
            search: get("q").unwrap_or_default(),
            statuses,
            request_type,
            shares: get("share")
                .map(|raw| {
                    raw.split(',')
                        .map(str::trim)
                        .filter(|id| !id.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            sort: sort_from_url(get("sort"), &SORTABLE, default.sort),
            paging: Paging::from_url(get, "", DEFAULT_PAGE_SIZE),
        }
    }

    fn url_params(&self) -> Vec<(String, String)> {
        let default = TransferQuery::default();
        let mut params = Vec::new();
        if !self.search.trim().is_empty() {
            params.push(("q".to_string(), self.search.clone()));
        }
        if !self.statuses.is_empty() {
            params.push(("status".to_string(), self.status_list()));
        }
        if let Some(request_type) = &self.request_type {
            params.push((
                "type".to_string(),
                request_type.as_str().to_ascii_lowercase(),
            ));
        }
        if !self.shares.is_empty() {
            params.push(("share".to_string(), self.shares.join(",")));
        }
        if self.sort != default.sort {
            params.push(("sort".to_string(), self.sort.to_param()));
        }
        self.paging.push_url("", DEFAULT_PAGE_SIZE, &mut params);
        params
    }
}

impl TransferQuery {
    pub fn api_params(&self) -> Vec<(&'static str, String)> {
        let mut params = self.paging.api_params().to_vec();
        params.push(("orderBy", self.sort.to_param()));
        if !self.statuses.is_empty() {
            params.push(("property", format!("status=={}", self.status_list())));
        }
        let search = self.search.trim();
        if !search.is_empty() {
            params.push(("property", format!("packageName~{search}")));
        }
        if !self.shares.is_empty() {
            params.push(("property", format!("id=={}", self.shares.join(","))));
        }
        if let Some(request_type) = &self.request_type {
            params.push(("requestType", request_type.as_str().to_string()));
        }
        params
    }

    /// A new filter or order starts again at page 1.
    pub fn restarted(self) -> Self {
        TransferQuery {
            paging: self.paging.at(1),
            ..self
        }
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
            ..self.clone()
        }
        .restarted()
    }

    /// The ids of the shares on the current page, for a server that cannot filter by id.
    pub fn shares_on_page(&self) -> &[String] {
        let size = self.paging.size.max(1) as usize;
        let start = (self.paging.page.max(1) as usize - 1) * size;
        let end = (start + size).min(self.shares.len());
        self.shares.get(start..end).unwrap_or_default()
    }

    /// The page of a list answered by [`Self::shares_on_page`] read one by one: the records
    /// the other filters keep, newest first, paged as the whole share list.
    pub fn page_of_shares(
        &self,
        mut records: Vec<TransferRecord>,
    ) -> PagedResponse<TransferRecord> {
        let search = self.search.trim().to_lowercase();
        records.retain(|record| {
            (self.statuses.is_empty() || self.statuses.contains(&record.status))
                && self
                    .request_type
                    .as_ref()
                    .is_none_or(|wanted| &record.request_type == wanted)
                && (search.is_empty()
                    || record
                        .package_name
                        .as_deref()
                        .is_some_and(|name| name.to_lowercase().contains(&search)))
        });
        records.sort_by_key(|record| std::cmp::Reverse(record.created_date));
        let total = self.shares.len() as u64;
        let size = u64::from(self.paging.size.max(1));
        let page = u64::from(self.paging.page.max(1));
        PagedResponse {
            total_elements: total,
            current_page: page - 1,
            total_pages: total.div_ceil(size),
            has_previous_page: page > 1,
            has_next_page: page * size < total,
            data: records,
            next_page: None,
            page_size: None,
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
        TransferQuery::from_url(&|key| map.get(key).cloned())
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
            shares: vec!["a1".into(), "b2".into()],
            sort: Sort::ascending("packageName"),
            paging: Paging { page: 2, size: 50 },
        };
        let url = query.to_url();
        assert_eq!(
            url,
            "?q=spring%20sale&status=PENDING%2CFAILED&type=public&share=a1%2Cb2&sort=packageName&page=2&size=50"
        );
        assert_eq!(from(&url), query);
    }

    #[test]
    fn a_share_list_filters_by_transfer_id() {
        let query = TransferQuery {
            shares: vec!["a1".into(), "b2".into()],
            ..TransferQuery::default()
        };
        assert!(query
            .api_params()
            .contains(&("property", "id==a1,b2".to_string())));
    }

    fn record(id: &str, created: i64, status: &str) -> TransferRecord {
        serde_json::from_value(serde_json::json!({
            "id": id, "createdDate": created, "sourceIMSOrgId": "S@AdobeOrg",
            "targetIMSOrgId": "T@AdobeOrg", "packageId": "p", "packageName": format!("Package {id}"),
            "status": status, "initiatedBy": "u", "requestType": "PRIVATE"
        }))
        .expect("a transfer record")
    }

    #[test]
    fn shares_read_one_by_one_are_paged_filtered_and_newest_first() {
        let query = TransferQuery {
            shares: (1..=5).map(|n| format!("t{n}")).collect(),
            statuses: vec![TransferStatus::Pending],
            paging: Paging { page: 2, size: 2 },
            ..TransferQuery::default()
        };
        assert_eq!(query.shares_on_page(), ["t3", "t4"]);
        let page = query.page_of_shares(vec![
            record("t3", 30, "PENDING"),
            record("t4", 40, "PENDING"),
            record("t9", 50, "FAILED"),
        ]);
        let ids: Vec<&str> = page.data.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["t4", "t3"]);
        assert_eq!(
            (page.total_elements, page.total_pages, page.current_page),
            (5, 3, 1)
        );
        assert!(page.has_previous_page && page.has_next_page);

        let past_the_end = TransferQuery {
            paging: Paging { page: 9, size: 2 },
            ..query
        };
        assert!(past_the_end.shares_on_page().is_empty());
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
            paging: Paging { page: 3, size: 20 },
            ..TransferQuery::default()
        };
        let both = query
            .toggling_status(&TransferStatus::Failed)
            .toggling_status(&TransferStatus::Pending);
        assert_eq!(
            both.statuses,
            vec![TransferStatus::Pending, TransferStatus::Failed]
        );
        assert_eq!(both.paging.page, 1);
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
