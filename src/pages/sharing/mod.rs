//! Sharing status: every share and pull, live, with the right rail of one transfer.

mod feed;
mod org_link;
pub mod page;
pub mod rail;
mod retry;

pub use feed::{transfer_href, transfer_id};
