//! `exim-server`: a local implementation of Adobe Experience Platform's Sandbox Tooling
//! (`/data/foundation/exim`) API with its companions (access control, sandbox management),
//! on axum and SQLite. It is the default backend of Sandbox Share, its demo, and the backend
//! of every browser test.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use exim_server::{app, AppState, ServerConfig};
//! let state = AppState::open(&ServerConfig { demo: true, ..ServerConfig::default() })?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8081").await?;
//! axum::serve(listener, app(state)).await?;
//! # Ok(()) }
//! ```

mod artifact_model;
mod auth;
mod clock;
mod config;
mod db;
mod demo;
mod directory;
mod error;
mod extract;
mod ids;
mod package_rules;
mod query;
mod routes;
mod state;
mod static_files;
mod validate;
mod worker;

use axum::Router;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use auth::LOCAL_API_KEY;
pub use config::{ServerConfig, DEFAULT_STEP_MS};
pub use db::OpenError;
pub use state::AppState;

/// The whole HTTP surface: the API under `/data/foundation` and, when configured, the built
/// app for every other path.
///
/// Must be called inside a tokio runtime: it starts the worker that advances asynchronous
/// work (publishing, imports, transfers) of this state.
pub fn app(state: AppState) -> Router {
    state.start_worker();
    let mut router = routes::api_router();
    if let Some(dir) = state.static_dir() {
        router = router.fallback_service(static_files::router(dir));
    }
    // The default span holds method and URI only, never headers: tokens stay out of logs.
    let trace = TraceLayer::new_for_http()
        .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
        .on_response(DefaultOnResponse::new().level(Level::INFO));
    router.layer(trace).with_state(state)
}
