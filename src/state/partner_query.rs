//! The Partners view as URL query parameters and as API query parameters.
//!
//! Two tables share the URL, each under its own prefix (`out_` for outgoing requests, `in_`
//! for incoming ones): `?out_status=approved&out_page=2&in_size=10&history=<id>`. Defaults are
//! left out so that a plain `/partners` is the default view.

use exim_api::{HandshakeRequestType, HandshakeStatus};

use super::list_query::{sort_from_url, Paging, UrlQuery};
use super::sorting::Sort;
use crate::i18n::keys::{partners, status};
use crate::i18n::t;

const DEFAULT_PAGE_SIZE: u32 = 10;
/// Handshake lists can only be ordered by creation date.
pub const SORT_FIELD: &str = "createdDate";

/// Which partnerships a table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    All,
    Pending,
    Approved,
    Rejected,
    Cancelled,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::All,
        StatusFilter::Pending,
        StatusFilter::Approved,
        StatusFilter::Rejected,
        StatusFilter::Cancelled,
    ];

    /// The value in the URL and in the filter's `<option>`.
    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::All => "all",
            StatusFilter::Pending => "pending",
            StatusFilter::Approved => "approved",
            StatusFilter::Rejected => "rejected",
            StatusFilter::Cancelled => "cancelled",
        }
    }

    /// The filter in words, as the status column words each status.
    pub fn label(self) -> String {
        t(match self {
            StatusFilter::All => partners::ALL_STATUSES,
            StatusFilter::Pending => status::APPROVAL_PENDING,
            StatusFilter::Approved => status::APPROVED,
            StatusFilter::Rejected => status::REJECTED,
            StatusFilter::Cancelled => status::CANCELLED,
        })
    }

    pub fn parse(key: &str) -> Option<Self> {
        StatusFilter::ALL
            .into_iter()
            .find(|filter| filter.key().eq_ignore_ascii_case(key))
    }

    fn status(self) -> Option<HandshakeStatus> {
        match self {
            StatusFilter::All => None,
            StatusFilter::Pending => Some(HandshakeStatus::ApprovalPending),
            StatusFilter::Approved => Some(HandshakeStatus::Approved),
            StatusFilter::Rejected => Some(HandshakeStatus::Rejected),
            StatusFilter::Cancelled => Some(HandshakeStatus::Cancelled),
        }
    }
}

/// One table: outgoing or incoming requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Outgoing,
    Incoming,
}

impl Direction {
    fn prefix(self) -> &'static str {
        match self {
            Direction::Outgoing => "out_",
            Direction::Incoming => "in_",
        }
    }

    pub fn request_type(self) -> HandshakeRequestType {
        match self {
            Direction::Outgoing => HandshakeRequestType::Outgoing,
            Direction::Incoming => HandshakeRequestType::Incoming,
        }
    }
}

/// The view of one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableQuery {
    pub status: StatusFilter,
    pub sort: Sort,
    pub paging: Paging,
}

impl Default for TableQuery {
    fn default() -> Self {
        TableQuery {
            status: StatusFilter::All,
            sort: Sort::descending(SORT_FIELD),
            paging: Paging::first(DEFAULT_PAGE_SIZE),
        }
    }
}

impl TableQuery {
    fn from_url(direction: Direction, get: &dyn Fn(&str) -> Option<String>) -> Self {
        let prefix = direction.prefix();
        let param = |name: &str| get(&format!("{prefix}{name}"));
        let default = TableQuery::default();
        TableQuery {
            status: param("status")
                .and_then(|raw| StatusFilter::parse(&raw))
                .unwrap_or(default.status),
            sort: sort_from_url(param("sort"), &[SORT_FIELD], default.sort),
            paging: Paging::from_url(get, prefix, DEFAULT_PAGE_SIZE),
        }
    }

    fn push_url_params(&self, direction: Direction, params: &mut Vec<(String, String)>) {
        let default = TableQuery::default();
        let prefix = direction.prefix();
        if self.status != default.status {
            params.push((format!("{prefix}status"), self.status.key().to_string()));
        }
        if self.sort != default.sort {
            params.push((format!("{prefix}sort"), self.sort.to_param()));
        }
        self.paging.push_url(prefix, DEFAULT_PAGE_SIZE, params);
    }

    /// Query parameters of `GET /exim/handshake/list` for this table.
    pub fn api_params(&self, direction: Direction) -> Vec<(&'static str, String)> {
        let mut params = vec![("requestType", direction.request_type().to_string())];
        params.extend(self.paging.api_params());
        params.push(("orderBy", self.sort.to_param()));
        if let Some(status) = self.status.status() {
            params.push(("property", format!("status=={status}")));
        }
        params
    }

    /// A new filter or order starts again at page 1.
    pub fn restarted(self) -> Self {
        TableQuery {
            paging: self.paging.at(1),
            ..self
        }
    }
}

/// The whole Partners view: both tables and the partnership whose history is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnersQuery {
    pub outgoing: TableQuery,
    pub incoming: TableQuery,
    pub history: Option<String>,
}

impl UrlQuery for PartnersQuery {
    fn from_url(get: &dyn Fn(&str) -> Option<String>) -> Self {
        PartnersQuery {
            outgoing: TableQuery::from_url(Direction::Outgoing, get),
            incoming: TableQuery::from_url(Direction::Incoming, get),
            history: get("history").filter(|id| !id.is_empty()),
        }
    }

    fn url_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        self.outgoing
            .push_url_params(Direction::Outgoing, &mut params);
        self.incoming
            .push_url_params(Direction::Incoming, &mut params);
        if let Some(id) = &self.history {
            params.push(("history".to_string(), id.clone()));
        }
        params
    }
}

impl PartnersQuery {
    pub fn table(&self, direction: Direction) -> &TableQuery {
        match direction {
            Direction::Outgoing => &self.outgoing,
            Direction::Incoming => &self.incoming,
        }
    }

    /// The same view with one table changed.
    pub fn with_table(&self, direction: Direction, table: TableQuery) -> Self {
        let mut next = self.clone();
        match direction {
            Direction::Outgoing => next.outgoing = table,
            Direction::Incoming => next.incoming = table,
        }
        next
    }

    /// The same view with a history opened (`Some`) or closed (`None`).
    pub fn with_history(&self, history: Option<String>) -> Self {
        PartnersQuery {
            history,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(url: &str) -> PartnersQuery {
        let map: HashMap<String, String> = super::super::url::parse_query_string(url)
            .into_iter()
            .collect();
        PartnersQuery::from_url(&|key| map.get(key).cloned())
    }

    #[test]
    fn an_empty_url_is_the_default_view() {
        assert_eq!(parse(""), PartnersQuery::default());
        assert_eq!(PartnersQuery::default().to_url(), "");
    }

    #[test]
    fn both_tables_and_the_open_history_round_trip() {
        let query = PartnersQuery {
            outgoing: TableQuery {
                status: StatusFilter::Approved,
                paging: Paging { page: 2, size: 10 },
                ..TableQuery::default()
            },
            incoming: TableQuery {
                status: StatusFilter::Pending,
                sort: Sort::ascending(SORT_FIELD),
                paging: Paging::first(50),
            },
            history: Some("6c2ee3780fee4fbd9344e84ed2cb3fdf".into()),
        };
        let url = query.to_url();
        assert_eq!(
            url,
            "?out_status=approved&out_page=2&in_status=pending&in_sort=createdDate&in_size=50&history=6c2ee3780fee4fbd9344e84ed2cb3fdf"
        );
        assert_eq!(parse(&url), query);
    }

    #[test]
    fn invalid_values_fall_back_to_defaults() {
        assert_eq!(
            parse("?out_status=maybe&out_page=0&in_size=7&in_sort=-name&history="),
            PartnersQuery::default()
        );
    }

    #[test]
    fn api_params_ask_for_one_direction_page_and_status() {
        let table = TableQuery {
            status: StatusFilter::Pending,
            paging: Paging { page: 3, size: 10 },
            ..TableQuery::default()
        };
        assert_eq!(
            table.api_params(Direction::Incoming),
            vec![
                ("requestType", "INCOMING".to_string()),
                ("start", "20".to_string()),
                ("limit", "10".to_string()),
                ("orderBy", "-createdDate".to_string()),
                ("property", "status==APPROVAL_PENDING".to_string()),
            ]
        );
        assert_eq!(
            TableQuery::default().api_params(Direction::Outgoing)[0],
            ("requestType", "OUTGOING".to_string())
        );
    }

    #[test]
    fn every_filter_parses_from_its_key() {
        for filter in StatusFilter::ALL {
            assert_eq!(StatusFilter::parse(filter.key()), Some(filter));
        }
        assert_eq!(
            StatusFilter::parse("APPROVED"),
            Some(StatusFilter::Approved)
        );
    }
}
