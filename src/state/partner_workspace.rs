//! The partner page (`/partners/<org>`): its two transfer lists as URL parameters and as
//! `GET /exim/transfer/list` parameters, and what the handshakes with the org say about it.
//!
//! `?to_page=2&to_size=50&from_page=3`: each list pages on its own; defaults are left out.
//! The lists' API parameters are a Sharing-status [`TransferQuery`] plus the org filter, so
//! whatever takes a Sharing-status query (an export, say) takes these lists too.

use exim_api::{HandshakeRecord, HandshakeStatus, TransferStatus};

use super::list_query::{Paging, UrlQuery};
use super::partner_query::Direction;
use super::partnership::partner;
use super::transfer_query::TransferQuery;
use super::url::encode;

const DEFAULT_PAGE_SIZE: u32 = 10;

/// The partner page of an org. `@` may stand in a path: the org ID stays readable.
pub fn partner_href(org_id: &str) -> String {
    format!("/partners/{}", encode(org_id).replace("%40", "@"))
}

/// Which way a list of shares goes, seen from the current org.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareWay {
    /// Shared by us to the partner: the partner is the target.
    To,
    /// Received by us from the partner: the partner is the source.
    From,
}

impl ShareWay {
    /// The URL prefix of the list's paging and the id prefix of its elements.
    pub fn key(self) -> &'static str {
        match self {
            ShareWay::To => "to",
            ShareWay::From => "from",
        }
    }

    /// The start of the list's CSV file name.
    pub fn export_stem(self) -> &'static str {
        match self {
            ShareWay::To => "shared-to-partner",
            ShareWay::From => "received-from-partner",
        }
    }

    /// The id of the list's Export CSV button.
    pub fn export_id(self) -> &'static str {
        match self {
            ShareWay::To => "export-shared-to",
            ShareWay::From => "export-received-from",
        }
    }

    fn org_field(self) -> &'static str {
        match self {
            ShareWay::To => "targetIMSOrgId",
            ShareWay::From => "sourceIMSOrgId",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartnerPageQuery {
    pub to: Paging,
    pub from: Paging,
}

impl Default for PartnerPageQuery {
    fn default() -> Self {
        PartnerPageQuery {
            to: Paging::first(DEFAULT_PAGE_SIZE),
            from: Paging::first(DEFAULT_PAGE_SIZE),
        }
    }
}

impl UrlQuery for PartnerPageQuery {
    fn from_url(get: &dyn Fn(&str) -> Option<String>) -> Self {
        PartnerPageQuery {
            to: Paging::from_url(get, "to_", DEFAULT_PAGE_SIZE),
            from: Paging::from_url(get, "from_", DEFAULT_PAGE_SIZE),
        }
    }

    fn url_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        self.to.push_url("to_", DEFAULT_PAGE_SIZE, &mut params);
        self.from.push_url("from_", DEFAULT_PAGE_SIZE, &mut params);
        params
    }
}

impl PartnerPageQuery {
    pub fn paging(&self, way: ShareWay) -> Paging {
        match way {
            ShareWay::To => self.to,
            ShareWay::From => self.from,
        }
    }

    pub fn with_paging(self, way: ShareWay, paging: Paging) -> Self {
        match way {
            ShareWay::To => PartnerPageQuery { to: paging, ..self },
            ShareWay::From => PartnerPageQuery {
                from: paging,
                ..self
            },
        }
    }
}

/// One list of shares with one org: a Sharing-status view narrowed to the org.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerTransfers {
    pub org_id: String,
    pub way: ShareWay,
    pub view: TransferQuery,
}

impl PartnerTransfers {
    pub fn new(org_id: &str, way: ShareWay, paging: Paging) -> Self {
        PartnerTransfers {
            org_id: org_id.to_string(),
            way,
            view: TransferQuery {
                paging,
                ..TransferQuery::default()
            },
        }
    }

    /// Only the count of shares with `status`: one row is the least a page may hold.
    pub fn counting(org_id: &str, status: TransferStatus) -> Self {
        let mut counted = PartnerTransfers::new(org_id, ShareWay::To, Paging::first(1));
        counted.view.statuses = vec![status];
        counted
    }

    pub fn api_params(&self) -> Vec<(&'static str, String)> {
        let mut params = self.view.api_params();
        params.push((
            "property",
            format!("{}=={}", self.way.org_field(), self.org_id),
        ));
        params
    }
}

/// The handshakes with one org, both directions, as the page reads them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Partnership {
    /// Requests we sent to the org.
    pub outgoing: Vec<HandshakeRecord>,
    /// Requests the org sent us.
    pub incoming: Vec<HandshakeRecord>,
}

/// Who the org is, as the newest handshake that names it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerFacts {
    pub name: Option<String>,
    pub region: Option<String>,
}

impl Partnership {
    /// Every request, newest first, with the direction it went.
    pub fn requests(&self) -> Vec<(HandshakeRecord, Direction)> {
        let mut all: Vec<(HandshakeRecord, Direction)> = self
            .outgoing
            .iter()
            .map(|r| (r.clone(), Direction::Outgoing))
            .chain(
                self.incoming
                    .iter()
                    .map(|r| (r.clone(), Direction::Incoming)),
            )
            .collect();
        all.sort_by_key(|(record, _)| std::cmp::Reverse(record.created_date));
        all
    }

    pub fn is_empty(&self) -> bool {
        self.outgoing.is_empty() && self.incoming.is_empty()
    }

    /// The request that says where the partnership stands now: the newest one.
    pub fn current(&self) -> Option<(HandshakeRecord, Direction)> {
        self.requests().into_iter().next()
    }

    pub fn facts(&self) -> PartnerFacts {
        let requests = self.requests();
        let sides: Vec<_> = requests
            .iter()
            .map(|(record, direction)| partner(record, *direction))
            .collect();
        PartnerFacts {
            name: sides.iter().find_map(|p| p.name.clone()),
            region: sides.iter().find_map(|p| p.region.clone()),
        }
    }

    /// Shares go from us to an org that approved our request.
    pub fn can_share(&self) -> bool {
        self.outgoing
            .iter()
            .any(|r| r.status == HandshakeStatus::Approved)
    }

    /// Replaces a request with the server's answer to an action on it.
    pub fn patch(&mut self, updated: HandshakeRecord) {
        for record in self.outgoing.iter_mut().chain(self.incoming.iter_mut()) {
            if record.id == updated.id {
                *record = updated.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::url::parse_query_string;
    use std::collections::HashMap;

    const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";

    fn from(url: &str) -> PartnerPageQuery {
        let map: HashMap<String, String> = parse_query_string(url).into_iter().collect();
        PartnerPageQuery::from_url(&|key| map.get(key).cloned())
    }

    fn record(id: &str, status: &str, created: i64) -> HandshakeRecord {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "sourceIMSOrgId": "5C1328435BF324E90A49402A@AdobeOrg",
            "targetIMSOrgId": GLOBEX,
            "targetOrgName": "Globex",
            "targetRegion": "va7",
            "status": status,
            "createdDate": created,
            "linkingId": id
        }))
        .unwrap()
    }

    #[test]
    fn the_partner_page_keeps_the_org_id_readable() {
        assert_eq!(partner_href(GLOBEX), format!("/partners/{GLOBEX}"));
        assert_eq!(partner_href("a/b?c"), "/partners/a%2Fb%3Fc");
    }

    #[test]
    fn each_list_pages_on_its_own_in_the_url() {
        assert_eq!(PartnerPageQuery::default().to_url(), "");
        let query = PartnerPageQuery::default()
            .with_paging(ShareWay::To, Paging { page: 2, size: 50 })
            .with_paging(ShareWay::From, Paging { page: 3, size: 10 });
        assert_eq!(query.to_url(), "?to_page=2&to_size=50&from_page=3");
        assert_eq!(from(&query.to_url()), query);
        assert_eq!(from("?to_page=0&from_size=7"), PartnerPageQuery::default());
    }

    #[test]
    fn a_list_is_a_sharing_view_narrowed_to_the_org() {
        let to = PartnerTransfers::new(GLOBEX, ShareWay::To, Paging { page: 2, size: 10 });
        assert_eq!(
            to.api_params(),
            vec![
                ("start", "10".to_string()),
                ("limit", "10".to_string()),
                ("orderBy", "-createdDate".to_string()),
                ("property", format!("targetIMSOrgId=={GLOBEX}")),
            ]
        );
        let failed = PartnerTransfers::counting(GLOBEX, TransferStatus::Failed);
        assert!(failed
            .api_params()
            .contains(&("property", "status==FAILED".to_string())));
        assert!(failed.api_params().contains(&("limit", "1".to_string())));
        let from = PartnerTransfers::new(GLOBEX, ShareWay::From, Paging::first(10));
        assert!(from
            .api_params()
            .contains(&("property", format!("sourceIMSOrgId=={GLOBEX}"))));
    }

    #[test]
    fn the_newest_request_says_where_the_partnership_stands() {
        let partnership = Partnership {
            outgoing: vec![record("old", "CANCELLED", 1), record("new", "APPROVED", 5)],
            incoming: Vec::new(),
        };
        let (current, direction) = partnership.current().unwrap();
        assert_eq!(
            (current.id.as_str(), direction),
            ("new", Direction::Outgoing)
        );
        assert!(partnership.can_share());
        assert_eq!(
            partnership.facts(),
            PartnerFacts {
                name: Some("Globex".into()),
                region: Some("va7".into()),
            }
        );
        let ended = Partnership {
            outgoing: vec![record("old", "CANCELLED", 1)],
            incoming: Vec::new(),
        };
        assert!(!ended.can_share());
        assert!(Partnership::default().is_empty());
    }

    #[test]
    fn an_answer_replaces_its_request() {
        let mut partnership = Partnership {
            outgoing: vec![record("a", "APPROVED", 1)],
            incoming: Vec::new(),
        };
        partnership.patch(record("a", "CANCELLED", 1));
        assert_eq!(partnership.outgoing[0].status, HandshakeStatus::Cancelled);
    }
}
