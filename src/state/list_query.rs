//! What every list view has in common: a view kept in the URL, a page of a given size, and an
//! order. One parser for all of them, so that `page`, `size` and `sort` mean the same
//! everywhere and an invalid value always falls back to the default.

use super::sorting::Sort;
use super::url::query_string;

/// The page sizes a user can choose.
pub const PAGE_SIZES: [u32; 4] = [10, 20, 50, 100];

/// A list's view that lives in the URL's query string. Defaults are left out of the URL, so
/// that the plain path is the default view; anything missing or invalid takes its default.
pub trait UrlQuery: Clone + PartialEq + Send + Sync + 'static {
    fn from_url(get: &dyn Fn(&str) -> Option<String>) -> Self;
    fn url_params(&self) -> Vec<(String, String)>;

    /// `?a=1&b=2`, or an empty string for the default view.
    fn to_url(&self) -> String {
        let params = self.url_params();
        let borrowed: Vec<(&str, String)> = params
            .iter()
            .map(|(key, value)| (key.as_str(), value.clone()))
            .collect();
        query_string(&borrowed)
    }
}

/// Which page of a list, 1-based as people count pages, and how many rows a page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub size: u32,
}

impl Paging {
    /// The first page, `size` rows long.
    pub const fn first(size: u32) -> Self {
        Paging { page: 1, size }
    }

    /// Reads `{prefix}page` and `{prefix}size`; a size not offered falls back to `default_size`.
    pub fn from_url(get: &dyn Fn(&str) -> Option<String>, prefix: &str, default_size: u32) -> Self {
        let page = get(&format!("{prefix}page"))
            .and_then(|raw| raw.parse().ok())
            .filter(|page| *page >= 1)
            .unwrap_or(1);
        let size = get(&format!("{prefix}size"))
            .and_then(|raw| raw.parse().ok())
            .filter(|size| PAGE_SIZES.contains(size))
            .unwrap_or(default_size);
        Paging { page, size }
    }

    /// Adds `{prefix}page` and `{prefix}size` where they differ from the first page of
    /// `default_size`.
    pub fn push_url(&self, prefix: &str, default_size: u32, params: &mut Vec<(String, String)>) {
        if self.page != 1 {
            params.push((format!("{prefix}page"), self.page.to_string()));
        }
        if self.size != default_size {
            params.push((format!("{prefix}size"), self.size.to_string()));
        }
    }

    /// `start` and `limit` of the API's paged lists.
    pub fn api_params(&self) -> [(&'static str, String); 2] {
        [
            (
                "start",
                (self.page.saturating_sub(1) * self.size).to_string(),
            ),
            ("limit", self.size.to_string()),
        ]
    }

    /// Another page of the same size.
    pub fn at(self, page: u32) -> Self {
        Paging {
            page: page.max(1),
            ..self
        }
    }

    /// The first page of another size: what was row 1 is on it.
    pub fn resized(self, size: u32) -> Self {
        Paging::first(size)
    }
}

/// Reads an order from the URL: one of the `sortable` fields, else `default`.
pub fn sort_from_url(raw: Option<String>, sortable: &[&str], default: Sort) -> Sort {
    raw.and_then(|raw| Sort::parse(&raw))
        .filter(|sort| sortable.contains(&sort.field.as_str()))
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn paging_round_trips_with_a_prefix_and_leaves_defaults_out() {
        let paging = Paging { page: 3, size: 50 };
        let mut params = Vec::new();
        paging.push_url("in_", 10, &mut params);
        assert_eq!(
            params,
            vec![
                ("in_page".to_string(), "3".to_string()),
                ("in_size".to_string(), "50".to_string())
            ]
        );
        let get = lookup(&[("in_page", "3"), ("in_size", "50")]);
        assert_eq!(Paging::from_url(&get, "in_", 10), paging);
        let mut none = Vec::new();
        Paging::first(10).push_url("", 10, &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn invalid_pages_and_sizes_fall_back() {
        let get = lookup(&[("page", "0"), ("size", "7")]);
        assert_eq!(Paging::from_url(&get, "", 20), Paging::first(20));
        let get = lookup(&[("page", "x"), ("size", "-1")]);
        assert_eq!(Paging::from_url(&get, "", 20), Paging::first(20));
    }

    #[test]
    fn api_params_count_rows_from_zero() {
        assert_eq!(
            Paging { page: 3, size: 20 }.api_params(),
            [("start", "40".to_string()), ("limit", "20".to_string())]
        );
        assert_eq!(Paging { page: 5, size: 10 }.resized(50), Paging::first(50));
        assert_eq!(Paging::first(10).at(0), Paging::first(10));
    }

    #[test]
    fn only_sortable_fields_are_taken() {
        let default = Sort::descending("createdDate");
        let sortable = ["name", "createdDate"];
        assert_eq!(
            sort_from_url(Some("name".into()), &sortable, default.clone()),
            Sort::ascending("name")
        );
        assert_eq!(
            sort_from_url(Some("-secret".into()), &sortable, default.clone()),
            default
        );
        assert_eq!(sort_from_url(None, &sortable, default.clone()), default);
    }
}
