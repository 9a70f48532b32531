//! Importing a published package into another sandbox of the organization
//! (`/packages/:id/import`): target sandbox → impact preview → confirm → the job followed to
//! its summary.

mod confirm_step;
mod follow_job;
mod link;
mod page;
mod preview_row;
mod preview_step;
mod sandbox_step;
mod steps;

pub use link::import_href;
pub use page::SandboxImportPage;
