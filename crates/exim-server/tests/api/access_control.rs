//! `POST /access-control/acl/effective-policies`.

use axum::http::StatusCode;
use serde_json::json;

use crate::common::*;

const POLICIES: &str = "/data/foundation/access-control/acl/effective-policies";
const ASKED: &str = r#"["/permissions/manage-package","/permissions/package-share","/permissions/manage-datasets","/resource-types/schemas"]"#;

#[tokio::test]
async fn admin_holds_both_package_permissions() {
    let reply = post_json(POLICIES, ASKED).send(&demo_app()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(
        reply.json,
        json!({"policies": {
            "/permissions/manage-package": ["*"],
            "/permissions/package-share": ["*"],
        }})
    );
}

#[tokio::test]
async fn viewer_holds_neither() {
    let reply = post_json(POLICIES, ASKED)
        .token("demo-acme-viewer")
        .send(&demo_app())
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.json, json!({"policies": {}}));
}

#[tokio::test]
async fn viewer_holds_view_sandbox() {
    let reply = post_json(POLICIES, r#"["/permissions/view-sandbox"]"#)
        .token("demo-acme-viewer")
        .send(&demo_app())
        .await;
    assert_eq!(
        reply.json,
        json!({"policies": {"/permissions/view-sandbox": ["*"]}})
    );
}

#[tokio::test]
async fn body_must_be_an_array_of_paths() {
    let app = demo_app();
    for body in [r#"{"paths": []}"#, "not json", r#"[1, 2]"#] {
        let reply = post_json(POLICIES, body).send(&app).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn requires_the_gateway_checks() {
    let reply = post_json(POLICIES, ASKED)
        .authorization(None)
        .send(&demo_app())
        .await;
    assert_gateway_error(
        &reply,
        StatusCode::UNAUTHORIZED,
        "401013",
        "Oauth token is not valid",
    );
}
