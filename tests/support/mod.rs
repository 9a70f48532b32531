//! Harness for the browser tests: exim-server in-process (demo data, temporary database,
//! serving the release build), chromedriver, and headless Chromium.
//!
//! Nothing here skips: a missing build, browser or driver fails the test with the command
//! that fixes it.

pub mod pages;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use exim_server::{AppState, ServerConfig};
use thirtyfour::prelude::*;
use thirtyfour::ChromeCapabilities;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const INSTALL_HINT: &str = "install them with `apt-get install -y chromium chromium-driver` \
                            (cargo xtask test does it for you)";
/// How long any expected state may take to appear.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// A running app: its base URL and a browser pointed at it.
pub struct BrowserTest {
    pub base_url: String,
    pub driver: WebDriver,
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
    let test = BrowserTest::start().await;
    let outcome = tokio::spawn(body(test.driver.clone(), test.base_url.clone())).await;
    let quit = test.driver.clone().quit().await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => panic!("browser test failed: {error}"),
        Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
    }
    quit.expect("the browser quits");
}

impl BrowserTest {
    async fn start() -> BrowserTest {
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
            step_ms: 200,
        };
        let state = AppState::open(&config).expect("exim-server opens its database");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let address = listener.local_addr().expect("a bound address");
        tokio::spawn(async move {
            axum::serve(listener, exim_server::app(state))
                .await
                .expect("exim-server runs");
        });

        let (chromedriver, driver_url) = start_chromedriver().await;
        let profile = tempfile::tempdir().expect("a temporary browser profile");
        let driver = WebDriver::new(driver_url, chromium_capabilities(profile.path()))
            .await
            .expect("chromedriver starts a headless Chromium session");
        BrowserTest {
            base_url: format!("http://{address}"),
            driver,
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

/// Headless Chromium with a fresh profile and no background traffic.
fn chromium_capabilities(profile: &Path) -> ChromeCapabilities {
    let mut capabilities = DesiredCapabilities::chrome();
    capabilities.set_binary(CHROMIUM).expect("binary option");
    for arg in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        &format!("--user-data-dir={}", profile.display()),
    ] {
        capabilities.add_arg(arg).expect("chromium argument");
    }
    capabilities
}

/// Starts chromedriver on a port it picks itself (no race with other tests for a free port)
/// and returns its URL once it says it is ready.
async fn start_chromedriver() -> (Child, String) {
    let mut child = Command::new(CHROMEDRIVER)
        .arg("--port=0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {CHROMEDRIVER}: {error}; {INSTALL_HINT}"));
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    let port = tokio::time::timeout(PATIENCE, async {
        while let Some(line) = lines
            .next_line()
            .await
            .expect("chromedriver output is readable")
        {
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                return rest.trim_end_matches('.').trim().parse::<u16>().ok();
            }
        }
        None
    })
    .await
    .ok()
    .flatten()
    .expect("chromedriver reports the port it listens on");
    // Keep reading so that chromedriver never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, format!("http://127.0.0.1:{port}"))
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
               axe.run(document).then(
                 (result) => done(result.violations.map((v) =>
                   `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)),
                 (error) => done([`axe failed: ${error}`]));"#,
            Vec::new(),
        )
        .await?;
    result.convert()
}
