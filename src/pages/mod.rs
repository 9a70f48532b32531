//! One module per screen.

pub mod connection;
pub mod import_payload;
pub mod not_found;
pub mod package_details;
pub mod packages;
pub mod partners;
pub mod sharing_status;
pub mod transfer_rail;
