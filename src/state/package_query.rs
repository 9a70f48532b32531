//! The Packages inventory view as URL query parameters and as API query parameters.
//!
//! The URL is the state: `?availability=public&q=journey&sort=-modifiedDate&page=2&size=20`.
//! Defaults are left out of the URL so that a plain `/packages` is the default view.

use exim_api::PackageVisibility;

use super::sorting::Sort;

pub const PAGE_SIZES: [u32; 4] = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE: u32 = 20;

/// Columns the API can sort packages by: (API field, column title).
pub const SORTABLE: [(&str, &str); 4] = [
    ("name", "Name"),
    ("status", "Status"),
    ("modifiedDate", "Modified"),
    ("expiry", "Expires"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageQuery {
    pub availability: PackageVisibility,
    pub search: String,
    pub sort: Sort,
    /// 1-based, as people count pages.
    pub page: u32,
    pub page_size: u32,
}

impl Default for PackageQuery {
    fn default() -> Self {
        PackageQuery {
            availability: PackageVisibility::Private,
            search: String::new(),
            sort: Sort::descending("modifiedDate"),
            page: 1,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

impl PackageQuery {
    /// Reads the view from URL parameters; anything missing or invalid takes its default.
    pub fn from_url(get: impl Fn(&str) -> Option<String>) -> Self {
        let default = PackageQuery::default();
        let availability = match get("availability").as_deref() {
            Some(value) if value.eq_ignore_ascii_case("public") => PackageVisibility::Public,
            _ => PackageVisibility::Private,
        };
        let sort = get("sort")
            .and_then(|raw| Sort::parse(&raw))
            .filter(|sort| SORTABLE.iter().any(|(field, _)| *field == sort.field))
            .unwrap_or(default.sort);
        let page = get("page")
            .and_then(|raw| raw.parse().ok())
            .filter(|page| *page >= 1)
            .unwrap_or(1);
        let page_size = get("size")
            .and_then(|raw| raw.parse().ok())
            .filter(|size| PAGE_SIZES.contains(size))
            .unwrap_or(DEFAULT_PAGE_SIZE);
        PackageQuery {
            availability,
            search: get("q").unwrap_or_default(),
            sort,
            page,
            page_size,
        }
    }

    /// The view as URL parameters, defaults left out.
    pub fn to_url(&self) -> String {
        let default = PackageQuery::default();
        let mut params = Vec::new();
        if self.availability == PackageVisibility::Public {
            params.push(("availability", "public".to_string()));
        }
        if !self.search.trim().is_empty() {
            params.push(("q", self.search.clone()));
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
        super::url::query_string(&params)
    }

    /// Query parameters of `GET /exim/packages` for this view.
    pub fn api_params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("start", ((self.page - 1) * self.page_size).to_string()),
            ("limit", self.page_size.to_string()),
            ("orderby", self.sort.to_param()),
            (
                "property",
                format!("packageVisibility=={}", self.availability.as_str()),
            ),
        ];
        let search = self.search.trim();
        if !search.is_empty() {
            params.push(("property", format!("name~{search}")));
        }
        params
    }

    /// The same view on another page.
    pub fn with_page(&self, page: u32) -> Self {
        PackageQuery {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// A new filter or order starts again at page 1.
    pub fn restarted(self) -> Self {
        PackageQuery { page: 1, ..self }
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
        PackageQuery::from_url(|key| map.get(key).cloned())
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
            search: "holiday & more".into(),
            sort: Sort::ascending("name"),
            page: 3,
            page_size: 50,
        };
        let url = query.to_url();
        assert_eq!(
            url,
            "?availability=public&q=holiday%20%26%20more&sort=name&page=3&size=50"
        );
        let pairs = super::super::url::parse_query_string(&url);
        let map: HashMap<String, String> = pairs.into_iter().collect();
        assert_eq!(PackageQuery::from_url(|key| map.get(key).cloned()), query);
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
    fn api_params_filter_by_availability_and_name() {
        let query = PackageQuery {
            search: " journey ".into(),
            page: 2,
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
