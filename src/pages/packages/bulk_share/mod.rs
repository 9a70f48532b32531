//! Bulk share: packages chosen on the Packages page, shared with the same partners in one go,
//! one `POST /transfer` per package, each package's answer shown as it arrives.

mod dialog;
mod outcome;
mod results;
mod selection;

pub use dialog::BulkShareDialog;
pub use selection::{BulkSelection, SelectAllCell, SelectCell, SelectionBar};
