//! The console in German: chosen from the browser's languages or the header's switch,
//! remembered, switched in place, and the main flows (share, partners, import) in German,
//! axe-clean and photographed at every width.

use thirtyfour::prelude::*;

use crate::support::language::{
    block_language_files, choose_language, page_language, prefer_browser_languages, select_language,
};
use crate::support::new_package_pages::NewPackagePage;
use crate::support::orgs::{GLOBEX, INITECH};
use crate::support::pages::PackagesPage;
use crate::support::partners_pages::{open_as, press, ImportPage, PartnersPage, Table};
use crate::support::sharing_pages::{ShareDialog, SharingPage, SHARE_PATIENCE};
use crate::support::wait::eventually;
use crate::support::{
    accessibility_violations, arm_fault, screenshot, wait_for_toast, wait_visible, with_session,
    Session,
};

/// The window sizes every German screen is checked at: desktop, tablet, phone.
const WIDTHS: [(u32, u32); 3] = [(1366, 900), (768, 1024), (390, 844)];

async fn heading(driver: &WebDriver) -> WebDriverResult<String> {
    wait_visible(driver, By::Css("main h1")).await?.text().await
}

async fn wait_for_heading(driver: &WebDriver, expected: &str) -> WebDriverResult<()> {
    eventually(&format!("the page heading {expected:?}"), || async {
        Ok(heading(driver).await? == expected)
    })
    .await
}

/// The texts of the table's date cells.
async fn dates(driver: &WebDriver) -> WebDriverResult<Vec<String>> {
    driver
        .execute(
            "return [...document.querySelectorAll('table time')].map((t) => t.innerText);",
            Vec::new(),
        )
        .await?
        .convert()
}

/// axe-core finds nothing at any width, and a screenshot of each width is saved.
async fn check_every_width(driver: &WebDriver, name: &str) -> WebDriverResult<()> {
    for (width, height) in WIDTHS {
        driver.set_window_rect(0, 0, width, height).await?;
        let violations = accessibility_violations(driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core on {name} at {width} px: {violations:#?}"
        );
        screenshot(driver, &format!("de-{name}-{width}")).await?;
    }
    let (width, height) = WIDTHS[0];
    driver.set_window_rect(0, 0, width, height).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_console_speaks_the_browsers_language_until_the_user_chooses_one() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        assert_eq!(page_language(driver).await?, "en");
        assert_eq!(heading(driver).await?, "Packages");

        // A browser that prefers German gets German from the first render.
        prefer_browser_languages(&session, "de-DE,de;q=0.9,en;q=0.8").await?;
        session.open("/packages").await?;
        assert_eq!(page_language(driver).await?, "de");
        wait_for_heading(driver, "Pakete").await?;
        PackagesPage { driver }
            .wait_for_package("Customer profile schema")
            .await?;
        let german_dates = dates(driver).await?;
        assert!(
            !german_dates.is_empty()
                && german_dates.iter().all(|date| {
                    let parts: Vec<&str> = date.split('.').collect();
                    parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok())
                }),
            "German dates read day.month.year: {german_dates:?}"
        );
        let range = driver
            .find(By::Css(".pagination .range"))
            .await?
            .text()
            .await?;
        assert!(range.contains("Pakete"), "a German plural: {range}");

        // Switching keeps what is typed and where the user is, and re-renders in place.
        let packages = PackagesPage { driver };
        packages.search("Holiday").await?;
        packages.wait_for_names(&["Holiday campaign 2026"]).await?;
        let marker: bool = driver
            .execute("window.__notReloaded = true; return true;", Vec::new())
            .await?
            .convert()?;
        assert!(marker);
        choose_language(driver, "en").await?;
        wait_for_heading(driver, "Packages").await?;
        let search = driver.find(By::Id("package-search")).await?;
        assert_eq!(search.prop("value").await?.as_deref(), Some("Holiday"));
        assert!(driver.current_url().await?.as_str().contains("q=Holiday"));
        let not_reloaded: bool = driver
            .execute("return window.__notReloaded === true;", Vec::new())
            .await?
            .convert()?;
        assert!(
            not_reloaded,
            "the switch re-renders in place, without a reload"
        );
        let english_dates = dates(driver).await?;
        assert!(
            english_dates
                .iter()
                .all(|d| d.chars().any(char::is_alphabetic)),
            "English dates name the month: {english_dates:?}"
        );

        // The choice wins over the browser's preference, on this device.
        session.open("/packages").await?;
        wait_for_heading(driver, "Packages").await?;
        assert_eq!(page_language(driver).await?, "en");

        // Our words around Platform's refusal are German; Platform's own stay as it sent them.
        choose_language(driver, "de").await?;
        arm_fault(
            &session,
            serde_json::json!({"method": "GET", "path": "/data/foundation/exim/packages",
                               "times": 1, "status": 403, "title": "Drill: not for you"}),
        )
        .await?;
        session.open("/packages").await?;
        let alert = wait_visible(driver, By::Css(".inline-alert.negative"))
            .await?
            .text()
            .await?;
        assert!(
            alert.contains("Keine Berechtigung")
                && alert.contains("Meldung des Servers: Drill: not for you"),
            "{alert}"
        );
        check_every_width(driver, "packages-refused").await?;

        // The rest of the screens, and the Connection panel, in German.
        session.open("/connection").await?;
        wait_for_heading(driver, "Verbindung").await?;
        check_every_width(driver, "connection").await?;
        session.open("/no-such-page").await?;
        wait_for_heading(driver, "Seite nicht gefunden").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn german_that_cannot_be_fetched_leaves_the_console_in_english_and_says_why() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        block_language_files(driver).await?;
        select_language(driver, "de").await?;
        wait_for_toast(driver, "load this language: /locales/de/").await?;
        assert_eq!(heading(driver).await?, "Packages");
        assert_eq!(page_language(driver).await?, "en");
        let shown: String = driver
            .execute(
                "return document.getElementById('language-select').value;",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert_eq!(shown, "en", "the switch shows the language in use");
        Ok(())
    })
    .await;
}

/// Opens the app in German (the header's switch, remembered for the rest of the session).
async fn in_german(session: &Session, path: &str) -> WebDriverResult<()> {
    session.open(path).await?;
    choose_language(&session.driver, "de").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_share_from_packages_to_its_completion_in_german() {
    with_session(|session| async move {
        let driver = &session.driver;
        in_german(&session, "/packages").await?;
        wait_for_heading(driver, "Pakete").await?;
        let packages = PackagesPage { driver };
        packages.wait_for_package("Customer profile schema").await?;
        check_every_width(driver, "packages").await?;

        packages
            .click_row_button("Customer profile schema", "Freigeben")
            .await?;
        let dialog = ShareDialog { driver };
        let opened = dialog.wait_open().await?;
        let title = opened.find(By::Css("h2")).await?.text().await?;
        assert_eq!(title, "Customer profile schema freigeben");
        dialog.pick("Globex").await?;
        check_every_width(driver, "share-dialog").await?;
        dialog.confirm().await?.click().await?;

        let sharing = SharingPage { driver };
        sharing
            .wait_rows(
                "the share to Globex completes, in German",
                |rows| {
                    rows.iter().any(|(package, target, status)| {
                        package == "Customer profile schema"
                            && target.contains("Globex")
                            && status == "Abgeschlossen"
                    })
                },
                SHARE_PATIENCE,
            )
            .await?;
        wait_for_heading(driver, "Freigabestatus").await?;
        sharing
            .open_row("Customer profile schema", "Globex")
            .await?;
        let rail = sharing.rail_text().await?;
        assert!(
            rail.contains("Private Freigabe") && rail.contains("Gestartet von"),
            "{rail}"
        );
        check_every_width(driver, "sharing-rail").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partnership_and_a_pull_in_german() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        open_as(&session, "demo-initech-admin", "/partners").await?;
        choose_language(driver, "de").await?;
        wait_for_heading(driver, "Partner").await?;

        wait_visible(driver, By::Id("new-request-button"))
            .await?
            .click()
            .await?;
        wait_visible(driver, By::Id("partnership-request-dialog")).await?;
        press(driver, format!("{GLOBEX} not-an-org").as_str()).await?;
        press(driver, Key::Enter).await?;
        let tags = partners.tags().await?;
        assert_eq!(tags[0], (GLOBEX.to_string(), None));
        let problem = tags[1].1.clone().unwrap_or_default();
        assert!(
            problem.contains("@AdobeOrg") && !problem.contains("ends with"),
            "the tag's problem in German: {problem}"
        );
        check_every_width(driver, "partners-request").await?;
        wait_visible(driver, By::Id("send-request-button"))
            .await?
            .click()
            .await?;
        let results = partners.request_results().await?;
        assert_eq!(results.len(), 1, "{results:?}");
        assert_eq!(results[0], format!("Anfrage gesendet an {GLOBEX}"));
        press(driver, Key::Escape).await?;
        partners
            .wait_for_status(Table::Outgoing, "Globex Corp", "Genehmigung ausstehend")
            .await?;

        // Globex accepts, still in German (the choice is remembered on this device).
        open_as(&session, "demo-globex-admin", "/partners").await?;
        wait_for_heading(driver, "Partner").await?;
        partners
            .row_button(Table::Incoming, "Initech", "Annehmen")
            .await?
            .click()
            .await?;
        wait_for_toast(driver, "Sie sind jetzt Partner von Initech").await?;
        partners
            .row_button(Table::Incoming, "Initech", "Verlauf")
            .await?
            .click()
            .await?;
        let history = wait_visible(driver, By::Css("tr.history-row .history"))
            .await?
            .text()
            .await?;
        assert!(history.contains("Initech"), "{history}");
        check_every_width(driver, "partners").await?;

        // Import: a payload with a problem is explained in German.
        session.open("/import").await?;
        wait_for_heading(driver, "Aus Payload importieren").await?;
        let import = ImportPage { driver };
        import
            .enter_payload(&format!("{{\"imsOrgId\": \"{INITECH}\"}}"))
            .await?;
        let messages = crate::support::wait::until(
            "the payload's problems",
            crate::support::wait::PATIENCE,
            || import.messages(),
            |messages| !messages.is_empty(),
        )
        .await?;
        assert!(
            messages.iter().any(|m| m.contains("packageId")),
            "{messages:?}"
        );
        assert!(
            messages.iter().all(|m| !m.contains("is missing")),
            "the payload's problems in German: {messages:?}"
        );
        check_every_width(driver, "import").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_package_in_german() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = NewPackagePage { driver };
        session.open("/packages/new").await?;
        choose_language(driver, "de").await?;
        wait_for_heading(driver, "Neues Paket").await?;
        page.create().await?;
        assert_eq!(
            page.field_error("package-name-error").await?,
            "Geben Sie einen Namen für das Paket ein."
        );
        page.open_tab("Liste einfügen").await?;
        page.paste("SPACESHIP 77").await?;
        assert_eq!(
            page.paste_problems().await?,
            vec!["Zeile 1: „SPACESHIP“ ist kein Artefakttyp."]
        );
        for (width, height) in WIDTHS {
            driver.set_window_rect(0, 0, width, height).await?;
            let violations = accessibility_violations(driver).await?;
            assert!(
                violations.is_empty(),
                "axe-core at {width} px: {violations:#?}"
            );
            screenshot(driver, &format!("german-new-package-{width}")).await?;
        }
        Ok(())
    })
    .await;
}
