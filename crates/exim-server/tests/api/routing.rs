//! Answers for requests that match no handler, in Platform's error shape.

use axum::http::{Method, StatusCode};

use crate::common::*;

#[tokio::test]
async fn unknown_api_routes_are_not_found() {
    let app = demo_app();
    for path in [
        "/data/foundation/exim/nothing-here",
        "/data/foundation/exim/packages/abc/unknown",
        "/data/foundation/",
        "/data/foundation",
    ] {
        let reply = get(path).send(&app).await;
        assert_platform_error(&reply, StatusCode::NOT_FOUND);
        assert_eq!(reply.json["report"]["tenantInfo"]["imsOrgId"], ACME);
    }
}

#[tokio::test]
async fn unknown_routes_are_not_found_whatever_the_credentials() {
    let reply = get("/data/foundation/exim/nothing-here")
        .authorization(None)
        .send(&demo_app())
        .await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn wrong_method_is_refused_in_platform_shape() {
    let reply = get("/data/foundation/exim/packages")
        .method(Method::DELETE)
        .send(&demo_app())
        .await;
    assert_platform_error(&reply, StatusCode::METHOD_NOT_ALLOWED);
    assert!(reply.json["title"].as_str().unwrap().contains("DELETE"));
}

#[tokio::test]
async fn errors_are_json() {
    let reply = get("/data/foundation/exim/packages?limit=0")
        .send(&demo_app())
        .await;
    assert_eq!(reply.content_type(), "application/json");
}
