//! End-to-end tests in headless Chromium against exim-server serving the release build.
//! Run with `cargo xtask test`, or alone: `cargo test --test browser` after `trunk build --release`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod authoring_drafts;
mod authoring_journey;
mod bulk_share;
mod connection_panel;
mod export;
mod german;
mod hostile_data;
mod import_payload;
mod jobs;
mod narrow_screens;
mod new_package;
mod notifications;
mod package_actions;
mod packages_inventory;
mod packages_tab;
mod partner_workspace;
mod partners;
mod resilience;
mod retry_share;
mod sandbox_import;
mod security;
mod sharing;
