//! Names from the API are text, never markup, and long names stay readable.

use thirtyfour::prelude::*;

use crate::support::orgs::{ACME, GLOBEX, UMBRELLA};
use crate::support::pages::PackagesPage;
use crate::support::partners_pages::{share_through_api, ImportPage, PartnersPage, Table};
use crate::support::sharing_pages::SharingPage;
use crate::support::wait::{eventually, PATIENCE};
use crate::support::{
    answer_partnership_as, api_call, arm_fault, published_package_through_api, request_partnership,
    screenshot, wait_visible, with_session, Session,
};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

#[tokio::test(flavor = "multi_thread")]
async fn hostile_and_very_long_names_render_as_text() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let long_name = format!("Long {}", "x".repeat(251));
        assert_eq!(long_name.chars().count(), 256);
        for name in [HOSTILE, long_name.as_str()] {
            let (status, body) = api_call(
                &session,
                "POST",
                "/exim/packages",
                "demo-acme-admin",
                ACME,
                Some(serde_json::json!({"name": name, "description": HOSTILE, "packageType": "PARTIAL"})),
            )
            .await?;
            assert!(status == 200 || status == 201, "created {name}: {status} {body}");
        }
        session.driver.refresh().await?;
        let packages = PackagesPage { driver: &session.driver };
        packages.wait_for_package(HOSTILE).await?;

        assert_eq!(session.driver.find_all(By::Css("img[src='x']")).await?.len(), 0, "no markup injected");
        let alert_open = session.driver.get_alert_text().await.is_ok();
        assert!(!alert_open, "no script ran");

        let link = packages.row(&long_name).await?.find(By::Css("a.truncate")).await?;
        assert_eq!(link.attr("title").await?.as_deref(), Some(long_name.as_str()), "the full name is available");
        let (client, scroll): (f64, f64) = session
            .driver
            .execute("return [arguments[0].clientWidth, arguments[0].scrollWidth];", vec![link.to_json()?])
            .await?
            .convert()?;
        assert!(client < scroll, "the long name is truncated on screen ({client} < {scroll})");
        screenshot(&session.driver, "packages-hostile-names").await?;
        Ok(())
    })
    .await;
}

/// Markup that would add elements (and run a script, were scripts allowed) if rendered as HTML.
const MARKUP: &str = r#"<img src=x onerror=alert(1)><b class="injected">b</b>"#;

/// Checks that `MARKUP` is on the screen as text and added no element; no dialog opened.
async fn assert_shown_as_text(session: &Session, screen: &str) -> WebDriverResult<()> {
    let (injected, text): (u64, String) = session
        .driver
        .execute(
            "return [document.querySelectorAll('img[src=\"x\"], .injected').length, document.body.innerText];",
            Vec::new(),
        )
        .await?
        .convert()?;
    assert_eq!(injected, 0, "{screen}: markup became elements");
    assert!(
        text.contains(MARKUP),
        "{screen}: the string is shown as text: {text}"
    );
    assert!(
        session.driver.get_alert_text().await.is_err(),
        "{screen}: no script ran"
    );
    Ok(())
}

/// Plants a hostile package name, description, artifact title, share, partner name and decline
/// reason through the API, then visits every screen that shows them.
#[tokio::test(flavor = "multi_thread")]
async fn hostile_strings_from_the_api_render_as_text_on_every_screen() {
    with_session(|session| async move {
        const ACME_ADMIN: &str = "demo-acme-admin";
        session.open("/packages").await?;
        let package = serde_json::json!({"name": MARKUP, "description": MARKUP});
        let id = published_package_through_api(&session, package, Some(MARKUP)).await?;
        let (status, body) = share_through_api(&session, ACME_ADMIN, ACME, &id, GLOBEX).await?;
        assert!(status == 200 || status == 201, "shared: {status} {body}");

        request_partnership(&session, ACME_ADMIN, (ACME, MARKUP), UMBRELLA).await?;
        let answer = ("APPROVAL_PENDING", "REJECTED", MARKUP);
        answer_partnership_as(
            &session,
            "demo-umbrella-admin",
            (UMBRELLA, MARKUP),
            ACME,
            answer,
        )
        .await?;

        session.open("/packages").await?;
        PackagesPage {
            driver: &session.driver,
        }
        .wait_for_package(MARKUP)
        .await?;
        assert_shown_as_text(&session, "Packages").await?;

        session.open(&format!("/packages/{id}")).await?;
        wait_visible(&session.driver, By::XPath("//h1[contains(., 'class=')]")).await?;
        assert_shown_as_text(&session, "Package details").await?;

        session.open("/sharing").await?;
        let sharing = SharingPage {
            driver: &session.driver,
        };
        sharing
            .wait_rows(
                "the share is listed",
                |rows| rows.iter().any(|row| row.0 == MARKUP),
                PATIENCE,
            )
            .await?;
        assert_shown_as_text(&session, "Sharing status").await?;
        sharing.open_row(MARKUP, "Globex").await?;
        assert!(
            sharing.rail_text().await?.contains(MARKUP),
            "the rail names the package"
        );
        assert_shown_as_text(&session, "Sharing status rail").await?;

        session.open("/partners").await?;
        let history = PartnersPage {
            driver: &session.driver,
        }
        .history(Table::Outgoing, "Umbrella")
        .await?;
        assert!(
            history.contains(MARKUP),
            "the reason is in the history: {history}"
        );
        assert_shown_as_text(&session, "Partners history").await?;
        screenshot(&session.driver, "partners-hostile-history").await?;

        // Import: Globex pulls the package once it is public; both sides list the pull.
        let (status, body) = api_call(
            &session,
            "PUT",
            "/exim/packages",
            ACME_ADMIN,
            ACME,
            Some(serde_json::json!({"id": id, "action": "UPDATE", "packageVisibility": "PUBLIC"})),
        )
        .await?;
        assert!(
            status == 200 || status == 201,
            "made public: {status} {body}"
        );
        let (status, payload) = api_call(
            &session,
            "GET",
            &format!("/exim/packages/payload/{id}"),
            ACME_ADMIN,
            ACME,
            None,
        )
        .await?;
        assert_eq!(status, 200, "{payload}");
        let (status, body) = api_call(
            &session,
            "POST",
            "/exim/transfer/pullRequest",
            "demo-globex-admin",
            GLOBEX,
            Some(payload),
        )
        .await?;
        assert!(status == 200 || status == 201, "pulled: {status} {body}");
        session.open("/import").await?;
        let import = ImportPage {
            driver: &session.driver,
        };
        eventually("the pull is listed", || async {
            Ok(import
                .pulled_packages()
                .await?
                .iter()
                .any(|name| name == MARKUP))
        })
        .await?;
        assert_shown_as_text(&session, "Import").await?;

        // An error message from the server is text too.
        arm_fault(
            &session,
            serde_json::json!({"method": "GET", "path": "/data/foundation/exim/transfer/list",
                               "status": 500, "title": MARKUP}),
        )
        .await?;
        session.open("/import").await?;
        wait_visible(&session.driver, By::Css(".pulled-section [role='alert']")).await?;
        assert_shown_as_text(&session, "Import with a server error").await?;
        Ok(())
    })
    .await;
}
