//! `/_local/requests` and `/_local/faults` (`--test-hooks`).

use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use axum::Router;
use exim_server::app;
use serde_json::json;

use crate::common::raw_http::acme_request;
use crate::common::*;
use crate::packages_support::PACKAGES;

fn hooked_app() -> Router {
    app(demo_state().with_test_hooks())
}

fn local(method: Method, path: &str) -> Call {
    get(path)
        .method(method)
        .authorization(None)
        .api_key(None)
        .org(None)
        .sandbox(None)
}

async fn arm(app: &Router, fault: serde_json::Value) {
    let reply = local(Method::POST, "/_local/faults")
        .json(&fault.to_string())
        .send(app)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
}

#[tokio::test]
async fn hooks_exist_only_when_enabled() {
    let app = demo_app();
    for path in ["/_local/requests", "/_local/faults"] {
        let reply = local(Method::GET, path).send(&app).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert!(demo_state().with_test_hooks().test_hooks_enabled());
    assert!(!demo_state().test_hooks_enabled());
}

#[tokio::test]
async fn requests_are_counted_per_route_pattern() {
    let app = hooked_app();
    for _ in 0..3 {
        get(&format!("{PACKAGES}?limit=1")).send(&app).await;
    }
    get(&format!("{PACKAGES}/0123456789abcdef0123456789abcdef"))
        .send(&app)
        .await;
    get(&format!("{PACKAGES}/fedcba9876543210fedcba9876543210"))
        .send(&app)
        .await;
    get("/data/foundation/exim/nothing-here").send(&app).await;

    let report = local(Method::GET, "/_local/requests").send(&app).await;
    assert_eq!(report.status, StatusCode::OK);
    let routes = &report.json["routes"];
    assert_eq!(routes["GET /data/foundation/exim/packages"], 3);
    assert_eq!(routes["GET /data/foundation/exim/packages/{id}"], 2);
    assert_eq!(report.json["total"], 5, "{}", report.text);
    assert!(report.json["since"].as_i64().unwrap() > 0);

    let reset = local(Method::DELETE, "/_local/requests").send(&app).await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    let report = local(Method::GET, "/_local/requests").send(&app).await;
    assert_eq!(report.json["total"], 0);
    assert_eq!(report.json["routes"], json!({}));
}

#[tokio::test]
async fn a_status_fault_answers_the_next_matching_requests() {
    let app = hooked_app();
    arm(
        &app,
        json!({"method": "GET", "path": PACKAGES, "status": 503, "times": 2}),
    )
    .await;
    let posted = post_json(PACKAGES, r#"{"name": "Unaffected", "packageType": "FULL"}"#)
        .send(&app)
        .await;
    assert_eq!(posted.status, StatusCode::CREATED, "other methods pass");
    for _ in 0..2 {
        let reply = get(PACKAGES).send(&app).await;
        assert_platform_error(&reply, StatusCode::SERVICE_UNAVAILABLE);
        assert!(reply.json["title"].as_str().unwrap().contains("injected"));
        assert!(reply.headers.get("retry-after").is_none());
    }
    assert_eq!(get(PACKAGES).send(&app).await.status, StatusCode::OK);
    let listed = local(Method::GET, "/_local/faults").send(&app).await;
    assert_eq!(listed.json["faults"], json!([]));
}

#[tokio::test]
async fn too_many_requests_carries_retry_after() {
    let app = hooked_app();
    arm(
        &app,
        json!({"path": "/data/foundation/exim/packages/{id}", "status": 429}),
    )
    .await;
    arm(&app, json!({"path": "/data/foundation/exim/**", "status": 429, "retryAfter": 7, "title": "Slow down"})).await;
    let first = get(&format!("{PACKAGES}/0123456789abcdef0123456789abcdef"))
        .send(&app)
        .await;
    assert_platform_error(&first, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(first.headers["retry-after"], "1");
    let second = get(PACKAGES).send(&app).await;
    assert_platform_error(&second, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(second.headers["retry-after"], "7");
    assert_eq!(second.json["title"], "Slow down");
}

#[tokio::test]
async fn an_unauthorized_fault_looks_like_the_gateway() {
    let app = hooked_app();
    arm(&app, json!({"path": PACKAGES, "status": 401})).await;
    let reply = get(PACKAGES).send(&app).await;
    assert_gateway_error(
        &reply,
        StatusCode::UNAUTHORIZED,
        "401013",
        "Oauth token is not valid",
    );
}

#[tokio::test]
async fn a_delay_fault_waits_then_answers() {
    let app = hooked_app();
    arm(&app, json!({"path": PACKAGES, "delayMs": 300})).await;
    let started = Instant::now();
    let reply = get(PACKAGES).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn a_drop_fault_closes_the_connection_without_an_answer() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = hooked_app();
    arm(
        &app,
        json!({"method": "GET", "path": PACKAGES, "drop": true}),
    )
    .await;
    tokio::spawn(async move { axum::serve(listener, app).await });

    // The answer starts, then the connection is cut: never a whole JSON body.
    let dropped = acme_request(address, "GET", PACKAGES, None).await;
    assert!(
        dropped
            .as_ref()
            .map_or(true, |reply| serde_json::from_str::<serde_json::Value>(
                &reply.body
            )
            .is_err()),
        "{dropped:?}"
    );
    let answered = acme_request(address, "GET", PACKAGES, None).await.unwrap();
    assert_eq!(answered.status, 200);
}

#[tokio::test]
async fn bad_fault_specs_are_refused() {
    let app = hooked_app();
    for fault in [
        json!({"path": PACKAGES}),
        json!({"path": PACKAGES, "status": 200}),
        json!({"path": PACKAGES, "status": 500, "drop": true}),
        json!({"path": "packages", "status": 500}),
        json!({"path": PACKAGES, "status": 500, "times": 0}),
        json!({"path": PACKAGES, "status": 500, "method": "GE T"}),
        json!({"path": PACKAGES, "status": 500, "colour": "red"}),
        json!({"path": PACKAGES, "delayMs": 999_999_999}),
    ] {
        let reply = local(Method::POST, "/_local/faults")
            .json(&fault.to_string())
            .send(&app)
            .await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{fault}: {}",
            reply.text
        );
    }
    let cleared = local(Method::DELETE, "/_local/faults").send(&app).await;
    assert_eq!(cleared.status, StatusCode::NO_CONTENT);
}
