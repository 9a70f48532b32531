//! Pure logic, free of the DOM so that it is unit-tested natively.

pub mod authoring_rules;
pub mod connection;
pub mod csv;
pub mod history;
pub mod import_plan;
pub mod import_rules;
pub mod job_progress;
pub mod job_query;
pub mod list_query;
pub mod org_ids;
pub mod package_query;
pub mod partner_filter;
pub mod partner_query;
pub mod partner_workspace;
pub mod partnership;
pub mod payload;
pub mod polling;
pub mod pulled_query;
pub mod request_outcome;
pub mod share_rules;
pub mod sorting;
pub mod status;
pub mod transfer_progress;
pub mod transfer_query;
pub mod url;
