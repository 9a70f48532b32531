use thirtyfour::prelude::*;

use crate::support::pages::{ConnectionPage, Header, PackagesPage};
use crate::support::wait::{self, PATIENCE};
use crate::support::{
    accessibility_violations, screenshot, wait_visible, with_browser, with_session,
};

#[tokio::test(flavor = "multi_thread")]
async fn the_packages_tab_lists_the_demo_packages_of_acme() {
    with_browser(|driver, base_url| async move {
        driver.goto(&base_url).await?;
        let packages = PackagesPage { driver: &driver };
        packages.wait_for_package("Broken journey bundle").await?;
        let names = packages.package_names().await?;
        assert!(
            names.len() >= 14,
            "Acme has at least 14 demo packages, saw {names:?}"
        );
        assert_eq!(Header { driver: &driver }.org_name().await?, "Acme Retail");
        assert!(
            driver.current_url().await?.path().ends_with("/packages"),
            "/ redirects to /packages"
        );
        screenshot(&driver, "packages").await?;
        let violations = accessibility_violations(&driver).await?;
        assert!(
            violations.is_empty(),
            "axe-core on Packages: {violations:#?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_the_profile_to_globex_replaces_the_inventory() {
    with_browser(|driver, base_url| async move {
        driver.goto(format!("{base_url}/packages")).await?;
        let packages = PackagesPage { driver: &driver };
        packages.wait_for_package("Broken journey bundle").await?;

        Header { driver: &driver }.open_tab("Connection").await?;
        ConnectionPage { driver: &driver }
            .connect_demo("demo-globex-admin")
            .await?;

        let header = Header { driver: &driver };
        wait::until(
            "the header to show Globex Corp",
            PATIENCE,
            || header.org_name(),
            |org| org == "Globex Corp",
        )
        .await?;
        // Globex holds copies of what Acme shared with it, so compare packages only Acme has.
        let acme_only = [
            "Broken journey bundle",
            "Holiday campaign 2026",
            "Experimental segments",
        ];
        let globex = wait::until(
            "Globex's packages instead of Acme's",
            PATIENCE,
            || packages.package_names(),
            |names| {
                names.iter().any(|name| name == "Globex loyalty schema")
                    && !names.iter().any(|name| acme_only.contains(&name.as_str()))
            },
        )
        .await?;
        assert!(!globex.iter().any(|name| name == "Broken journey bundle"));
        screenshot(&driver, "packages-globex").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_token_the_server_refuses_shows_its_message_and_a_retry() {
    with_browser(|driver, base_url| async move {
        driver.goto(format!("{base_url}/connection")).await?;
        wait_visible(&driver, By::Id("profile-platform"))
            .await?
            .click()
            .await?;
        for (field, value) in [
            ("field-baseurl", "/data/foundation"),
            ("field-apikey", "sandbox-share-local"),
            ("field-orgid", "5C1328435BF324E90A49402A@AdobeOrg"),
            ("field-sandbox", "acme-sandbox"),
            ("field-accesstoken", "not-a-real-token"),
        ] {
            let input = wait_visible(&driver, By::Id(field)).await?;
            input.clear().await?;
            input.send_keys(value).await?;
        }
        driver.find(By::Id("connect-button")).await?.click().await?;

        let alert = PackagesPage { driver: &driver }.error_alert().await?;
        assert!(
            alert.contains("Profile is not valid"),
            "the server's message is shown: {alert}"
        );
        assert!(driver
            .find(By::XPath("//button[normalize-space(.)='Retry']"))
            .await
            .is_ok());
        screenshot(&driver, "packages-error").await?;
        Ok(())
    })
    .await;
}

/// The audit the other tests rely on does check WCAG 2.5.3 (an experimental axe rule, on by
/// our choice): a button whose name hides its visible words is reported.
#[tokio::test(flavor = "multi_thread")]
async fn the_accessibility_audit_reports_a_name_that_hides_its_label() {
    with_session(|session| async move {
        session.open("/packages").await?;
        assert!(accessibility_violations(&session.driver).await?.is_empty());
        session
            .driver
            .execute(
                "const b = document.createElement('button');
                 b.textContent = 'Make public';
                 b.setAttribute('aria-label', 'Publish the package');
                 document.querySelector('main').append(b);",
                Vec::new(),
            )
            .await?;
        let violations = accessibility_violations(&session.driver).await?;
        assert!(
            violations
                .iter()
                .any(|v| v.starts_with("label-content-name-mismatch")),
            "{violations:#?}"
        );
        Ok(())
    })
    .await;
}
