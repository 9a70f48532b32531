//! Authoring packages: the New package page, and the draft's editing, publishing, deleting
//! and history on package details.

mod add_artifacts;
mod artifact_entry;
mod artifact_paste;
mod artifact_picker;
mod artifacts;
mod blocked;
mod chosen_artifacts;
pub mod delete;
mod dependencies;
pub mod draft;
mod edit_details;
mod follow;
mod history;
mod new_package;
mod object_browser;
mod publish;

pub use add_artifacts::AddArtifacts;
pub use history::{HistoryRead, PackageHistoryPanel};
pub use new_package::NewPackagePage;
