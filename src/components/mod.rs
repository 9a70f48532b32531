//! Widgets shared by the screens.

pub mod app_header;
pub mod inline_alert;
pub mod nav_tabs;
pub mod status_light;
