//! Time to a usable Packages table: navigation start → 50 rows painted (the app's
//! `packages-rows-painted` mark), cold (a new browser with a fresh profile each time: empty
//! cache) and warm (the same browser, reloading).

use thirtyfour::prelude::*;

use crate::measurements::{median, Measurements};
use crate::page::{mark_time, wait_for, Browser, Result};

const MARK: &str = "packages-rows-painted";
const ROWS: usize = 50;
const SECTION: &str = "Packages table";

pub async fn cold(
    driver_url: &str,
    base_url: &str,
    runs: usize,
    results: &mut Measurements,
) -> Result {
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let browser = Browser::start(driver_url).await?;
        let loaded = load(&browser.driver, base_url).await;
        browser.quit().await?;
        samples.push(loaded?);
    }
    report(results, "packages.cold", "cold", &samples);
    Ok(())
}

pub async fn warm(
    browser: &Browser,
    base_url: &str,
    runs: usize,
    results: &mut Measurements,
) -> Result {
    load(&browser.driver, base_url).await?;
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        browser.driver.refresh().await?;
        samples.push(painted(&browser.driver).await?);
    }
    report(results, "packages.warm", "warm (reload)", &samples);
    Ok(())
}

/// Opens the Packages tab at 50 rows a page; returns the time to the rows painted.
async fn load(driver: &WebDriver, base_url: &str) -> Result<f64> {
    driver
        .goto(format!("{base_url}/packages?size={ROWS}"))
        .await?;
    painted(driver).await
}

async fn painted(driver: &WebDriver) -> Result<f64> {
    let at = mark_time(driver, MARK).await?;
    let rows: usize = wait_for(
        driver,
        "the packages table",
        "return document.querySelectorAll('#packages-table tbody tr').length || null;",
        vec![],
    )
    .await?;
    if rows != ROWS {
        return Err(format!("the Packages table shows {rows} rows, not {ROWS}").into());
    }
    Ok(at)
}

fn report(results: &mut Measurements, id: &str, kind: &str, samples: &[f64]) {
    let label = format!(
        "navigation start → {ROWS} rows painted, {kind}, median of {}",
        samples.len()
    );
    results.add(
        &format!("{id}.median_ms"),
        SECTION,
        &label,
        median(samples),
        "ms",
    );
    let slowest = samples.iter().copied().fold(f64::NAN, f64::max);
    results.add(
        &format!("{id}.max_ms"),
        SECTION,
        &format!("  slowest {kind} load"),
        slowest,
        "ms",
    );
}
