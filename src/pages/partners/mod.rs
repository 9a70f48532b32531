//! Partners: partnership requests both ways, answering and cancelling them, new requests.

pub mod actions;
pub mod history;
mod org_id_entry;
pub mod page;
pub mod pending_count;
mod request_dialog;
mod section;
