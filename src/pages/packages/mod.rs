//! Packages: the inventory, package details, and the actions on a package (share, copy
//! payload, availability).

mod actions;
mod bulk_share;
pub mod details;
mod org_picker;
pub mod page;
mod share_dialog;
mod share_to;
