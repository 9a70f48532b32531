//! Sandbox Share: a browser console for sharing Adobe Experience Platform Sandbox Tooling
//! packages across organizations.
//!
//! `state` is pure logic (unit-tested natively); `api` talks to Platform or `exim-server`;
//! `pages` are the screens and `components` the widgets they share.

pub mod api;
mod app;
mod components;
mod pages;
mod perf;
pub mod state;
mod storage;

pub use app::App;
