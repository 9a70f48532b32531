//! Partners: partnership requests both ways, answering and cancelling them, new requests.

mod actions;
mod history;
mod org_id_entry;
pub mod page;
mod request_dialog;
mod section;
