//! Retrying a failed share from Sharing status, from its row and from its rail: one new share
//! of the same package to the same partner, and links both ways between the two.

use thirtyfour::prelude::*;

use crate::support::retry_pages::{RetryShare, FAILED_PACKAGE, FAILED_TARGET};
use crate::support::wait::eventually;
use crate::support::{
    accessibility_violations, request_count, screenshot, wait_for_toast, wait_visible, with_session,
};

const TRANSFER_ROUTE: &str = "POST /data/foundation/exim/transfer";

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_share_is_retried_once_from_its_row_and_both_link() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/sharing").await?;
        let retry = RetryShare { driver };
        let button = wait_visible(driver, RetryShare::failed_row_button()).await?;
        let before = request_count(&session, TRANSFER_ROUTE).await?;
        driver.action_chain().double_click_element(&button).perform().await?;
        wait_for_toast(driver, &format!("Sharing {FAILED_PACKAGE} with {FAILED_TARGET} again")).await?;
        let links = retry.wait_table_links().await?;
        assert_eq!(request_count(&session, TRANSFER_ROUTE).await? - before, 1, "a double click sends once");
        assert_eq!(links.len(), 2, "{links:?}");
        let violations = accessibility_violations(driver).await?;
        assert!(violations.is_empty(), "axe-core on Sharing status with a retry: {violations:#?}");
        screenshot(driver, "retry-share-row").await?;

        // "Retried by" leads to the new share, whose rail says what it retries, and back.
        driver
            .find(By::XPath("//table[@id='transfers-table']//small[starts-with(normalize-space(.), 'Retried by')]/a"))
            .await?
            .click()
            .await?;
        let back = retry.rail_link("Retry of").await?;
        let new_path = driver.current_url().await?.path().to_string();
        back.click().await?;
        let forward = retry.rail_link("Retried by").await?;
        assert!(
            driver.find_all(RetryShare::rail_button()).await?.is_empty(),
            "a share retried already is not offered again"
        );
        let failed_path = driver.current_url().await?.path().to_string();
        assert_ne!(failed_path, new_path);
        forward.click().await?;
        eventually("the new share's rail to open again", || async {
            Ok(driver.current_url().await?.path() == new_path)
        })
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_share_is_retried_from_its_rail() {
    with_session(|session| async move {
        let driver = &session.driver;
        RetryShare::open_failed_rail(&session).await?;
        let before = request_count(&session, TRANSFER_ROUTE).await?;
        let button = wait_visible(driver, RetryShare::rail_button()).await?;
        assert_eq!(
            button.attr("aria-label").await?.as_deref(),
            Some("Retry: Broken journey bundle to Globex Corp")
        );
        button.click().await?;
        let retry = RetryShare { driver };
        let forward = retry.rail_link("Retried by").await?;
        assert_eq!(request_count(&session, TRANSFER_ROUTE).await? - before, 1);
        let violations = accessibility_violations(driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core on the rail of a retried share: {violations:#?}"
        );
        screenshot(driver, "retry-share-rail").await?;
        forward.click().await?;
        retry.rail_link("Retry of").await?;
        Ok(())
    })
    .await;
}
