//! What the measurements do with the browser: sessions with a fresh profile, scripts polled
//! until they answer, and API calls made from the page (same origin) as the Acme admin.

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::chromium::chromium_capabilities;
use crate::wait;

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

pub const ACME: &str = "5C1328435BF324E90A49402A@AdobeOrg";
pub const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";
/// How long an expected state may take to appear.
const PATIENCE: Duration = Duration::from_secs(30);
/// Packages added to Acme's demo ones so that a 50-row page is full.
const EXTRA_PACKAGES: usize = 50;
/// The demo's private, published package that the benchmark shares.
pub const SHARED_PACKAGE: &str = "Customer profile schema";

/// A headless Chromium with its own fresh profile.
pub struct Browser {
    pub driver: WebDriver,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start(driver_url: &str) -> Result<Browser> {
        let profile = tempfile::tempdir()?;
        let driver = WebDriver::new(driver_url, chromium_capabilities(profile.path())).await?;
        Ok(Browser {
            driver,
            _profile: profile,
        })
    }

    pub async fn quit(self) -> Result {
        Ok(self.driver.quit().await?)
    }
}

/// Runs `script` until it returns something other than null, and returns that.
pub async fn wait_for<T: DeserializeOwned>(
    driver: &WebDriver,
    what: &str,
    script: &str,
    args: Vec<Value>,
) -> Result<T> {
    let value = wait::until_some(what, PATIENCE, || async {
        let value = driver.execute(script, args.clone()).await?.json().clone();
        Ok((!value.is_null()).then_some(value))
    })
    .await?;
    Ok(serde_json::from_value(value)?)
}

/// Waits for the latest performance mark `name`; returns its time since navigation start.
pub async fn mark_time(driver: &WebDriver, name: &str) -> Result<f64> {
    wait_for(
        driver,
        &format!("the performance mark {name}"),
        "const marks = performance.getEntriesByName(arguments[0], 'mark');
         return marks.length ? marks[marks.length - 1].startTime : null;",
        vec![json!(name)],
    )
    .await
}

/// Calls the API from the page as the Acme admin; fails unless the status is 2xx.
pub async fn api(
    driver: &WebDriver,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> Result<Value> {
    api_as(driver, acme_headers(), method, path, body).await
}

/// Calls the API from the page with `headers` (see [`org_headers`]); fails unless the status
/// is 2xx.
pub async fn api_as(
    driver: &WebDriver,
    headers: Value,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> Result<Value> {
    let (status, answer) = fetch(
        driver,
        method,
        &format!("/data/foundation{path}"),
        headers,
        body,
    )
    .await?;
    if !(200..300).contains(&status) {
        return Err(format!("{method} {path}: {status} {answer}").into());
    }
    Ok(answer)
}

/// The request headers of the Acme admin, as the app sends them by default.
pub fn acme_headers() -> Value {
    org_headers("demo-acme-admin", ACME, "acme-sandbox")
}

/// The request headers of a demo org's user with `token`, in `sandbox`.
pub fn org_headers(token: &str, ims_org_id: &str, sandbox: &str) -> Value {
    json!({
        "Authorization": format!("Bearer {token}"),
        "x-api-key": "sandbox-share-local",
        "x-gw-ims-org-id": ims_org_id,
        "x-sandbox-name": sandbox,
    })
}

/// Calls one of exim-server's `/_local` test endpoints.
pub async fn local(driver: &WebDriver, method: &str, path: &str) -> Result<Value> {
    let (status, answer) = fetch(driver, method, path, json!({}), None).await?;
    if !(200..300).contains(&status) {
        return Err(format!("{method} {path}: {status} {answer}").into());
    }
    Ok(answer)
}

async fn fetch(
    driver: &WebDriver,
    method: &str,
    path: &str,
    headers: Value,
    body: Option<Value>,
) -> Result<(u16, Value)> {
    let answer = driver
        .execute_async(
            r#"const [method, path, headers, body, done] = arguments;
               headers['Content-Type'] = 'application/json';
               fetch(path, { method, headers,
                             body: body === null ? undefined : JSON.stringify(body) })
                 .then(async (r) => done([r.status, await r.json().catch(() => null)]))
                 .catch((e) => done([0, String(e)]));"#,
            vec![
                json!(method),
                json!(path),
                headers,
                body.unwrap_or(Value::Null),
            ],
        )
        .await?;
    Ok(answer.convert()?)
}

/// Gives Acme enough packages for a full 50-row page (the demo has fewer).
pub async fn seed_packages(browser: &Browser, base_url: &str) -> Result {
    // Any page of the app will do: the calls only need its origin.
    browser
        .driver
        .goto(format!("{base_url}/connection"))
        .await?;
    for index in 1..=EXTRA_PACKAGES {
        api(
            &browser.driver,
            "POST",
            "/exim/packages",
            Some(json!({
                "name": format!("Benchmark package {index:03}"),
                "description": "Added by the app benchmark",
                "packageType": "FULL",
            })),
        )
        .await?;
    }
    Ok(())
}

/// The id of [`SHARED_PACKAGE`].
pub async fn shared_package_id(driver: &WebDriver) -> Result<String> {
    let search = SHARED_PACKAGE.replace(' ', "%20");
    let path = format!("/exim/packages?limit=100&property=name~{search}");
    let page = api(driver, "GET", &path, None).await?;
    page["data"]
        .as_array()
        .and_then(|packages| packages.iter().find(|p| p["name"] == SHARED_PACKAGE))
        .and_then(|package| package["id"].as_str())
        .map(str::to_string)
        .ok_or_else(|| format!("no package named {SHARED_PACKAGE}").into())
}

/// Shares [`SHARED_PACKAGE`] with Globex (an approved partner in the demo) `count` times.
pub async fn start_shares(driver: &WebDriver, package_id: &str, count: usize) -> Result {
    for _ in 0..count {
        api(
            driver,
            "POST",
            "/exim/transfer",
            Some(json!({
                "packageId": package_id,
                "targets": [{"imsOrgId": GLOBEX}],
            })),
        )
        .await?;
    }
    Ok(())
}
