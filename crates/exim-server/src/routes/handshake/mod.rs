//! `/exim/handshake/...`: partnership requests between orgs.

mod action;
mod bulk_create;
mod list;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/exim/handshake/bulkCreate", post(bulk_create::bulk_create))
        .route("/exim/handshake/action", post(action::action))
        .route("/exim/handshake/list", get(list::list))
}
