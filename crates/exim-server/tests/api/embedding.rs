//! The library's contract for those who embed it: `app` only builds the router, and the
//! worker runs only when started.

use exim_server::app;

use crate::common::demo_state;

#[test]
fn building_the_router_starts_nothing() {
    // No tokio runtime here: had `app` spawned the worker, this would panic.
    let _router = app(demo_state());
}
