//! Importing a published package into another sandbox of the organization: the steps, the
//! choices kept in the URL, the production guard, the blocked path and the job's summary.

use thirtyfour::prelude::*;

use crate::support::import_pages::SandboxImportPage;
use crate::support::orgs::ACME;
use crate::support::partners_pages::{open_as, package_id};
use crate::support::wait;
use crate::support::{
    accessibility_violations, request_count, screenshot, wait_present, with_session, Session,
};

const SUBMIT_ROUTE: &str = "POST /data/foundation/exim/packages/import";

async fn assert_axe_clean(session: &Session, what: &str) -> WebDriverResult<()> {
    let violations = accessibility_violations(&session.driver).await?;
    assert!(violations.is_empty(), "axe-core on {what}: {violations:#?}");
    Ok(())
}

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
        assert_axe_clean(&session, "the target sandbox step").await?;
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
        assert_axe_clean(&session, "the impact preview").await?;
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

        // Back to the first step by the step list: production is guarded.
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
        assert_axe_clean(&session, "the confirmation with the production guard").await?;
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
        assert_axe_clean(&session, "the blocked impact preview").await?;
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
