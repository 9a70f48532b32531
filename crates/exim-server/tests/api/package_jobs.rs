//! Publishing, import and the other package look-ups that run or read jobs.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::common::*;
use crate::packages_support::*;

const PATIENCE: Duration = Duration::from_secs(5);

#[tokio::test]
async fn publishing_is_asynchronous() {
    let app = demo_app_with_worker();
    let id = create_draft(&app, "To publish").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = get(&format!("{PACKAGES}/{id}/export?expiryPeriod=10"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let started = reply.json;
    assert_eq!(started["name"], "To publish");
    assert_eq!(started["visibility"], "TENANT");
    assert_eq!(started["type"], "PARTIAL");
    assert_eq!(
        started["sourceSandbox"],
        json!({"name": "acme-sandbox", "imsOrgId": ACME})
    );
    assert!(started["correlationId"].as_str().unwrap().contains('-'));
    let job_id = started["jobId"].as_str().unwrap().to_string();

    let during = get(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_eq!(during.json["status"], "PUBLISH_IN_PROGRESS");

    let published = publish_wait(&app, &id).await;
    let publish_date = published["publishDate"].as_i64().unwrap();
    assert_eq!(
        published["expiry"].as_i64().unwrap() - publish_date,
        10 * 86_400_000
    );
    assert!(published["artifactsList"][0]["found"].as_bool().unwrap());

    let job = get(&format!("/data/foundation/exim/tools/job/{job_id}"))
        .send(&app)
        .await;
    assert_eq!(job.status, StatusCode::OK, "{}", job.text);
    assert_eq!(job.json["status"], "OK");
    assert_eq!(job.json["type"], "SUCCESS");
    assert_eq!(job.json["object"]["jobStatus"], "SUCCESS");
    assert_eq!(job.json["object"]["requestType"], "EXPORT");

    let jobs = get(&format!(
        "{PACKAGES}/jobs?{}",
        property("requestType==EXPORT")
    ))
    .send(&app)
    .await;
    assert_eq!(jobs.status, StatusCode::OK, "{}", jobs.text);
    assert_eq!(jobs.json["data"][0]["id"], job_id.as_str());
    assert_eq!(jobs.json["data"][0]["sourceSandBox"], "acme-sandbox");
}

async fn publish_wait(app: &axum::Router, id: &str) -> serde_json::Value {
    wait_for(
        app,
        || get(&format!("{PACKAGES}/{id}")),
        |reply| reply.json["status"] == "PUBLISHED",
        PATIENCE,
    )
    .await
    .json
}

#[tokio::test]
async fn publishing_refuses_what_cannot_be_published() {
    let app = demo_app();
    let empty = post_json(PACKAGES, r#"{"name": "Empty", "packageType": "PARTIAL"}"#)
        .send(&app)
        .await;
    let empty_id = empty.json["id"].as_str().unwrap();
    let reply = get(&format!("{PACKAGES}/{empty_id}/export"))
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"]
        .as_str()
        .unwrap()
        .contains("no artifacts"));

    let published = acme_package(&app, "Loyalty tier segments").await;
    let reply = get(&format!("{PACKAGES}/{published}/export"))
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::CONFLICT);

    let draft = create_draft(&app, "Bad period").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    for period in ["-1", "soon", "99999999"] {
        let reply = get(&format!("{PACKAGES}/{draft}/export?expiryPeriod={period}"))
            .send(&app)
            .await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        assert!(reply.json["title"]
            .as_str()
            .unwrap()
            .contains("expiryPeriod"));
    }
}

#[tokio::test]
async fn a_failed_publication_can_be_retried() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Email consent policies").await;
    publish(&app, &id).await;
}

#[tokio::test]
async fn import_checks_conflicts_and_runs_a_job() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Customer profile schema").await;
    let conflicts = get(&format!("{PACKAGES}/{id}/import?targetSandbox=acme-dev"))
        .send(&app)
        .await;
    assert_eq!(conflicts.status, StatusCode::OK, "{}", conflicts.text);
    let first = &conflicts.json[0];
    assert!(first["artifact"]["messages"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Found object"));
    assert!(first["suggestionList"].is_array());
    assert!(first["parentID"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{ACME}::acme-dev::")));

    let missing = get(&format!("{PACKAGES}/{id}/import")).send(&app).await;
    assert_platform_error(&missing, StatusCode::BAD_REQUEST);
    let elsewhere = get(&format!(
        "{PACKAGES}/{id}/import?targetSandbox=globex-stage"
    ))
    .send(&app)
    .await;
    assert_platform_error(&elsewhere, StatusCode::BAD_REQUEST);

    for method in [Method::PUT, Method::POST] {
        let body = json!({"id": id, "destinationSandbox": {"name": "acme-dev", "imsOrgId": ACME}});
        let reply = get(&format!("{PACKAGES}/import"))
            .method(method)
            .json(&body.to_string())
            .send(&app)
            .await;
        assert_eq!(reply.status, StatusCode::ACCEPTED, "{}", reply.text);
        assert_eq!(reply.json["destinationSandbox"]["name"], "acme-dev");
        assert_eq!(reply.json["name"], "Customer profile schema");
        let job_id = reply.json["jobId"].as_str().unwrap().to_string();
        wait_for(
            &app,
            || get(&format!("/data/foundation/exim/tools/job/{job_id}")),
            |reply| reply.json["object"]["jobStatus"] == "SUCCESS",
            PATIENCE,
        )
        .await;
    }
    let imports = get(&format!(
        "{PACKAGES}/jobs?{}",
        property("requestType==import")
    ))
    .send(&app)
    .await;
    assert_eq!(imports.json["totalElements"], 2);
}

#[tokio::test]
async fn drafts_cannot_be_imported() {
    let app = demo_app();
    let id = acme_package(&app, "Cart abandonment journey").await;
    let body = json!({"id": id, "destinationSandbox": {"name": "acme-dev", "imsOrgId": ACME}});
    let reply = put_json(&format!("{PACKAGES}/import"), &body.to_string())
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"].as_str().unwrap().contains("DRAFT"));
}

#[tokio::test]
async fn children_list_dependencies_within_the_package() {
    let app = demo_app();
    let id = acme_package(&app, "Spring sale journeys").await;
    let package = get(&format!("{PACKAGES}/{id}")).send(&app).await.json;
    let journey = &package["artifactsList"][0];
    let body = json!([{"id": journey["id"], "type": "JOURNEY"}]);
    let reply = post_json(&format!("{PACKAGES}/{id}/children"), &body.to_string())
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.json[0]["title"], "Spring sale welcome");
    assert_eq!(reply.json[0]["children"][0]["type"], "PROFILE_SEGMENT");
}

#[tokio::test]
async fn preflight_answers_on_both_paths() {
    let app = demo_app();
    let id = acme_package(&app, "Loyalty tier segments").await;
    for path in [
        format!("{PACKAGES}/preflight/{id}?targetSandbox=acme-dev"),
        format!("{PACKAGES}/preflight/{id}/export?targetSandbox=acme-dev"),
    ] {
        let reply = get(&path).send(&app).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        assert_eq!(reply.json["packageID"], id.as_str());
        assert_eq!(reply.json["targetSandboxName"], "acme-dev");
        let check = &reply.json["permissionResponse"][0];
        assert_eq!(check["creationAllowed"], true);
        assert_eq!(check["missingPermissions"]["resources"], json!([]));
    }
    let viewer = get(&format!("{PACKAGES}/preflight/{id}?targetSandbox=acme-dev"))
        .token("demo-acme-viewer")
        .send(&app)
        .await;
    assert_eq!(
        viewer.json["permissionResponse"][0]["creationAllowed"],
        false
    );
}
