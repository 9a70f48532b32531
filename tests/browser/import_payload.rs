//! Import: pulling a public package with its copied payload, and every way a payload can be
//! wrong.

use thirtyfour::prelude::*;

use crate::support::orgs::ACME;
use crate::support::pages::PackagesPage;
use crate::support::partners_pages::{open_as, package_id, ImportPage};
use crate::support::sharing_pages::SharingPage;
use crate::support::wait::eventually;
use crate::support::{
    accessibility_violations, arm_fault, screenshot, wait_for_toast, wait_visible, with_session,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_copied_payload_pulls_the_package_into_another_org() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.grant_clipboard().await?;

        // Acme makes a published package public and copies its payload.
        session.open("/packages").await?;
        let packages = PackagesPage { driver };
        packages
            .click_row_button("Loyalty tier segments", "Make public")
            .await?;
        driver
            .find(By::Id("confirm-availability"))
            .await?
            .click()
            .await?;
        wait_for_toast(driver, "Loyalty tier segments is now public").await?;
        packages.choose_availability("Public").await?;
        packages
            .click_row_button("Loyalty tier segments", "Copy payload")
            .await?;
        wait_for_toast(driver, "Payload of Loyalty tier segments copied").await?;

        // Globex pastes it into Import.
        open_as(&session, "demo-globex-admin", "/import").await?;
        let import = ImportPage { driver };
        import.payload_field().await?.click().await?;
        driver
            .action_chain()
            .key_down(Key::Control)
            .send_keys("v")
            .key_up(Key::Control)
            .perform()
            .await?;
        let pasted = import.payload_text().await?;
        let payload: serde_json::Value =
            serde_json::from_str(&pasted).expect("the clipboard holds the payload JSON");
        assert_eq!(payload["imsOrgId"], ACME);
        let package_id = payload["packageId"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        eventually(
            "the pasted payload is read (checked after a pause)",
            || async {
                Ok(driver
                    .find(By::XPath(format!(
                        "//dl[@class='payload-fields']//code[normalize-space(.)='{package_id}']"
                    )))
                    .await
                    .is_ok())
            },
        )
        .await?;
        assert!(import.messages().await?.is_empty());

        session.requests.clear();
        import.submit().await?;
        wait_for_toast(driver, "Pull of Loyalty tier segments requested").await?;
        session
            .requests
            .wait_for(&["/exim/transfer/pullRequest"])
            .await?;
        let link = wait_visible(
            driver,
            By::XPath("//a[normalize-space(.)='Follow it in Sharing status']"),
        )
        .await?;
        let href = link.attr("href").await?.unwrap_or_default();
        let transfer_id = href.trim_start_matches("/sharing/").to_string();
        assert_eq!(transfer_id.len(), 32, "links to the new transfer: {href}");
        assert_eq!(
            import.payload_text().await?,
            "",
            "a finished pull clears the field"
        );
        let preview: Vec<String> = driver
            .execute(
                "return [...document.querySelectorAll('dl.payload-fields dd')].map((dd) => dd.innerText.trim());",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert_eq!(preview, ["—", "—"], "and what was read from it");
        eventually("the pull is listed first", || async {
            Ok(import.pulled_packages().await?.first().map(String::as_str)
                == Some("Loyalty tier segments"))
        })
        .await?;
        let violations = accessibility_violations(driver).await?;
        assert!(violations.is_empty(), "axe-core on Import: {violations:#?}");
        screenshot(driver, "import-pulled").await?;

        // The link opens the pull in Sharing Status, where it completes (Public pull).
        link.click().await?;
        let sharing = SharingPage { driver };
        eventually("Sharing Status shows the pull completed", || async {
            let status = driver
                .find(By::Css("aside.rail dl.metadata .status-light"))
                .await?
                .text()
                .await?;
            Ok(status == "Completed")
        })
        .await?;
        let rail = sharing.rail_text().await?;
        assert!(
            rail.to_lowercase().contains("public"),
            "a public pull: {rail}"
        );
        // The pulling organization received it: the rail leads to the copy and its import.
        assert!(
            rail.contains("Import the received package") && rail.contains("Open the received package"),
            "{rail}"
        );
        screenshot(driver, "import-pull-in-sharing-status").await?;
        driver.back().await?;
        import.payload_field().await?;
        driver.refresh().await?;
        eventually("the list shows it completed", || async {
            let row = driver
                .find(By::Css(format!(
                    "#pulled-table tr[data-transfer-id='{transfer_id}']"
                )))
                .await?;
            Ok(row.text().await?.contains("Completed"))
        })
        .await?;
        driver
            .find(By::Id("pulled-heading"))
            .await?
            .scroll_into_view()
            .await?;
        screenshot(driver, "import-pulled-list").await?;
        session.open("/packages").await?;
        packages.wait_for_package("Loyalty tier segments").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_payloads_each_show_their_message_and_keep_the_text() {
    with_session(|session| async move {
        let driver = &session.driver;
        let import = ImportPage { driver };
        session.open("/connection").await?;
        let private_id =
            package_id(&session, "demo-acme-admin", ACME, "Customer profile schema").await?;

        open_as(&session, "demo-initech-admin", "/packages").await?;
        let create = wait_visible(
            driver,
            By::XPath("//a[normalize-space(.)='Create from payload']"),
        )
        .await?;
        screenshot(driver, "packages-create-from-payload").await?;
        create.click().await?;
        import.payload_field().await?;
        assert_eq!(driver.current_url().await?.path(), "/import");

        // Checked while typing, after a pause, without submitting.
        session.requests.clear();
        import.enter_payload("{").await?;
        import
            .wait_for_messages(&[
                "Not valid JSON at line 1, column 1: the text ends before the JSON is complete.",
            ])
            .await?;
        let cases: [(&str, &[&str]); 4] = [
            ("{", &["Not valid JSON at line 1, column 1: the text ends before the JSON is complete."]),
            ("[]", &["The payload must be a JSON object {\"imsOrgId\": …, \"packageId\": …}, not an array."]),
            (
                "{\"imsOrgId\": 5}",
                &["“imsOrgId” must be a string in quotes, not a number.", "“packageId” is missing."],
            ),
            ("   ", &["Paste the payload of a public package."]),
        ];
        for (text, expected) in cases {
            import.enter_payload(text).await?;
            import.submit().await?;
            import.wait_for_messages(expected).await?;
            assert_eq!(import.payload_text().await?, text, "the text is kept");
            let field = import.payload_field().await?;
            assert_eq!(field.attr("aria-invalid").await?.as_deref(), Some("true"));
        }
        assert!(
            !session
                .requests
                .all()
                .iter()
                .any(|uri| uri.contains("pullRequest")),
            "nothing malformed is sent"
        );
        import.enter_payload("{\"imsOrgId\": 5}").await?;
        import.submit().await?;
        import
            .wait_for_messages(&[
                "“imsOrgId” must be a string in quotes, not a number.",
                "“packageId” is missing.",
            ])
            .await?;
        let violations = accessibility_violations(driver).await?;
        assert!(violations.is_empty(), "axe-core on Import with errors: {violations:#?}");
        screenshot(driver, "import-bad-payload").await?;

        // Well-formed payloads the server refuses: a private package, an unknown one.
        let refusals = [
            (private_id.clone(), "is not PUBLIC; only public packages can be pulled"),
            ("0123456789abcdef0123456789abcdef".to_string(), "is not a package of organization"),
        ];
        for (package_id, said) in refusals {
            let text = format!("{{\n  \"imsOrgId\": \"{ACME}\",\n  \"packageId\": \"{package_id}\"\n}}\n");
            import.enter_payload(&text).await?;
            import.submit().await?;
            eventually(&format!("the server's refusal ({said}) is shown"), || async {
                Ok(import.error_alert().await?.contains(said))
            })
            .await?;
            assert_eq!(import.payload_text().await?, text, "the text is kept");
        }
        screenshot(driver, "import-refused").await?;

        // A failing server: the message, and the text stays for a retry.
        arm_fault(
            &session,
            serde_json::json!({"method": "POST", "path": "/data/foundation/exim/transfer/pullRequest",
                               "times": 1, "status": 503, "title": "Transfer service unavailable"}),
        )
        .await?;
        import.submit().await?;
        eventually("the failure is shown", || async {
            Ok(import.error_alert().await?.contains("Transfer service unavailable"))
        })
        .await?;
        assert!(import.payload_text().await?.contains("0123456789abcdef0123456789abcdef"));
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pulled_list_pages_through_the_api_and_the_url() {
    with_session(|session| async move {
        let driver = &session.driver;
        let import = ImportPage { driver };
        open_as(&session, "demo-initech-admin", "/import").await?;
        eventually("Initech's demo pull is listed", || async {
            Ok(import.pulled_packages().await? == vec!["Spring sale journeys"])
        })
        .await?;
        let row = driver
            .find(By::Css("#pulled-table tbody tr"))
            .await?
            .text()
            .await?;
        assert!(
            row.contains("Acme Retail") && row.contains("Initech"),
            "{row}"
        );
        session.requests.clear();
        session.open("/import?page=2&size=20").await?;
        session
            .requests
            .wait_for(&[
                "/exim/transfer/list?",
                "requestType=PUBLIC",
                "start=20",
                "limit=20",
            ])
            .await?;
        wait_visible(
            driver,
            By::XPath("//h3[normalize-space(.)='No pulled packages yet']"),
        )
        .await?;
        Ok(())
    })
    .await;
}
