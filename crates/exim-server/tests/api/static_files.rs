//! `--static-dir`: the built app beside the API, with the single-page-app fallback.

use std::fs;

use axum::http::StatusCode;
use axum::Router;
use exim_server::{app, AppState, ServerConfig};
use tempfile::TempDir;

use crate::common::*;

const INDEX: &str = "<!doctype html><title>Sandbox Share</title>";

fn app_with_static_dir() -> (TempDir, Router) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("index.html"), INDEX).unwrap();
    fs::write(dir.path().join("app.js"), "console.log('hi')").unwrap();
    fs::create_dir(dir.path().join("pkg")).unwrap();
    fs::write(dir.path().join("pkg/app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let state = AppState::open(&ServerConfig {
        demo: true,
        static_dir: Some(dir.path().to_path_buf()),
        ..ServerConfig::default()
    })
    .unwrap();
    (dir, app(state))
}

#[tokio::test]
async fn serves_index_at_the_root() {
    let (_dir, app) = app_with_static_dir();
    let reply = get("/").send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.text, INDEX);
    assert!(reply.content_type().starts_with("text/html"));
}

#[tokio::test]
async fn serves_files_with_their_types() {
    let (_dir, app) = app_with_static_dir();
    let script = get("/app.js").send(&app).await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(
        script.content_type().contains("javascript"),
        "{}",
        script.content_type()
    );
    let wasm = get("/pkg/app_bg.wasm").send(&app).await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.content_type(), "application/wasm");
}

#[tokio::test]
async fn deep_links_get_the_app() {
    let (_dir, app) = app_with_static_dir();
    for path in [
        "/packages/8f585fad94d042cd82dbcba594108a41",
        "/sharing",
        "/partners/",
    ] {
        let reply = get(path).send(&app).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.text, INDEX, "{path}");
        assert!(reply.content_type().starts_with("text/html"), "{path}");
    }
}

#[tokio::test]
async fn missing_files_and_reserved_paths_are_not_found() {
    let (_dir, app) = app_with_static_dir();
    for path in ["/missing.js", "/pkg/other.wasm", "/_local/anything"] {
        let reply = get(path).send(&app).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn the_api_still_answers() {
    let (_dir, app) = app_with_static_dir();
    let reply = get("/data/foundation/exim/packages").send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    let unknown = get("/data/foundation/exim/unknown").send(&app).await;
    assert_platform_error(&unknown, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn without_a_static_dir_other_paths_are_not_found() {
    let reply = get("/packages/abc").send(&demo_app()).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}
