//! The API's behaviour, one module per area; a single test binary keeps builds short.

#[path = "../common/mod.rs"]
mod common;

mod bad_input;
mod concurrency;
mod contract;
mod crash;
mod handshakes;
mod isolation;
mod package_jobs;
mod package_writes;
mod packages_support;
mod test_hooks;
mod token_logging;
mod transfers;
