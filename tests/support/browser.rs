//! Chromium and chromedriver as the browser tests and the app benchmark start them (the
//! benchmark includes this file on its own, so it depends on nothing else in `support`).

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use thirtyfour::prelude::*;
use thirtyfour::ChromeCapabilities;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const INSTALL_HINT: &str = "install them with `apt-get install -y chromium chromium-driver` \
                                (cargo xtask test does it for you)";
/// How long chromedriver may take to say that it is ready.
const DRIVER_START: Duration = Duration::from_secs(15);

/// Headless Chromium with a fresh profile and no background traffic.
pub fn chromium_capabilities(profile: &Path) -> ChromeCapabilities {
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
pub async fn start_chromedriver() -> (Child, String) {
    let mut child = Command::new(CHROMEDRIVER)
        .arg("--port=0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {CHROMEDRIVER}: {error}; {INSTALL_HINT}"));
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    let port = tokio::time::timeout(DRIVER_START, async {
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
