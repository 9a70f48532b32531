//! Export CSV on Sharing status: every page of exactly the filtered, sorted view, read back
//! from the file the browser was offered and compared record by record with the API; formulas
//! neutralised; Cancel leaves no file and ends the request in flight; passing faults on page 37
//! of 100 retried by themselves; a lasting fault there resumed by Retry from that page; refusals
//! stop; German, axe-clean, narrow screens.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::support::export_pages::{
    all_transfers, catch_downloads, download_count, wait_for_download, Download, ExportPanel,
};
use crate::support::language::choose_language;
use crate::support::orgs::{ACME, GLOBEX};
use crate::support::partners_pages::share_through_api;
use crate::support::sharing_pages::SharingPage;
use crate::support::wait::{assert_steady_for, eventually, until, PATIENCE};
use crate::support::{
    accessibility_violations, arm_fault, published_package_through_api, screenshot, wait_visible,
    with_session, with_session_seeded, Session,
};

const ACME_ADMIN: &str = "demo-acme-admin";
const LIST: &str = "/data/foundation/exim/transfer/list";
/// Enough seeded transfers for four pages of 100 private ones.
const SEEDED: usize = 400;
/// Enough for 100 pages of private ones (six in seven seeded transfers are private): the
/// faults of the issue hit page 37 of 100.
const HUNDRED_PAGES: usize = 11_600;
/// The view exported: private transfers by package name (URL) and the same as API parameters.
const VIEW: &str = "/sharing?type=private&sort=packageName";
const API_VIEW: &str = "requestType=PRIVATE&orderBy=packageName";
/// A fault that outlasts the tries: a page is tried three times before it is reported.
const LASTING: u32 = 3;

/// Opens the view with the list shown and downloads caught.
async fn open_view(session: &Session) -> WebDriverResult<()> {
    session.open(VIEW).await?;
    wait_visible(&session.driver, By::Css("#transfers-table tbody tr")).await?;
    catch_downloads(&session.driver).await
}

/// Applies `fault` to the next `times` requests for page `page` of the export (its `start`),
/// whichever order the pages arrive in.
async fn fault_on_page(
    session: &Session,
    page: u32,
    times: u32,
    fault: serde_json::Value,
) -> WebDriverResult<()> {
    let start = (page - 1) * 100;
    let mut spec = serde_json::json!({
        "method": "GET", "path": LIST, "query": format!("start={start}"), "times": times,
    });
    for (key, value) in fault.as_object().expect("a fault object") {
        spec[key] = value.clone();
    }
    arm_fault(session, spec).await
}

/// The file holds the header and exactly the API's transfers for the view, in its order.
async fn assert_matches_the_api(session: &Session, file: &Download) -> WebDriverResult<()> {
    assert!(
        file.has_byte_order_mark(),
        "the file starts with a UTF-8 BOM"
    );
    assert!(
        file.file_name.starts_with("sharing-status-acme-retail-")
            && file.file_name.ends_with(".csv"),
        "file name: {}",
        file.file_name
    );
    let records = file.records();
    assert_eq!(
        records[0],
        [
            "Package name",
            "Package ID",
            "Request type",
            "Status",
            "Source organization",
            "Source organization ID",
            "Target organization",
            "Target organization ID",
            "Created",
            "Modified",
            "Completed",
            "Error message",
        ]
    );
    let expected = all_transfers(session, ACME_ADMIN, ACME, API_VIEW).await?;
    assert!(
        expected.len() > 300,
        "at least four pages: {}",
        expected.len()
    );
    assert_eq!(records.len() - 1, expected.len(), "one record per transfer");
    for (record, transfer) in records[1..].iter().zip(&expected) {
        let wanted = [
            &transfer["packageName"],
            &transfer["packageId"],
            &transfer["requestType"],
            &transfer["status"],
            &transfer["sourceOrgName"],
            &transfer["sourceIMSOrgId"],
            &transfer["targetOrgName"],
            &transfer["targetIMSOrgId"],
        ]
        .map(|value| value.as_str().unwrap_or_default().to_string());
        assert_eq!(
            record[..8],
            wanted,
            "the record of transfer {}",
            transfer["id"]
        );
        assert!(
            record[8].ends_with('Z') && record[8].len() == 20,
            "created in ISO 8601 UTC: {}",
            record[8]
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn export_csv_writes_every_page_of_the_filtered_sorted_view() {
    with_session_seeded(SEEDED, |session| async move {
        open_view(&session).await?;
        ExportPanel {
            driver: &session.driver,
        }
        .start()
        .await?;
        let file = wait_for_download(&session.driver).await?;
        assert_matches_the_api(&session, &file).await?;
        eventually("the export says how many it saved", || async {
            Ok(session
                .driver
                .find(By::Css(".export-saved"))
                .await?
                .text()
                .await?
                .starts_with("Exported "))
        })
        .await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_names_are_neutralised_and_quoted_in_the_file() {
    const HOSTILE: &str = r#"=HYPERLINK("http://evil.test/","<img src=x onerror=alert(1)>")"#;
    with_session(|session| async move {
        session.open("/packages").await?;
        let package = serde_json::json!({"name": HOSTILE});
        let id = published_package_through_api(&session, package, None).await?;
        let (status, body) = share_through_api(&session, ACME_ADMIN, ACME, &id, GLOBEX).await?;
        assert!(status == 200 || status == 201, "shared: {status} {body}");

        session.open("/sharing").await?;
        SharingPage {
            driver: &session.driver,
        }
        .wait_rows(
            "the hostile share",
            |rows| rows.iter().any(|(package, _, _)| package == HOSTILE),
            PATIENCE,
        )
        .await?;
        catch_downloads(&session.driver).await?;
        ExportPanel {
            driver: &session.driver,
        }
        .start()
        .await?;
        let file = wait_for_download(&session.driver).await?;
        assert!(
            file.text().contains(
                r#""'=HYPERLINK(""http://evil.test/"",""<img src=x onerror=alert(1)>"")""#
            ),
            "neutralised and quoted: {}",
            file.text()
        );
        let record = file
            .records()
            .into_iter()
            .find(|record| record[1] == id)
            .expect("the hostile package's record");
        assert_eq!(record[0], format!("'{HOSTILE}"));
        let injected = session.driver.find_all(By::Css("img[src='x']")).await?;
        assert!(injected.is_empty(), "no markup injected into the page");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_midway_leaves_no_file() {
    with_session_seeded(SEEDED, |session| async move {
        open_view(&session).await?;
        fault_on_page(&session, 2, 1, serde_json::json!({"delayMs": 3000})).await?;
        let export = ExportPanel {
            driver: &session.driver,
        };
        // Counts the app's requests that end aborted.
        session
            .driver
            .execute(
                "window.abortedRequests = 0;
                 const fetchBefore = window.fetch;
                 window.fetch = function (...args) {
                   return fetchBefore.apply(this, args).catch((error) => {
                     if (error.name === 'AbortError') window.abortedRequests += 1;
                     throw error;
                   });
                 };",
                vec![],
            )
            .await?;
        export.start().await?;
        until(
            "page 1 of 4 done",
            PATIENCE,
            || export.progress_text(),
            |text| text.as_deref().is_some_and(|t| t.starts_with("Page 1 of ")),
        )
        .await?;
        export.cancel().await?;
        // Page 2 is still on its way (the server holds it 3 s): Cancel ends it at once.
        eventually("the request in flight to be aborted", || async {
            let aborted: u64 = session
                .driver
                .execute("return window.abortedRequests;", vec![])
                .await?
                .convert()?;
            Ok(aborted >= 1)
        })
        .await?;
        assert_steady_for(Duration::from_secs(5), "no file after Cancel", || {
            download_count(&session.driver)
        })
        .await?;
        assert!(
            export.progress_text().await?.is_none(),
            "the progress is gone"
        );
        wait_visible(&session.driver, By::Css("#export-csv:enabled")).await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn passing_failures_on_page_37_of_100_are_retried_by_themselves() {
    with_session_seeded(HUNDRED_PAGES, |session| async move {
        open_view(&session).await?;
        let faults = [
            serde_json::json!({"status": 500, "title": "Drill: the service fell over"}),
            serde_json::json!({"status": 429, "retryAfter": 1}),
            serde_json::json!({"drop": true}),
        ];
        let mut first_file: Option<Download> = None;
        for (done, fault) in faults.into_iter().enumerate() {
            fault_on_page(&session, 37, 1, fault.clone()).await?;
            ExportPanel {
                driver: &session.driver,
            }
            .start()
            .await?;
            eventually(&format!("file {} after {fault}", done + 1), || async {
                Ok(download_count(&session.driver).await? == done as u64 + 1)
            })
            .await?;
            assert!(
                session
                    .driver
                    .find_all(By::Css(".export-failed"))
                    .await?
                    .is_empty(),
                "no failure shown for {fault}"
            );
            let file = wait_for_download(&session.driver).await?;
            assert_eq!(pages_of(&file), 100, "100 pages were exported");
            // Compared with the API once; the later files must be the same file.
            match &first_file {
                None => assert_matches_the_api(&session, &file).await?,
                Some(first) => assert!(first.bytes == file.bytes, "the same file after {fault}"),
            }
            first_file.get_or_insert(file);
        }
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lasting_failure_on_page_37_of_100_stops_and_retry_resumes_from_that_page() {
    with_session_seeded(HUNDRED_PAGES, |session| async move {
        open_view(&session).await?;
        fault_on_page(
            &session,
            37,
            LASTING,
            serde_json::json!({"status": 500, "title": "Drill: down"}),
        )
        .await?;
        let export = ExportPanel {
            driver: &session.driver,
        };
        export.start().await?;
        let message = export.wait_failure().await?;
        assert!(message.contains("stopped at page 37 of 100"), "{message}");
        assert!(message.contains("Drill: down"), "{message}");
        assert_steady_for(Duration::from_secs(2), "no partial file", || {
            download_count(&session.driver)
        })
        .await?;
        let before_retry = [page_requests(&session, 1), page_requests(&session, 36)];
        export.retry().await?;
        let file = wait_for_download(&session.driver).await?;
        assert_eq!(
            [page_requests(&session, 1), page_requests(&session, 36)],
            before_retry,
            "pages 1 to 36 were kept, not fetched again"
        );
        assert_eq!(pages_of(&file), 100, "100 pages were exported");
        assert_matches_the_api(&session, &file).await?;
        Ok(())
    })
    .await;
}

/// How many pages of 100 the file's records fill.
fn pages_of(file: &Download) -> usize {
    (file.records().len() - 1).div_ceil(100)
}

/// Export requests for page `page` the server received so far.
fn page_requests(session: &Session, page: u32) -> usize {
    let start = format!("start={}&limit=100", (page - 1) * 100);
    session
        .requests
        .all()
        .iter()
        .filter(|uri| uri.contains("/transfer/list") && uri.contains(&start))
        .count()
}

#[tokio::test(flavor = "multi_thread")]
async fn refusals_stop_the_export_without_retry() {
    with_session_seeded(SEEDED, |session| async move {
        open_view(&session).await?;
        let export = ExportPanel {
            driver: &session.driver,
        };
        for (fault, words) in [
            (serde_json::json!({"status": 401}), "Open Connection"),
            (
                serde_json::json!({"status": 403, "title": "Drill: not for you"}),
                "Drill: not for you",
            ),
        ] {
            fault_on_page(&session, 2, 1, fault).await?;
            export.start().await?;
            let message = export.wait_failure().await?;
            assert!(message.contains(words), "{message}");
            assert!(!export.can_retry().await?, "no Retry after {words}");
            export.cancel().await?;
        }
        assert_eq!(download_count(&session.driver).await?, 0, "no file");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn export_in_german_is_axe_clean_with_its_progress_at_every_width() {
    with_session_seeded(SEEDED, |session| async move {
        let driver = &session.driver;
        open_view(&session).await?;
        choose_language(driver, "de").await?;
        let button = wait_visible(driver, By::Css("#export-csv")).await?;
        assert_eq!(button.text().await?, "Als CSV exportieren");
        // Long enough to look at the progress; Cancel ends the request.
        fault_on_page(&session, 2, 1, serde_json::json!({"delayMs": 5_000})).await?;
        let export = ExportPanel { driver };
        export.start().await?;
        until(
            "Seite 1 von 4",
            PATIENCE,
            || export.progress_text(),
            |text| {
                text.as_deref()
                    .is_some_and(|t| t.starts_with("Seite 1 von "))
            },
        )
        .await?;
        let label: Option<String> = driver
            .find(By::Css(".export-progress progress"))
            .await?
            .attr("aria-label")
            .await?;
        assert_eq!(label.as_deref(), Some("Exportfortschritt"));
        for (width, height) in [(1366, 900), (768, 1024), (390, 844)] {
            driver.set_window_rect(0, 0, width, height).await?;
            let violations = accessibility_violations(driver).await?;
            assert!(violations.is_empty(), "axe at {width}px: {violations:#?}");
            screenshot(driver, &format!("export-progress-de-{width}")).await?;
        }
        export.cancel().await?;
        fault_on_page(
            &session,
            2,
            LASTING,
            serde_json::json!({"status": 500, "title": "Drill"}),
        )
        .await?;
        export.start().await?;
        let message = export.wait_failure().await?;
        assert!(message.contains("Seite 2 von 4"), "{message}");
        for (width, height) in [(1366, 900), (768, 1024), (390, 844)] {
            driver.set_window_rect(0, 0, width, height).await?;
            let violations = accessibility_violations(driver).await?;
            assert!(violations.is_empty(), "axe at {width}px: {violations:#?}");
            screenshot(driver, &format!("export-failed-de-{width}")).await?;
        }
        Ok(())
    })
    .await;
}
