//! Jobs: every export (publish) and import job of the org, live while any runs, with the right
//! rail of one job. [`JobDetailsView`] is also the import page's, for the job it submitted.

mod feed;
mod job_status;
mod object_results;
pub mod page;
pub mod rail;

pub use rail::JobDetailsView;
