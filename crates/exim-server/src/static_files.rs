//! Serves the built app (`--static-dir`) beside the API, with the single-page-app fallback:
//! deep links such as `/packages/abc` get `index.html` and the app's router takes over.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::State;
use axum::handler::Handler;
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::Router;
use tower_http::services::ServeDir;

/// Files from `dir`; unknown app routes answer with `dir/index.html`.
pub fn router(dir: &Path) -> Router {
    let index = Arc::new(dir.join("index.html"));
    Router::new().fallback_service(ServeDir::new(dir).fallback(app_shell.with_state(index)))
}

async fn app_shell(State(index): State<Arc<PathBuf>>, uri: Uri) -> Response {
    if !is_app_route(uri.path()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(index.as_path()).await {
        Ok(html) => Html(html).into_response(),
        Err(error) => {
            tracing::warn!(%error, path = %index.display(), "cannot read the app's index.html");
            StatusCode::NOT_FOUND.into_response()
        }
    }
}

/// A path the app's router may own: not a missing file (`/app.js`, whose absence must stay a
/// 404) and not under `/_local/`, which is reserved for the server's own endpoints.
fn is_app_route(path: &str) -> bool {
    let reserved = path == "/_local" || path.starts_with("/_local/");
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    !reserved && !last_segment.contains('.')
}

#[cfg(test)]
mod tests {
    use super::is_app_route;

    #[test]
    fn app_routes_are_paths_without_file_extensions() {
        assert!(is_app_route("/"));
        assert!(is_app_route("/packages/8f585fad94d042cd82dbcba594108a41"));
        assert!(is_app_route("/sharing"));
        assert!(!is_app_route("/missing.js"));
        assert!(!is_app_route("/pkg/app_bg.wasm"));
        assert!(!is_app_route("/_local/reset"));
        assert!(!is_app_route("/_local"));
    }
}
