//! `/exim/packages/...`, `/exim/tools/job/{id}` and `/exim/sandbox-objects`: one file per
//! group of operations.

mod children;
mod create;
mod delete;
mod history;
mod import;
mod jobs;
mod lookup;
mod payload;
mod preflight;
mod publish;
mod read;
mod sandbox_objects;
mod update;

use axum::routing::{get, post, put};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/exim/packages",
            get(read::list).post(create::create).put(update::update),
        )
        .route("/exim/packages/update", put(update::update_visibility))
        .route(
            "/exim/packages/import",
            put(import::submit).post(import::submit),
        )
        .route("/exim/packages/jobs", get(jobs::list))
        .route("/exim/packages/payload/{id}", get(payload::payload))
        .route("/exim/packages/preflight/{id}", get(preflight::preflight))
        .route(
            "/exim/packages/preflight/{id}/export",
            get(preflight::preflight),
        )
        .route(
            "/exim/packages/{id}",
            get(read::get_one).delete(delete::delete),
        )
        .route("/exim/packages/{id}/export", get(publish::publish))
        .route("/exim/packages/{id}/import", get(import::conflicts))
        .route("/exim/packages/{id}/children", post(children::children))
        .route("/exim/packages/{id}/history", get(history::history))
        .route("/exim/tools/job/{id}", get(jobs::get_one))
        .route("/exim/sandbox-objects", get(sandbox_objects::list))
}
