//! A bulk share of 50 packages to 3 organizations from Packages: how many `POST /transfer`
//! requests the app sends, and whether each package's results are painted as its answer
//! arrives rather than all at the end.
//!
//! In the page, a wrapper around `fetch` notes when each share's answer arrives (by the
//! `packageId` of its body), and a MutationObserver notes when each package's results first
//! show an outcome, after the next paint (as `perf.rs` approximates it). Their difference per
//! package is the app's delay in showing an answer.

use std::time::Duration;

use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::measurements::{median, Measurements};
use crate::page::{api, api_as, org_headers, wait_for, Browser, Result, ACME};
use crate::server::{BULK_PACKAGES, BULK_PREFIX};
use crate::wait;

pub const SECTION: &str = "Bulk share (50 packages × 3 organizations)";
const INITECH: &str = "2E63197465A811E70A494213@AdobeOrg";
const UMBRELLA: &str = "C0FA10B6661FDE6F0A494023@AdobeOrg";
/// What the partner picker is typed to choose each organization.
const PICKS: [&str; 3] = ["Globex", "Initech", "Umbrella"];
/// Sending 50 shares one after the other takes seconds; far more is a hang.
const PATIENCE: Duration = Duration::from_secs(120);

/// Installs the observers, then presses Share in the dialog.
const OBSERVE_AND_SHARE: &str = r#"
    const bench = { clicked: 0, requests: 0, answers: {}, painted: {} };
    window.benchBulk = bench;
    const fetchBefore = window.fetch;
    window.fetch = function (input, init) {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/exim/transfer')) {
        return fetchBefore.call(this, input, init);
      }
      bench.requests += 1;
      const body = request.clone().json();
      return fetchBefore.call(this, input, init).then((response) => {
        const at = performance.now();
        body.then((sent) => { bench.answers[sent.packageId] = at; });
        return response;
      });
    };
    new MutationObserver(() => {
      const fresh = [];
      for (const row of document.querySelectorAll('#bulk-share-results tbody tr')) {
        const name = row.cells[0].textContent.trim();
        const result = row.cells[2].textContent.trim();
        if (!result.startsWith('Sending') && !(name in bench.painted)) {
          bench.painted[name] = null;
          fresh.push(name);
        }
      }
      if (fresh.length) {
        requestAnimationFrame(() => setTimeout(() => {
          const at = performance.now();
          for (const name of fresh) bench.painted[name] = at;
        }, 0));
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    bench.clicked = performance.now();
    document.getElementById('confirm-bulk-share').click();"#;

/// The observations once every package has an answer and its results painted, else null.
const OBSERVED: &str = r#"
    const bench = window.benchBulk;
    const painted = Object.values(bench.painted);
    if (Object.keys(bench.answers).length < arguments[0] || painted.length < arguments[0]
        || painted.some((at) => at === null)) return null;
    const rows = [...document.querySelectorAll('#bulk-share-results tbody tr')]
        .map((row) => row.cells[2].textContent.trim());
    return { clicked: bench.clicked, requests: bench.requests, answers: bench.answers,
             painted: bench.painted, rows };"#;

#[derive(serde::Deserialize)]
struct Observed {
    clicked: f64,
    requests: usize,
    /// package id → when its answer arrived
    answers: std::collections::HashMap<String, f64>,
    /// package name → when its results were painted
    painted: std::collections::HashMap<String, f64>,
    /// the result cell of every row
    rows: Vec<String>,
}

pub async fn share_fifty(browser: &Browser, base_url: &str, results: &mut Measurements) -> Result {
    let driver = &browser.driver;
    driver.goto(format!("{base_url}/connection")).await?;
    approve_all_partners(driver).await?;
    let names = package_names(driver).await?;

    let search = BULK_PREFIX.replace(' ', "%20");
    driver
        .goto(format!("{base_url}/packages?q={search}&size=50"))
        .await?;
    let rows: usize = wait_for(
        driver,
        "the bulk share benchmark's packages",
        "return document.querySelectorAll('#packages-table tbody tr').length || null;",
        vec![],
    )
    .await?;
    if rows != BULK_PACKAGES {
        return Err(format!("Packages shows {rows} packages, not {BULK_PACKAGES}").into());
    }
    shown(driver, "select-all-packages").await?.click().await?;
    shown(driver, "bulk-share").await?.click().await?;
    for typed in PICKS {
        pick(driver, typed).await?;
    }
    driver.execute(OBSERVE_AND_SHARE, vec![]).await?;
    let observed = wait::until_some("every package answered and painted", PATIENCE, || async {
        let value = driver
            .execute(OBSERVED, vec![json!(BULK_PACKAGES)])
            .await?
            .json()
            .clone();
        Ok((!value.is_null()).then_some(value))
    })
    .await?;
    let observed: Observed = serde_json::from_value(observed)?;
    report(&observed, &names, results)
}

fn report(
    observed: &Observed,
    names: &std::collections::HashMap<String, String>,
    results: &mut Measurements,
) -> Result {
    let expected_rows = BULK_PACKAGES * PICKS.len();
    let started = observed
        .rows
        .iter()
        .filter(|r| r.starts_with("Started"))
        .count();
    if started != expected_rows {
        return Err(format!(
            "{started} of {expected_rows} results say Started: {:?}",
            observed.rows
        )
        .into());
    }
    let mut delays = Vec::with_capacity(BULK_PACKAGES);
    for (id, answered) in &observed.answers {
        let name = names.get(id).ok_or(format!("an answer for package {id}"))?;
        let painted = observed
            .painted
            .get(name)
            .ok_or(format!("no results painted for {name}"))?;
        delays.push(painted - answered);
    }
    let last_answer = observed.answers.values().copied().fold(f64::MIN, f64::max);
    let last_painted = observed.painted.values().copied().fold(f64::MIN, f64::max);
    let before_last_answer = observed
        .painted
        .values()
        .filter(|painted| **painted < last_answer)
        .count();
    let slowest = delays.iter().copied().fold(f64::MIN, f64::max);

    results.add(
        "bulk.requests",
        SECTION,
        "POST /transfer requests sent",
        observed.requests as f64,
        "requests",
    );
    results.add(
        "bulk.answer_to_painted_max_ms",
        SECTION,
        "a package's answer → its results painted, slowest of 50",
        slowest,
        "ms",
    );
    results.add(
        "bulk.answer_to_painted_median_ms",
        SECTION,
        "  median of 50",
        median(&delays),
        "ms",
    );
    results.add(
        "bulk.painted_before_last_answer",
        SECTION,
        "packages whose results were painted before the last answer arrived",
        before_last_answer as f64,
        "packages",
    );
    results.add(
        "bulk.click_to_all_painted_ms",
        SECTION,
        "click on Share → every result painted",
        last_painted - observed.clicked,
        "ms",
    );
    Ok(())
}

/// The benchmark's packages: id → name.
async fn package_names(driver: &WebDriver) -> Result<std::collections::HashMap<String, String>> {
    let path = format!(
        "/exim/packages?limit=100&property=name~{}",
        BULK_PREFIX.replace(' ', "%20")
    );
    let page = api(driver, "GET", &path, None).await?;
    let names: std::collections::HashMap<String, String> = page["data"]
        .as_array()
        .ok_or("no package list")?
        .iter()
        .filter_map(|p| {
            Some((
                p["id"].as_str()?.to_string(),
                p["name"].as_str()?.to_string(),
            ))
        })
        .collect();
    if names.len() != BULK_PACKAGES {
        return Err(format!("{} benchmark packages, not {BULK_PACKAGES}", names.len()).into());
    }
    Ok(names)
}

/// Globex is a partner in the demo; Initech approves Acme's pending request, and Umbrella one
/// that Acme sends now.
async fn approve_all_partners(driver: &WebDriver) -> Result {
    api(
        driver,
        "POST",
        "/exim/handshake/bulkCreate",
        Some(json!({
            "targetIMSOrgIds": [UMBRELLA],
            "sourceIMSDetails": {"id": ACME, "name": "Acme Retail"},
        })),
    )
    .await?;
    for (token, org) in [
        ("demo-initech-admin", INITECH),
        ("demo-umbrella-admin", UMBRELLA),
    ] {
        approve(driver, token, org).await?;
    }
    Ok(())
}

/// `org` approves Acme's pending request.
async fn approve(driver: &WebDriver, token: &str, org: &str) -> Result {
    let headers = org_headers(token, org, "prod");
    let incoming = api_as(
        driver,
        headers.clone(),
        "GET",
        "/exim/handshake/list?requestType=INCOMING&property=status==APPROVAL_PENDING&limit=100",
        None,
    )
    .await?;
    let linking_id: Value = incoming["data"]
        .as_array()
        .and_then(|records| records.iter().find(|r| r["sourceIMSOrgId"] == ACME))
        .map(|record| record["linkingId"].clone())
        .ok_or(format!("no pending request from Acme to {org}: {incoming}"))?;
    api_as(
        driver,
        headers,
        "POST",
        "/exim/handshake/action",
        Some(json!({
            "linkingID": linking_id,
            "status": "APPROVED",
            "reason": "Approved for the bulk share benchmark",
            "targetIMSOrgDetails": {"id": org, "name": "Partner", "region": "va7"},
        })),
    )
    .await?;
    Ok(())
}

/// Chooses an organization in the dialog's picker: its name typed, then Enter on the
/// suggestion.
async fn pick(driver: &WebDriver, typed: &str) -> Result {
    let input = shown(driver, "bulk-share-orgs").await?;
    input.send_keys(typed).await?;
    wait_for::<bool>(
        driver,
        &format!("the suggestion {typed}"),
        "const input = document.getElementById('bulk-share-orgs');
         const active = document.getElementById(input.getAttribute('aria-activedescendant') || '');
         return active && active.textContent.includes(arguments[0]) ? true : null;",
        vec![json!(typed)],
    )
    .await?;
    input.send_keys(Key::Enter).await?;
    Ok(())
}

/// The element with `id`, once it is there.
async fn shown(driver: &WebDriver, id: &str) -> Result<WebElement> {
    wait_for::<bool>(
        driver,
        &format!("#{id}"),
        "return document.getElementById(arguments[0]) ? true : null;",
        vec![json!(id)],
    )
    .await?;
    Ok(driver.find(By::Id(id)).await?)
}
