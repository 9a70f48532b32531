//! Transfers: private shares, public pulls, the worker's progress and the lists.

use std::time::Duration;

use axum::http::StatusCode;
use axum::Router;
use serde_json::{json, Value};

use crate::common::*;
use crate::handshakes::{act, record};
use crate::packages_support::*;

pub const TRANSFER: &str = "/data/foundation/exim/transfer";
const PATIENCE: Duration = Duration::from_secs(10);

pub async fn share(app: &Router, package_id: &str, targets: &[&str]) -> Reply {
    let targets: Vec<Value> = targets.iter().map(|org| json!({"imsOrgId": org})).collect();
    let body = json!({"packageId": package_id, "targets": targets});
    post_json(TRANSFER, &body.to_string()).send(app).await
}

/// Waits until the transfer is COMPLETED or FAILED, as `org` sees it.
pub async fn finished(app: &Router, org: &str, id: &str) -> Value {
    wait_for(
        app,
        || as_org(get(&format!("{TRANSFER}/{id}")), org),
        |reply| matches!(reply.json["status"].as_str(), Some("COMPLETED" | "FAILED")),
        PATIENCE,
    )
    .await
    .json
}

async fn list(app: &Router, org: &str, query: &str) -> Value {
    let reply = as_org(get(&format!("{TRANSFER}/list?{query}")), org)
        .send(app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.text);
    reply.json
}

fn package_names(list: &Value) -> Vec<String> {
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["packageName"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn demo_transfers_are_listed_for_each_party() {
    let app = demo_app();
    let acme = list(&app, ACME, "").await;
    assert_eq!(acme["totalElements"], 4);
    assert!(acme.get("nextPage").is_some_and(Value::is_null));
    assert!(acme.get("pageSize").is_some_and(Value::is_null));
    assert_eq!(list(&app, GLOBEX, "").await["totalElements"], 3);
    assert_eq!(list(&app, INITECH, "").await["totalElements"], 1);
    assert_eq!(list(&app, UMBRELLA, "").await["totalElements"], 0);

    let failed = list(&app, ACME, &property("status==FAILED")).await;
    let broken = &failed["data"][0];
    assert_eq!(broken["packageName"], "Broken journey bundle");
    assert_eq!(
        broken["transferDetails"]["additionalMetadata"]["errorCode"],
        "BLOB_FETCH_FAILED"
    );
    assert!(broken["transferDetails"]["additionalMetadata"]["errorMessage"].is_string());
    let messages = broken["transferDetails"]["messages"].as_array().unwrap();
    assert_eq!(messages.last().unwrap(), "Finished with status: FAILED");
    assert!(!messages.contains(&json!("Fetched Blob Files")));

    let completed = list(&app, GLOBEX, &property("status==COMPLETED")).await;
    let first = &completed["data"][0];
    assert_eq!(
        first["transferDetails"]["messages"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    assert!(first["completedTime"].as_i64().unwrap() > first["createdDate"].as_i64().unwrap());
    let globex_copies = packages_of(&app, GLOBEX).await;
    assert!(globex_copies
        .iter()
        .any(|p| p["name"] == "Loyalty tier segments"
            && p["status"] == "PUBLISHED"
            && p["packageVisibility"] == "PRIVATE"
            && p["sourceSandbox"]["name"] == "prod"));
}

#[tokio::test]
async fn a_share_runs_to_completion_and_copies_the_package() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Product catalog classes").await;
    let reply = share(&app, &id, &[GLOBEX]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let created = &reply.json[0];
    assert_eq!(reply.json.as_array().unwrap().len(), 1);
    assert_eq!(created["status"], "PENDING");
    assert_eq!(created["requestType"], "PRIVATE");
    assert_eq!(created["sourceIMSOrgId"], ACME);
    assert_eq!(created["targetIMSOrgId"], GLOBEX);
    assert_eq!(created["packageId"], id.as_str());
    assert_eq!(created["initiatedBy"], "acme-admin@AdobeID");
    assert_eq!(created["version"], 0);
    let transfer_id = created["id"].as_str().unwrap();

    let in_progress = wait_for(
        &app,
        || get(&format!("{TRANSFER}/{transfer_id}")),
        |reply| reply.json["status"] == "IN_PROGRESS",
        PATIENCE,
    )
    .await;
    assert!(!in_progress.json["transferDetails"]["messages"]
        .as_array()
        .unwrap()
        .is_empty());

    let done = finished(&app, ACME, transfer_id).await;
    assert_eq!(done["status"], "COMPLETED");
    let messages = done["transferDetails"]["messages"].as_array().unwrap();
    assert_eq!(messages[0], "Fetched Package");
    assert_eq!(messages[6], "Completed Transfer");
    assert_eq!(messages[7], "Finished with status: COMPLETED");
    assert!(done["completedTime"].is_i64());

    let copies: Vec<Value> = packages_of(&app, GLOBEX)
        .await
        .into_iter()
        .filter(|p| p["name"] == "Product catalog classes")
        .collect();
    assert_eq!(copies.len(), 1);
    assert_ne!(copies[0]["id"], id.as_str());
    assert_eq!(copies[0]["status"], "PUBLISHED");
    assert_eq!(copies[0]["artifactsList"].as_array().unwrap().len(), 3);

    // A second share of the same package gets a numbered copy.
    let again = share(&app, &id, &[GLOBEX]).await;
    finished(&app, ACME, again.json[0]["id"].as_str().unwrap()).await;
    assert!(packages_of(&app, GLOBEX)
        .await
        .iter()
        .any(|p| p["name"] == "Product catalog classes (2)"));
}

#[tokio::test]
async fn fail_packages_fail_at_fetching_blob_files() {
    let app = demo_app_with_worker();
    let draft = create_draft(&app, "Segments [fail]").await;
    let id = draft["id"].as_str().unwrap().to_string();
    publish(&app, &id).await;
    for package in [id, acme_package(&app, "Broken journey bundle").await] {
        let reply = share(&app, &package, &[GLOBEX]).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        let done = finished(&app, GLOBEX, reply.json[0]["id"].as_str().unwrap()).await;
        assert_eq!(done["status"], "FAILED");
        let messages = done["transferDetails"]["messages"].as_array().unwrap();
        assert_eq!(messages.len(), 5, "{messages:?}");
        assert_eq!(messages[3], "Fetched Sandbox Id");
        assert_eq!(messages[4], "Finished with status: FAILED");
        let details = &done["transferDetails"]["additionalMetadata"];
        assert_eq!(details["errorCode"], "BLOB_FETCH_FAILED");
        assert!(details["errorMessage"]
            .as_str()
            .unwrap()
            .contains("blob files"));
        assert!(done["completedTime"].is_i64());
    }
    assert!(!packages_of(&app, GLOBEX)
        .await
        .iter()
        .any(|p| p["name"] == "Segments [fail]"));
}

#[tokio::test]
async fn shares_are_refused_per_target() {
    let app = demo_app();
    let id = acme_package(&app, "Product catalog classes").await;
    for targets in [
        vec![INITECH],
        vec![ACME],
        vec!["0123456789ABCDEF01234567@AdobeOrg"],
        vec!["not-an-org"],
    ] {
        let reply = share(&app, &id, &targets).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        assert!(reply.json["title"]
            .as_str()
            .unwrap()
            .starts_with("No transfer was created"));
    }
    let mixed = share(&app, &id, &[GLOBEX, INITECH, GLOBEX]).await;
    assert_eq!(mixed.status, StatusCode::CREATED, "{}", mixed.text);
    assert_eq!(mixed.json.as_array().unwrap().len(), 1);
    assert_eq!(mixed.json[0]["targetIMSOrgId"], GLOBEX);
    let empty = share(&app, &id, &[]).await;
    assert_platform_error(&empty, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn only_published_private_own_packages_are_shared() {
    let app = demo_app();
    for name in ["Cart abandonment journey", "Spring sale journeys"] {
        let reply = share(&app, &acme_package(&app, name).await, &[GLOBEX]).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    }
    let globex_package = packages_of(&app, GLOBEX).await[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = share(&app, &globex_package, &[GLOBEX]).await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"]
        .as_str()
        .unwrap()
        .contains("is not a package of"));
    let reply = share(&app, "nope", &[GLOBEX]).await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_cancelled_partnership_stops_sharing() {
    let app = demo_app();
    let partnership = record(&app, ACME, GLOBEX).await;
    let cancelled = act(&app, ACME, &partnership["linkingId"], "CANCELLED").await;
    assert_eq!(cancelled.status, StatusCode::CREATED);
    let reply = share(
        &app,
        &acme_package(&app, "Product catalog classes").await,
        &[GLOBEX],
    )
    .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(reply.json["title"]
        .as_str()
        .unwrap()
        .contains("APPROVED partnership"));
}

#[tokio::test]
async fn transfers_are_read_by_their_parties_only() {
    let app = demo_app();
    let acme = list(&app, ACME, &property("status==FAILED")).await;
    let id = acme["data"][0]["id"].as_str().unwrap();
    for org in [ACME, GLOBEX] {
        let reply = as_org(get(&format!("{TRANSFER}/{id}")), org)
            .send(&app)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{org}");
        assert_eq!(reply.json["id"], id);
    }
    let outsider = as_org(get(&format!("{TRANSFER}/{id}")), UMBRELLA)
        .send(&app)
        .await;
    assert_platform_error(&outsider, StatusCode::NOT_FOUND);
    let malformed = get(&format!("{TRANSFER}/xyz")).send(&app).await;
    assert_platform_error(&malformed, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_list_filters_searches_and_sorts() {
    let app = demo_app();
    let public = list(&app, ACME, "requestType=public").await;
    assert_eq!(package_names(&public), ["Spring sale journeys"]);
    assert_eq!(
        list(&app, ACME, "requestType=PRIVATE").await["totalElements"],
        3
    );

    let either = list(&app, ACME, &property("status==COMPLETED,FAILED")).await;
    assert_eq!(either["totalElements"], 4);
    let search = list(&app, ACME, &property("packageName~JOURNEY")).await;
    assert_eq!(
        package_names(&search),
        ["Spring sale journeys", "Broken journey bundle"]
    );
    let by_name = list(&app, ACME, "orderBy=packageName").await;
    assert_eq!(
        package_names(&by_name),
        [
            "Broken journey bundle",
            "Customer profile schema",
            "Loyalty tier segments",
            "Spring sale journeys"
        ]
    );
    let by_status = list(&app, ACME, "orderby=-status").await;
    assert_eq!(by_status["data"][0]["status"], "FAILED");
    let by_target = list(&app, ACME, "orderBy=-targetOrgName").await;
    assert_eq!(by_target["data"][0]["targetOrgName"], "Initech");
    let newest_first = list(&app, ACME, "orderBy=-createdDate").await;
    let dates: Vec<i64> = newest_first["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["createdDate"].as_i64().unwrap())
        .collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]));

    let second_page = list(&app, ACME, "start=2&limit=2").await;
    assert_eq!(second_page["currentPage"], 1);
    assert_eq!(second_page["totalPages"], 2);
    assert_eq!(second_page["hasPreviousPage"], true);
    assert_eq!(second_page["hasNextPage"], false);
    assert_eq!(
        package_names(&second_page),
        package_names(&newest_first)[2..]
    );

    for query in [
        "requestType=BOTH",
        &property("status==LOST"),
        "orderBy=initiatedBy",
    ] {
        let reply = get(&format!("{TRANSFER}/list?{query}")).send(&app).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    }
}

/// A partner page's lists: the transfers between the caller and one other org, either way,
/// with their totals per status, also for transfers made after the database was opened.
#[tokio::test]
async fn the_list_filters_by_the_other_org_either_way() {
    let app = demo_app();
    let everything = list(&app, ACME, "limit=100").await;
    let between = |field: &str, org: &str| {
        everything["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t[field] == org)
            .count()
    };
    let to_globex = property(&format!("targetIMSOrgId=={GLOBEX}"));
    let before = between("targetIMSOrgId", GLOBEX);
    assert!(before > 0, "the demo shares to Globex");
    assert_eq!(list(&app, ACME, &to_globex).await["totalElements"], before);
    let failed_to_globex = format!("{to_globex}&{}", property("status==FAILED"));
    let failed_before = list(&app, ACME, &failed_to_globex).await["totalElements"].clone();

    let id = acme_package(&app, "Product catalog classes").await;
    let reply = share(&app, &id, &[GLOBEX]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let after = list(&app, ACME, &to_globex).await;
    assert_eq!(after["totalElements"], before + 1);
    assert_eq!(after["data"][0]["id"], reply.json[0]["id"]);
    assert_eq!(
        list(&app, ACME, &failed_to_globex).await["totalElements"],
        failed_before
    );

    // Globex sees the same shares as received from Acme, and none of them as sent to Acme.
    let from_acme = list(&app, GLOBEX, &property(&format!("sourceIMSOrgId=={ACME}"))).await;
    assert_eq!(from_acme["totalElements"], before + 1);
    let to_acme = list(&app, GLOBEX, &property(&format!("targetIMSOrgId=={ACME}"))).await;
    assert_eq!(to_acme["totalElements"], between("sourceIMSOrgId", GLOBEX));
}

/// Our extension for a bulk share's results: `property=id==A,B` lists exactly those transfers,
/// and only those the caller's org is party to.
#[tokio::test]
async fn the_list_filters_by_transfer_ids_within_the_callers_org() {
    let app = demo_app();
    let acme = list(&app, ACME, "").await;
    let ids: Vec<&str> = acme["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    let chosen = format!("{},{}", ids[0], ids[2]);
    let exactly = list(&app, ACME, &property(&format!("id=={chosen}"))).await;
    assert_eq!(exactly["totalElements"], 2);
    let listed: Vec<&str> = exactly["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [ids[0], ids[2]]);

    let umbrella = list(&app, UMBRELLA, &property(&format!("id=={chosen}"))).await;
    assert_eq!(umbrella["totalElements"], 0);
}

#[tokio::test]
async fn a_public_package_is_pulled_with_its_payload() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Spring sale journeys").await;
    let payload = get(&format!("{PACKAGES}/payload/{id}")).send(&app).await;
    let reply = as_org(
        post_json(&format!("{TRANSFER}/pullRequest"), &payload.text),
        GLOBEX,
    )
    .send(&app)
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.json["requestType"], "PUBLIC");
    assert_eq!(reply.json["status"], "PENDING");
    assert_eq!(reply.json["sourceIMSOrgId"], ACME);
    assert_eq!(reply.json["targetIMSOrgId"], GLOBEX);
    assert_eq!(reply.json["initiatedBy"], "globex-admin@AdobeID");
    assert_eq!(reply.json["pipelineMessageId"].as_str().unwrap().len(), 36);
    let done = finished(&app, GLOBEX, reply.json["id"].as_str().unwrap()).await;
    assert_eq!(done["status"], "COMPLETED");
    assert!(packages_of(&app, GLOBEX)
        .await
        .iter()
        .any(|p| p["name"] == "Spring sale journeys"));
    // The owner sees the pull too.
    let acme = list(&app, ACME, "requestType=PUBLIC").await;
    assert_eq!(acme["totalElements"], 2);
}

#[tokio::test]
async fn pulls_are_refused_for_private_or_misattributed_packages() {
    let app = demo_app();
    let private = acme_package(&app, "Loyalty tier segments").await;
    let public = acme_package(&app, "Spring sale journeys").await;
    for body in [
        json!({"imsOrgId": ACME, "packageId": private}),
        json!({"imsOrgId": GLOBEX, "packageId": public}),
        json!({"imsOrgId": "acme", "packageId": public}),
        json!({"imsOrgId": ACME, "packageId": "0123"}),
        json!({"imsOrgId": ACME, "packageId": "0123456789abcdef0123456789abcdef"}),
    ] {
        let reply = as_org(
            post_json(&format!("{TRANSFER}/pullRequest"), &body.to_string()),
            GLOBEX,
        )
        .send(&app)
        .await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn a_package_being_shared_cannot_be_deleted() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Product catalog classes").await;
    let reply = share(&app, &id, &[GLOBEX]).await;
    let refused = delete(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_platform_error(&refused, StatusCode::CONFLICT);
    finished(&app, ACME, reply.json[0]["id"].as_str().unwrap()).await;
    let deleted = delete(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert_eq!(deleted.status, StatusCode::OK);
    // The transfer keeps the name it was made with.
    let listed = list(
        &app,
        ACME,
        &property("packageName==Product catalog classes"),
    )
    .await;
    assert_eq!(listed["totalElements"], 1);
}

#[tokio::test]
async fn every_page_matches_the_whole_list() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Product catalog classes").await;
    let mut ids = Vec::new();
    for _ in 0..7 {
        ids.push(
            share(&app, &id, &[GLOBEX]).await.json[0]["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    for id in &ids {
        finished(&app, ACME, id).await;
    }
    for order in [
        "-createdDate",
        "createdDate",
        "packageName",
        "-targetOrgName",
        "-status",
    ] {
        let whole = list(&app, ACME, &format!("orderBy={order}&limit=100")).await;
        let whole: Vec<Value> = whole["data"].as_array().unwrap().clone();
        assert_eq!(whole.len(), 11);
        for start in 0..12 {
            let page = list(
                &app,
                ACME,
                &format!("orderBy={order}&start={start}&limit=3"),
            )
            .await;
            let expected: Vec<Value> = whole.iter().skip(start).take(3).cloned().collect();
            assert_eq!(
                page["data"].as_array().unwrap(),
                &expected,
                "{order} from {start}"
            );
        }
    }
}

#[tokio::test]
async fn totals_follow_status_changes() {
    let app = demo_app_with_worker();
    let count = |query: String| {
        let app = app.clone();
        async move {
            list(&app, ACME, &query).await["totalElements"]
                .as_u64()
                .unwrap()
        }
    };
    let completed_before = count(property("status==COMPLETED")).await;
    let id = acme_package(&app, "Product catalog classes").await;
    let reply = share(&app, &id, &[GLOBEX]).await;
    assert_eq!(count(property("status==PENDING")).await, 1);
    finished(&app, ACME, reply.json[0]["id"].as_str().unwrap()).await;
    assert_eq!(count(property("status==PENDING,IN_PROGRESS")).await, 0);
    assert_eq!(
        count(property("status==COMPLETED")).await,
        completed_before + 1
    );
    assert_eq!(count(property("status!=COMPLETED")).await, 1);
    assert_eq!(count("requestType=PRIVATE".into()).await, 4);
    assert_eq!(
        count(format!(
            "requestType=PRIVATE&{}",
            property("status==FAILED")
        ))
        .await,
        1
    );
    assert_eq!(count(String::new()).await, 5);
}

async fn retry(app: &Router, package_id: &str, targets: &[&str], retry_of: &str) -> Reply {
    let targets: Vec<Value> = targets.iter().map(|org| json!({"imsOrgId": org})).collect();
    let body = json!({"packageId": package_id, "targets": targets, "retryOf": retry_of});
    post_json(TRANSFER, &body.to_string()).send(app).await
}

/// The demo's FAILED share of "Broken journey bundle" with Globex.
async fn failed_demo_share(app: &Router) -> Value {
    let failed = list(app, ACME, "property=status==FAILED&requestType=PRIVATE").await;
    failed["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["packageName"] == "Broken journey bundle")
        .cloned()
        .expect("the demo's failed share")
}

#[tokio::test]
async fn a_failed_share_is_retried_once_and_both_records_link() {
    let app = demo_app();
    let failed = failed_demo_share(&app).await;
    let failed_id = failed["id"].as_str().unwrap();
    assert!(failed.get("retriedBy").is_none() && failed.get("retryOf").is_none());
    let package = failed["packageId"].as_str().unwrap();
    let reply = retry(&app, package, &[GLOBEX], failed_id).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let new_id = reply.json[0]["id"].as_str().unwrap().to_string();
    assert_eq!(reply.json[0]["retryOf"], failed_id);
    let before = as_org(get(&format!("{TRANSFER}/{failed_id}")), ACME)
        .send(&app)
        .await;
    assert_eq!(before.json["retriedBy"], new_id.as_str());
    let target_view = as_org(get(&format!("{TRANSFER}/{new_id}")), GLOBEX)
        .send(&app)
        .await;
    assert_eq!(
        target_view.json["retryOf"], failed_id,
        "both parties see the link"
    );
    let again = retry(&app, package, &[GLOBEX], failed_id).await;
    assert_platform_error(&again, StatusCode::BAD_REQUEST);
    assert!(
        again.json["title"]
            .as_str()
            .unwrap()
            .contains("retried already"),
        "{}",
        again.text
    );
}

#[tokio::test]
async fn a_retry_must_name_a_failed_share_of_the_same_package_and_target() {
    let app = demo_app();
    let failed = failed_demo_share(&app).await;
    let failed_id = failed["id"].as_str().unwrap();
    let package = failed["packageId"].as_str().unwrap().to_string();
    let other_package = acme_package(&app, "Product catalog classes").await;
    let completed = list(&app, ACME, "property=status==COMPLETED&requestType=PRIVATE").await
        ["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (package_id, targets, retry_of, problem) in [
        (
            other_package.as_str(),
            vec![GLOBEX],
            failed_id,
            "shared package",
        ),
        (
            package.as_str(),
            vec![INITECH],
            failed_id,
            "a retry targets exactly",
        ),
        (
            package.as_str(),
            vec![GLOBEX, INITECH],
            failed_id,
            "a retry targets exactly",
        ),
        (
            package.as_str(),
            vec![GLOBEX],
            completed.as_str(),
            "only a FAILED transfer",
        ),
        (
            package.as_str(),
            vec![GLOBEX],
            "0123456789abcdef0123456789abcdef",
            "is not a transfer shared by",
        ),
        (package.as_str(), vec![GLOBEX], "not an id", "retryOf"),
    ] {
        let reply = retry(&app, package_id, &targets, retry_of).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        assert!(
            reply.json["title"].as_str().unwrap().contains(problem),
            "{problem}: {}",
            reply.text
        );
    }
    // The target org cannot retry the source's share.
    let body =
        json!({"packageId": package, "targets": [{"imsOrgId": GLOBEX}], "retryOf": failed_id});
    let reply = as_org(post_json(TRANSFER, &body.to_string()), GLOBEX)
        .send(&app)
        .await;
    assert!(!reply.status.is_success(), "{}", reply.text);
}
