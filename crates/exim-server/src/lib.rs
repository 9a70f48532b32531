//! `exim-server`: a local implementation of Adobe Experience Platform's Sandbox Tooling
//! (`/data/foundation/exim`) API with its companions (access control, sandbox management),
//! on axum and SQLite. It is the default backend of Sandbox Share, its demo, and the backend
//! of every browser test.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use exim_server::{app, AppState, ServerConfig};
//! let state = AppState::open(&ServerConfig { demo: true, ..ServerConfig::default() })?;
//! // Publishing, imports and transfers advance only while the worker runs.
//! state.start_worker();
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8081").await?;
//! axum::serve(listener, app(state)).await?;
//! # Ok(()) }
//! ```
//!
//! # Local extensions
//!
//! Beyond Adobe's API (README "exim-server's local extensions"): sandboxes hold objects, which
//! import look-ups rank as suggestions (`import_rules`); IMPORT jobs report `objectResults`
//! (REPLACED, REUSED, CREATED or FAILED per artifact) and fill `importReplacementMap`;
//! preflight answers per artifact type from the caller's `resource:<Resource>` permissions;
//! a completed transfer shows the target org its copy (`targetPackageId`), which names its
//! origin (`receivedFrom`, filterable as `receivedFrom.imsOrgId` and `received`); job lists
//! honour `jobStatus`, `jobType` and `requestType`, package lists `status`.
//!
//! For authoring: `GET /exim/sandbox-objects` lists a sandbox's objects (`sandbox`, `type`,
//! `search`, `start`, `limit`); `POST /exim/packages/{id}/children` answers for drafts too
//! (Platform refuses them) and adds the objects each artifact is linked to in the sandbox, as
//! a tree at most five levels deep that never repeats an object of its own path; publishing
//! fails (PUBLISH_FAILED, the job FAILED with `errorMessage` and a failed task per artifact)
//! when an artifact of a PARTIAL package is not in its sandbox; `GET
//! /exim/packages/{id}/history` tells what happened to a package (`history_rules`); artifact
//! ids may not hold spaces or control characters.
//!
//! # Test hooks
//!
//! `exim-server --test-hooks`, or in-process
//! `app(AppState::open(&config)?.with_test_hooks())`, adds two local endpoints outside
//! `/data/foundation` (without hooks they do not exist). They see API routes only.
//!
//! **`GET /_local/requests`** counts API requests per route since start:
//! `{"since": 1795374587711, "total": 4, "routes": {"GET /data/foundation/exim/transfer/list":
//! 3, "GET /data/foundation/exim/packages/{id}": 1}}`. The key is the method and the route
//! pattern. `DELETE /_local/requests` resets the counts (204).
//!
//! **`POST /_local/faults`** (201) arms a fault for the next `times` requests matching
//! `method` (optional) and `path`:
//! `{"method": "GET", "path": "/data/foundation/exim/transfer/list", "times": 2,
//! "status": 429, "retryAfter": 3, "title": "Slow down", "delayMs": 0, "drop": false}`.
//! In `path`, a segment `*` or `{name}` matches any one segment and a final `**` any rest, so a
//! route pattern works as written. The fault waits `delayMs`, then drops the connection
//! mid-answer (`drop`: headers and one body byte, then the cut) or answers `status` (400–599) with Platform's error body (the gateway's body for
//! 401) and `Retry-After` (`retryAfter`, default 1 for 429); with neither, the request then
//! proceeds normally. Faults apply in the order armed. `GET /_local/faults` lists the armed
//! faults with their `remaining` count; `DELETE /_local/faults` disarms all (204).

mod artifact_model;
mod auth;
mod clock;
mod config;
mod db;
mod demo;
mod directory;
mod error;
mod extract;
mod handshake_rules;
mod history_rules;
mod ids;
mod import_rules;
mod package_rules;
mod query;
mod request_headers;
mod routes;
mod state;
mod static_files;
mod test_hooks;
mod validate;
mod worker;

use axum::Router;
use tower::Layer;
use tower_http::normalize_path::NormalizePathLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use auth::LOCAL_API_KEY;
pub use config::{ServerConfig, DEFAULT_STEP_MS};
pub use db::OpenError;
pub use demo::{demo_tokens, DemoToken};
pub use state::AppState;

/// The whole HTTP surface: the API under `/data/foundation` and, when configured, the built
/// app for every other path.
///
/// Only builds the router: nothing starts running. Asynchronous work (publishing, imports,
/// transfers) advances only while the state's worker runs, so a server also calls
/// [`AppState::start_worker`]; a test that checks only synchronous answers need not.
pub fn app(state: AppState) -> Router {
    let mut router = routes::api_router(state.test_hooks());
    if let Some(hooks) = state.test_hooks() {
        router = router.merge(test_hooks::routes(&hooks));
    }
    if let Some(dir) = state.static_dir() {
        router = router.fallback_service(static_files::router(dir));
    }
    // The default span holds method and URI only, never headers: tokens stay out of logs.
    let trace = TraceLayer::new_for_http()
        .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
        .on_response(DefaultOnResponse::new().level(Level::INFO));
    let router = router.layer(trace).with_state(state);
    // Platform's documented examples call `/packages/` and `/packages/import/`: a trailing
    // slash must reach the same route, so it is trimmed before routing.
    Router::new().fallback_service(NormalizePathLayer::trim_trailing_slash().layer(router))
}
