//! The whole authoring journey in the console, as the "done when" tells it: a partial
//! package made from the sandbox's objects with its missing dependencies added, edited,
//! published and watched until Published (and seen in Jobs), shared with a partner, and
//! another draft deleted — axe-clean on each screen and dialog.

use thirtyfour::prelude::*;

use crate::support::authoring_pages::DetailsPage;
use crate::support::jobs_pages::{JobsPage, JOB_PATIENCE};
use crate::support::new_package_pages::NewPackagePage;
use crate::support::pages::PackagesPage;
use crate::support::sharing_pages::{ShareDialog, SharingPage, SHARE_PATIENCE};
use crate::support::wait::eventually;
use crate::support::{assert_axe_clean, screenshot, wait_for_toast, wait_visible, with_session};

#[tokio::test(flavor = "multi_thread")]
async fn a_package_is_authored_published_and_shared_without_leaving_the_console() {
    with_session(|session| async move {
        let driver = &session.driver;
        let new_package = NewPackagePage { driver };
        let details = DetailsPage { session: &session };

        // Create: a partial package from the sandbox's objects.
        session.open("/packages").await?;
        wait_visible(driver, By::Id("new-package"))
            .await?
            .click()
            .await?;
        new_package
            .type_into("package-name", "Spring sale kit")
            .await?;
        new_package
            .search_objects("spring sale j", &["Spring sale journey"])
            .await?;
        new_package.choose_object("Spring sale journey").await?;
        new_package
            .wait_chosen(&["JOURNEY Spring sale journey"])
            .await?;
        assert_axe_clean(&session.driver, "New package").await?;
        new_package.create().await?;
        wait_for_toast(driver, "Draft “Spring sale kit” created.").await?;

        // Its missing dependencies, all added at once.
        let tree = details
            .wait_tree("the journey's dependencies", |tree| tree.len() > 1)
            .await?;
        assert!(tree.iter().any(|node| node.mark == "Missing"), "{tree:#?}");
        assert_axe_clean(&session.driver, "the draft with its dependencies").await?;
        details.click("add-missing").await?;
        details
            .wait_tree("nothing is missing", |tree| {
                tree.len() > 1 && tree.iter().all(|node| node.mark == "In the package")
            })
            .await?;
        let artifacts = details.artifact_titles().await?;
        for title in [
            "Spring sale journey",
            "Spring shoppers",
            "XDM Individual Profile",
        ] {
            assert!(
                artifacts.iter().any(|a| a == title),
                "{title} in {artifacts:?}"
            );
        }
        assert!(driver.find_all(By::Id("add-missing")).await?.is_empty());

        // Edit: a new name and a description.
        details.click("edit-details").await?;
        details.wait_dialog("edit-details-dialog").await?;
        assert_axe_clean(&session.driver, "Edit details").await?;
        details
            .type_into("edit-name", "Spring sale kit 2027")
            .await?;
        details
            .type_into("edit-description", "Journey, audience, email and schema")
            .await?;
        details.click("save-details").await?;
        details.wait_dialog_closed("edit-details-dialog").await?;
        eventually("the page shows the new name", || async {
            Ok(details.heading().await? == "Spring sale kit 2027")
        })
        .await?;

        // Publish, followed live until Published.
        details.click("publish").await?;
        details.wait_dialog("publish-dialog").await?;
        assert_axe_clean(&session.driver, "Publish").await?;
        details.type_into("publish-expiry", "30").await?;
        details.click("confirm-publish").await?;
        wait_visible(driver, By::Id("publishing-note")).await?;
        wait_for_toast(driver, "Spring sale kit 2027 is published").await?;
        eventually("the history tells the whole story", || async {
            let history = driver.find(By::Id("package-history")).await?.text().await?;
            Ok([
                "Published",
                "started publishing",
                "renamed it",
                "added",
                "created it",
            ]
            .iter()
            .all(|part| history.contains(part)))
        })
        .await?;
        assert_axe_clean(&session.driver, "the published package").await?;
        screenshot(driver, "journey-published").await?;

        // Share it with a partner, from its details.
        let share = By::XPath(
            "//main//div[contains(@class,'page-header')]//button[normalize-space(.)='Share']",
        );
        wait_visible(driver, share).await?.click().await?;
        let dialog = ShareDialog { driver };
        dialog.wait_open().await?;
        dialog.pick("Globex").await?;
        assert_axe_clean(&session.driver, "the Share dialog").await?;
        dialog.confirm().await?.click().await?;
        eventually("Sharing status opens", || async {
            Ok(driver.current_url().await?.path() == "/sharing")
        })
        .await?;
        SharingPage { driver }
            .wait_rows(
                "the share of the new package",
                |rows| {
                    rows.iter().any(|(package, target, _)| {
                        package == "Spring sale kit 2027" && target.contains("Globex")
                    })
                },
                SHARE_PATIENCE,
            )
            .await?;

        // Back on its details, the history names the partner.
        driver.back().await?;
        eventually("the history tells of the share", || async {
            let history = driver.find(By::Id("package-history")).await?.text().await?;
            Ok(history.contains("shared it with Globex Corp"))
        })
        .await?;

        // Its publishing is an export job in Jobs.
        wait_visible(driver, By::XPath("//nav//a[normalize-space(.)='Jobs']"))
            .await?
            .click()
            .await?;
        JobsPage { driver }
            .wait_rows(
                "the export job of the new package",
                |rows| {
                    rows.iter().any(|row| {
                        row.name == "Spring sale kit 2027"
                            && row.job_type == "Export"
                            && row.status == "Succeeded"
                    })
                },
                JOB_PATIENCE,
            )
            .await?;

        // Another draft, made and deleted from its Packages row.
        wait_visible(driver, By::XPath("//nav//a[normalize-space(.)='Packages']"))
            .await?
            .click()
            .await?;
        wait_visible(driver, By::Id("new-package"))
            .await?
            .click()
            .await?;
        new_package
            .type_into("package-name", "Scratch draft")
            .await?;
        wait_visible(driver, By::Css("label[for='type-full']"))
            .await?
            .click()
            .await?;
        new_package.create().await?;
        wait_for_toast(driver, "Draft “Scratch draft” created.").await?;
        wait_visible(driver, By::XPath("//p[contains(@class,'breadcrumb')]/a"))
            .await?
            .click()
            .await?;
        let packages = PackagesPage { driver };
        packages.search("Scratch").await?;
        packages.wait_for_names(&["Scratch draft"]).await?;
        packages.click_row_button("Scratch draft", "Delete").await?;
        details.wait_dialog("delete-dialog").await?;
        assert_axe_clean(&session.driver, "the Delete dialog").await?;
        details.click("confirm-delete").await?;
        wait_for_toast(driver, "Scratch draft deleted").await?;
        eventually("the row leaves", || async {
            // The only match gone, the list says it is empty.
            Ok(driver
                .find_all(By::Css("#packages-table tbody tr"))
                .await?
                .is_empty())
        })
        .await?;
        screenshot(driver, "journey-draft-deleted").await
    })
    .await;
}
