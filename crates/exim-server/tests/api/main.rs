//! The API's behaviour, one module per area; a single test binary keeps builds short.

mod common;

mod access_control;
mod auth;
mod authoring;
mod bad_input;
mod concurrency;
mod contract;
mod crash;
mod database;
mod embedding;
mod handshakes;
mod imports;
mod isolation;
mod package_jobs;
mod package_reads;
mod package_writes;
mod packages_support;
mod routing;
mod sandboxes;
mod static_files;
mod test_hooks;
mod token_logging;
mod transfers;
