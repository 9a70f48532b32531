//! Import: pull a public package with its payload, and the list of pulls.

pub mod page;
mod pull_form;
mod pulled;
