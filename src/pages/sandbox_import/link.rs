//! Links to the import page.

use crate::state::url::encode;

/// The import page of a package, with the given query string ("" or "?to=…").
pub fn import_href(package_id: &str, query: &str) -> String {
    format!("/packages/{}/import{query}", encode(package_id))
}
