//! The API's behaviour, one module per area; a single test binary keeps builds short.

#[path = "../common/mod.rs"]
mod common;

mod handshakes;
mod package_jobs;
mod package_writes;
mod packages_support;
mod test_hooks;
mod transfers;
