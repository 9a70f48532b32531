//! Imports and what surrounds them (local extensions, README "exim-server's local
//! extensions"): ranked suggestions from the target sandbox's objects, the refusals of
//! look-ups and submits, IMPORT jobs' per-object results, per-type preflight, the package a
//! transfer became (`targetPackageId`, `receivedFrom`), and the declared list parameters.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use axum::Router;
use serde_json::{json, Value};

use crate::common::*;
use crate::packages_support::*;

const PATIENCE: Duration = Duration::from_secs(5);
const JOB: &str = "/data/foundation/exim/tools/job";
const TRANSFER: &str = "/data/foundation/exim/transfer";

/// The package's artifacts as `(id, type, title)`, as the org's admin reads them.
async fn artifacts(app: &Router, org: &str, id: &str) -> Vec<(String, String, String)> {
    let reply = as_org(get(&format!("{PACKAGES}/{id}")), org).send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json["artifactsList"]
        .as_array()
        .expect("artifacts")
        .iter()
        .map(|a| {
            let text = |key: &str| a[key].as_str().unwrap_or_default().to_string();
            (text("id"), text("type"), text("title"))
        })
        .collect()
}

/// The import look-up, as `call` makes it.
async fn conflicts(app: &Router, call: Call) -> Vec<Value> {
    let reply = call.send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json.as_array().expect("a list").clone()
}

/// The suggestions for the artifact with this title, as `(id, title)`.
fn suggestions_for(conflicts: &[Value], title: &str) -> Vec<(String, String)> {
    let conflict = conflicts
        .iter()
        .find(|c| c["artifact"]["title"] == title)
        .unwrap_or_else(|| panic!("no artifact {title}"));
    conflict["suggestionList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            assert_eq!(s["type"], conflict["artifact"]["type"], "{s}");
            let text = |key: &str| s[key].as_str().unwrap().to_string();
            (text("id"), text("title"))
        })
        .collect()
}

fn import_body(id: &str, sandbox: &str, org: &str, alternatives: Value) -> String {
    json!({
        "id": id,
        "destinationSandbox": {"name": sandbox, "imsOrgId": org},
        "alternatives": alternatives,
    })
    .to_string()
}

/// Submits `call` (an import), waits for the job to finish and returns its details.
async fn run_import(app: &Router, call: Call, token: &str) -> Value {
    let reply = call.send(app).await;
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{}", reply.text);
    let job = reply.json["jobId"].as_str().unwrap().to_string();
    wait_for(
        app,
        || get(&format!("{JOB}/{job}")).token(token),
        |reply| matches!(reply.json["object"]["jobStatus"].as_str(), Some("SUCCESS" | "FAILED")),
        PATIENCE,
    )
    .await
    .json["object"]
        .clone()
}

/// `(outcome, objectId)` per artifact of a finished job.
fn outcomes(job: &Value) -> Vec<(String, String)> {
    job["objectResults"]
        .as_array()
        .unwrap_or_else(|| panic!("no objectResults: {job}"))
        .iter()
        .map(|r| {
            (
                r["outcome"].as_str().unwrap().to_string(),
                r["objectId"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn title_of(reply: &Reply) -> &str {
    reply.json["title"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn suggestions_come_from_the_target_sandbox_best_first() {
    let app = demo_app();
    // Globex's copy of Acme's "Loyalty tier segments", from the demo's completed share.
    let copy = packages_of(&app, GLOBEX)
        .await
        .into_iter()
        .find(|p| p["name"] == "Loyalty tier segments")
        .expect("Globex received the package");
    let id = copy["id"].as_str().unwrap();
    let found = conflicts(
        &app,
        as_org(
            get(&format!("{PACKAGES}/{id}/import?targetSandbox=globex-stage")),
            GLOBEX,
        ),
    )
    .await;

    let gold = suggestions_for(&found, "Loyalty gold members");
    assert_eq!(gold[0].1, "Loyalty gold members", "exact title first: {gold:?}");
    let silver = suggestions_for(&found, "Loyalty silver members");
    assert_eq!(silver[0].1, "Loyalty silver members (copy)", "{silver:?}");
    assert!(silver.iter().any(|s| s.1 == "Silver members"), "{silver:?}");
    assert!(silver.iter().all(|s| s.1 != "Loyalty silver members"));
    let bronze = suggestions_for(&found, "Loyalty bronze members");
    assert_eq!(bronze.len(), 10, "at most 10: {bronze:?}");
    assert_eq!(bronze[0].1, "Bronze members", "most similar first: {bronze:?}");
    assert!(found[0]["parentID"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{GLOBEX}::globex-stage::PROFILE_SEGMENT::")));
}

#[tokio::test]
async fn look_ups_and_submits_refuse_what_cannot_be_imported() {
    let app = demo_app();
    let id = acme_package(&app, "Loyalty tier segments").await;
    let submit = |sandbox: &str, org: &str| {
        put_json(
            &format!("{PACKAGES}/import"),
            &import_body(&id, sandbox, org, json!({})),
        )
    };
    let refusals = [
        ("", "targetSandbox is required"),
        ("?targetSandbox=acme-sandbox", "is the package's own sandbox"),
        ("?targetSandbox=globex-stage", "is not a sandbox of organization"),
        ("?targetSandbox=nowhere", "is not a sandbox of organization"),
    ];
    for (query, said) in refusals {
        for path in [
            format!("{PACKAGES}/{id}/import{query}"),
            format!("{PACKAGES}/preflight/{id}{query}"),
        ] {
            let reply = get(&path).send(&app).await;
            assert_platform_error(&reply, StatusCode::BAD_REQUEST);
            assert!(title_of(&reply).contains(said), "{path}: {}", reply.text);
        }
    }
    for (sandbox, org, said) in [
        ("acme-sandbox", ACME, "is the package's own sandbox"),
        ("globex-stage", GLOBEX, "is not the organization of this request"),
        ("nowhere", ACME, "is not a sandbox of organization"),
    ] {
        let reply = submit(sandbox, org).send(&app).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        assert!(title_of(&reply).contains(said), "{}", reply.text);
    }

    let draft = acme_package(&app, "Cart abandonment journey").await;
    let reply = get(&format!("{PACKAGES}/{draft}/import?targetSandbox=acme-dev"))
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(title_of(&reply).contains("DRAFT"), "{}", reply.text);
    let reply = get(&format!("{PACKAGES}/preflight/{draft}?targetSandbox=acme-dev"))
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);

    let deleted = create_draft(&app, "Deleted before import").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = delete(&format!("{PACKAGES}/{deleted}")).send(&app).await;
    assert!(reply.status.is_success(), "{}", reply.text);
    for unknown in [deleted.as_str(), "0123456789abcdef0123456789abcdef"] {
        for path in [
            format!("{PACKAGES}/{unknown}/import?targetSandbox=acme-dev"),
            format!("{PACKAGES}/preflight/{unknown}?targetSandbox=acme-dev"),
        ] {
            assert_platform_error(&get(&path).send(&app).await, StatusCode::NOT_FOUND);
        }
        let body = import_body(unknown, "acme-dev", ACME, json!({}));
        let reply = put_json(&format!("{PACKAGES}/import"), &body).send(&app).await;
        assert_platform_error(&reply, StatusCode::NOT_FOUND);
    }

    let viewer = submit("acme-dev", ACME).token("demo-acme-viewer").send(&app).await;
    assert_platform_error(&viewer, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_expired_package_is_not_imported() {
    let app = demo_app_with_worker();
    let id = create_draft(&app, "Expires at once").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = get(&format!("{PACKAGES}/{id}/export?expiryPeriod=0"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    wait_for(
        &app,
        || get(&format!("{PACKAGES}/{id}")),
        |reply| reply.json["status"] == "PUBLISHED",
        PATIENCE,
    )
    .await;
    for reply in [
        get(&format!("{PACKAGES}/{id}/import?targetSandbox=acme-dev"))
            .send(&app)
            .await,
        get(&format!("{PACKAGES}/preflight/{id}?targetSandbox=acme-dev"))
            .send(&app)
            .await,
        put_json(
            &format!("{PACKAGES}/import"),
            &import_body(&id, "acme-dev", ACME, json!({})),
        )
        .send(&app)
        .await,
    ] {
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        assert!(title_of(&reply).contains("expired"), "{}", reply.text);
    }
}

#[tokio::test]
async fn alternatives_must_be_objects_of_the_same_type_in_the_target_sandbox() {
    let app = demo_app();
    let id = acme_package(&app, "Win-back journeys").await;
    let held = artifacts(&app, ACME, &id).await;
    let (journey, segment) = (&held[0].0, &held[1].0);
    let found = conflicts(
        &app,
        get(&format!("{PACKAGES}/{id}/import?targetSandbox=acme-dev")),
    )
    .await;
    let dev_segment = suggestions_for(&found, "Lapsed customers")[0].0.clone();
    let sandbox_segment = artifacts(&app, ACME, &acme_package(&app, "Loyalty tier segments").await)
        .await[0]
        .0
        .clone();
    let refusals = [
        (
            json!({journey.clone(): {"id": dev_segment, "type": "PROFILE_SEGMENT"}}),
            format!("alternative {dev_segment} for artifact {journey} is a PROFILE_SEGMENT; {journey} is a JOURNEY"),
        ),
        (
            json!({segment.clone(): {"id": sandbox_segment, "type": "PROFILE_SEGMENT"}}),
            format!("alternative {sandbox_segment} for artifact {segment} is not in sandbox acme-dev"),
        ),
        (
            json!({"not-in-the-package": {"id": dev_segment, "type": "PROFILE_SEGMENT"}}),
            "not-in-the-package, which is not an artifact of package".to_string(),
        ),
    ];
    for (alternatives, said) in refusals {
        let body = import_body(&id, "acme-dev", ACME, alternatives);
        for method in [Method::PUT, Method::POST] {
            let reply = get(&format!("{PACKAGES}/import"))
                .method(method)
                .json(&body)
                .send(&app)
                .await;
            assert_platform_error(&reply, StatusCode::BAD_REQUEST);
            assert!(title_of(&reply).contains(&said), "{said}: {}", reply.text);
        }
    }
    let jobs = get(&format!("{PACKAGES}/jobs?requestType=IMPORT")).send(&app).await;
    assert_eq!(jobs.json["totalElements"], 0, "refused submits make no job");
}

#[tokio::test]
async fn an_import_replaces_reuses_and_creates_and_never_creates_twice() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Win-back journeys").await;
    let held = artifacts(&app, ACME, &id).await;
    let found = conflicts(
        &app,
        get(&format!("{PACKAGES}/{id}/import?targetSandbox=acme-dev")),
    )
    .await;
    let draft_journey = suggestions_for(&found, "Win-back reminder")[0].clone();
    assert_eq!(draft_journey.1, "Win-back reminder (draft)");
    let lapsed = suggestions_for(&found, "Lapsed customers")[0].clone();
    assert_eq!(lapsed.1, "Lapsed customers");
    assert!(suggestions_for(&found, "Win-back email").is_empty());

    let alternatives = json!({held[0].0.clone(): {"id": draft_journey.0, "type": "JOURNEY"}});
    let submit = |alternatives: Value| {
        post_json(
            &format!("{PACKAGES}/import"),
            &import_body(&id, "acme-dev", ACME, alternatives),
        )
    };
    let first = run_import(&app, submit(alternatives), "demo-acme-admin").await;
    assert_eq!(first["jobStatus"], "SUCCESS", "{first}");
    assert_eq!(
        first["importReplacementMap"],
        json!({held[0].0.clone(): draft_journey.0})
    );
    let results = outcomes(&first);
    assert_eq!(results[0], ("REPLACED".into(), draft_journey.0.clone()));
    assert_eq!(results[1], ("REUSED".into(), lapsed.0.clone()));
    assert_eq!(results[2].0, "CREATED");
    let email = results[2].1.clone();
    assert!(!email.is_empty() && email != held[2].0, "a new id: {email}");
    let result = &first["objectResults"][2];
    assert_eq!(result["artifactId"], held[2].0.as_str());
    assert_eq!(result["type"], "MESSAGE");
    assert_eq!(result["title"], "Win-back email");

    let second = run_import(&app, submit(json!({})), "demo-acme-admin").await;
    assert_eq!(second["jobStatus"], "SUCCESS", "{second}");
    assert!(second.get("importReplacementMap").is_none(), "{second}");
    let results = outcomes(&second);
    assert_eq!(results[0].0, "CREATED", "no alternative, no same title yet");
    assert_eq!(results[1], ("REUSED".into(), lapsed.0.clone()));
    assert_eq!(results[2], ("REUSED".into(), email.clone()));

    let third = run_import(&app, submit(json!({})), "demo-acme-admin").await;
    let again = outcomes(&third);
    assert!(again.iter().all(|(outcome, _)| outcome == "REUSED"), "{again:?}");
    let ids = |results: &[(String, String)]| results.iter().map(|r| r.1.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&again), ids(&results));

    // The created objects are now what the look-up suggests first.
    let found = conflicts(
        &app,
        get(&format!("{PACKAGES}/{id}/import?targetSandbox=acme-dev")),
    )
    .await;
    assert_eq!(suggestions_for(&found, "Win-back email")[0].0, email);
    assert_eq!(suggestions_for(&found, "Win-back reminder")[0].0, results[0].1);
}

#[tokio::test]
async fn objects_the_creator_may_not_create_fail_the_job_and_the_rest_stays_made() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Spring sale journeys").await;
    let body = import_body(&id, "acme-dev", ACME, json!({}));
    let job = run_import(
        &app,
        put_json(&format!("{PACKAGES}/import"), &body).token("demo-acme-importer"),
        "demo-acme-importer",
    )
    .await;
    assert_eq!(job["jobStatus"], "FAILED", "{job}");
    let results = outcomes(&job);
    assert_eq!(results[0].0, "FAILED");
    assert_eq!(results[1].0, "FAILED");
    assert_eq!(results[2].0, "CREATED");
    let message = job["objectResults"][0]["message"].as_str().unwrap();
    assert!(message.contains("Journey (read, write)"), "{message}");
    assert!(job["objectResults"][0].get("objectId").is_none());

    let found = conflicts(
        &app,
        get(&format!("{PACKAGES}/{id}/import?targetSandbox=acme-dev")),
    )
    .await;
    assert_eq!(suggestions_for(&found, "Spring sale prospects")[0].0, results[2].1);
    assert!(suggestions_for(&found, "Spring sale welcome").is_empty());
}

#[tokio::test]
async fn preflight_answers_per_type_from_the_callers_permissions() {
    let app = demo_app();
    let id = acme_package(&app, "Win-back journeys").await;
    let preflight = |token: &'static str| {
        get(&format!("{PACKAGES}/preflight/{id}?targetSandbox=acme-dev")).token(token)
    };
    let checks = |reply: &Reply| -> Vec<(String, bool, Value)> {
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        reply.json["permissionResponse"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["artifactType"].as_str().unwrap().to_string(),
                    c["creationAllowed"].as_bool().unwrap(),
                    c["missingPermissions"]["resources"].clone(),
                )
            })
            .collect()
    };

    let importer = checks(&preflight("demo-acme-importer").send(&app).await);
    let journey_missing = json!([{"palmResourceType": "Journey", "resourcePermissions": ["read", "write"]}]);
    assert_eq!(importer[0], ("JOURNEY".into(), false, journey_missing.clone()));
    assert_eq!(importer[1], ("PROFILE_SEGMENT".into(), true, json!([])));
    assert_eq!(importer[2], ("MESSAGE".into(), false, journey_missing));

    let admin = checks(&preflight("demo-acme-admin").send(&app).await);
    assert!(admin.iter().all(|(_, allowed, missing)| *allowed && *missing == json!([])));

    let viewer_reply = preflight("demo-acme-viewer").send(&app).await;
    let viewer = checks(&viewer_reply);
    for (index, (_, allowed, missing)) in viewer.iter().enumerate() {
        assert!(!allowed);
        assert_eq!(
            *missing,
            viewer_reply.json["permissionResponse"][index]["requiredPermissions"]["resources"]
        );
    }
}

#[tokio::test]
async fn other_orgs_cannot_look_into_an_import() {
    let app = demo_app();
    let id = acme_package(&app, "Loyalty tier segments").await;
    let body = import_body(&id, "acme-dev", ACME, json!({}));
    let started = put_json(&format!("{PACKAGES}/import"), &body).send(&app).await;
    assert_eq!(started.status, StatusCode::ACCEPTED, "{}", started.text);
    let job = started.json["jobId"].as_str().unwrap();
    for path in [
        format!("{JOB}/{job}"),
        format!("{PACKAGES}/{id}/import?targetSandbox=prod"),
        format!("{PACKAGES}/preflight/{id}?targetSandbox=prod"),
    ] {
        let reply = as_org(get(&path), GLOBEX).send(&app).await;
        assert_platform_error(&reply, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_target_org_alone_learns_which_package_a_transfer_became() {
    let app = demo_app_with_worker();
    let id = acme_package(&app, "Product catalog classes").await;
    let body = json!({"packageId": id, "targets": [{"imsOrgId": GLOBEX}]});
    let shared = post_json(TRANSFER, &body.to_string()).send(&app).await;
    assert!(shared.status.is_success(), "{}", shared.text);
    let transfer = shared.json[0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("a transfer id in {}", shared.text))
        .to_string();
    let target_view = wait_for(
        &app,
        || as_org(get(&format!("{TRANSFER}/{transfer}")), GLOBEX),
        |reply| reply.json["status"] == "COMPLETED",
        PATIENCE,
    )
    .await;
    let copy_id = target_view.json["targetPackageId"]
        .as_str()
        .unwrap_or_else(|| panic!("targetPackageId for the target: {}", target_view.text))
        .to_string();
    let source_view = get(&format!("{TRANSFER}/{transfer}")).send(&app).await;
    assert!(source_view.json.get("targetPackageId").is_none(), "{}", source_view.text);
    let source_list = get(&format!("{TRANSFER}/list?limit=100")).send(&app).await;
    assert!(source_list.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t.get("targetPackageId").is_none()));
    let target_list = as_org(get(&format!("{TRANSFER}/list?limit=100")), GLOBEX)
        .send(&app)
        .await;
    let listed = target_list.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == transfer.as_str())
        .expect("listed for the target");
    assert_eq!(listed["targetPackageId"], copy_id.as_str());

    let copy = as_org(get(&format!("{PACKAGES}/{copy_id}")), GLOBEX)
        .send(&app)
        .await;
    assert_eq!(
        copy.json["receivedFrom"],
        json!({"imsOrgId": ACME, "orgName": "Acme Retail", "packageId": id, "transferId": transfer})
    );
    let original = get(&format!("{PACKAGES}/{id}")).send(&app).await;
    assert!(original.json.get("receivedFrom").is_none());
}

#[tokio::test]
async fn received_packages_are_marked_and_filtered() {
    let app = demo_app();
    let all = packages_of(&app, GLOBEX).await;
    let received: Vec<&Value> = all.iter().filter(|p| p.get("receivedFrom").is_some()).collect();
    assert_eq!(received.len(), 2, "the demo's two completed shares to Globex");
    let completed = as_org(
        get(&format!("{TRANSFER}/list?{}&limit=100", property("status==COMPLETED"))),
        GLOBEX,
    )
    .send(&app)
    .await;
    for package in &received {
        let from = &package["receivedFrom"];
        assert_eq!(from["imsOrgId"], ACME);
        assert_eq!(from["orgName"], "Acme Retail");
        let transfer = completed.json["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == from["transferId"])
            .expect("the transfer that delivered it");
        assert_eq!(transfer["packageId"], from["packageId"]);
        assert_eq!(transfer["targetPackageId"], package["id"]);
    }

    let count = |query: String| {
        let app = app.clone();
        async move {
            let reply = as_org(get(&format!("{PACKAGES}?{query}&limit=100")), GLOBEX)
                .send(&app)
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.text);
            reply.json["totalElements"].as_u64().unwrap()
        }
    };
    let total = all.len() as u64;
    assert_eq!(count(property("received==true")).await, 2);
    assert_eq!(count(property("received==FALSE")).await, total - 2);
    assert_eq!(count(property(&format!("receivedFrom.imsOrgId=={ACME}"))).await, 2);
    assert_eq!(count(property(&format!("receivedFrom.imsOrgId=={INITECH}"))).await, 0);
    let reply = as_org(get(&format!("{PACKAGES}?{}", property("received==maybe"))), GLOBEX)
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn job_lists_honour_the_declared_parameters() {
    let app = demo_app();
    let draft = create_draft(&app, "Exported").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = get(&format!("{PACKAGES}/{draft}/export")).send(&app).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let id = acme_package(&app, "Loyalty tier segments").await;
    let body = import_body(&id, "acme-dev", ACME, json!({}));
    let reply = put_json(&format!("{PACKAGES}/import"), &body).send(&app).await;
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{}", reply.text);

    let total = |query: &str| {
        let app = app.clone();
        let query = query.to_string();
        async move {
            let reply = get(&format!("{PACKAGES}/jobs?{query}")).send(&app).await;
            assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.text);
            reply.json["totalElements"].as_u64().unwrap()
        }
    };
    assert_eq!(total("").await, 2);
    assert_eq!(total("requestType=import").await, 1);
    assert_eq!(total("requestType=EXPORT,IMPORT").await, 2);
    assert_eq!(total("jobStatus=SUCCESS").await, 0);
    assert_eq!(total("jobStatus=pending,FAILED").await, 2);
    assert_eq!(total("jobType=NEW&requestType=EXPORT").await, 1);
    assert_eq!(
        total(&format!("requestType=IMPORT&{}", property("requestType==EXPORT"))).await,
        0,
        "parameters and property filters are AND-ed"
    );
    for (query, parameter, value) in [
        ("jobStatus=DONE", "jobStatus", "DONE"),
        ("requestType=BOTH", "requestType", "BOTH"),
        ("jobType=OLD", "jobType", "OLD"),
    ] {
        let reply = get(&format!("{PACKAGES}/jobs?{query}")).send(&app).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        let title = title_of(&reply);
        assert!(title.contains(parameter) && title.contains(value), "{title}");
    }
    let reply = get(&format!("{PACKAGES}/jobs?jobStatus=DONE")).send(&app).await;
    assert!(title_of(&reply).contains("PENDING, IN_PROGRESS, SUCCESS, FAILED, CANCELLED"));
}

#[tokio::test]
async fn package_lists_honour_the_status_parameter() {
    let app = demo_app();
    let all = packages_of(&app, ACME).await;
    let expected = all
        .iter()
        .filter(|p| p["status"] == "DRAFT" || p["status"] == "PUBLISH_FAILED")
        .count();
    assert!(expected > 0 && expected < all.len());
    let reply = get(&format!("{PACKAGES}?status=draft,PUBLISH_FAILED&limit=100"))
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.json["totalElements"], expected);
    let reply = get(&format!("{PACKAGES}?status=GONE")).send(&app).await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(title_of(&reply).contains("'GONE'") && title_of(&reply).contains("status"));
    assert!(title_of(&reply).contains("PUBLISH_IN_PROGRESS"));
}

#[tokio::test]
async fn an_org_does_not_pull_its_own_public_package() {
    let app = demo_app();
    let id = acme_package(&app, "Spring sale journeys").await;
    let body = json!({"imsOrgId": ACME, "packageId": id});
    let reply = post_json(&format!("{TRANSFER}/pullRequest"), &body.to_string())
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert!(title_of(&reply).contains("own organization"), "{}", reply.text);
    let pulls = get(&format!("{TRANSFER}/list?requestType=PUBLIC")).send(&app).await;
    assert_eq!(pulls.json["totalElements"], 1, "only the demo's pull by Initech");
}

#[tokio::test]
async fn an_import_submitted_before_a_restart_runs_with_its_alternatives_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = exim_server::ServerConfig {
        db_path: Some(dir.path().join("exim.sqlite3")),
        demo: true,
        step_ms: TEST_STEP_MS,
        ..exim_server::ServerConfig::default()
    };
    // First process: no worker, so the job is only stored.
    let before = exim_server::app(exim_server::AppState::open(&config).unwrap());
    let id = acme_package(&before, "Win-back journeys").await;
    let journey = artifacts(&before, ACME, &id).await[0].0.clone();
    let found = conflicts(
        &before,
        get(&format!("{PACKAGES}/{id}/import?targetSandbox=acme-dev")),
    )
    .await;
    let draft_journey = suggestions_for(&found, "Win-back reminder")[0].0.clone();
    let body = import_body(
        &id,
        "acme-dev",
        ACME,
        json!({journey: {"id": draft_journey, "type": "JOURNEY"}}),
    );
    let started = put_json(&format!("{PACKAGES}/import"), &body).send(&before).await;
    assert_eq!(started.status, StatusCode::ACCEPTED, "{}", started.text);
    let job = started.json["jobId"].as_str().unwrap().to_string();
    drop(before);

    let state = exim_server::AppState::open(&config).unwrap();
    state.start_worker();
    let after = exim_server::app(state);
    let done = wait_for(
        &after,
        || get(&format!("{JOB}/{job}")),
        |reply| reply.json["object"]["jobStatus"] == "SUCCESS",
        PATIENCE,
    )
    .await;
    assert_eq!(
        outcomes(&done.json["object"])[0],
        ("REPLACED".to_string(), draft_journey)
    );
}
