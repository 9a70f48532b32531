//! The Share dialog and the live Sharing Status tab with its rail.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::support::orgs::{ACME, INITECH};
use crate::support::pages::PackagesPage;
use crate::support::sharing_pages::{ShareDialog, SharingPage, SHARE_PATIENCE};
use crate::support::wait::{self, assert_steady_for, observe_window};
use crate::support::{
    accessibility_violations, api_call, approve_partnership, arm_fault, request_count, screenshot,
    wait_for_toast, wait_visible, with_session, with_session_stepping, Session,
};

const LIST_ROUTE: &str = "GET /data/foundation/exim/transfer/list";
const GET_ROUTE: &str = "GET /data/foundation/exim/transfer/{id}";
const SHARE_ROUTE: &str = "POST /data/foundation/exim/transfer";
/// Long enough for a refresh to have been sent: one is due 5 s after the last and the app checks
/// what is due every second.
const LONGER_THAN_A_REFRESH: Duration = Duration::from_secs(7);

/// Opens the Share dialog of a package from the inventory.
async fn open_share(session: &Session, package: &str) -> WebDriverResult<()> {
    session.open("/packages").await?;
    PackagesPage {
        driver: &session.driver,
    }
    .click_row_button(package, "Share")
    .await?;
    ShareDialog {
        driver: &session.driver,
    }
    .wait_open()
    .await?;
    // Focus moves into the dialog, to the partner field, once the partners are there.
    wait::eventually("focus in the partner field", || async {
        let focused = session.driver.active_element().await?.attr("id").await?;
        Ok(focused.as_deref() == Some("share-orgs"))
    })
    .await
}

/// Shares "Customer profile schema" with Globex and waits until Sharing Status shows it running.
async fn share_with_globex_until_running(session: &Session) -> WebDriverResult<()> {
    open_share(session, "Customer profile schema").await?;
    let dialog = ShareDialog {
        driver: &session.driver,
    };
    dialog.pick("Globex").await?;
    dialog.confirm().await?.click().await?;
    SharingPage {
        driver: &session.driver,
    }
    .wait_rows(
        "a running row",
        |rows| rows.iter().any(|r| !is_terminal(&r.2)),
        SHARE_PATIENCE,
    )
    .await
    .map(|_| ())
}

/// How many transfers Acme is party to, as the API counts them.
async fn transfer_total(session: &Session) -> WebDriverResult<u64> {
    let (status, body) = api_call(
        session,
        "GET",
        "/exim/transfer/list?limit=1",
        "demo-acme-admin",
        ACME,
        None,
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    Ok(body["totalElements"].as_u64().unwrap_or_default())
}

fn is_terminal(status: &str) -> bool {
    status == "Completed" || status == "Failed"
}

#[tokio::test(flavor = "multi_thread")]
async fn sharing_with_two_partners_goes_live_to_completed_without_a_reload() {
    // Slow steps, so that the running states are seen between polls.
    with_session_stepping(1_200, |session| async move {
        session.open("/packages").await?;
        approve_partnership(&session, "demo-initech-admin", INITECH, ACME).await?;
        open_share(&session, "Customer profile schema").await?;
        let dialog = ShareDialog {
            driver: &session.driver,
        };
        let text = dialog.wait_open().await?.text().await?;
        assert!(
            text.contains("Share Customer profile schema") && text.contains("acme-sandbox"),
            "{text}"
        );
        dialog.pick("Glo").await?;
        dialog.pick("Init").await?;
        assert_eq!(dialog.tags().await?, vec!["Globex Corp", "Initech"]);
        let violations = accessibility_violations(&session.driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core with the Share dialog open: {violations:#?}"
        );
        screenshot(&session.driver, "share-dialog").await?;
        dialog.confirm().await?.click().await?;

        wait_for_toast(
            &session.driver,
            "Sharing Customer profile schema with 2 organizations",
        )
        .await?;
        assert!(session
            .driver
            .current_url()
            .await?
            .path()
            .starts_with("/sharing"));
        let sharing = SharingPage {
            driver: &session.driver,
        };
        // Newest first: the two new shares are the top rows (the demo has older ones too).
        let ours = |rows: &[(String, String, String)]| -> Vec<(String, String, String)> {
            rows.iter()
                .take(2)
                .filter(|r| r.0 == "Customer profile schema")
                .cloned()
                .collect()
        };
        let first = sharing
            .wait_rows("two new rows", |rows| ours(rows).len() == 2, SHARE_PATIENCE)
            .await?;
        assert!(
            ours(&first).iter().all(|r| !is_terminal(&r.2)),
            "the new rows start running: {first:?}"
        );

        sharing
            .open_row("Customer profile schema", "Globex Corp")
            .await?;
        let done_at_start = sharing.steps("done").await?.len();
        screenshot(&session.driver, "sharing-running").await?;
        let mut seen = std::collections::BTreeSet::new();
        wait::until(
            "both shares to complete",
            Duration::from_secs(45),
            || sharing.rows(),
            |rows| {
                let rows = ours(rows);
                seen.extend(rows.iter().map(|r| r.2.clone()));
                rows.len() == 2 && rows.iter().all(|r| r.2 == "Completed")
            },
        )
        .await?;
        assert!(
            seen.contains("In progress") || seen.contains("Pending"),
            "running states were shown: {seen:?}"
        );
        let done_at_end = sharing.steps("done").await?.len();
        assert!(
            done_at_end > done_at_start,
            "the stepper advanced ({done_at_start} → {done_at_end})"
        );
        assert_eq!(done_at_end, 7, "every step is done");
        let announced = session
            .driver
            .find(By::Id("status-announcer"))
            .await?
            .prop("textContent")
            .await?;
        assert!(
            announced
                .unwrap_or_default()
                .contains("Customer profile schema to"),
            "status changes are announced"
        );
        let violations = accessibility_violations(&session.driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core with the rail open: {violations:#?}"
        );
        screenshot(&session.driver, "sharing-completed-rail").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_share_ends_failed_and_the_rail_shows_the_error() {
    with_session(|session| async move {
        open_share(&session, "Broken journey bundle").await?;
        let dialog = ShareDialog {
            driver: &session.driver,
        };
        dialog.pick("Globex").await?;
        dialog.confirm().await?.click().await?;
        let sharing = SharingPage {
            driver: &session.driver,
        };
        // Newest first: the new share is the top row (the demo has an older failed one too).
        sharing
            .wait_rows(
                "the broken share fails",
                |rows| {
                    rows.first()
                        .is_some_and(|r| r.0 == "Broken journey bundle" && r.2 == "Failed")
                },
                SHARE_PATIENCE,
            )
            .await?;
        sharing
            .open_row("Broken journey bundle", "Globex Corp")
            .await?;
        let rail = sharing.rail_text().await?;
        assert!(rail.contains("The share failed"), "{rail}");
        assert!(
            rail.contains("Failed at"),
            "a failure's end is called what it is: {rail}"
        );
        let headers = session
            .driver
            .find(By::Css("#transfers-table thead"))
            .await?
            .text()
            .await?;
        assert!(
            headers.to_lowercase().contains("finished"),
            "the end column covers failures too: {headers}"
        );
        assert_eq!(
            sharing.steps("failed").await?,
            vec!["Copy the package files"]
        );
        let platform = session
            .driver
            .find(By::Css(".stepper .step.failed .step-platform"))
            .await?
            .text()
            .await?;
        assert_eq!(
            platform, "Platform: Fetched Blob Files",
            "Platform's words stay"
        );
        screenshot(&session.driver, "sharing-failed-rail").await?;

        // Escape closes the rail and gives focus back to the row.
        session
            .driver
            .active_element()
            .await?
            .send_keys(Key::Escape)
            .await?;
        assert!(session
            .driver
            .find_all(By::Css("aside.rail"))
            .await?
            .is_empty());
        // On the next frame, once the row is back in the table.
        wait::eventually("focus back on the row's link", || async {
            Ok(session.driver.active_element().await?.text().await? == "Broken journey bundle")
        })
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_picker_offers_approved_partners_only_and_works_from_the_keyboard() {
    with_session(|session| async move {
        open_share(&session, "Customer profile schema").await?;
        let dialog = ShareDialog {
            driver: &session.driver,
        };
        // Acme→Globex is approved; Acme→Initech is pending; Umbrella only asked Acme.
        assert_eq!(dialog.suggestions("").await?, vec!["Globex Corp"]);
        assert!(dialog.suggestions("Initech").await?.is_empty());
        assert!(dialog.suggestions("Umbrella").await?.is_empty());
        let status = session
            .driver
            .find(By::Css("#share-dialog .picker-status"))
            .await?
            .text()
            .await?;
        assert_eq!(status, "No match");
        session
            .driver
            .find(By::Id("share-dialog"))
            .await?
            .find(By::XPath(".//button[normalize-space(.)='Cancel']"))
            .await?
            .click()
            .await?;

        approve_partnership(&session, "demo-initech-admin", INITECH, ACME).await?;
        open_share(&session, "Customer profile schema").await?;
        let input = wait_visible(&session.driver, By::Id("share-orgs")).await?;
        input.focus().await?;
        // Keyboard only: ArrowDown opens, Enter adds; again for the second; Backspace removes.
        for chosen in 1..=2 {
            input.send_keys(Key::Down).await?;
            dialog.wait_for_an_active_suggestion().await?;
            input.send_keys(Key::Enter).await?;
            dialog.wait_until_chosen(chosen).await?;
        }
        assert_eq!(dialog.tags().await?.len(), 2, "two organizations chosen");
        input.send_keys(Key::Backspace).await?;
        assert_eq!(
            dialog.tags().await?.len(),
            1,
            "Backspace removed the last tag"
        );
        // Escape closes the list first, then the dialog; focus returns to the Share button.
        input.send_keys(Key::Escape).await?;
        assert!(
            session
                .driver
                .find(By::Id("share-dialog"))
                .await?
                .is_displayed()
                .await?
        );
        input.send_keys(Key::Escape).await?;
        wait::eventually("the Share dialog to close", || async {
            Ok(session
                .driver
                .find_all(By::Css("#share-dialog[open]"))
                .await?
                .is_empty())
        })
        .await?;
        let focused = session
            .driver
            .active_element()
            .await?
            .attr("aria-label")
            .await?;
        assert_eq!(focused.as_deref(), Some("Share Customer profile schema"));
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_share_keeps_the_selection_and_a_double_click_shares_once() {
    with_session(|session| async move {
        open_share(&session, "Customer profile schema").await?;
        let dialog = ShareDialog { driver: &session.driver };
        dialog.pick("Globex").await?;
        arm_fault(&session, serde_json::json!({"method": "POST", "path": "/data/foundation/exim/transfer", "status": 500, "title": "Transfer service unavailable"})).await?;
        dialog.confirm().await?.click().await?;
        let alert = wait_visible(&session.driver, By::Css("#share-dialog [role='alert']")).await?.text().await?;
        assert!(alert.contains("Transfer service unavailable"), "{alert}");
        assert_eq!(dialog.tags().await?, vec!["Globex Corp"], "the selection is kept");
        screenshot(&session.driver, "share-dialog-error").await?;

        // Retry with a double click: one share request, one transfer.
        let before = request_count(&session, SHARE_ROUTE).await?;
        let transfers_before = transfer_total(&session).await?;
        let confirm = dialog.confirm().await?;
        session.driver.action_chain().double_click_element(&confirm).perform().await?;
        wait_for_toast(&session.driver, "Sharing Customer profile schema with 1 organization").await?;
        assert_eq!(request_count(&session, SHARE_ROUTE).await? - before, 1, "one POST /transfer");
        assert_eq!(transfer_total(&session).await? - transfers_before, 1, "one transfer created");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn polling_makes_one_list_request_per_tick_and_stops_when_all_rows_finish() {
    with_session_stepping(2_000, |session| async move {
        share_with_globex_until_running(&session).await?;
        let sharing = SharingPage { driver: &session.driver };

        // While running: about one list request per 5 s, no per-row GETs. The rate is what is
        // asserted, so it is counted over a fixed window.
        let counts = || async {
            let lists = request_count(&session, LIST_ROUTE).await?;
            WebDriverResult::Ok((lists, request_count(&session, GET_ROUTE).await?))
        };
        let ((lists, gets), (lists_after, gets_after)) =
            observe_window(Duration::from_secs(11), counts).await?;
        let ticks = lists_after - lists;
        assert!((1..=3).contains(&ticks), "{ticks} list requests in 11 s");
        assert_eq!(gets_after, gets, "no per-row requests");

        // Hidden tab: nothing.
        session.driver.execute(
            "Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
             document.dispatchEvent(new Event('visibilitychange'));",
            Vec::new(),
        ).await?;
        let list_requests = || request_count(&session, LIST_ROUTE);
        assert_steady_for(LONGER_THAN_A_REFRESH, "no requests while hidden", list_requests).await?;

        // Visible again: catches up at once, then finishes and goes quiet.
        session.driver.execute(
            "Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
             document.dispatchEvent(new Event('visibilitychange'));",
            Vec::new(),
        ).await?;
        sharing.wait_rows("all finished", |rows| !rows.is_empty() && rows.iter().all(|r| is_terminal(&r.2)), SHARE_PATIENCE).await?;
        assert_steady_for(LONGER_THAN_A_REFRESH, "no polling once everything finished", list_requests).await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_refresh_backs_off_visibly_and_recovers() {
    with_session_stepping(1_000, |session| async move {
        share_with_globex_until_running(&session).await?;
        let sharing = SharingPage { driver: &session.driver };
        arm_fault(&session, serde_json::json!({"method": "GET", "path": "/data/foundation/exim/transfer/list", "status": 500})).await?;
        let problem = wait_visible(&session.driver, By::Css(".refresh-problem")).await?.text().await?;
        assert!(problem.starts_with("Couldn't refresh: Platform had a problem — retrying in"), "{problem}");
        assert!(!sharing.rows().await?.is_empty(), "the rows stay while refreshing fails");
        screenshot(&session.driver, "sharing-refresh-failed").await?;
        session.driver.find(By::XPath("//button[normalize-space(.)='Retry now']")).await?.click().await?;
        sharing.wait_rows("recovered and finished", |rows| rows.iter().all(|r| is_terminal(&r.2)), SHARE_PATIENCE).await?;
        assert!(session.driver.find_all(By::Css(".refresh-problem")).await?.is_empty());
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_sort_search_and_the_rail_live_in_the_url() {
    with_session(|session| async move {
        session.open("/sharing").await?;
        let sharing = SharingPage {
            driver: &session.driver,
        };
        let all = sharing
            .wait_rows("the demo shares", |rows| !rows.is_empty(), SHARE_PATIENCE)
            .await?;
        session.requests.clear();
        session
            .driver
            .find(By::Css("label[for='status-failed']"))
            .await?
            .click()
            .await?;
        session
            .requests
            .wait_for(&["/exim/transfer/list?", "status%3D%3DFAILED"])
            .await?;
        let failed = sharing
            .wait_rows(
                "failed only",
                |rows| !rows.is_empty() && rows.iter().all(|r| r.2 == "Failed"),
                SHARE_PATIENCE,
            )
            .await?;
        assert!(failed.len() < all.len());
        session
            .driver
            .find(By::Css("label[for='status-completed']"))
            .await?
            .click()
            .await?;
        session
            .requests
            .wait_for(&["status%3D%3DCOMPLETED%2CFAILED"])
            .await?;
        session
            .driver
            .find(By::XPath(
                "//th/button[starts-with(normalize-space(.), 'Package')]",
            ))
            .await?
            .click()
            .await?;
        session.requests.wait_for(&["orderBy=packageName"]).await?;
        let search = session.driver.find(By::Id("transfer-search")).await?;
        search.send_keys("journey").await?;
        session
            .requests
            .wait_for(&["packageName%7Ejourney"])
            .await?;
        let url = session.driver.current_url().await?;
        let query = url.query().unwrap_or_default().to_string();
        assert!(
            query.contains("status=COMPLETED%2CFAILED")
                && query.contains("sort=packageName")
                && query.contains("q=journey"),
            "{query}"
        );

        session.driver.refresh().await?;
        let restored = sharing
            .wait_rows("restored view", |rows| !rows.is_empty(), SHARE_PATIENCE)
            .await?;
        assert!(
            restored
                .iter()
                .all(|r| r.0.to_lowercase().contains("journey")),
            "{restored:?}"
        );
        assert!(
            session
                .driver
                .find(By::Id("status-failed"))
                .await?
                .is_selected()
                .await?
        );

        // Deep link to the rail, and Back closes it.
        let (package, target, _) = restored[0].clone();
        sharing.open_row(&package, &target).await?;
        let rail_url = session.driver.current_url().await?;
        assert!(
            rail_url.path().starts_with("/sharing/") && rail_url.query() == Some(query.as_str()),
            "{rail_url}"
        );
        session.driver.back().await?;
        assert!(
            session
                .driver
                .find_all(By::Css("aside.rail"))
                .await?
                .is_empty(),
            "Back closes the rail"
        );
        session.driver.goto(rail_url.as_str()).await?;
        wait_visible(&session.driver, By::Css("aside.rail")).await?;
        assert!(sharing.rail_text().await?.contains(&package));
        Ok(())
    })
    .await;
}
