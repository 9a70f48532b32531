//! Partnerships: bulkCreate, action (APPROVED / REJECTED / CANCELLED) and list.

use axum::http::StatusCode;
use axum::Router;
use serde_json::{json, Value};

use crate::common::*;

const HANDSHAKE: &str = "/data/foundation/exim/handshake";

async fn list(app: &Router, org: &str, query: &str) -> Reply {
    let reply = as_org(get(&format!("{HANDSHAKE}/list?{query}")), org)
        .send(app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.text);
    reply
}

/// The record between `source` and `target`, as the source lists it.
pub async fn record(app: &Router, source: &str, target: &str) -> Value {
    let reply = list(app, source, "requestType=OUTGOING&limit=100").await;
    reply.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|record| record["targetIMSOrgId"] == target)
        .unwrap_or_else(|| panic!("no request {source} -> {target}: {}", reply.text))
        .clone()
}

pub fn action_body(linking_id: &Value, status: &str, org: &str) -> String {
    json!({
        "linkingID": linking_id,
        "status": status,
        "reason": "Because",
        "targetIMSOrgDetails": {"id": org, "name": "Someone", "region": "va7"}
    })
    .to_string()
}

pub async fn act(app: &Router, org: &str, linking_id: &Value, status: &str) -> Reply {
    as_org(
        post_json(
            &format!("{HANDSHAKE}/action"),
            &action_body(linking_id, status, org),
        ),
        org,
    )
    .send(app)
    .await
}

#[tokio::test]
async fn demo_partnerships_are_listed_by_side() {
    let app = demo_app();
    let outgoing = list(&app, ACME, "requestType=OUTGOING").await;
    let body = &outgoing.json;
    assert_eq!(body["totalElements"], 2);
    assert!(body["nextPage"].is_null() && body.get("nextPage").is_some());
    assert!(body["pageSize"].is_null() && body.get("pageSize").is_some());
    let approved = record(&app, ACME, GLOBEX).await;
    assert_eq!(approved["status"], "APPROVED");
    assert_eq!(approved["version"], 1);
    assert_eq!(approved["sourceOrgName"], "Acme Retail");
    assert_eq!(approved["targetOrgName"], "Globex Corp");
    assert_eq!(approved["sourceRegion"], "va7");
    assert_eq!(approved["targetRegion"], "va6");
    let history: Vec<Value> =
        serde_json::from_str(approved["statusHistory"].as_str().unwrap()).unwrap();
    assert_eq!(history[0]["action"], "INITIATED");
    assert_eq!(history[1]["action"], "APPROVED");
    assert_eq!(approved["linkingId"].as_str().unwrap().len(), 36);

    let incoming = list(&app, ACME, "requestType=incoming").await;
    assert_eq!(incoming.json["totalElements"], 1);
    assert_eq!(incoming.json["data"][0]["sourceIMSOrgId"], UMBRELLA);
    assert_eq!(incoming.json["data"][0]["status"], "APPROVAL_PENDING");
}

#[tokio::test]
async fn list_filters_and_refuses_bad_parameters() {
    let app = demo_app();
    for filter in ["status==IN_PROGRESS", "status==approval_pending"] {
        let reply = list(
            &app,
            ACME,
            &format!("requestType=OUTGOING&{}", property(filter)),
        )
        .await;
        assert_eq!(reply.json["totalElements"], 1, "{filter}");
        assert_eq!(reply.json["data"][0]["targetIMSOrgId"], INITECH);
    }
    for query in [
        String::new(),
        "requestType=SIDEWAYS".to_string(),
        format!("requestType=OUTGOING&{}", property("status==LOST")),
        "requestType=OUTGOING&orderBy=name".to_string(),
    ] {
        let reply = get(&format!("{HANDSHAKE}/list?{query}")).send(&app).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn bulk_create_reports_each_target() {
    let app = demo_app();
    let body = json!({
        "targetIMSOrgIds": [UMBRELLA, GLOBEX, ACME, "acme@AdobeOrg", "0123456789ABCDEF01234567@AdobeOrg"],
        "sourceIMSDetails": {"id": ACME, "name": "Acme Retail"}
    });
    let reply = post_json(&format!("{HANDSHAKE}/bulkCreate"), &body.to_string())
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let created = &reply.json["successfulRequests"][UMBRELLA];
    assert_eq!(created["status"], "APPROVAL_PENDING");
    assert_eq!(created["version"], 0);
    assert_eq!(created["sourceIMSOrgName"], "Acme Retail");
    assert!(created.get("targetOrgName").is_none());
    assert_eq!(created["createdByName"], "Avery Acme (admin)");
    let failed = &reply.json["failedRequests"];
    assert_eq!(failed[GLOBEX]["errorCode"], "REQUEST_EXISTS");
    assert_eq!(failed[ACME]["errorCode"], "SELF_PARTNERSHIP");
    assert_eq!(failed["acme@AdobeOrg"]["errorCode"], "INVALID_ORG_ID");
    assert_eq!(
        failed["0123456789ABCDEF01234567@AdobeOrg"]["errorCode"],
        "UNKNOWN_ORG"
    );
    assert_eq!(
        reply.json["successfulRequests"].as_object().unwrap().len(),
        1
    );

    let incoming = list(&app, UMBRELLA, "requestType=INCOMING").await;
    assert_eq!(incoming.json["totalElements"], 1);
}

#[tokio::test]
async fn bulk_create_checks_the_source() {
    let app = demo_app();
    for source in [
        json!({"id": GLOBEX, "name": "Globex"}),
        json!({"id": "acme", "name": "Acme"}),
        json!({"id": ACME, "name": " "}),
    ] {
        let body = json!({"targetIMSOrgIds": [UMBRELLA], "sourceIMSDetails": source});
        let reply = post_json(&format!("{HANDSHAKE}/bulkCreate"), &body.to_string())
            .send(&app)
            .await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    }
    let empty = json!({"targetIMSOrgIds": [], "sourceIMSDetails": {"id": ACME, "name": "Acme"}});
    let reply = post_json(&format!("{HANDSHAKE}/bulkCreate"), &empty.to_string())
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_target_approves_once() {
    let app = demo_app();
    let pending = record(&app, ACME, INITECH).await;
    let link = &pending["linkingId"];

    let by_source = act(&app, ACME, link, "APPROVED").await;
    assert_platform_error(&by_source, StatusCode::CONFLICT);
    let outsider = act(&app, GLOBEX, link, "APPROVED").await;
    assert_platform_error(&outsider, StatusCode::NOT_FOUND);

    let approved = act(&app, INITECH, link, "APPROVED").await;
    assert_eq!(approved.status, StatusCode::CREATED, "{}", approved.text);
    assert_eq!(approved.json["status"], "APPROVED");
    assert_eq!(approved.json["version"], 1);
    assert_eq!(approved.json["targetRegion"], "nld2");
    assert_eq!(approved.json["modifiedByIMSOrgId"], INITECH);
    let history: Vec<Value> =
        serde_json::from_str(approved.json["statusHistory"].as_str().unwrap()).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["reason"], "Because");

    let twice = act(&app, INITECH, link, "APPROVED").await;
    assert_platform_error(&twice, StatusCode::CONFLICT);
    assert!(twice.json["title"].as_str().unwrap().contains("APPROVED"));
}

#[tokio::test]
async fn a_rejected_request_can_be_asked_again() {
    let app = demo_app();
    let pending = record(&app, ACME, INITECH).await;
    // Records are also found by id, as some clients send it.
    let rejected = act(&app, INITECH, &pending["id"], "REJECTED").await;
    assert_eq!(rejected.status, StatusCode::CREATED, "{}", rejected.text);
    assert_eq!(rejected.json["status"], "REJECTED");
    let body =
        json!({"targetIMSOrgIds": [INITECH], "sourceIMSDetails": {"id": ACME, "name": "Acme"}});
    let again = post_json(&format!("{HANDSHAKE}/bulkCreate"), &body.to_string())
        .send(&app)
        .await;
    assert!(
        again.json["successfulRequests"].get(INITECH).is_some(),
        "{}",
        again.text
    );
}

#[tokio::test]
async fn either_party_cancels() {
    let app = demo_app();
    let approved = record(&app, ACME, GLOBEX).await;
    let cancelled = act(&app, GLOBEX, &approved["linkingId"], "CANCELLED").await;
    assert_eq!(cancelled.status, StatusCode::CREATED, "{}", cancelled.text);
    assert_eq!(cancelled.json["status"], "CANCELLED");
    let again = act(&app, ACME, &approved["linkingId"], "CANCELLED").await;
    assert_platform_error(&again, StatusCode::CONFLICT);

    let pending = record(&app, ACME, INITECH).await;
    let withdrawn = act(&app, ACME, &pending["linkingId"], "cancelled").await;
    assert_eq!(withdrawn.json["status"], "CANCELLED", "{}", withdrawn.text);
}

#[tokio::test]
async fn action_refuses_bad_answers() {
    let app = demo_app();
    let pending = record(&app, ACME, INITECH).await;
    let link = &pending["linkingId"];
    for status in ["APPROVAL_PENDING", "IN_PROGRESS", "MAYBE"] {
        let reply = act(&app, INITECH, link, status).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    }
    let unknown = act(
        &app,
        INITECH,
        &json!("f7647408-965c-4a33-86aa-640760088c53"),
        "APPROVED",
    )
    .await;
    assert_platform_error(&unknown, StatusCode::NOT_FOUND);
    let stranger = as_org(
        post_json(
            &format!("{HANDSHAKE}/action"),
            &action_body(link, "APPROVED", UMBRELLA),
        ),
        INITECH,
    )
    .send(&app)
    .await;
    assert_platform_error(&stranger, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_viewer_may_list_but_not_act() {
    let app = demo_app();
    let listed = get(&format!("{HANDSHAKE}/list?requestType=OUTGOING"))
        .token("demo-acme-viewer")
        .send(&app)
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    let incoming = list(&app, ACME, "requestType=INCOMING").await;
    let link = &incoming.json["data"][0]["linkingId"];
    let refused = post_json(
        &format!("{HANDSHAKE}/action"),
        &action_body(link, "APPROVED", ACME),
    )
    .token("demo-acme-viewer")
    .send(&app)
    .await;
    assert_platform_error(&refused, StatusCode::FORBIDDEN);
    assert!(refused.json["title"]
        .as_str()
        .unwrap()
        .contains("package-share"));
    let body =
        json!({"targetIMSOrgIds": [INITECH], "sourceIMSDetails": {"id": ACME, "name": "Acme"}});
    let refused = post_json(&format!("{HANDSHAKE}/bulkCreate"), &body.to_string())
        .token("demo-acme-viewer")
        .send(&app)
        .await;
    assert_platform_error(&refused, StatusCode::FORBIDDEN);
    let still = list(&app, ACME, "requestType=INCOMING").await;
    assert_eq!(still.json["data"][0]["status"], "APPROVAL_PENDING");
}
