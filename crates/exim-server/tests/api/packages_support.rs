//! Package helpers shared by the modules of this test binary.

use axum::http::StatusCode;
use axum::Router;
use serde_json::{json, Value};

use crate::common::*;

pub const PACKAGES: &str = "/data/foundation/exim/packages";

/// The id of Acme's package with this exact name.
pub async fn acme_package(app: &Router, name: &str) -> String {
    let reply = get(&format!(
        "{PACKAGES}?{}&limit=100",
        property(&format!("name=={name}"))
    ))
    .send(app)
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json["data"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no package named {name}: {}", reply.text))
        .to_string()
}

/// Every package of `org`, newest first, as its admin lists them.
pub async fn packages_of(app: &Router, org: &str) -> Vec<Value> {
    let reply = as_org(get(&format!("{PACKAGES}?limit=100")), org)
        .send(app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json["data"].as_array().expect("a data array").clone()
}

pub const SANDBOX_OBJECTS: &str = "/data/foundation/exim/sandbox-objects";

/// The id of the object of this type and exact title in Acme's `acme-sandbox`.
pub async fn sandbox_object(app: &Router, artifact_type: &str, title: &str) -> String {
    let reply = get(&format!(
        "{SANDBOX_OBJECTS}?sandbox=acme-sandbox&type={artifact_type}&search={}",
        encode(title)
    ))
    .send(app)
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json["data"]
        .as_array()
        .expect("a data array")
        .iter()
        .find(|object| object["title"] == title)
        .and_then(|object| object["id"].as_str())
        .unwrap_or_else(|| panic!("no {artifact_type} {title}: {}", reply.text))
        .to_string()
}

/// Creates a PARTIAL Acme draft in `acme-sandbox` with two of its objects, "Spring sale
/// journey" and "Spring shoppers" (so that it publishes); returns its JSON.
pub async fn create_draft(app: &Router, name: &str) -> Value {
    let journey = sandbox_object(app, "JOURNEY", "Spring sale journey").await;
    let segment = sandbox_object(app, "PROFILE_SEGMENT", "Spring shoppers").await;
    let body = json!({
        "name": name,
        "packageType": "PARTIAL",
        "artifacts": [
            {"id": journey, "type": "JOURNEY", "title": "Spring sale journey"},
            {"id": segment, "type": "PROFILE_SEGMENT", "title": "Spring shoppers"}
        ]
    });
    let reply = post_json(PACKAGES, &body.to_string()).send(app).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.json
}

/// Publishes an Acme package and waits until it is PUBLISHED.
pub async fn publish(app: &Router, id: &str) -> Value {
    let reply = get(&format!("{PACKAGES}/{id}/export")).send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    wait_for(
        app,
        || get(&format!("{PACKAGES}/{id}")),
        |reply| reply.json["status"] == "PUBLISHED",
        std::time::Duration::from_secs(5),
    )
    .await
    .json
}
