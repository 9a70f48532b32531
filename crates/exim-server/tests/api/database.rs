//! Opening file databases: migrations and demo loading are idempotent.

use axum::http::StatusCode;
use exim_server::{app, AppState, ServerConfig};

use crate::common::*;

fn file_config(dir: &tempfile::TempDir, demo: bool) -> ServerConfig {
    ServerConfig {
        db_path: Some(dir.path().join("nested/exim.sqlite3")),
        demo,
        ..ServerConfig::default()
    }
}

async fn package_count(state: AppState) -> u64 {
    let reply = get("/data/foundation/exim/packages")
        .send(&app(state))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json["totalElements"].as_u64().unwrap()
}

#[tokio::test]
async fn reopening_a_file_database_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let first = package_count(AppState::open(&file_config(&dir, true)).unwrap()).await;
    // Opened again without --demo: migrations are not re-run and the data is still there.
    let second = package_count(AppState::open(&file_config(&dir, false)).unwrap()).await;
    assert_eq!(first, second);
    assert!(dir.path().join("nested/exim.sqlite3").exists());
}

#[tokio::test]
async fn demo_loads_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = package_count(AppState::open(&file_config(&dir, true)).unwrap()).await;
    let second = package_count(AppState::open(&file_config(&dir, true)).unwrap()).await;
    assert_eq!(first, second);
}

#[tokio::test]
async fn without_demo_nobody_can_sign_in() {
    let state = AppState::open(&ServerConfig::default()).unwrap();
    let reply = get("/data/foundation/exim/packages")
        .send(&app(state))
        .await;
    assert_profile_not_valid(&reply);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = file_config(&dir, false);
    drop(AppState::open(&config).unwrap());
    let conn = rusqlite::Connection::open(config.db_path.as_ref().unwrap()).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let error = match AppState::open(&config) {
        Ok(_) => panic!("a newer schema must not open"),
        Err(error) => error.to_string(),
    };
    assert!(error.contains("999"), "{error}");
}
