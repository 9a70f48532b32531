//! Isolation and permissions: Globex cannot read or change Acme's objects (beyond the
//! records it is party to), and Acme's viewer cannot write. Either way nothing changes.

use axum::http::{Method, StatusCode};
use axum::Router;
use serde_json::{json, Value};

use crate::common::*;
use crate::handshakes::{action_body, record};
use crate::packages_support::*;
use crate::transfers::TRANSFER;

const EXIM: &str = "/data/foundation/exim";

/// Everything Acme can see, to compare before and after.
async fn acme_world(app: &Router) -> Vec<Value> {
    let mut world = Vec::new();
    for path in [
        format!("{PACKAGES}?limit=100"),
        format!("{PACKAGES}/jobs?limit=100"),
        format!("{EXIM}/handshake/list?requestType=OUTGOING&limit=100"),
        format!("{EXIM}/handshake/list?requestType=INCOMING&limit=100"),
        format!("{TRANSFER}/list?limit=100"),
    ] {
        let reply = get(&path).send(app).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.text);
        world.push(reply.json);
    }
    world
}

/// Acme objects to aim at: a draft, a published private and a public package, a job, the
/// pending request to Initech and a transfer Globex is not party to.
struct Targets {
    draft: String,
    published: String,
    public: String,
    job: String,
    link: Value,
    transfer: String,
}

async fn targets(app: &Router) -> Targets {
    let published = acme_package(app, "Customer profile schema").await;
    let import =
        json!({"id": published, "destinationSandbox": {"name": "acme-dev", "imsOrgId": ACME}});
    let job = put_json(&format!("{PACKAGES}/import"), &import.to_string())
        .send(app)
        .await;
    let job = job.json["jobId"].as_str().unwrap().to_string();
    // The job must be done before the "before" picture is taken.
    wait_for(
        app,
        || get(&format!("{EXIM}/tools/job/{job}")),
        |reply| reply.json["object"]["jobStatus"] == "SUCCESS",
        std::time::Duration::from_secs(5),
    )
    .await;
    let public = acme_package(app, "Spring sale journeys").await;
    let pulls = get(&format!("{TRANSFER}/list?requestType=PUBLIC"))
        .send(app)
        .await;
    Targets {
        draft: acme_package(app, "Cart abandonment journey").await,
        job,
        link: record(app, ACME, INITECH).await["linkingId"].clone(),
        transfer: pulls.json["data"][0]["id"].as_str().unwrap().to_string(),
        published,
        public,
    }
}

/// Every operation on Acme's objects, as `(call, what it is)`.
fn operations(t: &Targets) -> Vec<(Call, String)> {
    let body = |value: Value| value.to_string();
    let dev = json!({"name": "prod", "imsOrgId": GLOBEX});
    let calls = vec![
        get(&format!("{PACKAGES}/{}", t.draft)),
        put_json(
            PACKAGES,
            &body(
                json!({"id": t.draft, "action": "ADD", "artifacts": [{"id": "x", "type": "JOURNEY"}]}),
            ),
        ),
        put_json(
            PACKAGES,
            &body(json!({"id": t.draft, "action": "DELETE", "artifacts": []})),
        ),
        put_json(
            PACKAGES,
            &body(
                json!({"id": t.draft, "action": "UPDATE", "name": "Taken over", "sourceSandbox": dev}),
            ),
        ),
        put_json(
            PACKAGES,
            &body(json!({"id": t.published, "action": "UPDATE", "packageVisibility": "PUBLIC"})),
        ),
        put_json(
            &format!("{PACKAGES}/update"),
            &body(json!({"id": t.public, "action": "UPDATE", "packageVisibility": "PRIVATE"})),
        ),
        delete(&format!("{PACKAGES}/{}", t.draft)),
        get(&format!("{PACKAGES}/{}/export", t.draft)),
        get(&format!(
            "{PACKAGES}/{}/import?targetSandbox=prod",
            t.published
        )),
        put_json(
            &format!("{PACKAGES}/import"),
            &body(json!({"id": t.published, "destinationSandbox": dev})),
        ),
        post_json(
            &format!("{PACKAGES}/import"),
            &body(json!({"id": t.published, "destinationSandbox": dev})),
        ),
        post_json(&format!("{PACKAGES}/{}/children", t.published), "[]"),
        get(&format!(
            "{PACKAGES}/preflight/{}?targetSandbox=prod",
            t.published
        )),
        get(&format!(
            "{PACKAGES}/preflight/{}/export?targetSandbox=prod",
            t.published
        )),
        get(&format!("{PACKAGES}/payload/{}", t.public)),
        get(&format!("{EXIM}/tools/job/{}", t.job)),
        get(&format!("{TRANSFER}/{}", t.transfer)),
        post_json(
            TRANSFER,
            &body(json!({"packageId": t.published, "targets": [{"imsOrgId": INITECH}]})),
        ),
        post_json(
            &format!("{EXIM}/handshake/action"),
            &action_body(&t.link, "CANCELLED", GLOBEX),
        ),
    ];
    calls
        .into_iter()
        .enumerate()
        .map(|(index, call)| (call, format!("operation #{index}")))
        .collect()
}

#[tokio::test]
async fn globex_cannot_reach_acmes_objects() {
    let app = demo_app_with_worker();
    let targets = targets(&app).await;
    let before = acme_world(&app).await;
    for (call, what) in operations(&targets) {
        let reply = as_org(call, GLOBEX).send(&app).await;
        // Not found, or (sharing someone else's package) a refusal that names no detail.
        assert!(
            matches!(
                reply.status,
                StatusCode::NOT_FOUND | StatusCode::BAD_REQUEST
            ),
            "{what}: {} {}",
            reply.status,
            reply.text
        );
        assert_platform_error(&reply, reply.status);
    }
    assert_eq!(acme_world(&app).await, before);

    // Globex's own lists show none of Acme's private business.
    let packages = as_org(get(&format!("{PACKAGES}?limit=100")), GLOBEX)
        .send(&app)
        .await;
    assert!(packages.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["imsOrgId"] == GLOBEX));
    let jobs = as_org(get(&format!("{PACKAGES}/jobs")), GLOBEX)
        .send(&app)
        .await;
    assert_eq!(jobs.json["totalElements"], 0);
    let outgoing = as_org(
        get(&format!("{EXIM}/handshake/list?requestType=OUTGOING")),
        GLOBEX,
    )
    .send(&app)
    .await;
    assert_eq!(outgoing.json["totalElements"], 0);
    let transfers = as_org(get(&format!("{TRANSFER}/list?limit=100")), GLOBEX)
        .send(&app)
        .await;
    assert!(transfers.json["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["targetIMSOrgId"] == GLOBEX || t["sourceIMSOrgId"] == GLOBEX));
}

#[tokio::test]
async fn the_viewer_cannot_write_anything() {
    let app = demo_app_with_worker();
    let targets = targets(&app).await;
    let incoming = get(&format!("{EXIM}/handshake/list?requestType=INCOMING"))
        .send(&app)
        .await;
    let umbrella_link = incoming.json["data"][0]["linkingId"].clone();
    let before = acme_world(&app).await;
    let writes = vec![
        post_json(PACKAGES, r#"{"name": "Viewer package", "packageType": "FULL"}"#),
        put_json(PACKAGES, &json!({"id": targets.draft, "action": "ADD", "artifacts": []}).to_string()),
        put_json(&format!("{PACKAGES}/update"), &json!({"id": targets.published, "action": "UPDATE", "packageVisibility": "PUBLIC"}).to_string()),
        delete(&format!("{PACKAGES}/{}", targets.draft)),
        get(&format!("{PACKAGES}/{}/export", targets.draft)),
        put_json(&format!("{PACKAGES}/import"), &json!({"id": targets.published, "destinationSandbox": {"name": "acme-dev", "imsOrgId": ACME}}).to_string()),
        get(&format!("{PACKAGES}/import")).method(Method::POST).json("{}"),
        post_json(&format!("{EXIM}/handshake/bulkCreate"), &json!({"targetIMSOrgIds": [UMBRELLA], "sourceIMSDetails": {"id": ACME, "name": "Acme"}}).to_string()),
        post_json(&format!("{EXIM}/handshake/action"), &action_body(&umbrella_link, "APPROVED", ACME)),
        post_json(TRANSFER, &json!({"packageId": targets.published, "targets": [{"imsOrgId": GLOBEX}]}).to_string()),
        post_json(&format!("{TRANSFER}/pullRequest"), &json!({"imsOrgId": GLOBEX, "packageId": targets.public}).to_string()),
    ];
    for (index, call) in writes.into_iter().enumerate() {
        let reply = call.token("demo-acme-viewer").send(&app).await;
        assert_platform_error(&reply, StatusCode::FORBIDDEN);
        let title = reply.json["title"].as_str().unwrap();
        assert!(
            title.contains("manage-package") || title.contains("package-share"),
            "write #{index}: {title}"
        );
    }
    assert_eq!(acme_world(&app).await, before);
}
