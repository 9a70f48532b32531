//! Narrow windows, a tablet (768 × 1024) and a phone (390 × 844): no screen scrolls sideways,
//! every screen, dialog and the rail is axe-clean, and a share goes start to finish on a phone.

use thirtyfour::prelude::*;

use crate::support::authoring_pages::{create_draft, demo_artifacts, DetailsPage};
use crate::support::bulk_share_pages::BulkShare;
use crate::support::import_pages::import_through_api;
use crate::support::new_package_pages::NewPackagePage;
use crate::support::orgs::ACME;
use crate::support::pages::PackagesPage;
use crate::support::partners_pages::{package_id, press, PartnersPage, Table};
use crate::support::retry_pages::RetryShare;
use crate::support::sharing_pages::{ShareDialog, SharingPage, SHARE_PATIENCE};
use crate::support::{accessibility_violations, screenshot, wait_visible, with_session};

const TABLET: (u32, u32) = (768, 1024);
const PHONE: (u32, u32) = (390, 844);

/// The page's width and the window's: the page scrolls sideways when the first is larger.
async fn widths(driver: &WebDriver) -> WebDriverResult<(u64, u64)> {
    driver
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            Vec::new(),
        )
        .await?
        .convert()
}

/// Once `ready` shows (the screen's content, not just its frame): the page fits the window,
/// axe-core finds nothing, and a screenshot is saved.
async fn check_screen(driver: &WebDriver, name: &str, ready: By) -> WebDriverResult<()> {
    // The screenshot shows the window: bring what the check is about into it.
    wait_visible(driver, ready)
        .await?
        .scroll_into_view()
        .await?;
    let (page, window) = widths(driver).await?;
    assert!(
        page <= window,
        "{name}: the page is {page} px wide in a {window} px window"
    );
    let violations = accessibility_violations(driver).await?;
    assert!(
        violations.is_empty(),
        "axe-core on {name} at {window} px: {violations:#?}"
    );
    screenshot(driver, &format!("narrow-{name}-{window}")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_a_tablet_and_a_phone() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let details = format!(
            "/packages/{}",
            package_id(&session, "demo-acme-admin", ACME, "Customer profile schema").await?
        );
        let screens = [
            ("packages", "/packages", By::Css("#packages-table tbody tr")),
            (
                "package-details",
                details.as_str(),
                By::Css(".details-grid"),
            ),
            ("sharing", "/sharing", By::Css("#transfers-table tbody tr")),
            ("partners", "/partners", By::Css(".data-table tbody tr")),
            ("import", "/import", By::Id("payload-input")),
            ("connection", "/connection", By::Id("connect-button")),
        ];
        for (width, height) in [TABLET, PHONE] {
            driver.set_window_rect(0, 0, width, height).await?;
            for (name, path, ready) in screens.clone() {
                session.open(path).await?;
                check_screen(driver, name, ready).await?;
            }
            // The rail becomes a panel over the whole window.
            session.open("/sharing").await?;
            SharingPage { driver }
                .open_row("Customer profile schema", "Globex")
                .await?;
            check_screen(driver, "sharing-rail", By::Css("aside.rail .stepper")).await?;
            let rail = driver.find(By::Css("aside.rail")).await?.rect().await?;
            let visible: u64 = driver
                .execute("return document.documentElement.clientWidth;", Vec::new())
                .await?
                .convert()?;
            assert_eq!(
                rail.width.round() as u64,
                visible,
                "the rail takes the whole width at {width} px"
            );
        }
        Ok(())
    })
    .await;
}

/// Each dialog, opened, checked, and closed with Escape.
#[tokio::test(flavor = "multi_thread")]
async fn every_dialog_fits_a_tablet_and_a_phone() {
    with_session(|session| async move {
        let driver = &session.driver;
        let packages = PackagesPage { driver };
        let partners = PartnersPage { driver };
        for (width, height) in [TABLET, PHONE] {
            driver.set_window_rect(0, 0, width, height).await?;

            session.open("/packages").await?;
            packages
                .click_row_button("Customer profile schema", "Make public")
                .await?;
            check_screen(driver, "availability-dialog", By::Id("confirm-availability")).await?;
            press(driver, Key::Escape).await?;

            // A browser that refuses the clipboard gets the payload to copy by hand.
            session.open("/packages?availability=public").await?;
            packages.wait_for_package("Spring sale journeys").await?;
            driver
                .execute(
                    "Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });",
                    Vec::new(),
                )
                .await?;
            packages
                .click_row_button("Spring sale journeys", "Copy payload")
                .await?;
            check_screen(driver, "payload-dialog", By::Css("#payload-dialog textarea")).await?;
            press(driver, Key::Escape).await?;

            session.open("/partners").await?;
            partners
                .row_button(Table::Incoming, "Umbrella Group", "Decline")
                .await?
                .click()
                .await?;
            check_screen(driver, "decline-dialog", By::Id("decline-reason")).await?;
            press(driver, Key::Escape).await?;
            partners
                .row_button(Table::Outgoing, "Globex Corp", "Cancel partnership")
                .await?
                .click()
                .await?;
            check_screen(driver, "cancel-partnership-dialog", By::Id("cancel-reason")).await?;
            press(driver, Key::Escape).await?;
            wait_visible(driver, By::Id("new-request-button"))
                .await?
                .click()
                .await?;
            check_screen(driver, "request-dialog", By::Id("org-id-input")).await?;
            press(driver, Key::Escape).await?;
        }
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_share_from_start_to_finish_on_a_phone() {
    with_session(|session| async move {
        let driver = &session.driver;
        let (width, height) = PHONE;
        driver.set_window_rect(0, 0, width, height).await?;
        session.open("/packages").await?;
        let packages = PackagesPage { driver };
        packages.wait_for_package("Customer profile schema").await?;
        packages
            .click_row_button("Customer profile schema", "Share")
            .await?;
        let dialog = ShareDialog { driver };
        dialog.wait_open().await?;
        dialog.pick("Globex").await?;
        check_screen(driver, "share-dialog", By::Id("confirm-share")).await?;
        dialog.confirm().await?.click().await?;
        SharingPage { driver }
            .wait_rows(
                "the share completes",
                |rows| {
                    rows.first().is_some_and(|(package, target, status)| {
                        package == "Customer profile schema"
                            && target.contains("Globex")
                            && status == "Completed"
                    })
                },
                SHARE_PATIENCE,
            )
            .await?;
        check_screen(driver, "sharing-after-share", By::Css("#transfers-table")).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_import_step_fits_a_tablet_and_a_phone() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let id = package_id(&session, "demo-acme-admin", ACME, "Loyalty tier segments").await?;
        // A finished import to show the summary of.
        let job = import_through_api(&session, "demo-acme-admin", &id, "acme-dev").await?;
        let page = format!("/packages/{id}/import");
        let screens = [
            ("import-sandbox", page.clone(), By::Id("target-acme-dev")),
            (
                "import-preview",
                format!("{page}?to=acme-dev&step=preview"),
                By::Css("#impact-table tbody tr"),
            ),
            (
                "import-confirm-production",
                format!("{page}?to=prod&step=confirm"),
                By::Css("ul.substitutions, #import-totals"),
            ),
            (
                "import-summary",
                format!("{page}?to=acme-dev&job={job}"),
                By::Id("import-result-totals"),
            ),
        ];
        for (width, height) in [TABLET, PHONE] {
            driver.set_window_rect(0, 0, width, height).await?;
            for (name, path, ready) in screens.clone() {
                session.open(&path).await?;
                check_screen(driver, name, ready).await?;
            }
        }
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn new_package_and_its_picker_fit_a_tablet_and_a_phone() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = NewPackagePage { driver };
        for (width, height) in [TABLET, PHONE] {
            driver.set_window_rect(0, 0, width, height).await?;
            session.open("/packages/new").await?;
            page.type_into("package-name", "Spring sale kit").await?;
            check_screen(driver, "new-package-objects", By::Css("#objects-table tbody tr")).await?;
            page.search_objects("spring sale j", &["Spring sale journey"])
                .await?;
            page.choose_object("Spring sale journey").await?;
            page.open_tab("By type and ID").await?;
            page.add_by_id("JOURNEY", "a b", "").await?;
            check_screen(driver, "new-package-entry", By::Id("entry-id-error")).await?;
            page.open_tab("Paste a list").await?;
            page.paste("SPACESHIP 77 Apollo\nPROFILE_SEGMENT 5f0c1c2e-0000-4000-8000-00000000aa02 Spring shoppers")
                .await?;
            check_screen(driver, "new-package-paste", By::Css(".paste-problems li")).await?;
            check_screen(driver, "new-package-chosen", By::Css("#chosen-table tbody tr")).await?;
        }
        Ok(())
    })
    .await;
}

/// A draft's details with each authoring dialog, and a failed publish.
#[tokio::test(flavor = "multi_thread")]
async fn authoring_fits_a_tablet_and_a_phone() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let artifacts = demo_artifacts(&session, "Win-back journeys").await?;
        let draft = create_draft(
            &session,
            "Drill narrow draft with a rather long name to wrap",
            artifacts,
        )
        .await?;
        let failed =
            package_id(&session, "demo-acme-admin", ACME, "Email consent policies").await?;
        let details = DetailsPage { session: &session };
        let delete = format!("delete-{draft}");
        for (width, height) in [TABLET, PHONE] {
            driver.set_window_rect(0, 0, width, height).await?;
            details.open(&draft).await?;
            check_screen(driver, "details-draft", By::Css("#artifacts-table")).await?;
            wait_visible(driver, By::Id("dependency-tree")).await?;
            driver
                .execute(
                    "document.getElementById('dependencies').scrollIntoView();",
                    Vec::new(),
                )
                .await?;
            check_screen(driver, "dependencies", By::Id("add-missing")).await?;
            for (opener, dialog, ready) in [
                ("edit-details", "edit-dialog", "edit-name"),
                ("publish", "publish-dialog", "publish-expiry"),
                (delete.as_str(), "delete-dialog", "confirm-delete"),
            ] {
                details.click(opener).await?;
                check_screen(driver, dialog, By::Id(ready)).await?;
                press(driver, Key::Escape).await?;
            }
            details.open(&failed).await?;
            check_screen(driver, "publish-failed", By::Id("publish-failed")).await?;
        }
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bulk_share_fits_a_tablet_and_a_phone() {
    with_session(|session| async move {
        let driver = &session.driver;
        let bulk = BulkShare { driver };
        for (width, height) in [TABLET, PHONE] {
            driver.set_window_rect(0, 0, width, height).await?;
            session.open("/packages").await?;
            bulk.select("Win-back journeys").await?;
            bulk.select("Identity namespaces").await?;
            check_screen(driver, "bulk-share-selection", By::Id("bulk-share")).await?;
            // An unshareable row's reason, shown on focus.
            let blocked = bulk.checkbox("Cart abandonment journey").await?;
            blocked.focus().await?;
            let hint = blocked.attr("aria-describedby").await?.expect("a reason");
            check_screen(driver, "bulk-share-reason", By::Id(hint)).await?;
            bulk.open_dialog().await?;
            bulk.pick("Glo").await?;
            check_screen(driver, "bulk-share-dialog", By::Id("confirm-bulk-share")).await?;
            bulk.confirm().await?.click().await?;
            bulk.wait_answered().await?;
            check_screen(driver, "bulk-share-results", By::Id("bulk-share-status")).await?;
            // Sharing status narrowed to the shares just started.
            wait_visible(driver, By::Id("bulk-share-status"))
                .await?
                .click()
                .await?;
            check_screen(
                driver,
                "bulk-share-in-sharing-status",
                By::Id("show-all-shares"),
            )
            .await?;
        }
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn retry_links_fit_a_tablet_and_a_phone() {
    with_session(|session| async move {
        let driver = &session.driver;
        RetryShare::open_failed_rail(&session).await?;
        wait_visible(driver, RetryShare::rail_button())
            .await?
            .click()
            .await?;
        RetryShare { driver }.rail_link("Retried by").await?;
        for (width, height) in [TABLET, PHONE] {
            driver.set_window_rect(0, 0, width, height).await?;
            check_screen(driver, "retry-rail", By::Css("aside.rail .retry-link")).await?;
        }
        Ok(())
    })
    .await;
}
