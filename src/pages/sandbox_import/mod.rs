//! Importing a published package into another sandbox of the organization
//! (`/packages/:id/import`): target sandbox → impact preview → confirm → the job followed to
//! its summary.

mod confirm_step;
mod follow_job;
mod page;
mod preview_row;
mod preview_step;
mod sandbox_step;
mod steps;

pub use page::SandboxImportPage;

/// The import page of a package, with the given query string ("" or "?to=…").
pub fn import_href(package_id: &str, query: &str) -> String {
    format!(
        "/packages/{}/import{query}",
        crate::state::url::encode(package_id)
    )
}
