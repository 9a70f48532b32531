//! The gateway's checks (api-notes §14), in the order a request meets them.

use axum::http::StatusCode;

use crate::common::*;
use crate::packages_support::PACKAGES;

#[tokio::test]
async fn a_complete_call_passes() {
    let reply = get(PACKAGES).send(&demo_app()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
}

#[tokio::test]
async fn missing_blank_or_non_bearer_authorization_is_an_invalid_token() {
    let app = demo_app();
    for authorization in [
        None,
        Some(""),
        Some("Bearer"),
        Some("Bearer   "),
        Some("Basic abc"),
    ] {
        let reply = get(PACKAGES).authorization(authorization).send(&app).await;
        assert_gateway_error(
            &reply,
            StatusCode::UNAUTHORIZED,
            "401013",
            "Oauth token is not valid",
        );
    }
}

#[tokio::test]
async fn bearer_scheme_is_case_insensitive() {
    let reply = get(PACKAGES)
        .authorization(Some("bearer demo-acme-admin"))
        .send(&demo_app())
        .await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn missing_api_key() {
    for key in [None, Some(" ")] {
        let reply = get(PACKAGES).api_key(key).send(&demo_app()).await;
        assert_gateway_error(
            &reply,
            StatusCode::FORBIDDEN,
            "403000",
            "Api Key is required",
        );
    }
}

#[tokio::test]
async fn wrong_api_key() {
    let reply = get(PACKAGES)
        .api_key(Some("acp_ui_platform"))
        .send(&demo_app())
        .await;
    assert_gateway_error(
        &reply,
        StatusCode::FORBIDDEN,
        "403003",
        "Api Key is invalid",
    );
}

#[tokio::test]
async fn missing_org_header() {
    let reply = get(PACKAGES).org(None).send(&demo_app()).await;
    assert_gateway_error(&reply, StatusCode::BAD_REQUEST, "400003", "Missing header");
}

#[tokio::test]
async fn unknown_token() {
    let reply = get(PACKAGES).token("stolen-token").send(&demo_app()).await;
    assert_profile_not_valid(&reply);
}

#[tokio::test]
async fn token_of_another_org() {
    let reply = get(PACKAGES)
        .token("demo-globex-admin")
        .send(&demo_app())
        .await;
    assert_profile_not_valid(&reply);
}

#[tokio::test]
async fn missing_sandbox_header() {
    let reply = get(PACKAGES).sandbox(None).send(&demo_app()).await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"]
        .as_str()
        .unwrap()
        .contains("x-sandbox-name"));
}

#[tokio::test]
async fn sandbox_of_another_org_is_unknown() {
    let reply = get(PACKAGES)
        .sandbox(Some("globex-stage"))
        .send(&demo_app())
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"]
        .as_str()
        .unwrap()
        .contains("globex-stage"));
    assert_eq!(
        reply.json["report"]["tenantInfo"]["sandboxName"],
        "globex-stage"
    );
    assert_eq!(reply.json["report"]["tenantInfo"]["imsOrgId"], ACME);
}

#[tokio::test]
async fn every_demo_user_signs_in_to_its_own_org() {
    let app = demo_app();
    for (token, org) in [
        ("demo-acme-admin", ACME),
        ("demo-acme-viewer", ACME),
        ("demo-globex-admin", GLOBEX),
        ("demo-initech-admin", INITECH),
        ("demo-umbrella-admin", UMBRELLA),
    ] {
        let reply = get(PACKAGES)
            .signed_in_as(org, token, "prod")
            .send(&app)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{token}: {}", reply.text);
    }
}
