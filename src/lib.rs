//! Sandbox Share: a browser console for sharing Adobe Experience Platform Sandbox Tooling
//! packages across organizations.
//!
//! Layers, each depending only on those after it: `app` (router and shell) → `pages` (one
//! folder per feature) → `session` (connection, permissions, sandboxes) and `components`
//! (generic widgets) → `api` (REST client) and `state` (pure logic, unit-tested natively) →
//! `i18n` (the UI's words, numbers and dates in the user's language).

pub mod api;
mod app;
mod components;
pub mod i18n;
mod pages;
mod perf;
mod session;
pub mod state;
mod storage;

pub use app::App;
