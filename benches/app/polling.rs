//! Polling cost of Sharing Status, from the server's request counter (`/_local/requests`):
//! requests a minute with nothing in flight, with 20 transfers in flight, and with the tab
//! hidden (20 still in flight). Each window is `--poll-secs` long, scaled to a minute.

use std::time::Duration;

use serde_json::Value;
use thirtyfour::prelude::*;

use crate::measurements::Measurements;
use crate::page::{
    api, local, mark_time, shared_package_id, start_shares, wait_for, Browser, Result,
};
use crate::wait;

const LIST_ROUTE: &str = "GET /data/foundation/exim/transfer/list";
const ROW_ROUTE: &str = "GET /data/foundation/exim/transfer/{id}";
const IN_FLIGHT: usize = 20;
const SECTION: &str = "Polling (Sharing Status)";

pub async fn request_rates(
    browser: &Browser,
    base_url: &str,
    poll_secs: u64,
    results: &mut Measurements,
) -> Result {
    let driver = &browser.driver;
    let per_minute = |count: u64| count as f64 * 60.0 / poll_secs as f64;
    let window = format!("{poll_secs} s window");

    driver.goto(format!("{base_url}/sharing")).await?;
    mark_time(driver, "transfers-rows-painted").await?;
    let idle = counted_over(driver, poll_secs).await?;
    results.add(
        "polling.idle_list_per_min",
        SECTION,
        &format!("list requests/min, nothing in flight ({window})"),
        per_minute(count(&idle, LIST_ROUTE)),
        "req/min",
    );

    let package_id = shared_package_id(driver).await?;
    start_shares(driver, &package_id, IN_FLIGHT).await?;
    // The page learns of shares started elsewhere when it loads; then it polls.
    driver.goto(format!("{base_url}/sharing")).await?;
    wait_for::<bool>(
        driver,
        "20 running rows",
        "const running = [...document.querySelectorAll('#transfers-table tbody tr')]
             .filter((row) => /Pending|In progress/.test(row.textContent)).length;
         return running >= arguments[0] ? true : null;",
        vec![serde_json::json!(IN_FLIGHT)],
    )
    .await?;
    let running = counted_over(driver, poll_secs).await?;
    let still_running = in_flight(driver).await?;
    results.add(
        "polling.in_flight_list_per_min",
        SECTION,
        &format!("list requests/min, {IN_FLIGHT} in flight ({window})"),
        per_minute(count(&running, LIST_ROUTE)),
        "req/min",
    );
    results.add(
        "polling.in_flight_row_per_min",
        SECTION,
        &format!("per-row requests/min (GET transfer/{{id}}), {IN_FLIGHT} in flight"),
        per_minute(count(&running, ROW_ROUTE)),
        "req/min",
    );
    results.add(
        "polling.in_flight_at_end",
        SECTION,
        "  transfers still in flight at the end of that window",
        still_running as f64,
        "transfers",
    );

    set_visibility(driver, "hidden").await?;
    let hidden = counted_over(driver, poll_secs).await?;
    set_visibility(driver, "visible").await?;
    let still_running = in_flight(driver).await?;
    results.add(
        "polling.hidden_per_min",
        SECTION,
        &format!("transfer requests/min, tab hidden, {IN_FLIGHT} started ({window})"),
        per_minute(count(&hidden, LIST_ROUTE) + count(&hidden, ROW_ROUTE)),
        "req/min",
    );
    results.add(
        "polling.hidden_in_flight_at_end",
        SECTION,
        "  transfers still in flight at the end of that window",
        still_running as f64,
        "transfers",
    );
    Ok(())
}

/// The server's request counts per route at the start and the end of a window.
struct Counted {
    start: Value,
    end: Value,
}

/// The requests per route over a window of the next `secs` seconds.
async fn counted_over(driver: &WebDriver, secs: u64) -> Result<Counted> {
    let (start, end) =
        wait::observe_window(Duration::from_secs(secs), || requests_by_route(driver)).await?;
    Ok(Counted { start, end })
}

async fn requests_by_route(driver: &WebDriver) -> Result<Value> {
    Ok(local(driver, "GET", "/_local/requests").await?["routes"].clone())
}

fn count(counted: &Counted, route: &str) -> u64 {
    let at = |routes: &Value| routes[route].as_u64().unwrap_or(0);
    at(&counted.end) - at(&counted.start)
}

/// How many of Acme's newest transfers are pending or in progress, as the API says (asked
/// after a window is counted: this request is a list request too).
async fn in_flight(driver: &WebDriver) -> Result<usize> {
    let page = api(
        driver,
        "GET",
        "/exim/transfer/list?orderBy=-createdDate&limit=100",
        None,
    )
    .await?;
    Ok(page["data"]
        .as_array()
        .map(|transfers| {
            transfers
                .iter()
                .filter(|t| t["status"] == "PENDING" || t["status"] == "IN_PROGRESS")
                .count()
        })
        .unwrap_or(0))
}

/// Makes the page believe its tab is hidden or visible, as a real tab switch would.
async fn set_visibility(driver: &WebDriver, state: &str) -> Result {
    driver
        .execute(
            "Object.defineProperty(document, 'visibilityState', { value: arguments[0], configurable: true });
             document.dispatchEvent(new Event('visibilitychange'));",
            vec![serde_json::json!(state)],
        )
        .await?;
    Ok(())
}
