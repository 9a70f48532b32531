//! Soak: Sharing Status left polling for `--soak-secs` while shares keep starting (one every
//! 10 s) and finishing. JS heap after a forced GC and DOM node count at start and end, and
//! every console error or uncaught error meanwhile.
//!
//! The JS heap does not include the wasm module's linear memory; a leak in Rust data would
//! show only in that memory.

use std::time::Duration;

use serde_json::{json, Value};
use thirtyfour::prelude::*;

use crate::measurements::Measurements;
use crate::page::{api, shared_package_id, start_shares, Browser, Result};
use crate::wait;

const START_EVERY: Duration = Duration::from_secs(10);
const SECTION: &str = "Soak (Sharing Status)";

/// Collects console errors, uncaught errors and unhandled rejections in `window.benchErrors`.
const ERROR_HOOK: &str = r#"
    if (!window.benchErrors) {
        window.benchErrors = [];
        const original = console.error;
        console.error = function (...args) {
            window.benchErrors.push(args.map(String).join(' '));
            return original.apply(this, args);
        };
        window.addEventListener('error', (e) => window.benchErrors.push(String(e.message)));
        window.addEventListener('unhandledrejection',
            (e) => window.benchErrors.push('unhandled rejection: ' + String(e.reason)));
    }"#;

pub async fn soak(browser: &Browser, soak_secs: u64, results: &mut Measurements) -> Result {
    let driver = &browser.driver;
    driver.execute(ERROR_HOOK, vec![]).await?;
    let package_id = shared_package_id(driver).await?;
    let started_at: f64 = driver
        .execute("return Date.now();", vec![])
        .await?
        .convert()?;
    let (heap_start, dom_start) = heap_and_dom(driver).await?;

    let started = wait::repeat_through_window(Duration::from_secs(soak_secs), START_EVERY, || {
        start_shares(driver, &package_id, 1)
    })
    .await?;

    let (heap_end, dom_end) = heap_and_dom(driver).await?;
    let errors: Vec<String> = driver
        .execute("return window.benchErrors;", vec![])
        .await?
        .convert()?;
    let finished = finished_since(driver, started_at).await?;

    let growth = |start: f64, end: f64| (end - start) / start * 100.0;
    let length = format!("{soak_secs} s");
    results.add(
        "soak.heap_start_mb",
        SECTION,
        "JS heap after GC at start",
        heap_start / 1e6,
        "MB",
    );
    results.add(
        "soak.heap_end_mb",
        SECTION,
        &format!("JS heap after GC after {length}"),
        heap_end / 1e6,
        "MB",
    );
    results.add(
        "soak.heap_growth_pct",
        SECTION,
        "JS heap growth",
        growth(heap_start, heap_end),
        "%",
    );
    results.add(
        "soak.dom_start",
        SECTION,
        "DOM nodes at start",
        dom_start,
        "nodes",
    );
    results.add(
        "soak.dom_end",
        SECTION,
        &format!("DOM nodes after {length}"),
        dom_end,
        "nodes",
    );
    results.add(
        "soak.dom_growth_pct",
        SECTION,
        "DOM node growth",
        growth(dom_start, dom_end),
        "%",
    );
    results.add(
        "soak.console_errors",
        SECTION,
        "console and uncaught errors",
        errors.len() as f64,
        "errors",
    );
    results.add(
        "soak.started",
        SECTION,
        "  shares started during the soak",
        started as f64,
        "transfers",
    );
    results.add(
        "soak.finished",
        SECTION,
        "  transfers finished during the soak",
        finished as f64,
        "transfers",
    );
    for error in errors.iter().take(5) {
        println!("  console error: {error}");
    }
    Ok(())
}

/// The JS heap in use after a garbage collection (bytes), and the number of elements.
async fn heap_and_dom(driver: &WebDriver) -> Result<(f64, f64)> {
    let cdp = driver.cdp();
    cdp.send_raw("HeapProfiler.collectGarbage", json!({}))
        .await?;
    let usage = cdp.send_raw("Runtime.getHeapUsage", json!({})).await?;
    let heap = usage["usedSize"]
        .as_f64()
        .ok_or_else(|| format!("Runtime.getHeapUsage answered {usage}"))?;
    let dom: f64 = driver
        .execute("return document.getElementsByTagName('*').length;", vec![])
        .await?
        .convert()?;
    Ok((heap, dom))
}

/// Of Acme's 100 newest transfers, how many finished after `since` (epoch ms).
async fn finished_since(driver: &WebDriver, since: f64) -> Result<usize> {
    let page = api(
        driver,
        "GET",
        "/exim/transfer/list?orderBy=-createdDate&limit=100",
        None,
    )
    .await?;
    let finished = |t: &&Value| t["completedTime"].as_f64().is_some_and(|at| at >= since);
    Ok(page["data"]
        .as_array()
        .map_or(0, |all| all.iter().filter(finished).count()))
}
