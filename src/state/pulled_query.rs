//! The "Pulled packages" list of Import as URL and API query parameters:
//! `/import?page=2&size=20`.

use super::package_query::PAGE_SIZES;

const DEFAULT_PAGE_SIZE: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PulledQuery {
    /// 1-based, as people count pages.
    pub page: u32,
    pub page_size: u32,
}

impl Default for PulledQuery {
    fn default() -> Self {
        PulledQuery {
            page: 1,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

impl PulledQuery {
    /// Reads the view from URL parameters; anything missing or invalid takes its default.
    pub fn from_url(get: impl Fn(&str) -> Option<String>) -> Self {
        PulledQuery {
            page: get("page")
                .and_then(|raw| raw.parse().ok())
                .filter(|page| *page >= 1)
                .unwrap_or(1),
            page_size: get("size")
                .and_then(|raw| raw.parse().ok())
                .filter(|size| PAGE_SIZES.contains(size))
                .unwrap_or(DEFAULT_PAGE_SIZE),
        }
    }

    /// The view as URL parameters, defaults left out.
    pub fn to_url(self) -> String {
        let mut params = Vec::new();
        if self.page != 1 {
            params.push(("page", self.page.to_string()));
        }
        if self.page_size != DEFAULT_PAGE_SIZE {
            params.push(("size", self.page_size.to_string()));
        }
        super::url::query_string(&params)
    }

    /// Query parameters of `GET /exim/transfer/list` for public pulls, newest first.
    pub fn api_params(self) -> Vec<(&'static str, String)> {
        vec![
            ("requestType", "PUBLIC".to_string()),
            ("start", ((self.page - 1) * self.page_size).to_string()),
            ("limit", self.page_size.to_string()),
            ("orderBy", "-createdDate".to_string()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_round_trips_and_defaults_stay_out_of_the_url() {
        assert_eq!(PulledQuery::default().to_url(), "");
        let query = PulledQuery {
            page: 3,
            page_size: 50,
        };
        assert_eq!(query.to_url(), "?page=3&size=50");
        let parsed = PulledQuery::from_url(|key| match key {
            "page" => Some("3".into()),
            "size" => Some("50".into()),
            _ => None,
        });
        assert_eq!(parsed, query);
    }

    #[test]
    fn invalid_values_fall_back_to_defaults() {
        let parsed = PulledQuery::from_url(|key| match key {
            "page" => Some("-1".into()),
            "size" => Some("13".into()),
            _ => None,
        });
        assert_eq!(parsed, PulledQuery::default());
    }

    #[test]
    fn api_params_ask_for_public_pulls_page_by_page() {
        let query = PulledQuery {
            page: 2,
            page_size: 20,
        };
        assert_eq!(
            query.api_params(),
            vec![
                ("requestType", "PUBLIC".to_string()),
                ("start", "20".to_string()),
                ("limit", "20".to_string()),
                ("orderBy", "-createdDate".to_string()),
            ]
        );
    }
}
