//! The "Pulled packages" list of Import as URL and API query parameters:
//! `/import?page=2&size=20`.

use super::list_query::{Paging, UrlQuery};

const DEFAULT_PAGE_SIZE: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PulledQuery {
    pub paging: Paging,
}

impl Default for PulledQuery {
    fn default() -> Self {
        PulledQuery {
            paging: Paging::first(DEFAULT_PAGE_SIZE),
        }
    }
}

impl UrlQuery for PulledQuery {
    fn from_url(get: &dyn Fn(&str) -> Option<String>) -> Self {
        PulledQuery {
            paging: Paging::from_url(get, "", DEFAULT_PAGE_SIZE),
        }
    }

    fn url_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        self.paging.push_url("", DEFAULT_PAGE_SIZE, &mut params);
        params
    }
}

impl PulledQuery {
    /// Query parameters of `GET /exim/transfer/list` for public pulls, newest first.
    pub fn api_params(self) -> Vec<(&'static str, String)> {
        let mut params = vec![("requestType", "PUBLIC".to_string())];
        params.extend(self.paging.api_params());
        params.push(("orderBy", "-createdDate".to_string()));
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_round_trips_and_defaults_stay_out_of_the_url() {
        assert_eq!(PulledQuery::default().to_url(), "");
        let query = PulledQuery {
            paging: Paging { page: 3, size: 50 },
        };
        assert_eq!(query.to_url(), "?page=3&size=50");
        let parsed = PulledQuery::from_url(&|key| match key {
            "page" => Some("3".into()),
            "size" => Some("50".into()),
            _ => None,
        });
        assert_eq!(parsed, query);
    }

    #[test]
    fn invalid_values_fall_back_to_defaults() {
        let parsed = PulledQuery::from_url(&|key| match key {
            "page" => Some("-1".into()),
            "size" => Some("13".into()),
            _ => None,
        });
        assert_eq!(parsed, PulledQuery::default());
    }

    #[test]
    fn api_params_ask_for_public_pulls_page_by_page() {
        let query = PulledQuery {
            paging: Paging { page: 2, size: 20 },
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
