//! Package authoring (local extensions, README "exim-server's local extensions"): the objects
//! of a sandbox to pick artifacts from, dependent objects of drafts as a tree of the
//! sandbox's links, publishing that fails for artifacts missing from the sandbox, a package's
//! history, and the artifact ids a package may name.

use std::time::Duration;

use axum::http::StatusCode;
use axum::Router;
use serde_json::{json, Value};

use crate::common::*;
use crate::packages_support::*;
use crate::transfers::share;

const PATIENCE: Duration = Duration::from_secs(5);
const JOB: &str = "/data/foundation/exim/tools/job";

/// `GET /exim/sandbox-objects?<query>` as `call` makes it, answered 200.
async fn objects(app: &Router, call: Call) -> Value {
    let reply = call.send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json
}

fn objects_query(query: &str) -> Call {
    get(&format!("{SANDBOX_OBJECTS}?{query}"))
}

/// The `(type, title)` of each object of a page.
fn types_and_titles(page: &Value) -> Vec<(String, String)> {
    page["data"]
        .as_array()
        .expect("a data array")
        .iter()
        .map(|object| {
            let text = |key: &str| object[key].as_str().unwrap_or_default().to_string();
            (text("type"), text("title"))
        })
        .collect()
}

fn titles(page: &Value) -> Vec<String> {
    types_and_titles(page)
        .into_iter()
        .map(|(_, title)| title)
        .collect()
}

fn title_of(reply: &Reply) -> &str {
    reply.json["title"].as_str().unwrap_or_default()
}

/// Creates an Acme draft in `acme-sandbox` with these artifacts; returns its id.
async fn draft_with(app: &Router, name: &str, artifacts: Value) -> String {
    let body = json!({"name": name, "packageType": "PARTIAL", "artifacts": artifacts});
    let reply = post_json(PACKAGES, &body.to_string()).send(app).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.json["id"].as_str().unwrap().to_string()
}

/// `POST /packages/{id}/children` for these artifacts, as Acme's admin; answered 201.
async fn children(app: &Router, package: &str, artifacts: Value) -> Value {
    let reply = post_json(
        &format!("{PACKAGES}/{package}/children"),
        &artifacts.to_string(),
    )
    .send(app)
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.json
}

/// A node and its children as "Title (TYPE)[child, child]", for comparing whole trees.
fn tree(node: &Value) -> String {
    let title = node["title"].as_str().unwrap_or_default();
    let label = format!("{title} ({})", node["type"].as_str().unwrap_or_default());
    match node["children"].as_array() {
        Some(children) => {
            let children: Vec<String> = children.iter().map(tree).collect();
            format!("{label}[{}]", children.join(", "))
        }
        None => label,
    }
}

/// The artifact of the package with this title, as `{id, type}`.
async fn artifact_ref(app: &Router, package: &str, title: &str) -> Value {
    let reply = get(&format!("{PACKAGES}/{package}")).send(app).await;
    let artifact = reply.json["artifactsList"]
        .as_array()
        .unwrap()
        .iter()
        .find(|artifact| artifact["title"] == title)
        .unwrap_or_else(|| panic!("no artifact {title}: {}", reply.text))
        .clone();
    json!({"id": artifact["id"], "type": artifact["type"]})
}

/// The package's history as Acme's admin reads it.
async fn history(app: &Router, package: &str) -> Vec<Value> {
    let reply = get(&format!("{PACKAGES}/{package}/history"))
        .send(app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json["data"].as_array().expect("a data array").clone()
}

fn actions(entries: &[Value]) -> Vec<&str> {
    entries
        .iter()
        .map(|entry| entry["action"].as_str().unwrap_or_default())
        .collect()
}

/// Publishes an Acme package and waits until publishing has finished either way.
async fn publish_and_wait(app: &Router, id: &str) -> (Value, String) {
    let reply = get(&format!("{PACKAGES}/{id}/export")).send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let job = reply.json["jobId"].as_str().unwrap().to_string();
    let package = wait_for(
        app,
        || get(&format!("{PACKAGES}/{id}")),
        |reply| {
            matches!(
                reply.json["status"].as_str(),
                Some("PUBLISHED" | "PUBLISH_FAILED")
            )
        },
        PATIENCE,
    )
    .await
    .json;
    (package, job)
}

async fn job(app: &Router, id: &str) -> Value {
    let reply = get(&format!("{JOB}/{id}")).send(app).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.json["object"].clone()
}

#[tokio::test]
async fn sandbox_objects_are_listed_by_type_title_and_id() {
    let app = demo_app();
    let all = objects(&app, objects_query("")).await;
    assert_eq!(all["currentPage"], 0);
    assert_eq!(all["hasPreviousPage"], false);
    let total = all["totalElements"].as_u64().unwrap();
    assert!(total > 50, "the demo sandbox is worth searching: {total}");
    assert_eq!(all["data"].as_array().unwrap().len(), 50, "50 by default");
    assert_eq!(all["totalPages"], total.div_ceil(50));
    assert_eq!(all["hasNextPage"], true);
    let listed = types_and_titles(&all);
    let mut sorted = listed.clone();
    sorted.sort_by_key(|(artifact_type, title)| (artifact_type.clone(), title.to_lowercase()));
    assert_eq!(listed, sorted);
    for object in all["data"].as_array().unwrap() {
        // Sorted: whether serde_json keeps insertion order depends on the features the
        // workspace build unifies.
        let mut keys: Vec<&String> = object.as_object().unwrap().keys().collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "title", "type"], "{object}");
    }

    // The header's sandbox is the default; `sandbox` names another of the org's.
    let named = objects(&app, objects_query("sandbox=acme-sandbox&limit=100")).await;
    assert_eq!(named["totalElements"], total);
    let dev = objects(&app, objects_query("sandbox=acme-dev&limit=100")).await;
    assert!(titles(&dev).contains(&"Win-back reminder (draft)".to_string()));
    assert!(!titles(&dev).contains(&"Spring sale journey".to_string()));

    let second_page = objects(&app, objects_query("start=2&limit=2")).await;
    assert_eq!(second_page["currentPage"], 1);
    assert_eq!(second_page["hasPreviousPage"], true);
    assert_eq!(
        second_page["data"],
        json!(all["data"].as_array().unwrap()[2..4])
    );
}

#[tokio::test]
async fn sandbox_objects_are_filtered_by_type_and_search() {
    let app = demo_app();
    let journeys = objects(&app, objects_query("type=journey&limit=100")).await;
    let found = types_and_titles(&journeys);
    assert!(found
        .iter()
        .all(|(artifact_type, _)| artifact_type == "JOURNEY"));
    for title in [
        "Spring sale journey",
        "Summer sale journey",
        "Spring sale welcome",
    ] {
        assert!(found.iter().any(|(_, t)| t == title), "{title}: {found:?}");
    }

    let spring = objects(&app, objects_query("search=SPRING&limit=100")).await;
    let spring_titles = titles(&spring);
    for title in [
        "Spring sale email",
        "Spring sale journey",
        "Spring shoppers",
        "Spring sale prospects",
    ] {
        assert!(
            spring_titles.contains(&title.to_string()),
            "{spring_titles:?}"
        );
    }
    assert!(spring_titles
        .iter()
        .all(|title| title.to_lowercase().contains("spring")));

    let both = objects(&app, objects_query("type=PROFILE_SEGMENT&search=spring")).await;
    assert_eq!(titles(&both), ["Spring sale prospects", "Spring shoppers"]);

    let accented = objects(&app, objects_query("search=Qu%C3%A9bec")).await;
    assert_eq!(titles(&accented), ["Clients fidèles (Québec)"]);

    // An id, whole or in part, finds its object.
    let id = sandbox_object(&app, "MESSAGE", "Spring sale email").await;
    for part in [id.as_str(), &id[..13], &id[9..18].to_uppercase()] {
        let by_id = objects(&app, objects_query(&format!("search={part}"))).await;
        assert!(
            by_id["data"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| o["id"] == id.as_str()),
            "{part}: {by_id}"
        );
    }

    let nothing = objects(&app, objects_query("search=no%20such%20object")).await;
    assert_eq!(nothing["totalElements"], 0);
    assert_eq!(nothing["totalPages"], 0);
    assert_eq!(nothing["data"], json!([]));
}

#[tokio::test]
async fn sandbox_object_lists_refuse_what_they_cannot_answer() {
    let app = demo_app();
    let refusals = [
        (
            "type=SPACESHIP",
            "Invalid type 'SPACESHIP': expected one of JOURNEY, ",
        ),
        ("limit=0", "Invalid limit '0'"),
        ("limit=101", "Invalid limit '101'"),
        ("limit=many", "Invalid limit 'many'"),
        ("start=-1", "Invalid start '-1'"),
        (
            "sandbox=globex-stage",
            "sandbox 'globex-stage' is not a sandbox of organization",
        ),
        (
            "sandbox=nowhere",
            "sandbox 'nowhere' is not a sandbox of organization",
        ),
    ];
    for (query, said) in refusals {
        let reply = objects_query(query).send(&app).await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        assert!(title_of(&reply).contains(said), "{query}: {}", reply.text);
    }
    let reply = objects_query("").token("no-such-token").send(&app).await;
    assert_profile_not_valid(&reply);
}

#[tokio::test]
async fn each_org_lists_only_its_own_sandboxes_objects() {
    let app = demo_app();
    let globex = objects(
        &app,
        as_org(objects_query("sandbox=globex-stage&limit=100"), GLOBEX),
    )
    .await;
    let globex_titles = titles(&globex);
    assert!(globex_titles.contains(&"Loyalty gold members".to_string()));
    assert!(!globex_titles.contains(&"Spring sale journey".to_string()));
    // Both orgs have a `prod`: each sees its own.
    let globex_prod = objects(&app, as_org(objects_query("limit=100"), GLOBEX)).await;
    assert!(titles(&globex_prod).contains(&"Starter welcome".to_string()));
    let acme_prod = objects(&app, objects_query("limit=100").sandbox(Some("prod"))).await;
    assert!(!titles(&acme_prod).contains(&"Starter welcome".to_string()));
    assert!(titles(&acme_prod).contains(&"EU data residency".to_string()));

    let reply = as_org(objects_query("sandbox=acme-sandbox"), GLOBEX)
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);

    // Reading needs no package permission.
    let viewer = objects(
        &app,
        objects_query("type=JOURNEY").token("demo-acme-viewer"),
    )
    .await;
    assert!(viewer["totalElements"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn a_drafts_dependent_objects_are_the_sandboxes_links_as_a_tree() {
    let app = demo_app();
    let journey = sandbox_object(&app, "JOURNEY", "Spring sale journey").await;
    let id = draft_with(
        &app,
        "Spring sale",
        json!([{"id": journey, "type": "JOURNEY"}]),
    )
    .await;
    let answer = children(&app, &id, json!([{"id": journey, "type": "journey"}])).await;
    assert_eq!(answer.as_array().unwrap().len(), 1);
    assert_eq!(answer[0]["id"], journey.as_str());
    assert_eq!(
        tree(&answer[0]),
        "Spring sale journey (JOURNEY)[\
         Spring sale email (MESSAGE)[Seasonal banner (CONTENT_TEMPLATE)], \
         Spring shoppers (PROFILE_SEGMENT)[\
         Default time-based merge policy (PROFILE_MERGE), \
         Acme customer profile (REGISTRY_SCHEMA)[\
         XDM Individual Profile (REGISTRY_CLASS), \
         Consent and preferences (REGISTRY_MIXIN), \
         Loyalty details (REGISTRY_MIXIN)[Postal address (REGISTRY_DATATYPE)]]]]"
    );
    // Each node names its object of the sandbox.
    let segment = &answer[0]["children"][1];
    assert_eq!(
        segment["id"],
        sandbox_object(&app, "PROFILE_SEGMENT", "Spring shoppers")
            .await
            .as_str()
    );

    // An object without links has no dependencies; an unknown one neither.
    let answer = children(
        &app,
        &id,
        json!([
            {"id": sandbox_object(&app, "PROFILE_MERGE", "Default time-based merge policy").await,
             "type": "PROFILE_MERGE"},
            {"id": "not-in-the-sandbox", "type": "JOURNEY", "title": "Ghost"}
        ]),
    )
    .await;
    assert_eq!(answer[0]["title"], "Default time-based merge policy");
    assert_eq!(answer[0]["children"], json!([]));
    assert_eq!(answer[1]["title"], "Ghost");
    assert_eq!(answer[1]["children"], json!([]));
}

#[tokio::test]
async fn published_and_failed_packages_answer_held_artifacts_first_then_links() {
    let app = demo_app();
    let id = acme_package(&app, "Customer profile schema").await;
    let schema = artifact_ref(&app, &id, "Acme customer profile").await;
    let answer = children(&app, &id, json!([schema])).await;
    assert_eq!(
        tree(&answer[0]),
        "Acme customer profile (REGISTRY_SCHEMA)[\
         Loyalty details (REGISTRY_MIXIN)[Postal address (REGISTRY_DATATYPE)], \
         Consent and preferences (REGISTRY_MIXIN), \
         Postal address (REGISTRY_DATATYPE), \
         XDM Individual Profile (REGISTRY_CLASS)]"
    );

    // Globex's copy answers with the links of the sandbox the original came from.
    let copy = packages_of(&app, GLOBEX)
        .await
        .into_iter()
        .find(|p| p["name"] == "Customer profile schema")
        .expect("Globex received the package");
    let copy_id = copy["id"].as_str().unwrap();
    let reply = as_org(
        post_json(
            &format!("{PACKAGES}/{copy_id}/children"),
            &json!([schema]).to_string(),
        ),
        GLOBEX,
    )
    .send(&app)
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(tree(&reply.json[0]), tree(&answer[0]));

    let failed = acme_package(&app, "Email consent policies").await;
    let policy = artifact_ref(&app, &failed, "Marketing email consent").await;
    let answer = children(&app, &failed, json!([policy])).await;
    assert_eq!(answer[0]["children"], json!([]));
}

#[tokio::test]
async fn a_cycle_of_links_is_cut_where_it_closes() {
    let app = demo_app();
    let id = acme_package(&app, "Product catalog classes").await;
    let descriptor = artifact_ref(&app, &id, "Product SKU identity").await;
    let schema = artifact_ref(&app, &id, "Product catalog").await;
    let answer = children(&app, &id, json!([descriptor, schema])).await;
    assert_eq!(
        tree(&answer[0]),
        "Product SKU identity (REGISTRY_DESCRIPTOR)[\
         Product catalog (REGISTRY_SCHEMA)[Product (REGISTRY_CLASS)]]"
    );
    assert_eq!(
        tree(&answer[1]),
        "Product catalog (REGISTRY_SCHEMA)[\
         Product (REGISTRY_CLASS), Product SKU identity (REGISTRY_DESCRIPTOR)]"
    );
}

#[tokio::test]
async fn dependent_objects_are_the_owning_orgs_only() {
    let app = demo_app();
    let id = acme_package(&app, "Customer profile schema").await;
    let reply = as_org(
        post_json(&format!("{PACKAGES}/{id}/children"), "[]"),
        GLOBEX,
    )
    .send(&app)
    .await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
    let reply = post_json(
        &format!("{PACKAGES}/{id}/children"),
        r#"[{"id": "x", "type": "SPACESHIP"}]"#,
    )
    .send(&app)
    .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn publishing_fails_for_artifacts_missing_from_the_sandbox_and_a_retry_succeeds() {
    let app = demo_app_with_worker();
    let journey = sandbox_object(&app, "JOURNEY", "Spring sale journey").await;
    let segment = sandbox_object(&app, "PROFILE_SEGMENT", "Spring shoppers").await;
    let id = draft_with(
        &app,
        "Half there",
        json!([
            {"id": journey, "type": "JOURNEY"},
            {"id": "ghost-journey", "type": "JOURNEY", "title": "Ghost"},
            // The right id under the wrong type is not found either.
            {"id": segment, "type": "MESSAGE"}
        ]),
    )
    .await;
    let (package, job_id) = publish_and_wait(&app, &id).await;
    assert_eq!(package["status"], "PUBLISH_FAILED");
    assert!(package.get("publishDate").is_none(), "{package}");
    let found: Vec<(Value, Value)> = package["artifactsList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["found"].clone(), a["count"].clone()))
        .collect();
    assert_eq!(
        found,
        [
            (json!(true), json!(1)),
            (json!(false), json!(0)),
            (json!(false), json!(0))
        ]
    );

    let failed = job(&app, &job_id).await;
    assert_eq!(failed["jobStatus"], "FAILED");
    let message = format!(
        "2 artifacts were not found in sandbox acme-sandbox: JOURNEY ghost-journey, MESSAGE {segment}"
    );
    assert_eq!(failed["errorMessage"], message.as_str());
    let tasks = failed["completedTasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0]["taskStatus"], "FAILED");
    assert_eq!(tasks[0]["artifact"]["id"], "ghost-journey");
    assert_eq!(tasks[0]["artifact"]["found"], false);
    assert_eq!(
        tasks[0]["artifact"]["messages"][0]["message"],
        "Not found in sandbox acme-sandbox"
    );
    let entries = history(&app, &id).await;
    assert_eq!(entries[0]["action"], "PUBLISH_FAILED");
    assert_eq!(entries[0]["message"], message.as_str());
    assert_eq!(entries[0]["jobId"], job_id.as_str());

    // The failed package can be mended and published again.
    let remove = json!({"id": id, "action": "DELETE", "artifacts": [
        {"id": "ghost-journey", "type": "JOURNEY"}, {"id": segment, "type": "MESSAGE"}
    ]});
    let reply = put_json(PACKAGES, &remove.to_string()).send(&app).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let (package, retry_job) = publish_and_wait(&app, &id).await;
    assert_eq!(package["status"], "PUBLISHED");
    assert_eq!(package["artifactsList"][0]["found"], true);
    let succeeded = job(&app, &retry_job).await;
    assert_eq!(succeeded["jobStatus"], "SUCCESS");
    assert!(succeeded.get("errorMessage").is_none(), "{succeeded}");
    assert_eq!(
        actions(&history(&app, &id).await),
        [
            "PUBLISHED",
            "PUBLISH_REQUESTED",
            "ARTIFACTS_REMOVED",
            "PUBLISH_FAILED",
            "PUBLISH_REQUESTED",
            "CREATED"
        ]
    );
}

#[tokio::test]
async fn a_failure_names_five_missing_artifacts_and_counts_the_rest() {
    let app = demo_app_with_worker();
    let ghosts: Vec<Value> = (1..=7)
        .map(|n| json!({"id": format!("ghost-{n}"), "type": "PROFILE_SEGMENT"}))
        .collect();
    let id = draft_with(&app, "All ghosts", json!(ghosts)).await;
    let (package, job_id) = publish_and_wait(&app, &id).await;
    assert_eq!(package["status"], "PUBLISH_FAILED");
    assert_eq!(
        job(&app, &job_id).await["errorMessage"],
        "7 artifacts were not found in sandbox acme-sandbox: PROFILE_SEGMENT ghost-1, \
         PROFILE_SEGMENT ghost-2, PROFILE_SEGMENT ghost-3, PROFILE_SEGMENT ghost-4, \
         PROFILE_SEGMENT ghost-5, and 2 more"
    );
}

#[tokio::test]
async fn the_demos_failed_packages_fail_again_or_succeed_as_their_sandbox_is_now() {
    let app = demo_app_with_worker();
    let merge = acme_package(&app, "Merge policy defaults").await;
    let before = history(&app, &merge).await;
    assert_eq!(before[0]["action"], "PUBLISH_FAILED");
    assert!(before[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("1 artifact was not found in sandbox acme-sandbox: PROFILE_MERGE "));
    let (package, _) = publish_and_wait(&app, &merge).await;
    assert_eq!(package["status"], "PUBLISH_FAILED");

    let consent = acme_package(&app, "Email consent policies").await;
    let (package, _) = publish_and_wait(&app, &consent).await;
    assert_eq!(package["status"], "PUBLISHED");

    // A FULL package copies whatever the sandbox holds: it always publishes.
    let full = post_json(
        PACKAGES,
        r#"{"name": "Everything now", "packageType": "FULL"}"#,
    )
    .send(&app)
    .await;
    assert_eq!(full.status, StatusCode::CREATED, "{}", full.text);
    let (package, _) = publish_and_wait(&app, full.json["id"].as_str().unwrap()).await;
    assert_eq!(package["status"], "PUBLISHED");
}

#[tokio::test]
async fn history_records_every_change_newest_first() {
    let app = demo_app_with_worker();
    let journey = sandbox_object(&app, "JOURNEY", "Summer sale journey").await;
    let email = sandbox_object(&app, "MESSAGE", "Summer sale email").await;
    let id = draft_with(
        &app,
        "Summer sale",
        json!([{"id": journey, "type": "JOURNEY", "title": "Summer sale journey"}]),
    )
    .await;
    let edits = [
        json!({"id": id, "action": "ADD", "artifacts": [{"id": email, "type": "MESSAGE"},
                                                      {"id": "ghost", "type": "MESSAGE"}]}),
        json!({"id": id, "action": "DELETE", "artifacts": [{"id": "ghost", "type": "MESSAGE"}]}),
        json!({"id": id, "action": "UPDATE", "name": "Summer sale 2027",
               "sourceSandbox": {"name": "acme-sandbox", "imsOrgId": ACME}}),
    ];
    for edit in edits {
        let reply = put_json(PACKAGES, &edit.to_string()).send(&app).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    }
    let (_, job_id) = publish_and_wait(&app, &id).await;
    for visibility in ["PUBLIC", "PRIVATE"] {
        let body = json!({"id": id, "action": "UPDATE", "packageVisibility": visibility});
        let reply = put_json(PACKAGES, &body.to_string()).send(&app).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    }
    let shared = share(&app, &id, &[GLOBEX]).await;
    assert_eq!(shared.status, StatusCode::CREATED, "{}", shared.text);
    let transfer = shared.json[0]["id"].as_str().unwrap();

    let entries = history(&app, &id).await;
    assert_eq!(
        actions(&entries),
        [
            "SHARED",
            "MADE_PRIVATE",
            "MADE_PUBLIC",
            "PUBLISHED",
            "PUBLISH_REQUESTED",
            "UPDATED",
            "ARTIFACTS_REMOVED",
            "ARTIFACTS_ADDED",
            "CREATED"
        ]
    );
    let ats: Vec<i64> = entries.iter().map(|e| e["at"].as_i64().unwrap()).collect();
    assert!(ats.windows(2).all(|pair| pair[0] >= pair[1]), "{ats:?}");
    for entry in &entries {
        assert_eq!(entry["by"], "acme-admin@AdobeID", "{entry}");
        assert_eq!(entry["byName"], "Avery Acme (admin)", "{entry}");
    }
    let entry = |action: &str| {
        entries
            .iter()
            .find(|entry| entry["action"] == action)
            .unwrap()
            .clone()
    };
    let shared = entry("SHARED");
    assert_eq!(
        shared["organization"],
        json!({"imsOrgId": GLOBEX, "name": "Globex Corp"})
    );
    assert_eq!(shared["transferId"], transfer);
    assert!(shared["status"].is_string(), "{shared}");
    assert_eq!(entry("PUBLISHED")["jobId"], job_id.as_str());
    assert_eq!(entry("PUBLISH_REQUESTED")["jobId"], job_id.as_str());
    assert_eq!(entry("UPDATED")["name"], "Summer sale 2027");
    assert_eq!(
        entry("ARTIFACTS_REMOVED")["artifacts"],
        json!([{"id": "ghost", "type": "MESSAGE"}])
    );
    assert_eq!(
        entry("ARTIFACTS_ADDED")["artifacts"],
        json!([{"id": email, "type": "MESSAGE"}, {"id": "ghost", "type": "MESSAGE"}])
    );
    assert_eq!(
        entry("CREATED")["artifacts"],
        json!([{"id": journey, "type": "JOURNEY", "title": "Summer sale journey"}])
    );
    let made_public = entry("MADE_PUBLIC");
    let mut keys: Vec<&String> = made_public.as_object().unwrap().keys().collect();
    keys.sort_unstable();
    assert_eq!(keys, ["action", "at", "by", "byName"]);

    // The share finishes: its entry follows the transfer's status.
    crate::transfers::finished(&app, ACME, transfer).await;
    let entries = history(&app, &id).await;
    assert_eq!(entries[0]["status"], "COMPLETED");
}

#[tokio::test]
async fn the_demos_history_tells_how_each_package_came_to_be() {
    let app = demo_app();
    let loyalty = acme_package(&app, "Loyalty tier segments").await;
    let entries = history(&app, &loyalty).await;
    assert_eq!(
        actions(&entries),
        ["SHARED", "PUBLISHED", "PUBLISH_REQUESTED", "CREATED"]
    );
    assert_eq!(entries[0]["status"], "COMPLETED");
    assert_eq!(entries[3]["artifacts"].as_array().unwrap().len(), 3);

    let spring = acme_package(&app, "Spring sale journeys").await;
    let entries = history(&app, &spring).await;
    assert_eq!(
        actions(&entries),
        [
            "COPIED",
            "MADE_PUBLIC",
            "PUBLISHED",
            "PUBLISH_REQUESTED",
            "CREATED"
        ]
    );
    assert_eq!(entries[0]["organization"]["name"], "Initech");
    let package = get(&format!("{PACKAGES}/{spring}")).send(&app).await.json;
    assert_eq!(package["version"], 3, "one version per recorded change");

    let draft = acme_package(&app, "Cart abandonment journey").await;
    assert_eq!(
        actions(&history(&app, &draft).await),
        ["UPDATED", "CREATED"]
    );

    // Globex's copy was received from Acme.
    let copy = packages_of(&app, GLOBEX)
        .await
        .into_iter()
        .find(|p| p["name"] == "Loyalty tier segments")
        .expect("Globex received the package");
    let copy_id = copy["id"].as_str().unwrap();
    let reply = as_org(get(&format!("{PACKAGES}/{copy_id}/history")), GLOBEX)
        .send(&app)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let received = &reply.json["data"][0];
    assert_eq!(received["action"], "RECEIVED");
    assert_eq!(
        received["organization"],
        json!({"imsOrgId": ACME, "name": "Acme Retail"})
    );
    // Who shared it.
    assert_eq!(received["byName"], "Avery Acme (admin)");
    assert!(received["transferId"].is_string());
}

#[tokio::test]
async fn only_the_owning_org_reads_a_history() {
    let app = demo_app();
    let id = acme_package(&app, "Loyalty tier segments").await;
    let reply = as_org(get(&format!("{PACKAGES}/{id}/history")), GLOBEX)
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
    let reply = get(&format!(
        "{PACKAGES}/0123456789abcdef0123456789abcdef/history"
    ))
    .send(&app)
    .await;
    assert_platform_error(&reply, StatusCode::NOT_FOUND);
    let reply = get(&format!("{PACKAGES}/not-an-id/history"))
        .send(&app)
        .await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    let viewer = get(&format!("{PACKAGES}/{id}/history"))
        .token("demo-acme-viewer")
        .send(&app)
        .await;
    assert_eq!(viewer.status, StatusCode::OK, "{}", viewer.text);
}

#[tokio::test]
async fn artifact_ids_with_spaces_or_control_characters_are_refused() {
    let app = demo_app();
    let create = json!({"name": "Spaced", "packageType": "PARTIAL", "artifacts": [
        {"id": "fine", "type": "JOURNEY"}, {"id": "a b", "type": "JOURNEY"}
    ]});
    let reply = post_json(PACKAGES, &create.to_string()).send(&app).await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert_eq!(
        title_of(&reply),
        "artifacts[1].id 'a b' must not contain spaces or control characters"
    );

    let id = create_draft(&app, "Controlled").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let add = json!({"id": id, "action": "ADD", "artifacts": [{"id": "a\tb", "type": "JOURNEY"}]});
    let reply = put_json(PACKAGES, &add.to_string()).send(&app).await;
    assert_platform_error(&reply, StatusCode::BAD_REQUEST);
    assert_eq!(
        title_of(&reply),
        "artifacts[0].id 'a\\tb' must not contain spaces or control characters"
    );
}
