//! Export CSV of Sharing status with all 100,000 transfers: from the click on "Export CSV" to
//! the file handed to the browser (the download link's click), and the JS heap's growth
//! meanwhile (`Runtime.getHeapUsage`, sampled while the export runs, against the heap after a
//! garbage collection before the click).
//!
//! The file's Blob is caught in the page (as tests/support/export_pages.rs does) so that its
//! size and line count are checked: a timing of a truncated file would be meaningless.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use thirtyfour::prelude::*;

use crate::measurements::Measurements;
use crate::page::{wait_for, Result};
use crate::server::SEEDED_TRANSFERS;
use crate::wait;

const SECTION: &str = "Export CSV (100,000 transfers)";
/// Far beyond the budget: a slow export is measured, not cut off.
const PATIENCE: Duration = Duration::from_secs(180);

/// Records the click's time, then the time and the Blob of the download link's click.
const CLICK_AND_CATCH: &str = r#"
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download && blobs.has(this.href)) {
        window.benchExport = { at: performance.now(), blob: blobs.get(this.href) };
      }
      return click.call(this);
    };
    window.benchExportClicked = performance.now();
    document.getElementById('export-csv').click();"#;

/// `[click → file ms, bytes, lines]` of the caught file, once there is one.
const CAUGHT: &str = r#"
    const done = arguments[0];
    const file = window.benchExport;
    if (!file) { done(null); return; }
    file.blob.text().then((text) => done([file.at - window.benchExportClicked, file.blob.size,
                                          text.split('\r\n').length - 1]));"#;

pub async fn export_all(
    browser: &crate::page::Browser,
    base_url: &str,
    results: &mut Measurements,
) -> Result {
    let driver = &browser.driver;
    driver.goto(format!("{base_url}/sharing")).await?;
    wait_for::<bool>(
        driver,
        "Sharing status with its rows and Export CSV",
        "return document.querySelector('#transfers-table tbody tr') && document.getElementById('export-csv') ? true : null;",
        vec![],
    )
    .await?;
    let cdp = driver.cdp();
    cdp.send_raw("HeapProfiler.collectGarbage", json!({}))
        .await?;
    let before = used_heap(driver).await?;
    let peak = Arc::new(Mutex::new(before));
    driver.execute(CLICK_AND_CATCH, vec![]).await?;
    let caught = wait::until_some("the exported file", PATIENCE, || {
        let peak = peak.clone();
        async move {
            let usage = driver
                .cdp()
                .send_raw("Runtime.getHeapUsage", json!({}))
                .await?;
            if let Some(used) = usage["usedSize"].as_f64() {
                let mut peak = peak.lock().expect("peak lock");
                *peak = peak.max(used);
            }
            let caught = driver.execute_async(CAUGHT, vec![]).await?.json().clone();
            Ok((!caught.is_null()).then_some(caught))
        }
    })
    .await?;
    let (click_to_file, bytes, lines): (f64, f64, f64) = serde_json::from_value(caught)?;
    // The header and one record per transfer.
    if lines as usize != SEEDED_TRANSFERS + 1 + demo_transfers(driver).await? {
        return Err(
            format!("the file has {lines} lines, not every transfer plus the header").into(),
        );
    }
    let growth = (*peak.lock().expect("peak lock") - before) / 1e6;
    results.add(
        "export.click_to_file_ms",
        SECTION,
        "click → file offered",
        click_to_file,
        "ms",
    );
    results.add(
        "export.heap_growth_mb",
        SECTION,
        "JS heap growth (peak while exporting)",
        growth,
        "MB",
    );
    results.add("export.file_mb", SECTION, "  file size", bytes / 1e6, "MB");
    Ok(())
}

async fn used_heap(driver: &WebDriver) -> Result<f64> {
    let usage = driver
        .cdp()
        .send_raw("Runtime.getHeapUsage", json!({}))
        .await?;
    Ok(usage["usedSize"]
        .as_f64()
        .ok_or_else(|| format!("Runtime.getHeapUsage answered {usage}"))?)
}

/// Transfers besides the seeded ones (the demo's, and any the benchmark started).
async fn demo_transfers(driver: &WebDriver) -> Result<usize> {
    let page = crate::page::api(driver, "GET", "/exim/transfer/list?limit=1", None).await?;
    let total = page["totalElements"].as_u64().ok_or("no totalElements")? as usize;
    Ok(total - SEEDED_TRANSFERS)
}
