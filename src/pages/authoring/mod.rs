//! Authoring packages: the New package page, and the draft's editing, publishing, deleting
//! and history on package details.

mod artifacts;
mod blocked;
pub mod delete;
pub mod draft;
mod edit_details;
mod follow;
mod publish;
