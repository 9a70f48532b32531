//! Creating and changing packages: `POST/PUT /packages`, `PUT /packages/update`, delete,
//! payload, and the `manage-package` permission.

use axum::http::StatusCode;
use serde_json::json;

use crate::common::*;
use crate::packages_support::*;

#[tokio::test]
async fn create_answers_a_private_draft_in_the_header_sandbox() {
    let app = demo_app();
    let package = create_draft(&app, "Autumn journeys").await;
    assert_eq!(package["status"], "DRAFT");
    assert_eq!(package["version"], 0);
    assert_eq!(package["packageVisibility"], "PRIVATE");
    assert_eq!(package["packageType"], "PARTIAL");
    assert_eq!(package["imsOrgId"], ACME);
    assert_eq!(package["sourceSandbox"]["name"], "acme-sandbox");
    assert_eq!(package["createdBy"], "acme-admin@AdobeID");
    assert_eq!(package["userId"], "platform_exim");
    assert!(package["requestId"].is_string());
    assert_eq!(package["id"].as_str().unwrap().len(), 32);
    let artifacts = package["artifactsList"].as_array().unwrap();
    assert_eq!(artifacts.len(), 2);
    assert_eq!(artifacts[0]["found"], false);
    let expiry = package["expiry"].as_i64().unwrap();
    let created = package["createdDate"].as_i64().unwrap();
    assert_eq!((expiry - created) / 86_400_000, 90);

    let id = package["id"].as_str().unwrap();
    let fetched = get(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_eq!(fetched.json["name"], "Autumn journeys");
}

#[tokio::test]
async fn create_honours_source_sandbox_and_expiry() {
    let app = demo_app();
    let body = json!({
        "name": "Dev bundle",
        "packageType": "FULL",
        "sourceSandbox": {"name": "acme-dev", "imsOrgId": ACME},
        "expiry": "2030-01-02T03:04:05Z"
    });
    let reply = post_json(PACKAGES, &body.to_string()).send(&app).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.json["sourceSandbox"]["name"], "acme-dev");
    assert_eq!(reply.json["expiry"], 1_893_553_445_000_i64);
    assert_eq!(reply.json["artifactsList"], json!([]));
}

#[tokio::test]
async fn names_are_unique_per_org_ignoring_case() {
    let app = demo_app();
    let body = json!({"name": "spring SALE journeys", "packageType": "FULL"});
    let reply = post_json(PACKAGES, &body.to_string()).send(&app).await;
    assert_platform_error(&reply, StatusCode::CONFLICT);
    assert!(reply.json["title"]
        .as_str()
        .unwrap()
        .contains("already exists"));
    // Another org may use the name.
    let reply = post_json(PACKAGES, &body.to_string())
        .signed_in_as(GLOBEX, "demo-globex-admin", "prod")
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
}

#[tokio::test]
async fn add_and_delete_artifacts_bump_the_version() {
    let app = demo_app();
    let id = create_draft(&app, "Editable").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let journey = sandbox_object(&app, "JOURNEY", "Spring sale journey").await;
    let segment = sandbox_object(&app, "PROFILE_SEGMENT", "Spring shoppers").await;
    let add = json!({
        "id": id, "action": "ADD",
        "artifacts": [
            {"id": journey, "type": "JOURNEY"},
            {"id": "schema-1", "type": "registry_schema"}
        ]
    });
    let reply = put_json(PACKAGES, &add.to_string()).send(&app).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.json["version"], 1);
    let ids: Vec<&str> = reply.json["artifactsList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [journey.as_str(), segment.as_str(), "schema-1"]);

    let remove =
        json!({"id": id, "action": "DELETE", "artifacts": [{"id": journey, "type": "JOURNEY"}]});
    let reply = put_json(PACKAGES, &remove.to_string()).send(&app).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.json["version"], 2);
    assert_eq!(reply.json["artifactsList"].as_array().unwrap().len(), 2);

    let missing =
        json!({"id": id, "action": "DELETE", "artifacts": [{"id": "nope", "type": "JOURNEY"}]});
    let reply = put_json(PACKAGES, &missing.to_string()).send(&app).await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"].as_str().unwrap().contains("nope"));
}

#[tokio::test]
async fn published_packages_are_immutable() {
    let app = demo_app();
    let id = acme_package(&app, "Loyalty tier segments").await;
    for body in [
        json!({"id": id, "action": "ADD", "artifacts": [{"id": "x", "type": "JOURNEY"}]}),
        json!({"id": id, "action": "DELETE", "artifacts": []}),
        json!({"id": id, "action": "UPDATE", "name": "Renamed",
               "sourceSandbox": {"name": "acme-sandbox", "imsOrgId": ACME}}),
    ] {
        let reply = put_json(PACKAGES, &body.to_string()).send(&app).await;
        assert_platform_error(&reply, StatusCode::CONFLICT);
        assert!(reply.json["title"].as_str().unwrap().contains("PUBLISHED"));
    }
}

#[tokio::test]
async fn update_metadata_renames_and_moves() {
    let app = demo_app();
    let id = create_draft(&app, "Before").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let body = json!({
        "id": id, "action": "UPDATE", "name": "After", "description": "Moved",
        "sourceSandbox": {"name": "acme-dev", "imsOrgId": ACME}
    });
    let reply = put_json(PACKAGES, &body.to_string()).send(&app).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.json["name"], "After");
    assert_eq!(reply.json["description"], "Moved");
    assert_eq!(reply.json["sourceSandbox"]["name"], "acme-dev");
    assert_eq!(reply.json["artifactsList"].as_array().unwrap().len(), 2);

    let taken = json!({
        "id": id, "action": "UPDATE", "name": "Cart abandonment journey",
        "sourceSandbox": {"name": "acme-dev", "imsOrgId": ACME}
    });
    let reply = put_json(PACKAGES, &taken.to_string()).send(&app).await;
    assert_platform_error(&reply, StatusCode::CONFLICT);
}

#[tokio::test]
async fn visibility_changes_both_ways_on_both_paths() {
    let app = demo_app();
    let id = acme_package(&app, "Loyalty tier segments").await;
    let to = |visibility: &str| {
        json!({"id": id, "action": "UPDATE", "packageVisibility": visibility}).to_string()
    };

    let reply = put_json(&format!("{PACKAGES}/update"), &to("PUBLIC"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{}", reply.text);
    assert_eq!(reply.json["packageVisibility"], "PUBLIC");
    assert_eq!(reply.json["status"], "PUBLISHED");

    let reply = put_json(PACKAGES, &to("PRIVATE")).send(&app).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.json["packageVisibility"], "PRIVATE");

    let reply = put_json(PACKAGES, &to("SECRET")).send(&app).await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"].as_str().unwrap().contains("SECRET"));

    let metadata_only = json!({"id": id, "action": "UPDATE", "name": "x"}).to_string();
    let reply = put_json(&format!("{PACKAGES}/update"), &metadata_only)
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn payload_is_for_public_packages() {
    let app = demo_app();
    let public = acme_package(&app, "Spring sale journeys").await;
    let reply = get(&format!("{PACKAGES}/payload/{public}"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.json, json!({"imsOrgId": ACME, "packageId": public}));

    let private = acme_package(&app, "Loyalty tier segments").await;
    let reply = get(&format!("{PACKAGES}/payload/{private}"))
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"].as_str().unwrap().contains("PRIVATE"));

    let reply = get(&format!("{PACKAGES}/payload/{public}"))
        .signed_in_as(GLOBEX, "demo-globex-admin", "prod")
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn delete_removes_the_package() {
    let app = demo_app();
    let id = create_draft(&app, "Short-lived").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = delete(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(
        reply.json,
        json!({"reason": format!("Package {id} deleted")})
    );
    let reply = get(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
    let reply = delete(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_viewer_may_read_but_not_write() {
    let app = demo_app();
    let id = acme_package(&app, "Cart abandonment journey").await;
    let viewer = |call: Call| call.token("demo-acme-viewer");
    let reply = viewer(get(&format!("{PACKAGES}/{id}"))).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK);

    let writes = [
        post_json(PACKAGES, r#"{"name": "x", "packageType": "FULL"}"#),
        post_json(PACKAGES, "{not json"),
        put_json(
            PACKAGES,
            &json!({"id": id, "action": "ADD", "artifacts": []}).to_string(),
        ),
        put_json(
            &format!("{PACKAGES}/update"),
            &json!({"id": id, "action": "UPDATE", "packageVisibility": "PUBLIC"}).to_string(),
        ),
        delete(&format!("{PACKAGES}/{id}")),
        get(&format!("{PACKAGES}/{id}/export")),
        put_json(&format!("{PACKAGES}/import"), "{}"),
        post_json(&format!("{PACKAGES}/import"), "{}"),
    ];
    for call in writes {
        let reply = viewer(call).send(&app).await;
        assert_platform_error(&reply, StatusCode::FORBIDDEN);
        assert!(reply.json["title"]
            .as_str()
            .unwrap()
            .contains("manage-package"));
    }
    let unchanged = get(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_eq!(unchanged.json["version"], 1);
}

#[tokio::test]
async fn malformed_package_ids_are_refused() {
    let app = demo_app();
    for path in [
        format!("{PACKAGES}/not-a-package"),
        format!("{PACKAGES}/0123456789ABCDEF0123456789ABCDEF"),
        format!("{PACKAGES}/payload/123"),
    ] {
        let reply = get(&path).send(&app).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        assert!(reply.json["title"]
            .as_str()
            .unwrap()
            .contains("32 lowercase hexadecimal"));
    }
}
