//! The screens, one folder per feature with the blocks only it uses.

pub mod authoring;
pub mod connection;
pub mod export;
pub mod import;
pub mod jobs;
pub mod not_found;
pub mod packages;
pub mod partner;
pub mod partners;
pub mod sandbox_import;
pub mod sharing;
