//! Pure logic, free of the DOM so that it is unit-tested natively.

pub mod connection;
pub mod format;
pub mod status;
