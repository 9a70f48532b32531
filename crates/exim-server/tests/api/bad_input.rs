//! Bad input: each malformed request gets the documented kind of refusal (400, 404, 405, 409)
//! in Platform's body, with a title that says what is wrong. Never a 500.

use axum::http::{Method, StatusCode};
use axum::Router;
use serde_json::json;

use crate::common::*;
use crate::handshakes::record;
use crate::packages_support::*;

const EXIM: &str = "/data/foundation/exim";

/// `(method, path, body, expected status, words the title must contain)`. Paths and bodies
/// may name `{draft}`, `{published}`, `{public}`, `{full}`, `{empty}` and `{link}`.
type Row = (
    Method,
    &'static str,
    Option<String>,
    StatusCode,
    &'static str,
);

fn rows() -> Vec<Row> {
    use Method as M;
    use StatusCode as S;
    let long_name = "x".repeat(257);
    let long_text = "y".repeat(5000);
    let body = |value: serde_json::Value| Some(value.to_string());
    let raw = |text: &str| Some(text.to_string());
    vec![
        (
            M::POST,
            "/packages",
            raw("{not json"),
            S::BAD_REQUEST,
            "JSON",
        ),
        (M::POST, "/packages", raw(""), S::BAD_REQUEST, "JSON"),
        (
            M::POST,
            "/packages",
            raw("{}"),
            S::BAD_REQUEST,
            "missing field `name`",
        ),
        (
            M::POST,
            "/packages",
            body(json!({"name": "x"})),
            S::BAD_REQUEST,
            "missing field `packageType`",
        ),
        (
            M::POST,
            "/packages",
            body(json!({"name": "x", "packageType": "HALF"})),
            S::BAD_REQUEST,
            "packageType",
        ),
        (
            M::POST,
            "/packages",
            body(json!({"name": " ", "packageType": "FULL"})),
            S::BAD_REQUEST,
            "name must not be blank",
        ),
        (
            M::POST,
            "/packages",
            body(json!({"name": long_name, "packageType": "FULL"})),
            S::BAD_REQUEST,
            "257 characters",
        ),
        (
            M::POST,
            "/packages",
            body(json!({"name": 5, "packageType": "FULL"})),
            S::BAD_REQUEST,
            "invalid type",
        ),
        (
            M::POST,
            "/packages",
            body(json!({"name": "x", "packageType": "FULL", "description": long_text})),
            S::BAD_REQUEST,
            "description",
        ),
        (
            M::POST,
            "/packages",
            body(
                json!({"name": "x", "packageType": "FULL", "artifacts": [{"id": "a", "type": "JOURNEY"}]}),
            ),
            S::BAD_REQUEST,
            "FULL",
        ),
        (
            M::POST,
            "/packages",
            body(
                json!({"name": "x", "packageType": "PARTIAL", "artifacts": [{"id": "a", "type": "SPACESHIP"}]}),
            ),
            S::BAD_REQUEST,
            "not an artifact type",
        ),
        (
            M::POST,
            "/packages",
            body(
                json!({"name": "x", "packageType": "PARTIAL", "artifacts": [{"id": "", "type": "JOURNEY"}]}),
            ),
            S::BAD_REQUEST,
            "artifacts[0].id",
        ),
        (
            M::POST,
            "/packages",
            body(json!({"name": "x", "packageType": "FULL", "expiry": "tomorrow"})),
            S::BAD_REQUEST,
            "expiry",
        ),
        (
            M::POST,
            "/packages",
            body(
                json!({"name": "x", "packageType": "FULL", "sourceSandbox": {"name": "prod", "imsOrgId": "acme"}}),
            ),
            S::BAD_REQUEST,
            "sourceSandbox.imsOrgId",
        ),
        (
            M::POST,
            "/packages",
            body(
                json!({"name": "x", "packageType": "FULL", "sourceSandbox": {"name": "prod", "imsOrgId": GLOBEX}}),
            ),
            S::BAD_REQUEST,
            "is not the organization",
        ),
        (
            M::POST,
            "/packages",
            body(
                json!({"name": "x", "packageType": "FULL", "sourceSandbox": {"name": "moon", "imsOrgId": ACME}}),
            ),
            S::BAD_REQUEST,
            "is not a sandbox",
        ),
        (
            M::POST,
            "/packages",
            body(json!({"name": "Loyalty Tier Segments", "packageType": "FULL"})),
            S::CONFLICT,
            "already exists",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "{draft}", "action": "MERGE"})),
            S::BAD_REQUEST,
            "Unknown action",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "12", "action": "ADD"})),
            S::BAD_REQUEST,
            "32 lowercase hexadecimal",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "0123456789abcdef0123456789abcdef", "action": "ADD"})),
            S::NOT_FOUND,
            "not found",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "{published}", "action": "ADD", "artifacts": []})),
            S::CONFLICT,
            "PUBLISHED",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "{full}", "action": "ADD", "artifacts": []})),
            S::BAD_REQUEST,
            "PARTIAL",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "{draft}", "action": "UPDATE"})),
            S::BAD_REQUEST,
            "name is required",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "{draft}", "action": "UPDATE", "name": "x"})),
            S::BAD_REQUEST,
            "sourceSandbox is required",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "{draft}", "action": "UPDATE", "packageVisibility": "SECRET"})),
            S::BAD_REQUEST,
            "packageVisibility",
        ),
        (
            M::PUT,
            "/packages",
            body(json!({"id": "{draft}", "action": "ADD", "packageVisibility": "PUBLIC"})),
            S::BAD_REQUEST,
            "action UPDATE",
        ),
        (
            M::PUT,
            "/packages/update",
            body(json!({"id": "{draft}", "action": "UPDATE", "name": "x"})),
            S::BAD_REQUEST,
            "visibility only",
        ),
        (
            M::GET,
            "/packages/{empty}/export",
            None,
            S::BAD_REQUEST,
            "no artifacts",
        ),
        (
            M::GET,
            "/packages/{published}/export",
            None,
            S::CONFLICT,
            "PUBLISHED",
        ),
        (
            M::GET,
            "/packages/{draft}/export?expiryPeriod=-3",
            None,
            S::BAD_REQUEST,
            "expiryPeriod",
        ),
        (
            M::GET,
            "/packages/not-hex",
            None,
            S::BAD_REQUEST,
            "package id",
        ),
        (M::GET, "/packages?limit=0", None, S::BAD_REQUEST, "limit"),
        (
            M::GET,
            "/packages?property=colour%3D%3Dred",
            None,
            S::BAD_REQUEST,
            "Unknown property field",
        ),
        (
            M::GET,
            "/packages?property=status%3D%3DLOST",
            None,
            S::BAD_REQUEST,
            "Unknown value",
        ),
        (
            M::GET,
            "/packages?property=name%3E%3Ex",
            None,
            S::BAD_REQUEST,
            "Unknown operator",
        ),
        (
            M::GET,
            "/packages?orderby=-colour",
            None,
            S::BAD_REQUEST,
            "Cannot order by",
        ),
        (
            M::GET,
            "/packages/{published}/import",
            None,
            S::BAD_REQUEST,
            "targetSandbox is required",
        ),
        (
            M::GET,
            "/packages/payload/{published}",
            None,
            S::BAD_REQUEST,
            "PRIVATE",
        ),
        (
            M::PUT,
            "/packages/import",
            body(
                json!({"id": "{published}", "destinationSandbox": {"name": "moon", "imsOrgId": ACME}}),
            ),
            S::BAD_REQUEST,
            "is not a sandbox",
        ),
        (
            M::PUT,
            "/packages/import",
            body(
                json!({"id": "{draft}", "destinationSandbox": {"name": "prod", "imsOrgId": ACME}}),
            ),
            S::BAD_REQUEST,
            "DRAFT",
        ),
        (
            M::POST,
            "/packages/{draft}/children",
            raw(r#"[{"id": "a b", "type": "JOURNEY"}]"#),
            S::BAD_REQUEST,
            "must not contain spaces",
        ),
        (
            M::DELETE,
            "/packages",
            None,
            S::METHOD_NOT_ALLOWED,
            "DELETE",
        ),
        (
            M::GET,
            "/tools/job/0123456789abcdef0123456789abcdef",
            None,
            S::NOT_FOUND,
            "Job",
        ),
        (
            M::POST,
            "/handshake/bulkCreate",
            body(json!({"targetIMSOrgIds": [], "sourceIMSDetails": {"id": ACME, "name": "Acme"}})),
            S::BAD_REQUEST,
            "at least one",
        ),
        (
            M::POST,
            "/handshake/bulkCreate",
            body(
                json!({"targetIMSOrgIds": [GLOBEX], "sourceIMSDetails": {"id": "acme@AdobeOrg", "name": "Acme"}}),
            ),
            S::BAD_REQUEST,
            "sourceIMSDetails.id",
        ),
        (
            M::POST,
            "/handshake/bulkCreate",
            body(json!({"targetIMSOrgIds": [GLOBEX]})),
            S::BAD_REQUEST,
            "missing field `sourceIMSDetails`",
        ),
        (
            M::POST,
            "/handshake/action",
            body(
                json!({"linkingID": "{link}", "status": "MAYBE", "reason": "", "targetIMSOrgDetails": {"id": ACME, "name": "a", "region": "va7"}}),
            ),
            S::BAD_REQUEST,
            "cannot be set",
        ),
        (
            M::POST,
            "/handshake/action",
            body(
                json!({"linkingID": "{link}", "status": "APPROVED", "targetIMSOrgDetails": {"id": ACME, "name": "a", "region": "va7"}}),
            ),
            S::BAD_REQUEST,
            "missing field `reason`",
        ),
        (
            M::POST,
            "/handshake/action",
            body(
                json!({"linkingID": "{link}", "status": "APPROVED", "reason": "", "targetIMSOrgDetails": {"id": ACME, "name": "a", "region": "va7"}}),
            ),
            S::CONFLICT,
            "target organization",
        ),
        (
            M::POST,
            "/handshake/action",
            body(
                json!({"linkingID": "nope", "status": "APPROVED", "reason": "", "targetIMSOrgDetails": {"id": ACME, "name": "a", "region": "va7"}}),
            ),
            S::NOT_FOUND,
            "not found",
        ),
        (
            M::GET,
            "/handshake/list",
            None,
            S::BAD_REQUEST,
            "requestType is required",
        ),
        (
            M::GET,
            "/handshake/list?requestType=SIDEWAYS",
            None,
            S::BAD_REQUEST,
            "Unknown requestType",
        ),
        (
            M::POST,
            "/transfer",
            body(json!({"packageId": "x", "targets": [{"imsOrgId": GLOBEX}]})),
            S::BAD_REQUEST,
            "packageId",
        ),
        (
            M::POST,
            "/transfer",
            body(json!({"packageId": "{published}", "targets": []})),
            S::BAD_REQUEST,
            "at least one",
        ),
        (
            M::POST,
            "/transfer",
            body(json!({"packageId": "{draft}", "targets": [{"imsOrgId": GLOBEX}]})),
            S::BAD_REQUEST,
            "only PUBLISHED",
        ),
        (
            M::POST,
            "/transfer",
            body(json!({"packageId": "{public}", "targets": [{"imsOrgId": GLOBEX}]})),
            S::BAD_REQUEST,
            "PUBLIC",
        ),
        (
            M::POST,
            "/transfer",
            body(json!({"packageId": "{published}", "targets": [{"imsOrgId": INITECH}]})),
            S::BAD_REQUEST,
            "APPROVED partnership",
        ),
        (
            M::POST,
            "/transfer",
            body(json!({"packageId": "{published}", "targets": [{"imsOrgId": "globex"}]})),
            S::BAD_REQUEST,
            "imsOrgId",
        ),
        (
            M::POST,
            "/transfer",
            body(json!({"packageId": "{published}", "targets": "everyone"})),
            S::BAD_REQUEST,
            "invalid type",
        ),
        (
            M::GET,
            "/transfer/list?requestType=BOTH",
            None,
            S::BAD_REQUEST,
            "Unknown requestType",
        ),
        (
            M::GET,
            "/transfer/list?start=-1",
            None,
            S::BAD_REQUEST,
            "start",
        ),
        (
            M::GET,
            "/transfer/not-hex",
            None,
            S::BAD_REQUEST,
            "transfer id",
        ),
        (
            M::GET,
            "/transfer/0123456789abcdef0123456789abcdef",
            None,
            S::NOT_FOUND,
            "Transfer",
        ),
        (
            M::POST,
            "/transfer/pullRequest",
            body(json!({"imsOrgId": ACME, "packageId": "{published}"})),
            S::BAD_REQUEST,
            "not PUBLIC",
        ),
        (
            M::POST,
            "/transfer/pullRequest",
            body(json!({"imsOrgId": GLOBEX, "packageId": "{public}"})),
            S::BAD_REQUEST,
            "is not a package of",
        ),
        (
            M::POST,
            "/transfer/pullRequest",
            raw("[]"),
            S::BAD_REQUEST,
            "invalid length",
        ),
    ]
}

struct Ids {
    draft: String,
    published: String,
    public: String,
    full: String,
    empty: String,
    link: String,
}

impl Ids {
    fn fill(&self, text: &str) -> String {
        text.replace("{draft}", &self.draft)
            .replace("{published}", &self.published)
            .replace("{public}", &self.public)
            .replace("{full}", &self.full)
            .replace("{empty}", &self.empty)
            .replace("{link}", &self.link)
    }
}

async fn ids(app: &Router) -> Ids {
    let empty = post_json(
        PACKAGES,
        r#"{"name": "Empty draft", "packageType": "PARTIAL"}"#,
    )
    .send(app)
    .await;
    Ids {
        draft: acme_package(app, "Cart abandonment journey").await,
        published: acme_package(app, "Loyalty tier segments").await,
        public: acme_package(app, "Spring sale journeys").await,
        full: {
            let body = json!({"name": "Full draft", "packageType": "FULL"});
            post_json(PACKAGES, &body.to_string()).send(app).await.json["id"]
                .as_str()
                .unwrap()
                .to_string()
        },
        empty: empty.json["id"].as_str().unwrap().to_string(),
        link: record(app, UMBRELLA, ACME).await["linkingId"]
            .as_str()
            .unwrap()
            .to_string(),
    }
}

#[tokio::test]
async fn each_malformed_request_is_refused_with_its_reason() {
    let app = demo_app();
    let ids = ids(&app).await;
    let rows = rows();
    assert!(rows.len() >= 40, "{} rows", rows.len());
    let mut failures = Vec::new();
    for (method, path, body, status, words) in rows {
        let path = ids.fill(path);
        let mut call = get(&format!("{EXIM}{path}")).method(method.clone());
        if let Some(body) = body {
            call = call.json(&ids.fill(&body));
        }
        // The handshake rows act on Umbrella's request to Acme, as Umbrella (the source).
        if path.starts_with("/handshake/action") {
            call = as_org(call, UMBRELLA);
        }
        let reply = call.send(&app).await;
        let title = reply.json["title"].as_str().unwrap_or_default();
        let platform_shape = reply.json["report"]["tenantInfo"].is_object()
            && reply.json["status"] == status.as_u16();
        if reply.status != status || !title.contains(words) || !platform_shape {
            failures.push(format!(
                "{method} {path}: expected {status} with '{words}', got {} {}",
                reply.status, reply.text
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn content_type_must_be_json() {
    let app = demo_app();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let reply = post_json(PACKAGES, r#"{"name": "x", "packageType": "FULL"}"#)
            .content_type(content_type)
            .send(&app)
            .await;
        assert_platform_error(&reply, StatusCode::BAD_REQUEST);
        assert!(
            reply.json["title"]
                .as_str()
                .unwrap()
                .contains("Content-Type"),
            "{}",
            reply.text
        );
    }
}

#[tokio::test]
async fn junk_bodies_never_cause_a_server_error() {
    let app = demo_app();
    let ids = ids(&app).await;
    let endpoints = [
        (Method::POST, "/packages"),
        (Method::PUT, "/packages"),
        (Method::PUT, "/packages/update"),
        (Method::PUT, "/packages/import"),
        (Method::POST, "/packages/import"),
        (Method::POST, "/packages/{published}/children"),
        (Method::POST, "/handshake/bulkCreate"),
        (Method::POST, "/handshake/action"),
        (Method::POST, "/transfer"),
        (Method::POST, "/transfer/pullRequest"),
        (Method::POST, "/access-control/acl/effective-policies"),
    ];
    let junk = [
        "null",
        "[]",
        "\"text\"",
        "42",
        "{\"id\": null}",
        "{\"id\": 12, \"action\": []}",
        "[{\"id\": {}}]",
        "{\"targets\": [null]}",
        "{\"name\": \"\\u0000\"}",
        "{\"id\": \"\u{1F600}\", \"action\": \"ADD\"}",
        &"[".repeat(200),
    ];
    for (method, path) in endpoints {
        for body in junk {
            let reply = get(&format!("{EXIM}{}", ids.fill(path)))
                .method(method.clone())
                .json(body)
                .send(&app)
                .await;
            // Mostly 400s; an empty list is a valid `children` request.
            assert!(
                !reply.status.is_server_error() && !reply.json.is_null(),
                "{method} {path} {body}: {} {}",
                reply.status,
                reply.text
            );
        }
    }
}
