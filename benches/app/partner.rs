//! The partner page of Globex, which holds tens of thousands of the seeded transfers from
//! Acme: the time to the first page of "Shared to Globex" painted (the app's
//! `partner-shared-to-painted` mark), after each of the two ways to get there:
//!
//! - in the app: a click on Globex's name on Partners, timed from the click;
//! - by its address: a reload of `/partners/<Globex>`, timed from navigation start.

use serde_json::json;
use thirtyfour::prelude::*;

use crate::measurements::{median, Measurements};
use crate::page::{api, mark_time, wait_for, Browser, Result, GLOBEX};

pub const SECTION: &str = "Partner page (Globex)";
const MARK: &str = "partner-shared-to-painted";
/// The API requests made since the last clear, slowest first: `[[url, ms], …]`.
const REQUESTS: &str = r#"
    return performance.getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/data/foundation/'))
        .map((entry) => [entry.name, entry.responseEnd - entry.startTime])
        .sort((a, b) => b[1] - a[1]);"#;

/// The budget's scale: the page must be measured with at least this many transfers to the org.
const AT_LEAST: u64 = 10_000;
/// The list's default page size.
const ROWS: usize = 10;

/// Clicks the first link to Globex's page and returns the click's time (page clock).
const CLICK_GLOBEX: &str = r#"
    const link = document.querySelector(`a[href^="/partners/${arguments[0]}"]`);
    if (!link) return null;
    performance.clearMarks();
    performance.clearResourceTimings();
    const at = performance.now();
    link.click();
    return at;"#;

pub async fn first_page(
    browser: &Browser,
    base_url: &str,
    runs: usize,
    results: &mut Measurements,
) -> Result {
    let driver = &browser.driver;
    driver.goto(format!("{base_url}/partners")).await?;
    let shared = transfers_to_globex(driver).await?;
    if shared < AT_LEAST {
        return Err(format!("Globex has only {shared} transfers from Acme, not {AT_LEAST}").into());
    }
    let globex_prefix = GLOBEX.split('@').next().unwrap_or(GLOBEX);

    let mut clicks = Vec::with_capacity(runs);
    let mut slowest = Vec::with_capacity(runs);
    for _ in 0..runs {
        driver.goto(format!("{base_url}/partners")).await?;
        let clicked: f64 = wait_for(
            driver,
            "a link to Globex's page on Partners",
            CLICK_GLOBEX,
            vec![json!(globex_prefix)],
        )
        .await?;
        let painted = mark_time(driver, MARK).await?;
        check_rows(driver).await?;
        clicks.push(painted - clicked);
        let requests: Vec<(String, f64)> = driver.execute(REQUESTS, vec![]).await?.convert()?;
        slowest.push(requests.first().map_or(0.0, |(_, ms)| *ms));
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            println!("{requests:#?}");
        }
    }

    let page = driver.current_url().await?;
    let mut reloads = Vec::with_capacity(runs);
    for _ in 0..runs {
        driver.goto(page.as_str()).await?;
        reloads.push(mark_time(driver, MARK).await?);
        check_rows(driver).await?;
    }

    results.add(
        "partner.transfers_to_org",
        SECTION,
        "transfers from Acme to Globex",
        shared as f64,
        "transfers",
    );
    results.add(
        "partner.click_to_painted_ms",
        SECTION,
        &format!("click on Globex on Partners → first page painted, median of {runs}"),
        median(&clicks),
        "ms",
    );
    results.add(
        "partner.slowest_request_ms",
        SECTION,
        "  of which the slowest API request after the click (start → response end), median",
        median(&slowest),
        "ms",
    );
    results.add(
        "partner.load_to_painted_ms",
        SECTION,
        &format!("navigation start → first page painted, loading its address, median of {runs}"),
        median(&reloads),
        "ms",
    );
    Ok(())
}

async fn transfers_to_globex(driver: &WebDriver) -> Result<u64> {
    let page = api(
        driver,
        "GET",
        &format!("/exim/transfer/list?limit=1&property=targetIMSOrgId=={GLOBEX}"),
        None,
    )
    .await?;
    Ok(page["totalElements"].as_u64().ok_or("no totalElements")?)
}

/// A full first page, not an empty or error state, is what was timed.
async fn check_rows(driver: &WebDriver) -> Result {
    let rows: usize = wait_for(
        driver,
        "the rows of Shared to Globex",
        "return document.querySelectorAll('#shares-to tbody tr').length || null;",
        vec![],
    )
    .await?;
    if rows != ROWS {
        return Err(format!("Shared to Globex shows {rows} rows, not {ROWS}").into());
    }
    Ok(())
}
