//! The app runs under its Content-Security-Policy.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::support::pages::PackagesPage;
use crate::support::{screenshot, with_session, Session};

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
        tokio::time::sleep(Duration::from_millis(300)).await;
        let ran: bool = session
            .driver
            .execute("return window.inlineScriptRan === true;", Vec::new())
            .await?
            .convert()?;
        assert!(!ran, "an injected inline script does not run");
        let violations = csp_violations(&session).await?;
        assert!(
            violations.iter().any(|v| v.starts_with("script-src")),
            "the blocked script is reported: {violations:?}"
        );
        screenshot(&session.driver, "packages-under-csp").await?;
        Ok(())
    })
    .await;
}
