//! Pure logic, free of the DOM so that it is unit-tested natively.

pub mod connection;
pub mod format;
pub mod package_query;
pub mod partner_filter;
pub mod polling;
pub mod share_rules;
pub mod sorting;
pub mod status;
pub mod transfer_progress;
pub mod transfer_query;
pub mod url;
