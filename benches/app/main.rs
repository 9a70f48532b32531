//! The app's performance budgets, measured in headless Chromium against the release
//! `exim-server` holding 100,000 transfers. `cargo xtask bench app` builds both, then runs
//!
//! ```text
//! cargo bench --profile dev --bench app -- [--runs 7] [--poll-secs 30] [--soak-secs 600]
//!     [--json PATH] [--server PATH] [--only export|partner|bulk]
//! ```
//!
//! Each measurement is printed as it is made and, with `--json`, written for xtask's report,
//! which holds the budgets: nothing here asserts a budget. A measurement that cannot be made
//! ends the run with a non-zero status.
//!
//! Built in the dev profile on purpose: the release profile is tuned for the wasm app (size,
//! LTO) and would rebuild the whole WebDriver stack slowly for no gain; what is timed is the
//! browser and the release server, not this driver.

#[cfg(not(target_arch = "wasm32"))]
mod bulk;
#[cfg(not(target_arch = "wasm32"))]
#[path = "../../tests/support/browser.rs"]
mod chromium;
#[cfg(not(target_arch = "wasm32"))]
mod export;
#[cfg(not(target_arch = "wasm32"))]
mod loads;
#[cfg(not(target_arch = "wasm32"))]
mod measurements;
#[cfg(not(target_arch = "wasm32"))]
mod options;
#[cfg(not(target_arch = "wasm32"))]
mod page;
#[cfg(not(target_arch = "wasm32"))]
mod paging;
#[cfg(not(target_arch = "wasm32"))]
mod partner;
#[cfg(not(target_arch = "wasm32"))]
mod polling;
#[cfg(not(target_arch = "wasm32"))]
mod server;
#[cfg(not(target_arch = "wasm32"))]
mod soak;
#[cfg(not(target_arch = "wasm32"))]
mod vanilla;
/// The tests' waits, the benchmark's measurement windows among them; those only the tests
/// need stay unused here.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../../tests/support/wait.rs"]
#[allow(dead_code)]
mod wait;

/// The benchmark drives a browser from the host; there is nothing to run on wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    let options = match options::Options::from_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(error) => {
            eprintln!("app bench: {error}\n\n{}", options::USAGE);
            return std::process::ExitCode::from(2);
        }
    };
    match run(&options).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("app bench: a measurement could not be made: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
async fn run(options: &options::Options) -> page::Result {
    use std::path::Path;

    for binary in [chromium::CHROMIUM, chromium::CHROMEDRIVER] {
        if !Path::new(binary).exists() {
            return Err(format!("{binary} is missing: {}", chromium::INSTALL_HINT).into());
        }
    }
    let server = server::Server::start(&options.server, options.step_ms()).await?;
    let (_chromedriver, driver_url) = chromium::start_chromedriver().await;
    let mut results = measurements::Measurements::default();

    if let Some(part) = options.only {
        let browser = page::Browser::start(&driver_url).await?;
        let measured = match part {
            options::Part::Export => {
                export::export_all(&browser, &server.base_url, &mut results).await
            }
            options::Part::Partner => {
                partner::first_page(&browser, &server.base_url, options.runs, &mut results).await
            }
            options::Part::Bulk => {
                bulk::share_fifty(&browser, &server.base_url, &mut results).await
            }
        };
        browser.quit().await?;
        measured?;
        if let Some(path) = &options.json {
            results.write_json(path)?;
        }
        return Ok(());
    }

    let setup = page::Browser::start(&driver_url).await?;
    let seeded = page::seed_packages(&setup, &server.base_url).await;
    setup.quit().await?;
    seeded?;

    loads::cold(&driver_url, &server.base_url, options.runs, &mut results).await?;
    let browser = page::Browser::start(&driver_url).await?;
    let measured = measure_in(&browser, &server.base_url, options, &mut results).await;
    browser.quit().await?;
    measured?;

    if let Some(path) = &options.json {
        results.write_json(path)?;
    }
    Ok(())
}

/// Everything that one long-lived browser measures, in an order where each part finds the
/// state it needs: warm loads, then paging, the partner page and the export before any
/// transfer runs, then polling, then soak, and last the bulk share, whose 150 new transfers
/// would otherwise still run during polling.
#[cfg(not(target_arch = "wasm32"))]
async fn measure_in(
    browser: &page::Browser,
    base_url: &str,
    options: &options::Options,
    results: &mut measurements::Measurements,
) -> page::Result {
    loads::warm(browser, base_url, options.runs, results).await?;
    paging::hundred_row_pages(browser, base_url, options.runs, results).await?;
    partner::first_page(browser, base_url, options.runs, results).await?;
    export::export_all(browser, base_url, results).await?;
    polling::request_rates(browser, base_url, options.poll_secs, results).await?;
    soak::soak(browser, options.soak_secs, results).await?;
    bulk::share_fifty(browser, base_url, results).await
}
