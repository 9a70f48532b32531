//! Sharing Status at scale, in the browser: from the list request to 100 rows painted (the
//! app's `transfers-rows-painted` mark), over several clicks on Next. The request's
//! PerformanceResourceTiming splits the time into the network and server part and the app's
//! own part (response received → rows painted). After each page, the same rows in plain DOM
//! code (`vanilla.rs`) give the baseline of what painting them costs in this browser.

use thirtyfour::prelude::*;

use crate::measurements::{median, Measurements};
use crate::page::{mark_time, wait_for, Browser, Result};
use crate::vanilla::render_same_rows;

const MARK: &str = "transfers-rows-painted";
const ROWS: usize = 100;
const SECTION: &str = "Sharing Status, 100 rows";

/// `[mark - responseEnd, mark - startTime, responseEnd - startTime, rows]` once the mark of
/// the new page and its list request are both recorded, else null.
const TIMINGS: &str = r#"
    const marks = performance.getEntriesByName('transfers-rows-painted', 'mark');
    const lists = performance.getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/exim/transfer/list'));
    if (!marks.length || !lists.length) return null;
    const painted = marks[marks.length - 1].startTime;
    const list = lists[lists.length - 1];
    const rows = document.querySelectorAll('#transfers-table tbody tr').length;
    return [painted - list.responseEnd, painted - list.startTime,
            list.responseEnd - list.startTime, rows];"#;

pub async fn hundred_row_pages(
    browser: &Browser,
    base_url: &str,
    runs: usize,
    results: &mut Measurements,
) -> Result {
    let driver = &browser.driver;
    driver
        .goto(format!("{base_url}/sharing?size={ROWS}"))
        .await?;
    mark_time(driver, MARK).await?;
    let (mut app, mut total, mut network) = (Vec::new(), Vec::new(), Vec::new());
    let mut vanilla = Vec::new();
    for _ in 0..runs {
        driver
            .execute(
                "performance.clearMarks(); performance.clearResourceTimings();",
                vec![],
            )
            .await?;
        driver
            .find(By::XPath(
                "//nav[contains(@class,'pagination')]//button[normalize-space()='Next']",
            ))
            .await?
            .click()
            .await?;
        let (after_response, after_request, request, rows): (f64, f64, f64, usize) =
            wait_for(driver, "the next page of transfers", TIMINGS, vec![]).await?;
        if rows != ROWS {
            return Err(format!("the transfers table shows {rows} rows, not {ROWS}").into());
        }
        app.push(after_response);
        total.push(after_request);
        network.push(request);
        vanilla.push(render_same_rows(driver, ROWS).await?);
    }
    let of = |what: &str| format!("{what}, median of {runs} page changes");
    results.add(
        "sharing.response_to_painted_ms",
        SECTION,
        &of("response received → rows painted"),
        median(&app),
        "ms",
    );
    results.add(
        "sharing.request_to_painted_ms",
        SECTION,
        &of("request start → rows painted"),
        median(&total),
        "ms",
    );
    results.add(
        "sharing.request_to_response_ms",
        SECTION,
        &of("  of which request start → response received"),
        median(&network),
        "ms",
    );
    results.add(
        "sharing.vanilla_response_to_painted_ms",
        SECTION,
        &of("vanilla DOM, same rows: response received → rows painted"),
        median(&vanilla),
        "ms",
    );
    Ok(())
}
