use thirtyfour::prelude::*;

use crate::support::{accessibility_violations, screenshot, wait_visible, with_browser};

#[tokio::test(flavor = "multi_thread")]
async fn an_incomplete_platform_connection_names_each_missing_field_and_keeps_input() {
    with_browser(|driver, base_url| async move {
        driver.goto(format!("{base_url}/connection")).await?;
        wait_visible(&driver, By::Id("profile-platform"))
            .await?
            .click()
            .await?;
        let api_key = wait_visible(&driver, By::Id("field-apikey")).await?;
        api_key.send_keys("my-client-id").await?;
        let org = wait_visible(&driver, By::Id("field-orgid")).await?;
        org.send_keys("not-an-org").await?;
        driver.find(By::Id("connect-button")).await?.click().await?;

        let org_error = driver
            .find(By::Id("field-orgid-error"))
            .await?
            .text()
            .await?;
        assert!(
            org_error.contains("24 hexadecimal characters"),
            "org ID message: {org_error}"
        );
        let token_error = driver
            .find(By::Id("field-accesstoken-error"))
            .await?
            .text()
            .await?;
        assert!(
            token_error.contains("access token"),
            "token message: {token_error}"
        );
        assert_eq!(org.attr("aria-invalid").await?.as_deref(), Some("true"));
        assert_eq!(
            api_key.prop("value").await?.as_deref(),
            Some("my-client-id"),
            "input is kept"
        );
        assert!(
            driver.current_url().await?.path().ends_with("/connection"),
            "no navigation on error"
        );

        screenshot(&driver, "connection-platform-errors").await?;
        let violations = accessibility_violations(&driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core on Connection: {violations:#?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_token_stays_out_of_local_storage_unless_remembered() {
    with_browser(|driver, base_url| async move {
        driver.goto(format!("{base_url}/connection")).await?;
        screenshot(&driver, "connection").await?;
        wait_visible(&driver, By::Id("profile-demo-globex-admin"))
            .await?
            .click()
            .await?;
        driver.find(By::Id("connect-button")).await?.click().await?;
        let stored = driver
            .execute(
                "return [sessionStorage.getItem('sandbox-share.connection'), \
                 JSON.stringify(Object.assign({}, localStorage))];",
                Vec::new(),
            )
            .await?;
        let (session, local): (Option<String>, String) = stored.convert()?;
        assert!(
            session.unwrap_or_default().contains("demo-globex-admin"),
            "kept for this tab"
        );
        assert!(
            !local.contains("demo-globex-admin"),
            "not in localStorage: {local}"
        );
        Ok(())
    })
    .await;
}
