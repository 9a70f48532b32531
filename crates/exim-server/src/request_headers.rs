//! Reading request headers the way Platform's gateway does. Shared by the gateway checks
//! (`auth`) and by error reports (`error`), which name the org and sandbox of the request.

use axum::http::HeaderMap;

/// A header's trimmed value; absent, blank and non-text values all count as missing.
pub fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|value| !value.is_empty())
}
