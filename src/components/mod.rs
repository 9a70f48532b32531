//! Generic widgets, free of any one feature: they know nothing of packages, shares or
//! partners, and never read the session.

pub mod date_cell;
pub mod dialog;
pub mod focus;
pub mod inline_alert;
pub mod list_frame;
pub mod pagination;
pub mod rail;
pub mod refresh;
pub mod search_box;
pub mod sort_header;
pub mod status_light;
pub mod toast;
pub mod url_query;
