//! Widgets shared by the screens.

pub mod app_header;
pub mod dialog;
pub mod focus;
pub mod inline_alert;
pub mod live_refresh;
pub mod nav_tabs;
pub mod org_id_entry;
pub mod org_picker;
pub mod package_actions;
pub mod pagination;
pub mod partnership_actions;
pub mod partnership_history;
pub mod partnership_request_dialog;
pub mod partnership_table;
pub mod pull_form;
pub mod pulled_packages;
pub mod search_box;
pub mod share_dialog;
pub mod sort_header;
pub mod status_light;
pub mod toast;
