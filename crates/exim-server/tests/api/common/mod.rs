//! Shared by the modules of this test binary: a demo server in memory and a request builder
//! whose defaults are a valid Acme admin call.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use exim_server::{app, AppState, ServerConfig, LOCAL_API_KEY};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub mod raw_http;

pub const ACME: &str = "5C1328435BF324E90A49402A@AdobeOrg";
pub const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";
pub const INITECH: &str = "2E63197465A811E70A494213@AdobeOrg";
pub const UMBRELLA: &str = "C0FA10B6661FDE6F0A494023@AdobeOrg";

/// Milliseconds between steps of asynchronous work in tests: short, so that work finishes
/// quickly, but long enough to observe the states in between.
pub const TEST_STEP_MS: u64 = 25;

/// The API with the demo data in an in-memory database. No worker runs: publishing, imports
/// and transfers stay where the requests left them.
pub fn demo_app() -> Router {
    app(demo_state())
}

/// [`demo_app`] with the worker running, for tests that wait for asynchronous work.
pub fn demo_app_with_worker() -> Router {
    let state = demo_state();
    state.start_worker();
    app(state)
}

pub fn demo_state() -> AppState {
    AppState::open(&ServerConfig {
        demo: true,
        step_ms: TEST_STEP_MS,
        ..ServerConfig::default()
    })
    .expect("demo state opens")
}

/// A request under construction; `None` leaves a header out.
pub struct Call {
    method: Method,
    uri: String,
    authorization: Option<String>,
    api_key: Option<String>,
    org: Option<String>,
    sandbox: Option<String>,
    content_type: Option<String>,
    body: Option<String>,
}

pub fn get(uri: &str) -> Call {
    Call {
        method: Method::GET,
        uri: uri.to_string(),
        authorization: Some("Bearer demo-acme-admin".into()),
        api_key: Some(LOCAL_API_KEY.into()),
        org: Some(ACME.into()),
        sandbox: Some("acme-sandbox".into()),
        content_type: None,
        body: None,
    }
}

pub fn post_json(uri: &str, body: &str) -> Call {
    get(uri).method(Method::POST).json(body)
}

pub fn put_json(uri: &str, body: &str) -> Call {
    get(uri).method(Method::PUT).json(body)
}

pub fn delete(uri: &str) -> Call {
    get(uri).method(Method::DELETE)
}

/// `call` made by the admin of `org`, in its production sandbox (Acme's calls are left as
/// they are).
pub fn as_org(call: Call, org: &str) -> Call {
    match org {
        GLOBEX => call.signed_in_as(GLOBEX, "demo-globex-admin", "prod"),
        INITECH => call.signed_in_as(INITECH, "demo-initech-admin", "prod"),
        UMBRELLA => call.signed_in_as(UMBRELLA, "demo-umbrella-admin", "prod"),
        _ => call,
    }
}

impl Call {
    /// A JSON body with `Content-Type: application/json`.
    pub fn json(self, body: &str) -> Self {
        self.body(body).content_type(Some("application/json"))
    }

    /// A body sent as given, with whatever content type is set.
    pub fn body(mut self, body: &str) -> Self {
        self.body = Some(body.to_string());
        self
    }

    pub fn content_type(mut self, value: Option<&str>) -> Self {
        self.content_type = value.map(str::to_string);
        self
    }

    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// Sends `Authorization: Bearer <token>`.
    pub fn token(self, token: &str) -> Self {
        self.authorization(Some(&format!("Bearer {token}")))
    }

    pub fn authorization(mut self, value: Option<&str>) -> Self {
        self.authorization = value.map(str::to_string);
        self
    }

    pub fn api_key(mut self, value: Option<&str>) -> Self {
        self.api_key = value.map(str::to_string);
        self
    }

    pub fn org(mut self, value: Option<&str>) -> Self {
        self.org = value.map(str::to_string);
        self
    }

    pub fn sandbox(mut self, value: Option<&str>) -> Self {
        self.sandbox = value.map(str::to_string);
        self
    }

    /// Another demo user, in their org and one of its sandboxes.
    pub fn signed_in_as(self, org: &str, token: &str, sandbox: &str) -> Self {
        self.token(token).org(Some(org)).sandbox(Some(sandbox))
    }

    fn into_request(self) -> Request<Body> {
        let mut request = Request::builder().method(self.method).uri(self.uri);
        let headers = [
            (header::AUTHORIZATION.as_str(), self.authorization),
            ("x-api-key", self.api_key),
            ("x-gw-ims-org-id", self.org),
            ("x-sandbox-name", self.sandbox),
            (header::CONTENT_TYPE.as_str(), self.content_type),
        ];
        for (name, value) in headers {
            if let Some(value) = value {
                request = request.header(name, value);
            }
        }
        request
            .body(self.body.map_or_else(Body::empty, Body::from))
            .expect("valid request")
    }

    pub async fn send(self, app: &Router) -> Reply {
        let response = app
            .clone()
            .oneshot(self.into_request())
            .await
            .expect("the router never fails");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body reads")
            .to_bytes();
        Reply {
            status,
            headers,
            json: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as JSON, or `Null` when it is not JSON.
    pub json: Value,
    pub text: String,
}

impl Reply {
    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }
}

/// Asserts a Platform service error: `{type: .../EXIM-nnnn-<status>, title, status, report}`.
pub fn assert_platform_error(reply: &Reply, status: StatusCode) {
    assert_eq!(reply.status, status, "{}", reply.text);
    let body = &reply.json;
    assert_eq!(body["status"], status.as_u16(), "{body}");
    let error_type = body["type"].as_str().unwrap_or_default();
    assert!(
        error_type.starts_with("http://ns.adobe.com/aep/errors/EXIM-")
            && error_type.ends_with(&format!("-{}", status.as_u16())),
        "{body}"
    );
    assert!(
        !body["title"].as_str().unwrap_or_default().is_empty(),
        "{body}"
    );
    assert!(body["report"]["tenantInfo"].is_object(), "{body}");
}

/// Asserts a gateway error `{error_code, message}` with the given status and code.
pub fn assert_gateway_error(reply: &Reply, status: StatusCode, code: &str, message: &str) {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(reply.json["error_code"], code, "{}", reply.text);
    assert_eq!(reply.json["message"], message, "{}", reply.text);
}

/// The gateway's answer to a token it does not know for this organization.
pub fn assert_profile_not_valid(reply: &Reply) {
    assert_gateway_error(
        reply,
        StatusCode::FORBIDDEN,
        "403025",
        "Profile is not valid",
    );
}

/// The names in a package list reply, in order.
pub fn names(reply: &Reply) -> Vec<String> {
    reply.json["data"]
        .as_array()
        .expect("a data array")
        .iter()
        .map(|package| package["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Sends `call` (rebuilt by `make`) until `done` accepts the reply, for at most `patience`.
pub async fn wait_for(
    app: &Router,
    make: impl Fn() -> Call,
    done: impl Fn(&Reply) -> bool,
    patience: std::time::Duration,
) -> Reply {
    let deadline = tokio::time::Instant::now() + patience;
    loop {
        let reply = make().send(app).await;
        if done(&reply) {
            return reply;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "gave up waiting; last reply {}: {}",
            reply.status,
            reply.text
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

/// `property=<encoded filter>` for a query string.
pub fn property(filter: &str) -> String {
    format!("property={}", encode(filter))
}

/// Percent-encodes a query parameter value.
pub fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
