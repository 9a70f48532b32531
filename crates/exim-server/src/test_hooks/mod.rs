//! Local-only helpers for tests, present only when the server runs with `--test-hooks` (or
//! `AppState::with_test_hooks`), and never under `/data/foundation`:
//!
//! - `GET /_local/requests` counts the API requests received per route since start (or the
//!   last `DELETE /_local/requests`), keyed `"<METHOD> <route pattern>"`, e.g.
//!   `"GET /data/foundation/exim/transfer/list"`.
//! - `POST /_local/faults` makes the next N API requests matching a method and path pattern
//!   answer a given status (Platform's error body; `Retry-After` for 429), wait, or lose
//!   their connection. `GET` lists the faults still armed, `DELETE` disarms them all.
//!
//! Both act on the routes under `/data/foundation` only.

mod faults;
mod observe;
mod requests;
mod severed_body;
mod state;

use axum::routing::get;
use axum::Router;

pub use observe::observe;
pub use state::TestHooks;

/// The `/_local` endpoints; each works on its own part of the hooks.
pub fn routes<S: Clone + Send + Sync + 'static>(hooks: &TestHooks) -> Router<S> {
    let requests = Router::new()
        .route(
            "/_local/requests",
            get(requests::report).delete(requests::reset),
        )
        .with_state(hooks.counts.clone());
    let faults = Router::new()
        .route(
            "/_local/faults",
            get(faults::list)
                .post(faults::arm)
                .delete(faults::disarm_all),
        )
        .with_state(hooks.faults.clone());
    requests.merge(faults)
}
