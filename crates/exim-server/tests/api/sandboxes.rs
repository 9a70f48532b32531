//! `GET /sandbox-management/sandboxes`.

use axum::http::StatusCode;

use crate::common::*;

const SANDBOXES: &str = "/data/foundation/sandbox-management/sandboxes";

fn sandbox_names(reply: &Reply) -> Vec<&str> {
    reply.json["sandboxes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|sandbox| sandbox["name"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn lists_the_header_orgs_sandboxes_default_first() {
    let reply = get(SANDBOXES).send(&demo_app()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(sandbox_names(&reply), ["prod", "acme-dev", "acme-sandbox"]);
    assert_eq!(reply.json["_page"]["count"], 3);
    assert!(reply.json["_links"].is_object());

    let prod = &reply.json["sandboxes"][0];
    assert_eq!(prod["type"], "production");
    assert_eq!(prod["isDefault"], true);
    assert_eq!(prod["state"], "active");
    assert_eq!(prod["region"], "VA7");
    assert_eq!(prod["title"], "Production");
    let created = prod["createdDate"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(created).is_ok(),
        "{created}"
    );
    assert_eq!(reply.json["sandboxes"][1]["type"], "development");

    let typed: exim_api::SandboxList = serde_json::from_value(reply.json.clone()).unwrap();
    assert_eq!(typed.sandboxes.len(), 3);
}

#[tokio::test]
async fn other_orgs_get_their_own() {
    let app = demo_app();
    let globex = get(SANDBOXES)
        .signed_in_as(GLOBEX, "demo-globex-admin", "prod")
        .send(&app)
        .await;
    assert_eq!(sandbox_names(&globex), ["prod", "globex-stage"]);
    assert_eq!(globex.json["sandboxes"][0]["region"], "VA6");
    let initech = get(SANDBOXES)
        .signed_in_as(INITECH, "demo-initech-admin", "prod")
        .send(&app)
        .await;
    assert_eq!(sandbox_names(&initech), ["prod"]);
}

#[tokio::test]
async fn sandbox_header_is_not_needed() {
    let app = demo_app();
    for sandbox in [None, Some("no-such-sandbox")] {
        let reply = get(SANDBOXES).sandbox(sandbox).send(&app).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    }
}

#[tokio::test]
async fn gateway_checks_still_apply() {
    let reply = get(SANDBOXES)
        .token("demo-umbrella-admin")
        .send(&demo_app())
        .await;
    assert_profile_not_valid(&reply);
}
