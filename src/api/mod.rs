//! Typed REST client for Platform's `/data/foundation` APIs (and `exim-server`).

pub mod authoring;
mod client;
mod error;
pub mod handshakes;
pub mod imports;
pub mod jobs;
pub mod packages;
pub mod partners;
pub mod permissions;
pub mod sandboxes;
pub mod transfers;

pub use client::ApiClient;
pub use error::ApiError;
