//! Bulk share from Packages: choosing packages (by mouse, by keyboard, all at once; never an
//! unshareable one), one share per package to every chosen partner, each package's result as it
//! arrives, and Sharing status showing exactly the shares it started.

use thirtyfour::prelude::*;

use crate::support::bulk_share_pages::{BulkShare, ResultRow};
use crate::support::orgs::{ACME, GLOBEX, INITECH};
use crate::support::partners_pages::{package_id, press, share_through_api};
use crate::support::sharing_pages::SharingPage;
use crate::support::wait::{eventually, PATIENCE};
use crate::support::{
    answer_partnership, api_call, approve_partnership, arm_fault, assert_axe_clean, request_count,
    screenshot, wait_visible, with_session, Session,
};

const TRANSFER_ROUTE: &str = "POST /data/foundation/exim/transfer";
const CHOSEN: [&str; 3] = [
    "Win-back journeys",
    "Identity namespaces",
    "Full sandbox snapshot Q3",
];

/// The packages of the results in the order they were sent.
fn packages_in_order(rows: &[ResultRow]) -> Vec<String> {
    let mut packages: Vec<String> = Vec::new();
    for (package, _, _) in rows {
        if !packages.contains(package) {
            packages.push(package.clone());
        }
    }
    packages
}

/// Makes `target` end its approved partnership with `source` (our local extension `CANCELLED`).
async fn end_partnership(
    session: &Session,
    target_token: &str,
    target_org: &str,
    source_org: &str,
) -> WebDriverResult<()> {
    let answer = ("APPROVED", "CANCELLED", "Ended by the test");
    answer_partnership(session, target_token, target_org, source_org, answer).await
}

#[tokio::test(flavor = "multi_thread")]
async fn three_packages_to_two_partners_with_one_refused_and_one_dropped() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        approve_partnership(&session, "demo-initech-admin", INITECH, ACME).await?;
        let bulk = BulkShare { driver };
        for package in CHOSEN {
            bulk.select(package).await?;
        }
        bulk.wait_count("3 selected on this page").await?;
        assert_axe_clean(&session.driver, "the packages with a selection").await?;
        screenshot(driver, "bulk-share-selection").await?;
        bulk.open_dialog().await?;
        bulk.pick("Glo").await?;
        bulk.pick("Init").await?;
        assert_axe_clean(&session.driver, "the bulk share dialog").await?;
        // Initech ends the partnership while the dialog is open: Platform drops that target.
        end_partnership(&session, "demo-initech-admin", INITECH, ACME).await?;
        // The first request only waits a millisecond, the second is refused, the third passes: one
        // refusal, on the second package sent.
        arm_fault(&session, serde_json::json!({"method": "POST", "path": "/data/foundation/exim/transfer", "times": 1, "delayMs": 1})).await?;
        arm_fault(&session, serde_json::json!({"method": "POST", "path": "/data/foundation/exim/transfer", "times": 1, "status": 409, "title": "Drill: this package is busy"})).await?;
        let before = request_count(&session, TRANSFER_ROUTE).await?;
        // A double click sends each package once.
        let confirm = bulk.confirm().await?;
        driver.action_chain().double_click_element(&confirm).perform().await?;
        let rows = bulk.wait_answered().await?;
        assert_eq!(rows.len(), 6, "each package × organization: {rows:#?}");
        let sent = packages_in_order(&rows);
        let mut expected: Vec<String> = CHOSEN.iter().map(|s| s.to_string()).collect();
        expected.sort();
        let mut sorted = sent.clone();
        sorted.sort();
        assert_eq!(sorted, expected, "the three chosen packages");
        for (package, org, result) in &rows {
            let expected = match (package == &sent[1], org.as_str()) {
                (true, _) => "Failed",
                (false, "Globex Corp") => "Started",
                (false, "Initech") => "Dropped by Platform",
                _ => panic!("an organization that was not chosen: {org}"),
            };
            assert!(result.starts_with(expected), "{package} → {org}: {result}");
        }
        let said = |package: &str, org: &str| {
            rows.iter()
                .find(|(p, o, _)| p == package && o == org)
                .map(|(_, _, result)| result.clone())
                .unwrap_or_default()
        };
        assert!(said(&sent[1], "Globex Corp").contains("Drill: this package is busy"));
        assert!(said(&sent[0], "Initech").contains("check the partnership"));
        assert_eq!(request_count(&session, TRANSFER_ROUTE).await? - before, 3, "one request per package");
        let progress = wait_visible(driver, By::Id("bulk-share-progress")).await?.text().await?;
        assert_eq!(progress, "Platform answered for every package.");
        assert_axe_clean(&session.driver, "the bulk share results").await?;
        screenshot(driver, "bulk-share-results").await?;

        // A share of the same package started after the bulk one is not one of its shares.
        let later = package_id(&session, "demo-acme-admin", ACME, &sent[0]).await?;
        let (status, answer) = share_through_api(&session, "demo-acme-admin", ACME, &later, GLOBEX).await?;
        assert_eq!(status, 201, "a later share: {answer}");

        wait_visible(driver, By::Id("bulk-share-status")).await?.click().await?;
        eventually("Sharing status to open filtered", || async {
            let url = driver.current_url().await?;
            Ok(url.path() == "/sharing" && url.query().is_some_and(|q| q.contains("share=")))
        })
        .await?;
        let sharing = SharingPage { driver };
        let shown = sharing
            .wait_rows("exactly the two shares the bulk share started", |rows| rows.len() == 2, PATIENCE)
            .await?;
        for (package, _, _) in &shown {
            assert!(package.contains(&sent[0]) || package.contains(&sent[2]), "{package}");
        }
        let notice = wait_visible(driver, By::Id("only-shares")).await?.text().await?;
        assert!(notice.starts_with("Showing only the 2 shares a bulk share started."), "{notice}");
        assert_axe_clean(&session.driver, "Sharing status narrowed to a bulk share").await?;
        screenshot(driver, "bulk-share-in-sharing-status").await?;
        wait_visible(driver, By::Id("show-all-shares")).await?.click().await?;
        sharing
            .wait_rows("every share again, the later one too", |rows| rows.len() > 3, PATIENCE)
            .await?;
        assert!(driver.find_all(By::Id("only-shares")).await?.is_empty(), "the notice leaves with the filter");
        let url = driver.current_url().await?;
        assert!(!url.query().unwrap_or_default().contains("share="), "{url}");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unshareable_packages_cannot_be_selected_and_say_why() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let bulk = BulkShare { driver };
        for (package, reason) in [
            (
                "Cart abandonment journey",
                "Only published packages can be shared",
            ),
            ("Production baseline schemas", "prod"),
        ] {
            let checkbox = bulk.checkbox(package).await?;
            assert_eq!(
                checkbox.attr("aria-disabled").await?.as_deref(),
                Some("true"),
                "{package}"
            );
            checkbox.click().await?;
            assert!(
                !bulk.is_selected(package).await?,
                "{package} stays unselected"
            );
            // Keyboard focus shows the reason, which also describes the checkbox.
            checkbox.focus().await?;
            let hint_id = checkbox
                .attr("aria-describedby")
                .await?
                .expect("described by its reason");
            let hint = wait_visible(driver, By::Id(hint_id)).await?.text().await?;
            assert!(hint.contains(reason), "{package}: {hint}");
        }
        assert_eq!(bulk.count_text().await?, "");
        screenshot(driver, "bulk-share-unshareable").await?;

        // Select all takes every shareable package on the page and nothing else.
        let all = wait_visible(driver, By::Id("select-all-packages")).await?;
        all.click().await?;
        assert_eq!(bulk.select_all_state().await?, (true, false));
        assert!(bulk.is_selected("Win-back journeys").await?);
        assert!(!bulk.is_selected("Cart abandonment journey").await?);
        let count = bulk.count_text().await?;
        bulk.select("Win-back journeys").await?;
        assert_eq!(
            bulk.select_all_state().await?,
            (false, true),
            "some selected: mixed"
        );
        assert_ne!(bulk.count_text().await?, count);
        all.click().await?;
        assert_eq!(bulk.select_all_state().await?, (true, false));
        all.click().await?;
        assert_eq!(bulk.select_all_state().await?, (false, false));
        bulk.wait_count("").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn packages_are_chosen_and_shared_with_the_keyboard_only() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let bulk = BulkShare { driver };
        bulk.checkbox("Win-back journeys").await?.focus().await?;
        press(driver, " ").await?;
        bulk.wait_count("1 selected on this page").await?;
        bulk.checkbox("Identity namespaces").await?.focus().await?;
        press(driver, " ").await?;
        bulk.wait_count("2 selected on this page").await?;
        press(driver, " ").await?;
        bulk.wait_count("1 selected on this page").await?;
        let status = driver.find(By::Css(".selection-bar [role=status]")).await?;
        assert!(
            status.text().await?.contains("1 selected"),
            "the count is announced politely"
        );
        wait_visible(driver, By::Id("bulk-share"))
            .await?
            .focus()
            .await?;
        press(driver, Key::Enter).await?;
        wait_visible(driver, By::Id("bulk-share-dialog")).await?;
        eventually("focus to move into the partner picker", || async {
            Ok(driver.active_element().await?.attr("id").await?.as_deref()
                == Some("bulk-share-orgs"))
        })
        .await?;
        press(driver, "Glo").await?;
        press(driver, Key::Down).await?;
        press(driver, Key::Enter).await?;
        eventually("Globex to be chosen", || async {
            Ok(driver
                .find_all(By::Css("#bulk-share-dialog .tag"))
                .await?
                .len()
                == 1)
        })
        .await?;
        bulk.confirm().await?.focus().await?;
        press(driver, Key::Enter).await?;
        let rows = bulk.wait_answered().await?;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0, "Win-back journeys");
        assert!(rows[0].2.starts_with("Started"), "{rows:?}");
        Ok(())
    })
    .await;
}

/// Platform has no `property=id==` filter: Sharing status narrowed to some shares reads each
/// of them by its id instead.
#[tokio::test(flavor = "multi_thread")]
async fn without_the_id_filter_the_shares_are_read_one_by_one() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/connection").await?;
        let (status, list) = api_call(
            &session,
            "GET",
            "/exim/transfer/list?requestType=PRIVATE&limit=2",
            "demo-acme-admin",
            ACME,
            None,
        )
        .await?;
        assert_eq!(status, 200, "{list}");
        let ids: Vec<String> = list["data"]
            .as_array()
            .expect("transfers")
            .iter()
            .map(|t| t["id"].as_str().expect("an id").to_string())
            .collect();
        arm_fault(
            &session,
            serde_json::json!({
                "method": "GET", "path": "/data/foundation/exim/transfer/list", "times": 1,
                "status": 400, "title": "Invalid property: id",
            }),
        )
        .await?;
        let reads = "GET /data/foundation/exim/transfer/{id}";
        let before = request_count(&session, reads).await?;
        session
            .open(&format!("/sharing?share={}", ids.join(",")))
            .await?;
        let shown = SharingPage { driver }
            .wait_rows(
                "the two shares, read one by one",
                |rows| rows.len() == 2,
                PATIENCE,
            )
            .await?;
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            request_count(&session, reads).await? - before >= 2,
            "each share read by its id"
        );
        let notice = wait_visible(driver, By::Id("only-shares"))
            .await?
            .text()
            .await?;
        assert!(notice.starts_with("Showing only the 2 shares"), "{notice}");
        assert!(
            driver.find_all(By::Css("[role='alert']")).await?.is_empty(),
            "no refusal shown: the view was answered another way"
        );
        Ok(())
    })
    .await;
}
