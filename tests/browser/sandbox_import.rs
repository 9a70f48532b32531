//! Importing a published package into another sandbox of the organization: the steps, the
//! choices kept in the URL, the production guard, the blocked path and the job's summary.

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::support::import_pages::{import_through_api, SandboxImportPage};
use crate::support::language::choose_language;
use crate::support::orgs::{ACME, GLOBEX};
use crate::support::pages::PackagesPage;
use crate::support::partners_pages::{open_as, package_id};
use crate::support::sharing_pages::{ShareDialog, SharingPage, SHARE_PATIENCE};
use crate::support::wait;
use crate::support::{
    assert_axe_clean, request_count, screenshot, wait_for_toast, wait_present, with_session,
    Session,
};

const SUBMIT_ROUTE: &str = "POST /data/foundation/exim/packages/import";

async fn field_value(session: &Session, id: &str) -> WebDriverResult<String> {
    Ok(wait_present(&session.driver, By::Id(id))
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_choice_survives_reload_and_production_needs_its_name_typed() {
    with_session(|session| async move {
        let page = SandboxImportPage {
            driver: &session.driver,
        };
        session.open("/packages").await?;
        page.open_from_packages("Loyalty tier segments").await?;
        page.wait_step("Target sandbox").await?;
        // The package's own sandbox is not offered.
        assert_eq!(page.sandbox_choices().await?, vec!["prod", "acme-dev"]);
        assert_axe_clean(&session.driver, "the target sandbox step").await?;
        screenshot(&session.driver, "import-1-sandbox").await?;

        page.next().await?;
        wait::eventually("the missing sandbox is said", || async {
            Ok(page.field_error("sandbox-error").await? == "Choose a sandbox to import into.")
        })
        .await?;
        page.choose_sandbox("acme-dev").await?;
        page.next().await?;
        page.wait_step("Impact preview").await?;
        let rows = page.wait_impact("rows", |rows| !rows.is_empty()).await?;
        assert!(page.totals().await?.contains("created"), "{rows:?}");
        // Each read once: the permissions arriving do not rebuild the step.
        for route in [
            "GET /data/foundation/exim/packages/{id}/import",
            "GET /data/foundation/exim/packages/preflight/{id}",
        ] {
            assert_eq!(request_count(&session, route).await?, 1, "{route}");
        }
        assert_axe_clean(&session.driver, "the impact preview").await?;
        screenshot(&session.driver, "import-2-preview").await?;

        // A reload keeps the step and the sandbox.
        session.driver.refresh().await?;
        page.wait_step("Impact preview").await?;
        page.wait_impact("rows after a reload", |again| again == rows.as_slice())
            .await?;

        page.next().await?;
        page.wait_step("Confirm").await?;
        assert_eq!(
            field_value(&session, "job-name").await?,
            "Loyalty tier segments"
        );
        page.set_field("job-name", "").await?;
        page.submit().await?.click().await?;
        wait::eventually("the empty job name is said", || async {
            Ok(page.field_error("job-name-error").await? == "Enter a name for the import job.")
        })
        .await?;
        page.set_field("job-name", "Loyalty to production").await?;
        session.driver.refresh().await?;
        page.wait_step("Confirm").await?;
        wait::eventually("the typed job name survives a reload", || async {
            Ok(field_value(&session, "job-name").await? == "Loyalty to production")
        })
        .await?;

        // Back a step with the button, then to the first by the step list: production is
        // guarded.
        page.back().await?;
        page.wait_step("Impact preview").await?;
        session
            .driver
            .find(By::LinkText("1. Target sandbox"))
            .await?
            .click()
            .await?;
        page.wait_step("Target sandbox").await?;
        page.choose_sandbox("prod").await?;
        page.next().await?;
        page.wait_step("Impact preview").await?;
        page.wait_impact("rows for prod", |rows| !rows.is_empty())
            .await?;
        page.next().await?;
        page.wait_step("Confirm").await?;
        assert_eq!(
            field_value(&session, "job-name").await?,
            "Loyalty to production"
        );
        wait_present(&session.driver, By::Id("production-confirm")).await?;
        assert_axe_clean(
            &session.driver,
            "the confirmation with the production guard",
        )
        .await?;
        screenshot(&session.driver, "import-3-confirm-production").await?;
        page.submit().await?.click().await?;
        wait::eventually("the untyped name is said", || async {
            Ok(page.field_error("production-error").await?
                == "Type the sandbox's name exactly as shown: prod")
        })
        .await?;
        assert_eq!(request_count(&session, SUBMIT_ROUTE).await?, 0);
        page.set_field("production-confirm", "prod").await?;
        // Two clicks in one go: one job.
        session
            .driver
            .execute(
                "const b = document.getElementById('import-submit'); b.click(); b.click();",
                vec![],
            )
            .await?;
        wait_present(&session.driver, By::Id("import-job")).await?;
        assert_eq!(request_count(&session, SUBMIT_ROUTE).await?, 1);
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn objects_the_user_may_not_create_block_the_import_and_say_whom_to_ask() {
    with_session(|session| async move {
        let page = SandboxImportPage {
            driver: &session.driver,
        };
        session.open("/connection").await?;
        let id = package_id(&session, "demo-acme-importer", ACME, "Win-back journeys").await?;
        open_as(&session, "demo-acme-importer", &format!("/packages/{id}")).await?;
        // The details page offers the import too.
        wait_present(&session.driver, By::LinkText("Import into sandbox"))
            .await?
            .click()
            .await?;
        page.choose_sandbox("acme-dev").await?;
        page.next().await?;
        let rows = page
            .wait_impact("blocked rows", |rows| {
                rows.iter()
                    .any(|(_, outcome)| outcome.starts_with("Blocked"))
            })
            .await?;
        let journey = rows
            .iter()
            .find(|(title, _)| title == "Win-back reminder")
            .expect("the journey is listed");
        assert_eq!(journey.1, "Blocked: you lack Journey: read, write");
        let alert = wait_present(&session.driver, By::Id("import-blocked-alert"))
            .await?
            .text()
            .await?;
        assert!(
            alert.contains("Import is blocked") && alert.contains("Journey: read, write"),
            "{alert}"
        );
        let next = session.driver.find(By::Id("import-next")).await?;
        assert_eq!(next.attr("aria-disabled").await?.as_deref(), Some("true"));
        next.click().await?;
        page.wait_step("Impact preview").await?;
        assert_axe_clean(&session.driver, "the blocked impact preview").await?;
        screenshot(&session.driver, "import-blocked").await?;

        // An existing journey instead of a new one: that row is no longer blocked.
        let options = page.options_for("Win-back reminder").await?;
        let existing = options
            .iter()
            .find(|option| option.starts_with("Use existing"))
            .unwrap_or_else(|| panic!("an existing journey is offered: {options:?}"))
            .clone();
        page.choose_for("Win-back reminder", &existing).await?;
        page.wait_impact("the journey replaced", |rows| {
            rows.iter().any(|(title, outcome)| {
                title == "Win-back reminder" && outcome.starts_with("Replaced by your choice")
            })
        })
        .await?;
        assert!(session
            .driver
            .current_url()
            .await?
            .as_str()
            .contains("use="));
        assert_eq!(request_count(&session, SUBMIT_ROUTE).await?, 0);
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_package_acme_shares_is_imported_by_globex_then_its_objects_exist() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = SandboxImportPage { driver };
        // Acme shares the package with its approved partner Globex.
        session.open("/packages").await?;
        PackagesPage { driver }
            .click_row_button("Customer profile schema", "Share")
            .await?;
        let dialog = ShareDialog { driver };
        dialog.wait_open().await?;
        dialog.pick("Globex").await?;
        dialog.confirm().await?.click().await?;
        wait_for_toast(driver, "Sharing Customer profile schema").await?;

        // Globex sees it arrive, and imports it from the share's rail.
        open_as(&session, "demo-globex-admin", "/sharing").await?;
        let sharing = SharingPage { driver };
        sharing
            .wait_rows(
                "the share completed",
                |rows| {
                    rows.first().is_some_and(|row| {
                        row.0 == "Customer profile schema" && row.2 == "Completed"
                    })
                },
                SHARE_PATIENCE,
            )
            .await?;
        sharing
            .open_row("Customer profile schema", "Globex Corp")
            .await?;
        wait_present(driver, By::LinkText("Import the received package"))
            .await?
            .click()
            .await?;
        page.wait_step("Target sandbox").await?;
        // The copy landed in Globex's production sandbox: staging is the other one.
        assert_eq!(page.sandbox_choices().await?, vec!["globex-stage"]);
        page.choose_sandbox("globex-stage").await?;
        page.next().await?;
        let rows = page
            .wait_impact("the four objects", |rows| rows.len() == 4)
            .await?;
        let outcome = |title: &str| {
            rows.iter()
                .find(|row| row.0 == title)
                .map(|row| row.1.clone())
                .unwrap_or_default()
        };
        assert!(
            outcome("Acme customer profile").starts_with("Reused"),
            "{rows:?}"
        );
        assert_eq!(outcome("Consent and preferences"), "Created");
        wait::eventually("the schema's dependencies", || async {
            Ok(page.depends_on("Acme customer profile").await?
                == "Depends on: Loyalty details (REGISTRY_MIXIN), Consent and preferences (REGISTRY_MIXIN), Postal address (REGISTRY_DATATYPE), XDM Individual Profile (REGISTRY_CLASS)")
        })
        .await?;
        assert_eq!(outcome("Loyalty details"), "Created");
        assert_eq!(
            page.options_for("Loyalty details").await?,
            vec!["Create new", "Use existing Loyalty details (v2)"]
        );
        page.choose_for("Loyalty details", "Use existing Loyalty details (v2)")
            .await?;
        page.wait_impact("the field group replaced", |rows| {
            rows.iter().any(|row| {
                row.0 == "Loyalty details"
                    && row.1 == "Replaced by your choice: Loyalty details (v2)"
            })
        })
        .await?;
        assert_eq!(
            page.totals().await?,
            "1 created, 2 reused, 1 replaced by your choice, 0 blocked"
        );
        page.next().await?;
        page.wait_step("Confirm").await?;
        let substitutions = wait_present(driver, By::Css("ul.substitutions")).await?;
        assert_eq!(
            substitutions.text().await?,
            "Loyalty details → Loyalty details (v2)"
        );
        // Staging is not production: no name to type.
        assert!(driver
            .find_all(By::Id("production-confirm"))
            .await?
            .is_empty());
        page.submit().await?.click().await?;

        // The job is followed to its summary.
        let summary = wait_present(driver, By::Id("import-result-totals")).await?;
        wait::eventually("the job's summary", || async {
            Ok(summary.text().await? == "1 created, 2 reused, 1 replaced by your choice, 0 failed")
        })
        .await?;
        let job = driver.find(By::Id("import-job")).await?.text().await?;
        assert!(
            job.contains("Succeeded") && job.contains("What to check next"),
            "{job}"
        );
        assert_axe_clean(&session.driver, "the import job's summary").await?;
        screenshot(driver, "import-4-summary").await?;

        // Importing again: what the first import created now exists.
        driver.find(By::Id("import-again")).await?.click().await?;
        page.wait_step("Impact preview").await?;
        page.wait_impact("the created object now reused", |rows| {
            rows.iter()
                .any(|row| row.0 == "Consent and preferences" && row.1.starts_with("Reused"))
        })
        .await?;

        // Packages says where the copy came from, and can show only received packages.
        session.open("/packages?origin=received").await?;
        let received = PackagesPage { driver }
            .row("Customer profile schema")
            .await?;
        assert!(
            received.text().await?.contains("Received from Acme Retail"),
            "{}",
            received.text().await?
        );
        session
            .requests
            .wait_for(&["/exim/packages?", "received%3D%3Dtrue"])
            .await?;
        // Made here only: the received copies leave the list.
        SelectElement::new(&driver.find(By::Id("package-origin")).await?)
            .await?
            .select_by_value("own")
            .await?;
        session
            .requests
            .wait_for(&["/exim/packages?", "received%3D%3Dfalse"])
            .await?;
        wait::eventually("no received package listed", || async {
            let listed = driver
                .find_all(By::XPath(
                    "//td[contains(@class,'name-cell')][starts-with(normalize-space(.),'Customer profile schema')]",
                ))
                .await?;
            let settled = !driver
                .find_all(By::Css(".empty-state, #packages-table"))
                .await?
                .is_empty();
            Ok(listed.is_empty() && settled)
        })
        .await?;
        assert!(driver.current_url().await?.as_str().contains("origin=own"));
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_list_of_existing_objects_is_filtered_by_name() {
    with_session(|session| async move {
        let page = SandboxImportPage {
            driver: &session.driver,
        };
        session.open("/connection").await?;
        let copy = package_id(
            &session,
            "demo-globex-admin",
            GLOBEX,
            "Loyalty tier segments",
        )
        .await?;
        open_as(
            &session,
            "demo-globex-admin",
            &format!("/packages/{copy}/import?to=globex-stage&step=preview"),
        )
        .await?;
        page.wait_impact("three segments", |rows| rows.len() == 3)
            .await?;
        assert_eq!(page.options_for("Loyalty bronze members").await?.len(), 11);
        page.filter_choices("Loyalty bronze members", "eu").await?;
        wait::eventually("only the matching object is offered", || async {
            Ok(page.options_for("Loyalty bronze members").await?
                == ["Create new", "Use existing Loyalty members EU"])
        })
        .await?;
        page.choose_for("Loyalty bronze members", "Use existing Loyalty members EU")
            .await?;
        page.wait_impact("the choice made", |rows| {
            rows.iter()
                .any(|row| row.1 == "Replaced by your choice: Loyalty members EU")
        })
        .await?;
        assert_axe_clean(&session.driver, "a filtered list of existing objects").await?;
        screenshot(&session.driver, "import-filtered-choices").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_viewer_or_a_draft_is_not_offered_the_import_and_the_page_says_why() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/connection").await?;
        let published =
            package_id(&session, "demo-acme-admin", ACME, "Loyalty tier segments").await?;
        let draft = package_id(
            &session,
            "demo-acme-admin",
            ACME,
            "Cart abandonment journey",
        )
        .await?;
        // An admin is not offered the import of a draft, and its page says why.
        session.open("/packages").await?;
        let offered = PackagesPage { driver }.row("Loyalty tier segments").await?;
        wait::eventually("the published package offers the import", || async {
            Ok(!offered
                .find_all(By::LinkText("Import into sandbox"))
                .await?
                .is_empty())
        })
        .await?;
        let draft_row = PackagesPage { driver }
            .row("Cart abandonment journey")
            .await?;
        assert!(draft_row
            .find_all(By::LinkText("Import into sandbox"))
            .await?
            .is_empty());
        session.open(&format!("/packages/{draft}/import")).await?;
        let said = wait_present(driver, By::Id("import-blocked")).await?;
        assert_eq!(
            said.text().await?,
            "Only published packages can be imported into a sandbox."
        );

        // An expired package neither.
        let expired =
            package_id(&session, "demo-acme-admin", ACME, "Broken journey bundle").await?;
        session.open(&format!("/packages/{expired}/import")).await?;
        let said = wait_present(driver, By::Id("import-blocked")).await?;
        assert_eq!(
            said.text().await?,
            "This package has expired and can no longer be imported."
        );

        // A viewer: the page says why; back on Packages (the permissions known by now), no row
        // offers the import.
        open_as(
            &session,
            "demo-acme-viewer",
            &format!("/packages/{published}/import"),
        )
        .await?;
        let said = wait_present(driver, By::Id("import-blocked")).await?;
        assert_eq!(
            said.text().await?,
            "Importing needs the permission to manage packages."
        );
        assert!(driver
            .find_all(By::Css("ol.import-steps"))
            .await?
            .is_empty());
        driver.find(By::LinkText("Packages")).await?.click().await?;
        let row = PackagesPage { driver }.row("Loyalty tier segments").await?;
        assert!(row
            .find_all(By::LinkText("Import into sandbox"))
            .await?
            .is_empty());
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_import_speaks_german() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = SandboxImportPage { driver };
        session.open("/connection").await?;
        let id = package_id(&session, "demo-acme-importer", ACME, "Win-back journeys").await?;
        open_as(
            &session,
            "demo-acme-importer",
            &format!("/packages/{id}/import?to=acme-dev&step=preview"),
        )
        .await?;
        choose_language(driver, "de").await?;
        page.wait_step("Vorschau der Auswirkungen").await?;
        let rows = page
            .wait_impact("German outcomes", |rows| {
                rows.iter().any(|row| row.1.starts_with("Blockiert"))
            })
            .await?;
        assert!(
            rows.iter()
                .any(|row| row.1 == "Blockiert: Ihnen fehlt Journey: read, write"),
            "{rows:?}"
        );
        assert_eq!(
            page.totals().await?,
            "0 neu erstellt, 1 wiederverwendet, 0 durch Ihre Wahl ersetzt, 2 blockiert"
        );
        let alert = driver
            .find(By::Id("import-blocked-alert"))
            .await?
            .text()
            .await?;
        assert!(alert.starts_with("Import blockiert"), "{alert}");
        assert_axe_clean(&session.driver, "the impact preview in German").await?;
        screenshot(driver, "import-preview-de").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_job_says_what_failed_and_what_it_created_and_a_wrong_sandbox_link_is_caught() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = SandboxImportPage { driver };
        session.open("/connection").await?;
        let id = package_id(&session, "demo-acme-importer", ACME, "Spring sale journeys").await?;
        // Submitted past the preview (as a script could): the job fails the journeys.
        let job = import_through_api(&session, "demo-acme-importer", &id, "acme-dev").await?;
        open_as(
            &session,
            "demo-acme-importer",
            &format!("/packages/{id}/import?to=acme-dev&job={job}"),
        )
        .await?;
        let summary = wait_present(driver, By::Id("import-result-totals")).await?;
        wait::eventually("the failed job's summary", || async {
            Ok(summary.text().await? == "1 created, 0 reused, 0 replaced by your choice, 2 failed")
        })
        .await?;
        let shown = driver.find(By::Id("import-job")).await?.text().await?;
        assert!(
            shown.contains("Failed")
                && shown.contains("missing permission Journey (read, write)")
                && shown.contains("Created"),
            "{shown}"
        );
        assert_axe_clean(&session.driver, "a failed import job").await?;
        screenshot(driver, "import-job-failed").await?;

        // A link naming the package's own sandbox leads back to the choice, saying why.
        session
            .open(&format!(
                "/packages/{id}/import?to=acme-sandbox&step=preview"
            ))
            .await?;
        let note = wait_present(driver, By::Id("unknown-sandbox"))
            .await?
            .text()
            .await?;
        assert!(note.contains("“acme-sandbox”"), "{note}");
        page.wait_step("Target sandbox").await?;
        Ok(())
    })
    .await;
}
