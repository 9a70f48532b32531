//! The app runs under its Content-Security-Policy, keeps the access token out of URLs and
//! (unless remembered) out of localStorage, and forgets it on disconnect.

use thirtyfour::prelude::*;

use crate::support::orgs::{ACME, GLOBEX};
use crate::support::pages::{Header, PackagesPage};
use crate::support::wait::{self, PATIENCE};
use crate::support::{screenshot, wait_visible, with_session, Session};

/// Records every `securitypolicyviolation` of each page the browser loads from now on. Scripts
/// added over DevTools run before the page's own and are not subject to its policy.
async fn record_csp_violations(session: &Session) -> WebDriverResult<()> {
    session
        .driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({"source": r#"
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation', (event) =>
                  window.cspViolations.push(
                    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
            "#}),
        )
        .await?;
    Ok(())
}

async fn csp_violations(session: &Session) -> WebDriverResult<Vec<String>> {
    session
        .driver
        .execute("return window.cspViolations;", Vec::new())
        .await?
        .convert()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_works_under_its_content_security_policy_and_inline_scripts_do_not_run() {
    with_session(|session| async move {
        record_csp_violations(&session).await?;
        session.open("/packages").await?;
        let names = PackagesPage {
            driver: &session.driver,
        }
        .package_names()
        .await?;
        assert!(!names.is_empty(), "packages are listed");

        let policy = session
            .driver
            .find(By::Css("meta[http-equiv='Content-Security-Policy']"))
            .await?
            .attr("content")
            .await?
            .unwrap_or_default();
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "policy: {policy}"
        );
        assert!(
            policy.contains("connect-src 'self' https://platform.adobe.io"),
            "policy: {policy}"
        );
        assert_eq!(
            csp_violations(&session).await?,
            Vec::<String>::new(),
            "the app breaks no rule"
        );

        session
            .driver
            .execute(
                r#"const script = document.createElement('script');
                   script.textContent = 'window.inlineScriptRan = true;';
                   document.body.append(script);"#,
                Vec::new(),
            )
            .await?;
        // Whichever comes first: the script runs, or the browser reports that it blocked it.
        let (ran, violations) = wait::until(
            "the injected script to run or be reported",
            PATIENCE,
            || async {
                let ran: bool = session
                    .driver
                    .execute("return window.inlineScriptRan === true;", Vec::new())
                    .await?
                    .convert()?;
                Ok((ran, csp_violations(&session).await?))
            },
            |(ran, violations)| *ran || violations.iter().any(|v| v.starts_with("script-src")),
        )
        .await?;
        assert!(!ran, "an injected inline script does not run");
        assert!(
            violations.iter().any(|v| v.starts_with("script-src")),
            "the blocked script is reported: {violations:?}"
        );
        screenshot(&session.driver, "packages-under-csp").await?;
        Ok(())
    })
    .await;
}

const STORAGE_KEY: &str = "sandbox-share.connection";

/// Connects to "Adobe Experience Platform" pointed at the local server, as `token` of `org_id`.
async fn connect_to_platform(
    session: &Session,
    org_id: &str,
    sandbox: &str,
    token: &str,
    remember: bool,
) -> WebDriverResult<()> {
    let driver = &session.driver;
    session.open("/connection").await?;
    wait_visible(driver, By::Id("profile-platform"))
        .await?
        .click()
        .await?;
    for (field, value) in [
        ("field-baseurl", "/data/foundation"),
        ("field-apikey", "sandbox-share-local"),
        ("field-orgid", org_id),
        ("field-sandbox", sandbox),
        ("field-accesstoken", token),
    ] {
        let input = driver.find(By::Id(field)).await?;
        input.send_keys(Key::Control + "a").await?;
        input.send_keys(value).await?;
    }
    if remember {
        driver.find(By::Id("remember")).await?.click().await?;
    }
    driver.find(By::Id("connect-button")).await?.click().await?;
    Ok(())
}

/// (localStorage, sessionStorage), each as one JSON text of all its entries.
async fn storages(session: &Session) -> WebDriverResult<(String, String)> {
    session
        .driver
        .execute(
            "return [JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage})];",
            Vec::new(),
        )
        .await?
        .convert()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_token_stays_out_of_urls_and_local_storage_when_not_remembered() {
    with_session(|session| async move {
        const TOKEN: &str = "demo-acme-admin";
        connect_to_platform(&session, ACME, "acme-sandbox", TOKEN, false).await?;
        let names = PackagesPage {
            driver: &session.driver,
        }
        .package_names()
        .await?;
        assert!(!names.is_empty(), "the Platform connection lists packages");
        session.requests.wait_for(&["/exim/packages"]).await?;
        let header = Header {
            driver: &session.driver,
        };
        let mut visited = Vec::new();
        for (tab, path, list) in [
            ("Sharing status", "/sharing", "/exim/transfer/list"),
            ("Partners", "/partners", "/exim/handshake/list"),
            ("Packages", "/packages", "/exim/packages"),
        ] {
            header.open_tab(tab).await?;
            // Each tab has opened and asked for its list: the URLs and requests checked below.
            let url = wait::until(
                &format!("{tab} to open"),
                PATIENCE,
                || session.driver.current_url(),
                |url| url.path() == path,
            )
            .await?;
            session.requests.wait_for(&[list]).await?;
            visited.push(url.to_string());
        }

        let (local, tab_storage) = storages(&session).await?;
        assert!(
            !local.contains(TOKEN),
            "localStorage without remember: {local}"
        );
        assert!(
            tab_storage.contains(STORAGE_KEY) && tab_storage.contains(TOKEN),
            "the connection is kept for this tab: {tab_storage}"
        );
        let fetched: Vec<String> = session
            .driver
            .execute(
                "return performance.getEntriesByType('resource').map((entry) => entry.name);",
                Vec::new(),
            )
            .await?
            .convert()?;
        let received = session.requests.all();
        assert!(
            received
                .iter()
                .any(|uri| uri.contains("/exim/transfer/list")),
            "{received:#?}"
        );
        for url in visited.iter().chain(&fetched).chain(&received) {
            assert!(!url.contains(TOKEN), "the token is in a URL: {url}");
        }
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_remembered_token_is_in_local_storage_until_disconnect() {
    with_session(|session| async move {
        // Not the default demo token, so that "gone" can be checked after returning to it.
        const TOKEN: &str = "demo-globex-admin";
        connect_to_platform(&session, GLOBEX, "globex-stage", TOKEN, true).await?;
        PackagesPage {
            driver: &session.driver,
        }
        .package_names()
        .await?;
        let (local, tab_storage) = storages(&session).await?;
        assert!(local.contains(TOKEN), "remembered: {local}");
        assert!(
            !tab_storage.contains(TOKEN),
            "kept in one place only: {tab_storage}"
        );

        session.open("/connection").await?;
        wait_visible(&session.driver, By::Id("disconnect-button"))
            .await?
            .click()
            .await?;
        wait_visible(
            &session.driver,
            By::XPath("//div[@class='page-header']//strong[normalize-space(.)='Acme Retail']"),
        )
        .await?;
        let (local, tab_storage) = storages(&session).await?;
        assert!(!local.contains(TOKEN), "forgotten by localStorage: {local}");
        assert!(
            !tab_storage.contains(TOKEN),
            "forgotten by sessionStorage: {tab_storage}"
        );
        assert!(
            session
                .driver
                .find_all(By::Id("disconnect-button"))
                .await?
                .is_empty(),
            "a demo profile has nothing to disconnect"
        );
        session
            .driver
            .find(By::Id("profile-platform"))
            .await?
            .click()
            .await?;
        let token_field = session.driver.find(By::Id("field-accesstoken")).await?;
        assert_eq!(
            token_field.prop("value").await?.as_deref(),
            Some(""),
            "the form forgot it too"
        );
        screenshot(&session.driver, "connection-after-disconnect").await?;

        session.driver.refresh().await?;
        wait_visible(&session.driver, By::Id("profile-platform")).await?;
        let (local, tab_storage) = storages(&session).await?;
        assert!(
            !format!("{local}{tab_storage}").contains(TOKEN),
            "still gone after a reload"
        );
        Ok(())
    })
    .await;
}
