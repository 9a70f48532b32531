//! The Packages inventory view as URL query parameters and as API query parameters.
//!
//! The URL is the state: `?availability=public&q=journey&sort=-modifiedDate&page=2&size=20`.
//! Defaults are left out of the URL so that a plain `/packages` is the default view.

use exim_api::PackageVisibility;

use super::list_query::{sort_from_url, Paging, UrlQuery};
use super::sorting::Sort;

const DEFAULT_PAGE_SIZE: u32 = 20;

/// Columns the API can sort packages by.
const SORTABLE: [&str; 4] = ["name", "status", "modifiedDate", "expiry"];

/// Where the listed packages come from. Filtering by it uses exim-server's `received`
/// extension; Platform refuses the filter, and says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    #[default]
    Any,
    /// Copies received from partner organizations.
    Received,
    /// Packages made in this organization.
    Own,
}

impl Origin {
    pub const ALL: [Origin; 3] = [Origin::Any, Origin::Received, Origin::Own];

    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Any => "any",
            Origin::Received => "received",
            Origin::Own => "own",
        }
    }

    fn parse(raw: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|origin| origin.as_str() == raw)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageQuery {
    pub availability: PackageVisibility,
    pub origin: Origin,
    pub search: String,
    pub sort: Sort,
    pub paging: Paging,
}

impl Default for PackageQuery {
    fn default() -> Self {
        PackageQuery {
            availability: PackageVisibility::Private,
            origin: Origin::Any,
            search: String::new(),
            sort: Sort::descending("modifiedDate"),
            paging: Paging::first(DEFAULT_PAGE_SIZE),
        }
    }
}

impl UrlQuery for PackageQuery {
    fn from_url(get: &dyn Fn(&str) -> Option<String>) -> Self {
        let default = PackageQuery::default();
        let availability = match get("availability").as_deref() {
            Some(value) if value.eq_ignore_ascii_case("public") => PackageVisibility::Public,
            _ => PackageVisibility::Private,
        };
        PackageQuery {
            availability,
            origin: get("origin").map_or(Origin::Any, |raw| Origin::parse(&raw)),
            search: get("q").unwrap_or_default(),
            sort: sort_from_url(get("sort"), &SORTABLE, default.sort),
            paging: Paging::from_url(get, "", DEFAULT_PAGE_SIZE),
        }
    }

    fn url_params(&self) -> Vec<(String, String)> {
        let default = PackageQuery::default();
        let mut params = Vec::new();
        if self.availability == PackageVisibility::Public {
            params.push(("availability".to_string(), "public".to_string()));
        }
        if self.origin != Origin::Any {
            params.push(("origin".to_string(), self.origin.as_str().to_string()));
        }
        if !self.search.trim().is_empty() {
            params.push(("q".to_string(), self.search.clone()));
        }
        if self.sort != default.sort {
            params.push(("sort".to_string(), self.sort.to_param()));
        }
        self.paging.push_url("", DEFAULT_PAGE_SIZE, &mut params);
        params
    }
}

impl PackageQuery {
    /// Query parameters of `GET /exim/packages` for this view.
    pub fn api_params(&self) -> Vec<(&'static str, String)> {
        let mut params = self.paging.api_params().to_vec();
        params.push(("orderby", self.sort.to_param()));
        params.push((
            "property",
            format!("packageVisibility=={}", self.availability.as_str()),
        ));
        match self.origin {
            Origin::Any => {}
            Origin::Received => params.push(("property", "received==true".to_string())),
            Origin::Own => params.push(("property", "received==false".to_string())),
        }
        let search = self.search.trim();
        if !search.is_empty() {
            params.push(("property", format!("name~{search}")));
        }
        params
    }

    /// A new filter or order starts again at page 1.
    pub fn restarted(self) -> Self {
        PackageQuery {
            paging: self.paging.at(1),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> PackageQuery {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        PackageQuery::from_url(&|key| map.get(key).cloned())
    }

    #[test]
    fn an_empty_url_is_the_default_view() {
        assert_eq!(parse(&[]), PackageQuery::default());
        assert_eq!(PackageQuery::default().to_url(), "");
    }

    #[test]
    fn a_view_round_trips_through_the_url() {
        let query = PackageQuery {
            availability: PackageVisibility::Public,
            origin: Origin::Any,
            search: "holiday & more".into(),
            sort: Sort::ascending("name"),
            paging: Paging { page: 3, size: 50 },
        };
        let url = query.to_url();
        assert_eq!(
            url,
            "?availability=public&q=holiday%20%26%20more&sort=name&page=3&size=50"
        );
        let pairs = super::super::url::parse_query_string(&url);
        let map: HashMap<String, String> = pairs.into_iter().collect();
        assert_eq!(PackageQuery::from_url(&|key| map.get(key).cloned()), query);
    }

    #[test]
    fn invalid_values_fall_back_to_defaults() {
        let query = parse(&[
            ("page", "0"),
            ("size", "7"),
            ("sort", "-secret"),
            ("availability", "x"),
        ]);
        assert_eq!(query, PackageQuery::default());
    }

    #[test]
    fn origin_lives_in_the_url_and_filters_by_the_received_extension() {
        let query = parse(&[("origin", "received")]);
        assert_eq!(query.origin, Origin::Received);
        assert_eq!(query.to_url(), "?origin=received");
        assert!(query
            .api_params()
            .contains(&("property", "received==true".to_string())));
        assert!(parse(&[("origin", "own")])
            .api_params()
            .contains(&("property", "received==false".to_string())));
        assert_eq!(parse(&[("origin", "nonsense")]).origin, Origin::Any);
    }

    #[test]
    fn api_params_filter_by_availability_and_name() {
        let query = PackageQuery {
            search: " journey ".into(),
            paging: Paging::first(20).at(2),
            ..PackageQuery::default()
        };
        assert_eq!(
            query.api_params(),
            vec![
                ("start", "20".to_string()),
                ("limit", "20".to_string()),
                ("orderby", "-modifiedDate".to_string()),
                ("property", "packageVisibility==PRIVATE".to_string()),
                ("property", "name~journey".to_string()),
            ]
        );
    }
}
