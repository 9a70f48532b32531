//! The API under `/data/foundation`, one module per resource.

mod access_control;
mod handshake;
mod packages;
mod sandboxes;
mod transfer;

use std::sync::Arc;

use axum::extract::OriginalUri;
use axum::http::Method;
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;

use crate::error::{with_tenant_info, ApiError};
use crate::state::AppState;
use crate::test_hooks::{self, TestHooks};

/// Where Platform serves these APIs; every route below is relative to it.
pub const API_BASE: &str = "/data/foundation";

/// The API, mounted at [`API_BASE`]; with test hooks, every API route is counted and may be
/// faulted.
pub fn api_router(hooks: Option<Arc<TestHooks>>) -> Router<AppState> {
    let mut resources = Router::new()
        .merge(packages::routes())
        .merge(handshake::routes())
        .merge(transfer::routes())
        .route(
            "/access-control/acl/effective-policies",
            post(access_control::effective_policies),
        )
        .route("/sandbox-management/sandboxes", get(sandboxes::list))
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed);
    if let Some(hooks) = hooks {
        resources =
            resources.route_layer(middleware::from_fn_with_state(hooks, test_hooks::observe));
    }
    Router::new()
        .nest(API_BASE, resources)
        .layer(middleware::from_fn(with_tenant_info))
}

async fn route_not_found(OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::RouteNotFound(uri.path().to_string())
}

async fn method_not_allowed(method: Method) -> ApiError {
    ApiError::MethodNotAllowed(method.to_string())
}
