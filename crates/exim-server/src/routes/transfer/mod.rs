//! `/exim/transfer/...`: sharing packages with other orgs. The worker moves each transfer
//! along; these handlers create and read them.

mod create;
mod list;
mod pull;
mod read;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/exim/transfer", post(create::create))
        .route("/exim/transfer/list", get(list::list))
        .route("/exim/transfer/pullRequest", post(pull::pull))
        .route("/exim/transfer/{id}", get(read::get_one))
}
