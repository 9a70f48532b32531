//! New package: a partial draft from artifacts typed by type and ID and pasted as a list, each
//! checked as it is added; the name checked before and by the API; a full package; a viewer.

use thirtyfour::prelude::*;

use crate::support::new_package_pages::NewPackagePage;
use crate::support::partners_pages::open_as;
use crate::support::wait;
use crate::support::{
    arm_fault, assert_axe_clean, request_count, screenshot, wait_for_toast, wait_visible,
    with_session,
};

const CREATE_ROUTE: &str = "POST /data/foundation/exim/packages";
const HOSTILE_NAME: &str = "<img src=x onerror=alert(1)>";

#[tokio::test(flavor = "multi_thread")]
async fn a_partial_draft_is_made_from_typed_and_pasted_artifacts_checked_as_they_come() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = NewPackagePage { driver };
        session.open("/packages").await?;
        wait_visible(driver, By::Id("new-package")).await?.click().await?;
        wait_visible(driver, By::Id("package-name")).await?;
        assert_axe_clean(&session.driver, "New package").await?;

        // The name: required, bounded; nothing is sent until it is right.
        page.create().await?;
        assert_eq!(page.field_error("package-name-error").await?, "Enter a name for the package.");
        assert_eq!(page.focused_id().await?, "package-name");
        page.set_value("package-name", &"x".repeat(10_000)).await?;
        page.create().await?;
        wait::eventually("the long name is refused", || async {
            Ok(page.field_error("package-name-error").await?
                == "The name has 10,000 characters; at most 256 are allowed.")
        })
        .await?;
        assert_eq!(request_count(&session, CREATE_ROUTE).await?, 0);

        // By type and ID: each artifact checked for type, format and repetition.
        page.open_tab("By type and ID").await?;
        page.add_by_id("", "1a2b", "").await?;
        assert_eq!(page.field_error("entry-type-error").await?, "Choose the artifact’s type.");
        page.add_by_id("JOURNEY", "1a 2b", "").await?;
        assert_eq!(
            page.field_error("entry-id-error").await?,
            "An artifact ID cannot contain a space."
        );
        assert_eq!(page.value("entry-id").await?, "1a 2b", "what was typed stays");
        page.add_by_id("JOURNEY", "5f0c1c2e-0000-4000-8000-00000000aa01", "Spring sale journey").await?;
        page.wait_chosen(&["JOURNEY Spring sale journey"]).await?;
        assert_eq!(page.value("entry-id").await?, "", "the next one can be typed");
        page.add_by_id("JOURNEY", "5f0c1c2e-0000-4000-8000-00000000aa01", "").await?;
        assert_eq!(
            page.field_error("entry-id-error").await?,
            "Artifact 5f0c1c2e-0000-4000-8000-00000000aa01 is already in the list."
        );
        assert_axe_clean(&session.driver, "the by-ID entry with a problem").await?;

        // A pasted list: what reads well is added, the rest stays in the field, by line.
        page.open_tab("Paste a list").await?;
        page.paste(
            "PROFILE_SEGMENT 5f0c1c2e-0000-4000-8000-00000000aa02 Spring shoppers\n\
             SPACESHIP 77 Apollo\n\
             JOURNEY,5f0c1c2e-0000-4000-8000-00000000aa01,again",
        )
        .await?;
        assert_eq!(
            page.paste_problems().await?,
            vec![
                "Line 1: “SPACESHIP” is not an artifact type.",
                "Line 2: Artifact 5f0c1c2e-0000-4000-8000-00000000aa01 is already in the list.",
            ]
        );
        assert_eq!(
            page.value("paste-text").await?,
            "SPACESHIP 77 Apollo\nJOURNEY,5f0c1c2e-0000-4000-8000-00000000aa01,again"
        );
        page.wait_chosen(&["JOURNEY Spring sale journey", "PROFILE_SEGMENT Spring shoppers"])
            .await?;
        assert_axe_clean(&session.driver, "a pasted list with problems").await?;
        screenshot(driver, "new-package-paste-problems").await?;

        // A name in use: the API's refusal next to the name, everything else kept.
        page.type_into("package-name", "Loyalty tier segments").await?;
        page.type_into("package-description", "Spring campaign objects").await?;
        page.create().await?;
        wait::eventually("the name in use is refused next to the name", || async {
            Ok(page.field_error("package-name-error").await?.contains("already exists"))
        })
        .await?;
        page.wait_chosen(&["JOURNEY Spring sale journey", "PROFILE_SEGMENT Spring shoppers"])
            .await?;
        assert_eq!(page.value("package-description").await?, "Spring campaign objects");

        // Markup in a name is text; a double click creates one package.
        page.type_into("package-name", HOSTILE_NAME).await?;
        let before = request_count(&session, CREATE_ROUTE).await?;
        driver
            .execute(
                "const button = document.getElementById('create-package'); button.click(); button.click();",
                Vec::new(),
            )
            .await?;
        wait_for_toast(driver, "created").await?;
        wait::eventually("the draft's details open", || async {
            Ok(driver.current_url().await?.path().starts_with("/packages/")
                && driver.find_all(By::Id("artifacts-table")).await?.len() == 1)
        })
        .await?;
        assert_eq!(request_count(&session, CREATE_ROUTE).await?, before + 1);
        assert_eq!(driver.find(By::Css("h1")).await?.text().await?, HOSTILE_NAME);
        assert!(driver.find_all(By::Css("h1 img")).await?.is_empty());
        let rows = driver.find_all(By::Css("#artifacts-table tbody tr")).await?;
        assert_eq!(rows.len(), 2);
        screenshot(driver, "new-package-created").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_package_lists_no_artifacts_and_a_viewer_is_offered_none() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = NewPackagePage { driver };
        session.open("/packages/new").await?;
        page.type_into("package-name", "Whole sandbox snapshot")
            .await?;
        wait_visible(driver, By::Css("label[for='type-full']"))
            .await?
            .click()
            .await?;
        let note = wait_visible(driver, By::Id("full-package-note"))
            .await?
            .text()
            .await?;
        assert!(
            note.starts_with("A full package copies every object"),
            "{note}"
        );
        assert!(driver.find_all(By::Id("picker-panel")).await?.is_empty());
        assert_axe_clean(&session.driver, "New package, full").await?;
        screenshot(driver, "new-package-full").await?;
        page.create().await?;
        wait_for_toast(driver, "Whole sandbox snapshot").await?;
        wait::eventually("the full draft's details open", || async {
            Ok(driver
                .find_all(By::XPath("//dd[normalize-space(.)='FULL']"))
                .await?
                .len()
                == 1)
        })
        .await?;

        open_as(&session, "demo-acme-viewer", "/packages").await?;
        wait_visible(driver, By::Css("#packages-table tbody tr")).await?;
        assert!(driver.find_all(By::Id("new-package")).await?.is_empty());
        session.open("/packages/new").await?;
        let blocked = wait_visible(driver, By::Id("authoring-blocked"))
            .await?
            .text()
            .await?;
        assert_eq!(
            blocked,
            "Authoring packages needs the permission to manage packages."
        );
        assert!(driver.find_all(By::Id("package-name")).await?.is_empty());
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn artifacts_are_found_among_the_sandbox_objects_and_the_history_tells_what_happened() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = NewPackagePage { driver };
        session.open("/packages/new").await?;
        page.type_into("package-name", "Spring sale kit").await?;
        page.search_objects(
            "spring sale",
            &[
                "Spring sale journey",
                "Spring sale reminder",
                "Spring sale welcome",
                "Spring sale email",
                "Spring sale prospects",
            ],
        )
        .await?;
        let type_filter = wait_visible(driver, By::Id("objects-type")).await?;
        thirtyfour::components::SelectElement::new(&type_filter)
            .await?
            .select_by_value("JOURNEY")
            .await?;
        wait::eventually("only the journeys are left", || async {
            Ok(page.object_titles().await?
                == [
                    "Spring sale journey",
                    "Spring sale reminder",
                    "Spring sale welcome",
                ])
        })
        .await?;
        page.choose_object("Spring sale journey").await?;
        page.wait_chosen(&["JOURNEY Spring sale journey"]).await?;
        assert_axe_clean(&session.driver, "the sandbox's objects").await?;
        screenshot(driver, "new-package-objects").await?;
        page.create().await?;
        wait_for_toast(driver, "Spring sale kit").await?;

        // The draft's history, and the same picker in Add artifacts: held objects are marked.
        wait::eventually("the history says the draft was created", || async {
            let newest = driver
                .find(By::Css("#package-history li"))
                .await?
                .text()
                .await?;
            Ok(newest.contains("created it with 1 artifact"))
        })
        .await?;
        wait_visible(driver, By::Id("add-artifacts"))
            .await?
            .click()
            .await?;
        page.search_objects("spring sh", &["Spring shoppers"])
            .await?;
        page.choose_object("Spring shoppers").await?;
        page.wait_chosen(&["PROFILE_SEGMENT Spring shoppers"])
            .await?;
        page.search_objects("spring sale j", &["Spring sale journey"])
            .await?;
        let held = driver
            .find(By::XPath(
                "//td[label[normalize-space(.)='Spring sale journey']]/input[@type='checkbox']",
            ))
            .await?;
        assert!(
            held.is_selected().await? && !held.is_enabled().await?,
            "a held object cannot be chosen again"
        );
        assert_axe_clean(&session.driver, "the Add artifacts dialog").await?;
        screenshot(driver, "add-artifacts-dialog").await?;
        wait_visible(driver, By::Id("add-artifacts-submit"))
            .await?
            .click()
            .await?;
        wait::eventually("the draft holds both and the history says so", || async {
            let rows = driver
                .find_all(By::Css("#artifacts-table tbody tr"))
                .await?
                .len();
            let newest = driver
                .find(By::Css("#package-history li"))
                .await?
                .text()
                .await?;
            Ok(rows == 2 && newest.contains("added Spring shoppers"))
        })
        .await?;
        screenshot(driver, "draft-history").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_list_of_objects_the_picker_points_to_the_other_ways() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        arm_fault(
            &session,
            serde_json::json!({
                "method": "GET", "path": "/data/foundation/exim/sandbox-objects", "times": 1,
                "status": 404, "title": "Not Found"
            }),
        )
        .await?;
        session.open("/packages/new").await?;
        let note = wait_visible(driver, By::Id("objects-unavailable"))
            .await?
            .text()
            .await?;
        assert!(
            note.contains("Add artifacts by type and ID, or paste a list"),
            "{note}"
        );
        assert_axe_clean(&session.driver, "the picker without objects").await
    })
    .await;
}
