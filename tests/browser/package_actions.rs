//! Copy payload and availability changes, from the inventory and from the details page.

use thirtyfour::prelude::*;

use crate::support::orgs::ACME;
use crate::support::pages::PackagesPage;
use crate::support::wait::eventually;
use crate::support::{
    accessibility_violations, screenshot, wait_for_toast, wait_visible, with_session,
};

const SPRING_SALE_ID: &str = "d4ccecf7cca853e5060db5bc02509387";

#[tokio::test(flavor = "multi_thread")]
async fn copy_payload_puts_exactly_the_servers_payload_on_the_clipboard() {
    with_session(|session| async move {
        session.grant_clipboard().await?;
        session.open("/packages?availability=public").await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages
            .click_row_button("Spring sale journeys", "Copy payload")
            .await?;
        wait_visible(
            &session.driver,
            By::XPath("//button[normalize-space(.)='Copied']"),
        )
        .await?;
        let toast = session
            .driver
            .find(By::Css(".toasts"))
            .await?
            .text()
            .await?;
        assert!(
            toast.contains("Payload of Spring sale journeys copied"),
            "{toast}"
        );
        session
            .requests
            .wait_for(&[&format!("/exim/packages/payload/{SPRING_SALE_ID}")])
            .await?;

        let clipboard = session
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 navigator.clipboard.readText().then(done, (e) => done('read failed: ' + e));",
                Vec::new(),
            )
            .await?
            .convert::<String>()?;
        let expected = serde_json::to_string_pretty(&serde_json::json!({
            "imsOrgId": ACME,
            "packageId": SPRING_SALE_ID,
        }))
        .expect("json");
        assert_eq!(clipboard, expected);
        screenshot(&session.driver, "packages-copied").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_clipboard_access_the_payload_is_shown_selected_for_copying_by_hand() {
    with_session(|session| async move {
        session.open("/packages?availability=public").await?;
        PackagesPage { driver: &session.driver }.wait_for_package("Spring sale journeys").await?;
        // Simulate a browser that refuses clipboard writes (insecure context, denied permission).
        session
            .driver
            .execute(
                "Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });",
                Vec::new(),
            )
            .await?;
        PackagesPage { driver: &session.driver }.click_row_button("Spring sale journeys", "Copy payload").await?;
        let text_area = wait_visible(&session.driver, By::Id("payload-text")).await?;
        let value = text_area.prop("value").await?.unwrap_or_default();
        let payload: serde_json::Value = serde_json::from_str(&value).expect("the payload is JSON");
        assert_eq!(payload, serde_json::json!({"imsOrgId": ACME, "packageId": SPRING_SALE_ID}));
        let selected = session
            .driver
            .execute(
                "const a = document.getElementById('payload-text'); return [document.activeElement === a, a.selectionEnd - a.selectionStart];",
                Vec::new(),
            )
            .await?
            .convert::<(bool, usize)>()?;
        assert_eq!(selected, (true, value.len()), "focused and fully selected");
        assert_eq!(text_area.attr("readonly").await?.as_deref(), Some("true"));
        screenshot(&session.driver, "packages-payload-fallback").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn availability_changes_both_ways_persist_and_cancel_changes_nothing() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages
            .click_row_button("Customer profile schema", "Make public")
            .await?;
        let dialog = session.driver.find(By::Id("availability-dialog")).await?;
        assert!(dialog.is_displayed().await?);
        let text = dialog.text().await?;
        assert!(
            text.contains("Make Customer profile schema public?"),
            "{text}"
        );
        assert!(
            text.contains("Any organization that has this package's payload"),
            "{text}"
        );
        let focused = session.driver.active_element().await?.text().await?;
        assert_eq!(
            focused, "Cancel",
            "a consequential confirmation starts on Cancel"
        );
        let violations = accessibility_violations(&session.driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core with the confirmation open: {violations:#?}"
        );
        screenshot(&session.driver, "packages-confirm-public").await?;

        // Escape cancels: nothing is sent.
        session.requests.clear();
        session
            .driver
            .active_element()
            .await?
            .send_keys(Key::Escape)
            .await?;
        assert!(!dialog.is_displayed().await?);
        assert!(!session
            .requests
            .all()
            .iter()
            .any(|uri| !uri.contains("/exim/packages?") && uri.contains("/exim/packages")));
        assert!(packages
            .row_buttons("Customer profile schema")
            .await?
            .contains(&"Make public".to_string()));

        // Confirm: the row updates in place, a toast confirms, and reload shows it public.
        packages
            .click_row_button("Customer profile schema", "Make public")
            .await?;
        session
            .driver
            .find(By::Id("confirm-availability"))
            .await?
            .click()
            .await?;
        wait_for_toast(
            &session.driver,
            "Customer profile schema is now public: it is listed under Public",
        )
        .await?;
        eventually("the package leaves the Private list", || async {
            Ok(!packages
                .package_names()
                .await?
                .contains(&"Customer profile schema".to_string()))
        })
        .await?;
        eventually("focus goes back to the content", || async {
            let focused = session.driver.active_element().await?.attr("id").await?;
            Ok(focused.as_deref() == Some("main"))
        })
        .await?;

        packages.choose_availability("Public").await?;
        packages.wait_for_package("Customer profile schema").await?;
        let row = packages
            .row("Customer profile schema")
            .await?
            .text()
            .await?;
        assert!(
            row.contains("Public") && row.contains("Copy payload"),
            "listed under Public: {row}"
        );
        session.open("/packages?availability=public").await?;
        packages.wait_for_package("Customer profile schema").await?;
        packages
            .click_row_button("Customer profile schema", "Make private")
            .await?;
        session
            .driver
            .find(By::Id("confirm-availability"))
            .await?
            .click()
            .await?;
        wait_for_toast(&session.driver, "Customer profile schema is now private").await?;
        session.driver.refresh().await?;
        packages
            .wait_for_names(&["Onboarding welcome series", "Spring sale journeys"])
            .await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_inline_action_works_from_the_keyboard() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages.wait_for_package("Customer profile schema").await?;
        // Tab from the search box until the "Make public" button of the row has focus.
        session
            .driver
            .find(By::Id("package-search"))
            .await?
            .focus()
            .await?;
        let target = "Make public: Customer profile schema";
        let mut reached = false;
        for _ in 0..120 {
            session
                .driver
                .active_element()
                .await?
                .send_keys(Key::Tab)
                .await?;
            let label = session
                .driver
                .active_element()
                .await?
                .attr("aria-label")
                .await?;
            if label.as_deref() == Some(target) {
                reached = true;
                break;
            }
        }
        assert!(reached, "Tab reaches the row's action");
        session
            .driver
            .active_element()
            .await?
            .send_keys(Key::Enter)
            .await?;
        // Focus starts on Cancel; Tab moves to the confirm button, Enter confirms.
        session
            .driver
            .active_element()
            .await?
            .send_keys(Key::Tab)
            .await?;
        assert_eq!(
            session
                .driver
                .active_element()
                .await?
                .attr("id")
                .await?
                .as_deref(),
            Some("confirm-availability")
        );
        session
            .driver
            .active_element()
            .await?
            .send_keys(Key::Enter)
            .await?;
        session.requests.wait_for(&["/exim/packages"]).await?;
        wait_for_toast(&session.driver, "is now public").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_details_page_shows_metadata_artifacts_and_the_same_actions() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages
            .row("Customer profile schema")
            .await?
            .find(By::LinkText("Customer profile schema"))
            .await?
            .click()
            .await?;
        let heading = wait_visible(
            &session.driver,
            By::XPath("//h1[normalize-space(.)='Customer profile schema']"),
        )
        .await?;
        assert!(heading.is_displayed().await?);
        assert!(session
            .driver
            .current_url()
            .await?
            .path()
            .starts_with("/packages/"));
        let artifacts = session
            .driver
            .find_all(By::Css("#artifacts-table tbody tr"))
            .await?;
        assert_eq!(
            artifacts.len(),
            4,
            "Customer profile schema lists 4 artifacts"
        );
        let details = session
            .driver
            .find(By::Css(".metadata"))
            .await?
            .text()
            .await?;
        for label in [
            "Status",
            "Availability",
            "Package ID",
            "Source sandbox",
            "Expires",
        ] {
            assert!(details.contains(label), "{label} in {details}");
        }
        assert!(session
            .driver
            .find(By::XPath("//button[normalize-space(.)='Make public']"))
            .await
            .is_ok());
        let violations = accessibility_violations(&session.driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core on details: {violations:#?}"
        );
        screenshot(&session.driver, "package-details").await?;

        session.driver.back().await?;
        packages.wait_for_package("Customer profile schema").await?;
        Ok(())
    })
    .await;
}
