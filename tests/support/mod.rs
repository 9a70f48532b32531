//! Harness for the browser tests: exim-server in-process (demo data, temporary database,
//! serving the release build), chromedriver, and headless Chromium.
//!
//! Nothing here skips: a missing build, browser or driver fails the test with the command
//! that fixes it.

pub mod authoring_pages;
pub mod browser;
pub mod bulk_share_pages;
pub mod export_pages;
pub mod import_pages;
pub mod jobs_pages;
pub mod language;
pub mod new_package_pages;
pub mod pages;
pub mod partner_page;
pub mod partners_pages;
pub mod retry_pages;
pub mod sharing_pages;
pub mod wait;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use browser::{chromium_capabilities, start_chromedriver, CHROMEDRIVER, CHROMIUM, INSTALL_HINT};
use exim_server::{AppState, ServerConfig};
use thirtyfour::prelude::*;
use tokio::process::Child;
use wait::PATIENCE;

/// What a test gets: the browser, the app's address, the requests the server received, and
/// the server itself (to take it down and back up).
#[derive(Clone)]
pub struct Session {
    pub driver: WebDriver,
    pub base_url: String,
    pub requests: RequestLog,
    pub server: ServerControl,
}

/// The in-process exim-server's HTTP side. Stopping it closes its port and every connection,
/// as a restart of the real process would; the database and the worker carry on, as they do
/// across a real restart (the worker resumes unfinished work from the database).
#[derive(Clone)]
pub struct ServerControl {
    app: axum::Router,
    address: std::net::SocketAddr,
    running: Arc<tokio::sync::Mutex<Option<RunningServer>>>,
}

struct RunningServer {
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl ServerControl {
    async fn start_serving(app: axum::Router, listener: tokio::net::TcpListener) -> ServerControl {
        let address = listener.local_addr().expect("a bound address");
        let control = ServerControl {
            app,
            address,
            running: Arc::default(),
        };
        control.serve_on(listener).await;
        control
    }

    async fn serve_on(&self, listener: tokio::net::TcpListener) {
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let app = self.app.clone();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await
                .expect("exim-server runs");
        });
        *self.running.lock().await = Some(RunningServer { stop, task });
    }

    /// Closes the port and every connection.
    pub async fn stop(&self) {
        let Some(RunningServer { stop, task }) = self.running.lock().await.take() else {
            return;
        };
        let _ = stop.send(());
        let abort = task.abort_handle();
        if tokio::time::timeout(Duration::from_secs(5), task)
            .await
            .is_err()
        {
            abort.abort();
        }
    }

    /// Listens on the same address again.
    pub async fn start(&self) {
        let listener = tokio::net::TcpListener::bind(self.address)
            .await
            .expect("the server's port is free again");
        self.serve_on(listener).await;
    }
}

impl Session {
    /// Opens a path of the app (e.g. `/packages?availability=public`) and waits until the app
    /// has mounted (on a loaded machine the wasm can take a while).
    pub async fn open(&self, path: &str) -> WebDriverResult<()> {
        self.driver.goto(format!("{}{path}", self.base_url)).await?;
        wait_visible(&self.driver, By::Css("nav.tabs"))
            .await
            .map(|_| ())
    }

    /// Lets the app's origin read and write the clipboard without a prompt.
    pub async fn grant_clipboard(&self) -> WebDriverResult<()> {
        self.driver
            .cdp()
            .send_raw(
                "Browser.grantPermissions",
                serde_json::json!({
                    "origin": self.base_url,
                    "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
                }),
            )
            .await
            .map(|_| ())
    }
}

/// Every request URI (path and query) the server received, in order.
#[derive(Clone, Default)]
pub struct RequestLog(Arc<Mutex<Vec<String>>>);

impl RequestLog {
    pub fn all(&self) -> Vec<String> {
        self.0.lock().expect("request log lock").clone()
    }

    pub fn clear(&self) {
        self.0.lock().expect("request log lock").clear();
    }

    /// Waits until a received request's URI contains every one of `parts`, and returns it.
    pub async fn wait_for(&self, parts: &[&str]) -> WebDriverResult<String> {
        let matches = |uri: &String| parts.iter().all(|part| uri.contains(part));
        let received = wait::until(
            &format!("a request containing {parts:?}"),
            PATIENCE,
            || async { Ok(self.all()) },
            |received| received.iter().any(matches),
        )
        .await?;
        Ok(received
            .into_iter()
            .find(matches)
            .expect("only a log with a match is accepted"))
    }
}

/// A running app: its base URL and a browser pointed at it.
struct BrowserTest {
    session: Session,
    _database: tempfile::TempDir,
    _profile: tempfile::TempDir,
    _chromedriver: Child,
}

/// Starts everything, runs `body`, and always quits the browser, even when `body` fails or
/// panics; then reports the failure.
pub async fn with_browser<F, Fut>(body: F)
where
    F: FnOnce(WebDriver, String) -> Fut + Send + 'static,
    Fut: Future<Output = WebDriverResult<()>> + Send + 'static,
{
    with_session(|session| body(session.driver, session.base_url)).await;
}

/// Like [`with_browser`], with the whole [`Session`].
pub async fn with_session<F, Fut>(body: F)
where
    F: FnOnce(Session) -> Fut + Send + 'static,
    Fut: Future<Output = WebDriverResult<()>> + Send + 'static,
{
    with_session_stepping(FAST_STEP_MS, body).await;
}

/// Transfers advance one step per 200 ms: a share finishes in about two seconds.
pub const FAST_STEP_MS: u64 = 200;

/// Like [`with_session`], with the server's asynchronous work advancing one step per `step_ms`.
pub async fn with_session_stepping<F, Fut>(step_ms: u64, body: F)
where
    F: FnOnce(Session) -> Fut + Send + 'static,
    Fut: Future<Output = WebDriverResult<()>> + Send + 'static,
{
    run_test(BrowserTest::start(step_ms, 0).await, body).await;
}

/// Like [`with_session`], with `transfers` finished transfers of Acme seeded as the server's
/// benchmark seeds them (many pages of Sharing status).
pub async fn with_session_seeded<F, Fut>(transfers: usize, body: F)
where
    F: FnOnce(Session) -> Fut + Send + 'static,
    Fut: Future<Output = WebDriverResult<()>> + Send + 'static,
{
    run_test(BrowserTest::start(FAST_STEP_MS, transfers).await, body).await;
}

async fn run_test<F, Fut>(test: BrowserTest, body: F)
where
    F: FnOnce(Session) -> Fut + Send + 'static,
    Fut: Future<Output = WebDriverResult<()>> + Send + 'static,
{
    let driver = test.session.driver.clone();
    let outcome = tokio::spawn(body(test.session.clone())).await;
    let quit = driver.quit().await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => panic!("browser test failed: {error}"),
        Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
    }
    quit.expect("the browser quits");
}

impl BrowserTest {
    async fn start(step_ms: u64, seeded_transfers: usize) -> BrowserTest {
        let dist = dist_dir();
        assert!(
            dist.join("index.html").exists(),
            "no release build at {}: run `trunk build --release` (cargo xtask test does it first)",
            dist.display()
        );
        for binary in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(binary).exists(),
                "{binary} is missing: {INSTALL_HINT}"
            );
        }

        let database = tempfile::tempdir().expect("a temporary directory");
        let config = ServerConfig {
            db_path: Some(database.path().join("exim.sqlite3")),
            demo: true,
            static_dir: Some(dist),
            step_ms,
        };
        let state = AppState::open(&config)
            .expect("exim-server opens its database")
            .with_test_hooks();
        if seeded_transfers > 0 {
            state
                .seed_benchmark_transfers(seeded_transfers)
                .expect("exim-server seeds transfers");
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let requests = RequestLog::default();
        let log = requests.clone();
        state.start_worker();
        let app = exim_server::app(state).layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let log = log.clone();
                async move {
                    log.0
                        .lock()
                        .expect("request log lock")
                        .push(request.uri().to_string());
                    next.run(request).await
                }
            },
        ));
        let server = ServerControl::start_serving(app, listener).await;

        let (chromedriver, driver_url) = start_chromedriver().await;
        let profile = tempfile::tempdir().expect("a temporary browser profile");
        let driver = WebDriver::new(driver_url, chromium_capabilities(profile.path()))
            .await
            .expect("chromedriver starts a headless Chromium session");
        BrowserTest {
            session: Session {
                driver,
                base_url: format!("http://{}", server.address),
                requests,
                server,
            },
            _database: database,
            _profile: profile,
            _chromedriver: chromedriver,
        }
    }
}

/// The release build the tests serve: `SANDBOX_SHARE_DIST`, else `dist/`.
fn dist_dir() -> PathBuf {
    std::env::var_os("SANDBOX_SHARE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"))
}

/// Saves a PNG of the current page as `target/e2e/<name>.png`.
pub async fn screenshot(driver: &WebDriver, name: &str) -> WebDriverResult<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("e2e");
    std::fs::create_dir_all(&dir).expect("target/e2e can be created");
    driver.screenshot(&dir.join(format!("{name}.png"))).await
}

/// Runs axe-core on the page and returns one line per violation (empty when clean).
pub async fn accessibility_violations(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    let axe_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|error| {
        panic!(
            "{}: {error}; run `npm ci` (cargo xtask test does it)",
            axe_path.display()
        )
    });
    driver
        .execute(format!("{axe}\nreturn true;"), Vec::new())
        .await?;
    let result = driver
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               // WCAG 2.5.3 (the visible label starts the accessible name) is an experimental rule:
               // off unless asked for.
               axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } }).then(
                 (result) => done(result.violations.map((v) =>
                   `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)),
                 (error) => done([`axe failed: ${error}`]));"#,
            Vec::new(),
        )
        .await?;
    result.convert()
}

/// Waits until an element matching `by` is displayed, and returns it. An element replaced by a
/// re-render between lookup and check is just looked up again.
pub async fn wait_visible(driver: &WebDriver, by: By) -> WebDriverResult<WebElement> {
    wait::until_some(&format!("{by} to be shown"), PATIENCE, || async {
        for element in driver.find_all(by.clone()).await? {
            if element.is_displayed().await.unwrap_or(false) {
                return Ok(Some(element));
            }
        }
        Ok(None)
    })
    .await
}

/// Waits until an element matching `by` is on the page (shown or not), and returns it.
pub async fn wait_present(driver: &WebDriver, by: By) -> WebDriverResult<WebElement> {
    wait::until_some(&format!("{by} to be on the page"), PATIENCE, || async {
        Ok(driver.find_all(by.clone()).await?.into_iter().next())
    })
    .await
}

/// Waits until a toast containing `text` is shown.
pub async fn wait_for_toast(driver: &WebDriver, text: &str) -> WebDriverResult<()> {
    let xpath = format!("//*[contains(@class,'toast')][contains(., '{text}')]");
    wait_visible(driver, By::XPath(xpath)).await.map(|_| ())
}

/// Calls the API from the page (same origin) as a demo user, for planting test data.
/// Returns the status and the JSON body.
pub async fn api_call(
    session: &Session,
    method: &str,
    path: &str,
    token: &str,
    org_id: &str,
    body: Option<serde_json::Value>,
) -> WebDriverResult<(u16, serde_json::Value)> {
    let result = session
        .driver
        .execute_async(
            r#"const [method, path, token, org, body, done] = arguments;
               fetch('/data/foundation' + path, {
                 method,
                 headers: {
                   'Authorization': 'Bearer ' + token,
                   'x-api-key': 'sandbox-share-local',
                   'x-gw-ims-org-id': org,
                   'x-sandbox-name': 'prod',
                   'Content-Type': 'application/json',
                 },
                 body: body === null ? undefined : JSON.stringify(body),
               })
                 .then(async (r) => done([r.status, await r.json().catch(() => null)]))
                 .catch((e) => done([0, String(e)]));"#,
            vec![
                serde_json::json!(method),
                serde_json::json!(path),
                serde_json::json!(token),
                serde_json::json!(org_id),
                body.unwrap_or(serde_json::Value::Null),
            ],
        )
        .await?;
    result.convert()
}

/// Demo organizations, by IMS org ID.
pub mod orgs {
    pub const ACME: &str = "5C1328435BF324E90A49402A@AdobeOrg";
    pub const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";
    pub const INITECH: &str = "2E63197465A811E70A494213@AdobeOrg";
    pub const UMBRELLA: &str = "C0FA10B6661FDE6F0A494023@AdobeOrg";
}

/// Fails the test with axe-core's violations on the page as it is now, naming `what`.
pub async fn assert_axe_clean(driver: &WebDriver, what: &str) -> WebDriverResult<()> {
    let violations = accessibility_violations(driver).await?;
    assert!(violations.is_empty(), "axe-core on {what}: {violations:#?}");
    Ok(())
}

/// Arms a server fault (see exim-server's `/_local/faults`).
pub async fn arm_fault(session: &Session, fault: serde_json::Value) -> WebDriverResult<()> {
    let (status, body) = local_call(session, "POST", "/_local/faults", Some(fault)).await?;
    assert_eq!(status, 201, "fault armed: {body}");
    Ok(())
}

/// How many requests the server counted for `route` (e.g. `GET /data/foundation/exim/transfer/list`).
pub async fn request_count(session: &Session, route: &str) -> WebDriverResult<u64> {
    let (_, body) = local_call(session, "GET", "/_local/requests", None).await?;
    Ok(body["routes"][route].as_u64().unwrap_or(0))
}

async fn local_call(
    session: &Session,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> WebDriverResult<(u16, serde_json::Value)> {
    session
        .driver
        .execute_async(
            r#"const [method, path, body, done] = arguments;
               fetch(path, { method, headers: { 'Content-Type': 'application/json' },
                             body: body === null ? undefined : JSON.stringify(body) })
                 .then(async (r) => done([r.status, await r.json().catch(() => null)]))
                 .catch((e) => done([0, String(e)]));"#,
            vec![
                serde_json::json!(method),
                serde_json::json!(path),
                body.unwrap_or(serde_json::Value::Null),
            ],
        )
        .await?
        .convert()
}

/// Makes `target` approve the pending partnership request that `source` sent it.
pub async fn approve_partnership(
    session: &Session,
    target_token: &str,
    target_org: &str,
    source_org: &str,
) -> WebDriverResult<()> {
    let answer = ("APPROVAL_PENDING", "APPROVED", "Approved by the test");
    answer_partnership(session, target_token, target_org, source_org, answer).await
}

/// `source_org` (`token`'s user; `source_name` is the name the request claims) asks `target_org`
/// for a partnership through the API; the test fails unless the request was made.
pub async fn request_partnership(
    session: &Session,
    token: &str,
    (source_org, source_name): (&str, &str),
    target_org: &str,
) -> WebDriverResult<()> {
    let (status, body) = api_call(
        session,
        "POST",
        "/exim/handshake/bulkCreate",
        token,
        source_org,
        Some(serde_json::json!({
            "targetIMSOrgIds": [target_org],
            "sourceIMSDetails": {"id": source_org, "name": source_name},
        })),
    )
    .await?;
    assert!(status == 200 || status == 201, "requested: {status} {body}");
    Ok(())
}

/// Moves the request `source` sent `target` from one status to another, as `target`:
/// `(from, to, reason)`, e.g. `("APPROVED", "CANCELLED", …)` ends a partnership.
pub async fn answer_partnership(
    session: &Session,
    target_token: &str,
    target_org: &str,
    source_org: &str,
    answer: (&str, &str, &str),
) -> WebDriverResult<()> {
    answer_partnership_as(
        session,
        target_token,
        (target_org, "Partner"),
        source_org,
        answer,
    )
    .await
}

/// [`answer_partnership`], with `target_name` as the name the answer claims for the target.
pub async fn answer_partnership_as(
    session: &Session,
    target_token: &str,
    (target_org, target_name): (&str, &str),
    source_org: &str,
    (from, to, reason): (&str, &str, &str),
) -> WebDriverResult<()> {
    let (status, incoming) = api_call(
        session,
        "GET",
        "/exim/handshake/list?requestType=INCOMING&limit=100",
        target_token,
        target_org,
        None,
    )
    .await?;
    assert_eq!(status, 200, "incoming requests: {incoming}");
    let linking_id = incoming["data"]
        .as_array()
        .and_then(|records| {
            records
                .iter()
                .find(|r| r["sourceIMSOrgId"] == source_org && r["status"] == from)
        })
        .map(|record| record["linkingId"].clone())
        .unwrap_or_else(|| panic!("a {from} request from {source_org}: {incoming}"));
    let (status, body) = api_call(
        session,
        "POST",
        "/exim/handshake/action",
        target_token,
        target_org,
        Some(serde_json::json!({
            "linkingID": linking_id,
            "status": to,
            "reason": reason,
            "targetIMSOrgDetails": {"id": target_org, "name": target_name, "region": "va7"},
        })),
    )
    .await?;
    assert!(status == 200 || status == 201, "{to}: {status} {body}");
    Ok(())
}

/// Creates a partial Acme package through the API holding one schema field group of the
/// sandbox (publishing needs the artifact there), publishes it and returns its id. `package`
/// holds the package's own fields (`name`, …); `artifact_title` titles the field group.
pub async fn published_package_through_api(
    session: &Session,
    mut package: serde_json::Value,
    artifact_title: Option<&str>,
) -> WebDriverResult<String> {
    let (status, objects) = api_call(
        session,
        "GET",
        "/exim/sandbox-objects?type=REGISTRY_MIXIN&limit=1",
        "demo-acme-admin",
        orgs::ACME,
        None,
    )
    .await?;
    assert_eq!(status, 200, "{objects}");
    let mut artifact =
        serde_json::json!({"id": objects["data"][0]["id"], "type": "REGISTRY_MIXIN"});
    if let Some(title) = artifact_title {
        artifact["title"] = title.into();
    }
    package["packageType"] = "PARTIAL".into();
    package["artifacts"] = serde_json::json!([artifact]);
    let (status, created) = api_call(
        session,
        "POST",
        "/exim/packages",
        "demo-acme-admin",
        orgs::ACME,
        Some(package),
    )
    .await?;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().expect("a package id").to_string();
    publish_through_api(session, &id).await?;
    Ok(id)
}

/// Publishes Acme's package `id` through the API and waits until it is PUBLISHED.
pub async fn publish_through_api(session: &Session, id: &str) -> WebDriverResult<()> {
    let (status, body) = api_call(
        session,
        "GET",
        &format!("/exim/packages/{id}/export"),
        "demo-acme-admin",
        orgs::ACME,
        None,
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    wait::eventually("the package is published", || async {
        let (_, package) = api_call(
            session,
            "GET",
            &format!("/exim/packages/{id}"),
            "demo-acme-admin",
            orgs::ACME,
            None,
        )
        .await?;
        Ok(package["status"] == "PUBLISHED")
    })
    .await
}
