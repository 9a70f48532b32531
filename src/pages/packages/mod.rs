//! Packages: the inventory, package details, and the actions on a package (share, copy
//! payload, availability).

mod actions;
pub mod details;
mod org_picker;
pub mod page;
mod share_dialog;
mod share_to;
