//! Jobs: every export (publish) and import job of the org, live while any runs, with the right
//! rail of one job. [`ObjectResults`] and [`JobStatusLight`] are also the import page's.

mod feed;
mod job_status;
mod object_results;
pub mod page;
pub mod rail;

pub use job_status::JobStatusLight;
pub use object_results::ObjectResults;
