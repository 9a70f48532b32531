//! Widgets shared by the screens.

pub mod app_header;
pub mod dialog;
pub mod inline_alert;
pub mod live_refresh;
pub mod nav_tabs;
pub mod org_picker;
pub mod package_actions;
pub mod pagination;
pub mod search_box;
pub mod share_dialog;
pub mod sort_header;
pub mod status_light;
pub mod toast;
