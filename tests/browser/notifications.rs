//! Notifications: at most three, each dismissable, kept while hovered or focused, and room at
//! the end of the page so that nothing stays hidden under them.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::support::language::{block_language_files, select_language};
use crate::support::pages::PackagesPage;
use crate::support::wait::{assert_steady_for, eventually};
use crate::support::{screenshot, wait_visible, with_session};

/// Longer than a notification's six seconds on screen.
const LONGER_THAN_A_TOAST: Duration = Duration::from_secs(7);

async fn toast_count(driver: &WebDriver) -> WebDriverResult<usize> {
    Ok(driver.find_all(By::Css(".toasts .toast")).await?.len())
}

#[tokio::test(flavor = "multi_thread")]
async fn three_notifications_at_most_kept_while_hovered_and_never_in_the_way() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        PackagesPage { driver }
            .wait_for_package("Customer profile schema")
            .await?;
        block_language_files(driver).await?;

        // A failed language switch is a notification that is easy to cause again and again.
        for shown in 1..=4 {
            select_language(driver, "de").await?;
            eventually(&format!("notification {shown}"), || async {
                Ok(toast_count(driver).await? == shown.min(3))
            })
            .await?;
        }

        screenshot(driver, "notifications-three").await?;

        // Nothing stays under them: at the end of the page the last controls are free.
        driver
            .execute("window.scrollTo(0, document.documentElement.scrollHeight);", Vec::new())
            .await?;
        let free: bool = driver
            .execute(
                "return [...document.querySelectorAll('.pagination button, .pagination select')]
                   .every((control) => {
                     const r = control.getBoundingClientRect();
                     const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                     return hit && control.contains(hit);
                   });",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert!(free, "a notification covers the pagination at the end of the page");

        // Each can be dismissed.
        while toast_count(driver).await? > 0 {
            driver
                .find(By::Css(".toasts .toast button"))
                .await?
                .click()
                .await?;
        }

        // One under the pointer stays past its time, and goes once the pointer leaves.
        select_language(driver, "de").await?;
        let toast = wait_visible(driver, By::Css(".toasts .toast")).await?;
        driver
            .action_chain()
            .move_to_element_center(&toast)
            .perform()
            .await?;
        assert_steady_for(
            LONGER_THAN_A_TOAST,
            "the hovered notification stays",
            || toast_count(driver),
        )
        .await?;
        driver
            .action_chain()
            .move_to_element_center(&driver.find(By::Css("main h1")).await?)
            .perform()
            .await?;
        eventually("the notification goes after the pointer left", || async {
            Ok(toast_count(driver).await? == 0)
        })
        .await
    })
    .await;
}
