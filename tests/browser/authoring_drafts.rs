//! Authoring on package details: Edit details, Remove an artifact, Publish (followed live to
//! the end), Delete (on details and as a Packages row action), and who is offered what.

use thirtyfour::prelude::*;

use crate::support::authoring_pages::{
    create_draft, demo_artifacts, sandbox_object, status_of, DetailsPage, TreeNode,
};
use crate::support::orgs::{ACME, GLOBEX};
use crate::support::pages::PackagesPage;
use crate::support::partners_pages::{open_as, package_id, share_through_api};
use crate::support::wait::{assert_steady_for, eventually};
use crate::support::{
    arm_fault, assert_axe_clean, request_count, screenshot, wait_for_toast, wait_visible,
    with_session, with_session_stepping, Session,
};

const UPDATE: &str = "PUT /data/foundation/exim/packages";
const PUBLISH: &str = "GET /data/foundation/exim/packages/{id}/export";
const DELETE: &str = "DELETE /data/foundation/exim/packages/{id}";
const WIDE: (u32, u32) = (1366, 900);

/// A draft holding the artifacts of the demo package "Win-back journeys" (objects that exist
/// in `acme-sandbox`), opened on its details page.
async fn open_draft(session: &Session, name: &str) -> WebDriverResult<String> {
    session.open("/packages").await?;
    let artifacts = demo_artifacts(session, "Win-back journeys").await?;
    let id = create_draft(session, name, artifacts).await?;
    DetailsPage { session }.open(&id).await?;
    Ok(id)
}

#[tokio::test(flavor = "multi_thread")]
async fn editing_a_drafts_details_checks_the_name_and_updates_the_page_in_place() {
    with_session(|session| async move {
        let driver = &session.driver;
        driver.set_window_rect(0, 0, WIDE.0, WIDE.1).await?;
        open_draft(&session, "Drill draft").await?;
        let details = DetailsPage { session: &session };
        screenshot(driver, "authoring-details-draft-1366").await?;

        details.click("edit-details").await?;
        details.wait_dialog("edit-details-dialog").await?;
        assert_eq!(
            details.focused().await?.0,
            "edit-name",
            "focus starts on the name"
        );
        assert_eq!(
            details.value_of("edit-name").await?,
            "Drill draft",
            "prefilled"
        );
        assert_axe_clean(&session.driver, "the Edit details dialog").await?;
        screenshot(driver, "authoring-edit-dialog-1366").await?;

        // Too long: said next to the field, nothing sent.
        let before = request_count(&session, UPDATE).await?;
        details.paste_into("edit-name", &"n".repeat(10_000)).await?;
        let (message, invalid) = details.field_problem("edit-name").await?;
        assert_eq!(
            message,
            "The name has 10,000 characters; at most 256 are allowed."
        );
        assert!(invalid, "the name is marked invalid");
        details.click("save-details").await?;
        assert_steady_for(std::time::Duration::from_secs(1), "nothing is sent", || {
            request_count(&session, UPDATE)
        })
        .await?;
        assert_eq!(request_count(&session, UPDATE).await?, before);

        // A name another package has: the API's 409 shows in the dialog, the text stays.
        details
            .type_into("edit-name", "Spring sale journeys")
            .await?;
        details
            .type_into("edit-description", "Kept after a refusal")
            .await?;
        details.click("save-details").await?;
        let refusal = details.alert_in("#edit-details-dialog").await?;
        assert!(refusal.contains("Conflict"), "{refusal}");
        assert!(refusal.contains("Spring sale journeys"), "{refusal}");
        assert_eq!(details.value_of("edit-name").await?, "Spring sale journeys");
        assert_eq!(
            details.value_of("edit-description").await?,
            "Kept after a refusal"
        );

        // Markup is a name like any other, shown as text; a double click saves once.
        let markup = "<img src=x onerror=alert(1)>";
        details.type_into("edit-name", markup).await?;
        let before = request_count(&session, UPDATE).await?;
        details.double_click("save-details").await?;
        wait_for_toast(driver, &format!("Details of {markup} saved")).await?;
        details.wait_dialog_closed("edit-details-dialog").await?;
        assert_eq!(details.heading().await?, markup);
        assert!(
            driver.find_all(By::Css("main img")).await?.is_empty(),
            "no image was made"
        );
        assert_eq!(
            request_count(&session, UPDATE).await? - before,
            1,
            "one request"
        );
        let description = driver.find(By::Css(".metadata")).await?.text().await?;
        assert!(
            description.contains("Kept after a refusal"),
            "{description}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn removing_artifacts_down_to_none_explains_why_publish_is_disabled() {
    with_session(|session| async move {
        let driver = &session.driver;
        open_draft(&session, "Drill removals").await?;
        let details = DetailsPage { session: &session };
        details
            .wait_artifact_titles(&["Win-back reminder", "Lapsed customers", "Win-back email"])
            .await?;

        details.remove_button("Lapsed customers").await?.click().await?;
        details.wait_artifact_titles(&["Win-back reminder", "Win-back email"]).await?;
        assert_eq!(details.artifacts_heading().await?, "Artifacts (2)");
        wait_for_toast(driver, "Lapsed customers removed from Drill removals").await?;

        // A refusal keeps the row and says so by the table.
        arm_fault(
            &session,
            serde_json::json!({"method": "PUT", "path": "/data/foundation/exim/packages", "status": 500, "title": "Drill: the service fell over"}),
        )
        .await?;
        details.remove_button("Win-back email").await?.click().await?;
        let alert = details.alert_in("#remove-failure").await?;
        assert!(alert.contains("Drill: the service fell over"), "{alert}");
        let failure = driver.find(By::Id("remove-failure")).await?.text().await?;
        assert!(failure.contains("Couldn’t remove Win-back email"), "{failure}");
        details.wait_artifact_titles(&["Win-back reminder", "Win-back email"]).await?;

        details.remove_button("Win-back email").await?.click().await?;
        details.wait_artifact_titles(&["Win-back reminder"]).await?;
        details.remove_button("Win-back reminder").await?.click().await?;
        eventually("the last artifact leaves", || async {
            Ok(details.artifacts_heading().await? == "Artifacts (0)")
        })
        .await?;
        let (disabled, reason) = details.blocked_reason("publish").await?;
        assert!(disabled, "Publish is disabled");
        assert_eq!(reason, "Add at least one artifact before publishing.");
        let note = wait_visible(driver, By::Id("publish-note")).await?.text().await?;
        assert_eq!(note, "Add at least one artifact before publishing.");
        details.click("publish").await?;
        assert!(
            !driver.find(By::Id("publish-dialog")).await?.is_displayed().await?,
            "a disabled Publish opens nothing"
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn publishing_checks_the_expiry_then_follows_the_package_live_until_published() {
    with_session(|session| async move {
        let driver = &session.driver;
        driver.set_window_rect(0, 0, WIDE.0, WIDE.1).await?;
        let id = open_draft(&session, "Drill publish").await?;
        let details = DetailsPage { session: &session };
        let labels = details.button_labels().await?;
        assert!(
            !labels.iter().any(|l| l == "Share"),
            "a draft is not shared: {labels:?}"
        );

        details.click("publish").await?;
        details.wait_dialog("publish-dialog").await?;
        assert_eq!(details.focused().await?.0, "publish-expiry");
        assert_eq!(
            details.value_of("publish-expiry").await?,
            "90",
            "the API's default"
        );
        assert_axe_clean(&session.driver, "the Publish dialog").await?;
        screenshot(driver, "authoring-publish-dialog-1366").await?;
        for (typed, message) in [
            ("0", "A package must live at least one day."),
            ("-1", "A package must live at least one day."),
            ("abc", "Enter a whole number of days."),
            ("36501", "A package can live at most 36,500 days."),
        ] {
            details.type_into("publish-expiry", typed).await?;
            assert_eq!(
                details.field_problem("publish-expiry").await?,
                (message.to_string(), true),
                "{typed}"
            );
            details.click("confirm-publish").await?;
        }
        assert_eq!(
            request_count(&session, PUBLISH).await?,
            0,
            "nothing was sent"
        );

        details.type_into("publish-expiry", "30").await?;
        details.click("confirm-publish").await?;
        // At once: publishing, followed live; the job is kept in the URL.
        wait_visible(driver, By::Id("publishing-note")).await?;
        eventually("the job in the URL", || async {
            Ok(driver
                .current_url()
                .await?
                .as_str()
                .contains("publish_job="))
        })
        .await?;
        wait_for_toast(driver, "Drill publish is published").await?;
        eventually("Share is offered", || async {
            Ok(details.button_labels().await?.iter().any(|l| l == "Share"))
        })
        .await?;
        assert_eq!(status_of(&session, &id).await?.1, "PUBLISHED");
        let (disabled, reason) = details.blocked_reason("edit-details").await?;
        assert!(disabled);
        assert_eq!(
            reason,
            "A published package cannot change; create a new package instead."
        );
        assert!(details.artifact_titles().await?.len() == 3);
        assert!(
            driver
                .find_all(By::Css("#artifacts-table button"))
                .await?
                .is_empty(),
            "a published package's artifacts cannot be removed"
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_publish_says_so_and_offers_retry_and_the_job() {
    with_session(|session| async move {
        let driver = &session.driver;
        driver.set_window_rect(0, 0, WIDE.0, WIDE.1).await?;
        session.open("/packages").await?;
        let id = package_id(&session, "demo-acme-admin", ACME, "Email consent policies").await?;
        let details = DetailsPage { session: &session };
        details.open(&id).await?;
        let alert = details.alert_in("main").await?;
        assert!(alert.starts_with("Publishing failed"), "{alert}");
        let link = driver.find(By::Id("publish-job-link")).await?;
        assert_eq!(
            link.attr("href").await?.as_deref(),
            Some("/jobs?q=Email%20consent%20policies&type=export&status=FAILED")
        );
        assert_axe_clean(&session.driver, "a failed publish").await?;
        screenshot(driver, "authoring-publish-failed-1366").await?;
        details.click("retry-publish").await?;
        details.wait_dialog("publish-dialog").await?;
        assert_eq!(details.value_of("publish-expiry").await?, "90");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_a_draft_from_its_details_and_from_its_packages_row() {
    with_session(|session| async move {
        let driver = &session.driver;
        driver.set_window_rect(0, 0, WIDE.0, WIDE.1).await?;
        open_draft(&session, "Drill delete one").await?;
        let details = DetailsPage { session: &session };
        let id = driver
            .current_url()
            .await?
            .path()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        details.click(&format!("delete-{id}")).await?;
        let dialog = details.wait_dialog("delete-dialog").await?;
        assert!(dialog.text().await?.contains("Delete Drill delete one?"));
        assert_eq!(
            details.focused().await?.1,
            "Cancel",
            "a destructive confirmation starts on Cancel"
        );
        assert_axe_clean(&session.driver, "the Delete dialog").await?;
        screenshot(driver, "authoring-delete-dialog-1366").await?;
        details.double_click("confirm-delete").await?;
        wait_for_toast(driver, "Drill delete one deleted").await?;
        eventually("back on Packages", || async {
            Ok(driver.current_url().await?.path() == "/packages")
        })
        .await?;
        assert_eq!(
            request_count(&session, DELETE).await?,
            1,
            "a double click deletes once"
        );
        assert_eq!(status_of(&session, &id).await?.0, 404);

        // From the row: the row leaves the page without a reload of the list.
        let artifacts = demo_artifacts(&session, "Win-back journeys").await?;
        create_draft(&session, "Drill delete two", artifacts).await?;
        let packages = PackagesPage { driver };
        session.open("/packages").await?;
        packages.wait_for_package("Drill delete two").await?;
        screenshot(driver, "authoring-packages-rows-1366").await?;
        session.open("/packages?q=Drill").await?;
        packages.wait_for_names(&["Drill delete two"]).await?;
        session.requests.clear();
        packages
            .click_row_button("Drill delete two", "Delete")
            .await?;
        details.wait_dialog("delete-dialog").await?;
        details.click("confirm-delete").await?;
        wait_for_toast(driver, "Drill delete two deleted").await?;
        eventually("the row leaves", || async {
            Ok(driver
                .find_all(By::Css("#packages-table tbody tr"))
                .await?
                .is_empty()
                || !packages
                    .package_names()
                    .await?
                    .contains(&"Drill delete two".to_string()))
        })
        .await?;
        let lists = session
            .requests
            .all()
            .iter()
            .filter(|uri| uri.starts_with("/data/foundation/exim/packages?"))
            .count();
        assert_eq!(lists, 0, "the list was patched, not fetched again");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_a_published_package_needs_its_exact_name() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let id = package_id(&session, "demo-acme-admin", ACME, "Loyalty tier segments").await?;
        let details = DetailsPage { session: &session };
        details.open(&id).await?;
        // What a published package cannot change is shown disabled, with the reason.
        for button in ["edit-details", "publish"] {
            let (disabled, reason) = details.blocked_reason(button).await?;
            assert!(disabled, "{button}");
            assert_eq!(
                reason,
                "A published package cannot change; create a new package instead."
            );
        }
        details.click("edit-details").await?;
        assert!(
            !driver
                .find(By::Id("edit-details-dialog"))
                .await?
                .is_displayed()
                .await?
        );
        assert_axe_clean(&session.driver, "a published package's details").await?;

        details.click(&format!("delete-{id}")).await?;
        details.wait_dialog("delete-dialog").await?;
        assert_eq!(details.focused().await?.1, "Cancel");
        details
            .type_into("delete-confirm-name", "loyalty tier segments")
            .await?;
        details.click("confirm-delete").await?;
        let (message, invalid) = details.field_problem("delete-confirm-name").await?;
        assert_eq!(message, "The name you typed is not the package’s name.");
        assert!(invalid);
        assert_eq!(
            request_count(&session, DELETE).await?,
            0,
            "nothing was sent"
        );
        assert_axe_clean(&session.driver, "the typed-name confirmation").await?;
        screenshot(driver, "authoring-delete-published-dialog").await?;
        details
            .type_into("delete-confirm-name", "Loyalty tier segments")
            .await?;
        details.click("confirm-delete").await?;
        wait_for_toast(driver, "Loyalty tier segments deleted").await?;
        assert_eq!(status_of(&session, &id).await?.0, 404);
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_delete_the_api_refuses_shows_its_words_in_the_confirmation() {
    // Slow transfers: the share below is still running when the delete is asked for.
    with_session_stepping(60_000, |session| async move {
        session.open("/packages").await?;
        let id = package_id(&session, "demo-acme-admin", ACME, "Customer profile schema").await?;
        let (status, body) =
            share_through_api(&session, "demo-acme-admin", ACME, &id, GLOBEX).await?;
        assert!(
            status == 200 || status == 201 || status == 202,
            "{status} {body}"
        );
        let details = DetailsPage { session: &session };
        details.open(&id).await?;
        details.click(&format!("delete-{id}")).await?;
        details.wait_dialog("delete-dialog").await?;
        details
            .type_into("delete-confirm-name", "Customer profile schema")
            .await?;
        details.click("confirm-delete").await?;
        let refusal = details.alert_in("#delete-dialog").await?;
        assert!(
            refusal.contains(&format!(
                "Package {id} is being shared; delete it once its transfers have finished"
            )),
            "{refusal}"
        );
        assert_eq!(
            details.value_of("delete-confirm-name").await?,
            "Customer profile schema"
        );
        assert_eq!(status_of(&session, &id).await?.1, "PUBLISHED");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_viewer_is_offered_no_authoring_action() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let artifacts = demo_artifacts(&session, "Win-back journeys").await?;
        let id = create_draft(&session, "Drill viewer", artifacts).await?;
        open_as(&session, "demo-acme-viewer", &format!("/packages/{id}")).await?;
        let details = DetailsPage { session: &session };
        wait_visible(&session.driver, By::Css(".details-grid")).await?;
        details
            .wait_artifact_titles(&["Win-back reminder", "Lapsed customers", "Win-back email"])
            .await?;
        let labels = details.button_labels().await?;
        for action in ["Edit details", "Publish", "Delete", "Remove", "Retry"] {
            assert!(
                !labels.iter().any(|l| l == action),
                "{action} in {labels:?}"
            );
        }
        session.open("/packages?q=Drill").await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        packages.wait_for_names(&["Drill viewer"]).await?;
        let row = packages.row_buttons("Drill viewer").await?;
        assert!(!row.iter().any(|l| l == "Delete"), "{row:?}");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_publish_that_fails_is_followed_to_the_failure_and_links_its_job() {
    with_session(|session| async move {
        let driver = &session.driver;
        driver.set_window_rect(0, 0, WIDE.0, WIDE.1).await?;
        session.open("/packages").await?;
        // An object no sandbox holds: publishing it fails.
        let id = create_draft(
            &session,
            "Drill doomed",
            serde_json::json!([{"id": "drill-nowhere-journey", "type": "JOURNEY", "title": "Nowhere journey"}]),
        )
        .await?;
        let details = DetailsPage { session: &session };
        details.open(&id).await?;
        details.click("publish").await?;
        details.wait_dialog("publish-dialog").await?;
        details.click("confirm-publish").await?;
        wait_visible(driver, By::Id("publishing-note")).await?;
        let alert = details.alert_in("main").await?;
        assert!(alert.starts_with("Publishing failed"), "{alert}");
        // The reason, from the package history.
        let reason = wait_visible(driver, By::Css("#publish-failed .failure-reason"))
            .await?
            .text()
            .await?;
        assert_eq!(
            reason,
            "Reason: 1 artifact was not found in sandbox acme-sandbox: JOURNEY drill-nowhere-journey"
        );
        let url = driver.current_url().await?;
        let job = url
            .query_pairs()
            .find(|(key, _)| key == "publish_job")
            .map(|(_, value)| value.to_string())
            .expect("the job in the URL");
        let link = driver.find(By::Id("publish-job-link")).await?;
        assert_eq!(link.text().await?, "Open the publishing job in Jobs");
        assert_eq!(link.attr("href").await?, Some(format!("/jobs/{job}")));
        assert_eq!(status_of(&session, &id).await?.1, "PUBLISH_FAILED");
        assert_axe_clean(&session.driver, "a publish that just failed").await?;
        screenshot(driver, "authoring-publish-failed-live-1366").await?;

        // A reload still links the job; Retry opens the dialog again.
        driver.refresh().await?;
        let link = wait_visible(driver, By::Id("publish-job-link")).await?;
        assert_eq!(link.attr("href").await?, Some(format!("/jobs/{job}")));
        details.click("retry-publish").await?;
        details.wait_dialog("publish-dialog").await?;
        assert_eq!(details.focused().await?.0, "publish-expiry");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dependency_tree_shows_what_is_missing_and_adds_all_of_it_at_once() {
    with_session(|session| async move {
        let driver = &session.driver;
        driver.set_window_rect(0, 0, WIDE.0, WIDE.1).await?;
        session.open("/packages").await?;
        let journey = sandbox_object(&session, "JOURNEY", "Spring sale journey").await?;
        let id = create_draft(&session, "Drill spring", serde_json::json!([journey])).await?;
        let details = DetailsPage { session: &session };
        details.open(&id).await?;
        let node = |depth: usize, label: &str, mark: &str| TreeNode {
            depth,
            label: label.into(),
            mark: mark.into(),
        };
        let tree = details
            .wait_tree("the journey's dependencies", |tree| !tree.is_empty())
            .await?;
        assert_eq!(
            tree[0],
            node(0, "Spring sale journey (JOURNEY)", "In the package")
        );
        for expected in [
            node(1, "Spring shoppers (PROFILE_SEGMENT)", "Missing"),
            node(2, "Acme customer profile (REGISTRY_SCHEMA)", "Missing"),
            node(3, "XDM Individual Profile (REGISTRY_CLASS)", "Missing"),
            node(
                2,
                "Default time-based merge policy (PROFILE_MERGE)",
                "Missing",
            ),
            node(1, "Spring sale email (MESSAGE)", "Missing"),
        ] {
            assert!(tree.contains(&expected), "{expected:?} in {tree:#?}");
        }
        let mut missing: Vec<&str> = tree
            .iter()
            .filter(|n| n.mark == "Missing")
            .map(|n| n.label.as_str())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let add_all = driver.find(By::Id("add-missing")).await?;
        assert_eq!(
            add_all.text().await?,
            format!("Add all missing dependencies ({})", missing.len())
        );
        assert_axe_clean(&session.driver, "the dependency tree").await?;
        driver
            .execute(
                "document.getElementById('dependencies').scrollIntoView();",
                Vec::new(),
            )
            .await?;
        screenshot(driver, "authoring-dependencies-1366").await?;

        let before = request_count(&session, UPDATE).await?;
        details.double_click("add-missing").await?;
        wait_for_toast(
            driver,
            &format!("{} dependencies added to Drill spring", missing.len()),
        )
        .await?;
        assert_eq!(
            request_count(&session, UPDATE).await? - before,
            1,
            "one request"
        );
        eventually("the artifacts count them", || async {
            Ok(details.artifacts_heading().await? == format!("Artifacts ({})", missing.len() + 1))
        })
        .await?;
        details
            .wait_tree("every dependency in the package", |tree| {
                !tree.is_empty() && tree.iter().all(|n| n.mark == "In the package")
            })
            .await?;
        assert!(driver.find_all(By::Id("add-missing")).await?.is_empty());
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn platforms_refusal_to_list_a_drafts_dependencies_is_a_calm_note() {
    with_session(|session| async move {
        let id = open_draft(&session, "Drill platform draft").await?;
        let message = format!("Package {id} is DRAFT; dependent objects are listed for published packages only");
        arm_fault(
            &session,
            serde_json::json!({"method": "POST", "path": "/data/foundation/exim/packages/{id}/children", "status": 400, "title": message, "times": 5}),
        )
        .await?;
        let details = DetailsPage { session: &session };
        details.open(&id).await?;
        let note = wait_visible(&session.driver, By::Id("dependencies-published-only"))
            .await?
            .text()
            .await?;
        assert_eq!(note, format!("The server lists dependencies for published packages only: {message}"));
        assert!(session.driver.find_all(By::Css("#dependencies [role='alert']")).await?.is_empty());
        details.wait_artifact_titles(&["Win-back reminder", "Lapsed customers", "Win-back email"]).await?;
        assert!(details.button_labels().await?.iter().any(|l| l == "Publish"));
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn while_a_package_is_being_published_nothing_changes_it_and_the_page_says_why() {
    // Publishing stays under way for the whole test.
    with_session_stepping(60_000, |session| async move {
        let driver = &session.driver;
        let id = open_draft(&session, "Drill in progress").await?;
        let (status, body) = crate::support::api_call(
            &session,
            "GET",
            &format!("/exim/packages/{id}/export"),
            "demo-acme-admin",
            ACME,
            None,
        )
        .await?;
        assert_eq!(status, 200, "{body}");
        let details = DetailsPage { session: &session };
        details.open(&id).await?;
        wait_visible(driver, By::Id("publishing-note")).await?;
        let publishing = "The package is being published; it cannot change until publishing ends.";
        for button in ["edit-details", "publish", &format!("delete-{id}")] {
            let (disabled, reason) = details.blocked_reason(button).await?;
            assert!(disabled, "{button}");
            assert_eq!(reason, publishing, "{button}");
        }
        assert!(driver
            .find_all(By::Css("#artifacts-table button"))
            .await?
            .is_empty());
        assert_axe_clean(&session.driver, "a package being published").await?;

        session.open("/packages?q=Drill").await?;
        PackagesPage { driver }
            .wait_for_names(&["Drill in progress"])
            .await?;
        let (disabled, reason) = details.blocked_reason(&format!("delete-{id}")).await?;
        assert!(disabled, "the row's Delete is disabled");
        assert_eq!(reason, publishing);
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn one_missing_dependency_is_added_on_its_own() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let journey = sandbox_object(&session, "JOURNEY", "Spring sale journey").await?;
        let id = create_draft(
            &session,
            "Drill one dependency",
            serde_json::json!([journey]),
        )
        .await?;
        let details = DetailsPage { session: &session };
        details.open(&id).await?;
        details
            .wait_tree("the journey's dependencies", |tree| tree.len() > 1)
            .await?;
        let add = By::XPath("//button[@aria-label='Add: Spring sale email (MESSAGE)']");
        wait_visible(driver, add).await?.click().await?;
        details
            .wait_tree("only the email joined the package", |tree| {
                let mark_of = |label: &str| {
                    tree.iter()
                        .find(|node| node.label == label)
                        .map(|node| node.mark.clone())
                };
                mark_of("Spring sale email (MESSAGE)").as_deref() == Some("In the package")
                    && mark_of("Spring shoppers (PROFILE_SEGMENT)").as_deref() == Some("Missing")
            })
            .await?;
        details
            .wait_artifact_titles(&["Spring sale journey", "Spring sale email"])
            .await
    })
    .await;
}
