//! The partner page (`/partners/<org>`): one organization, the partnership both ways, the
//! shares between us, and the actions on it; the links to it from every place that names a
//! partner; and the Partners tab's count of requests waiting for an answer.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::support::export_pages::{all_transfers, catch_downloads, wait_for_download};
use crate::support::language::choose_language;
use crate::support::orgs::{ACME, GLOBEX, INITECH, UMBRELLA};
use crate::support::pages::PackagesPage;
use crate::support::partner_page::{partners_tab, wait_for_pending, PartnerPage, Shares};
use crate::support::partners_pages::{open_as, package_id, share_through_api, PartnersPage, Table};
use crate::support::sharing_pages::{ShareDialog, SharingPage};
use crate::support::wait::{self, assert_steady_for, eventually, PATIENCE};
use crate::support::{
    answer_partnership_as, arm_fault, assert_axe_clean, request_count, request_partnership,
    screenshot, wait_visible, with_session, Session,
};

const HANDSHAKE_LIST: &str = "/data/foundation/exim/handshake/list";
const TRANSFER_LIST: &str = "/data/foundation/exim/transfer/list";

/// Screenshots of the page at a desktop, a tablet and a phone width, each axe-clean and no
/// wider than the window.
async fn check_widths(driver: &WebDriver, name: &str) -> WebDriverResult<()> {
    for (width, height) in [(1366, 900), (768, 1024), (390, 844)] {
        driver.set_window_rect(0, 0, width, height).await?;
        let (page, window): (u32, u32) = driver
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth];",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert!(
            page <= window,
            "{name}: {page} px wide in a {window} px window"
        );
        assert_axe_clean(driver, &format!("{name} at {width} px")).await?;
        screenshot(driver, &format!("partner-{name}-{width}")).await?;
        // The lists lie below the first screen.
        driver
            .find(By::Id("shares-to"))
            .await?
            .scroll_into_view()
            .await?;
        screenshot(driver, &format!("partner-{name}-lists-{width}")).await?;
    }
    driver.set_window_rect(0, 0, 1366, 900).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn acme_sees_what_it_shared_to_globex_with_counts_and_the_last_failure() {
    with_session(|session| async move {
        let page = PartnerPage::open_shown(&session, GLOBEX, "Globex Corp").await?;
        let facts = page.facts().await?;
        assert!(facts.contains(GLOBEX), "{facts}");
        page.wait_for_status("Approved").await?;
        assert_eq!(page.counts().await?, ("2".to_string(), "1".to_string()));
        let failure = page.last_failure().await?;
        assert!(failure.contains("Broken journey bundle"), "{failure}");
        assert!(
            failure.contains("Could not fetch the blob files"),
            "{failure}"
        );
        assert_eq!(
            page.shares(Shares::To).await?,
            [
                "Customer profile schema",
                "Broken journey bundle",
                "Loyalty tier segments"
            ]
        );
        assert_eq!(page.shares(Shares::From).await?, Vec::<String>::new());
        let history = page.requests().await?;
        assert!(history.contains("Your request to Globex Corp"), "{history}");
        assert!(
            history.contains("Approved for the joint loyalty programme"),
            "{history}"
        );
        let share = page.share_link().await?.expect("Share is offered");
        assert_eq!(share.text().await?, "Share a package with Globex Corp");
        check_widths(&session.driver, "acme-globex").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn globex_sees_what_it_received_from_acme() {
    with_session(|session| async move {
        open_as(&session, "demo-globex-admin", &format!("/partners/{ACME}")).await?;
        let page = PartnerPage {
            driver: &session.driver,
        };
        page.wait_for_partner("Acme Retail").await?;
        page.wait_for_status("Approved").await?;
        assert_eq!(
            page.shares(Shares::From).await?,
            [
                "Customer profile schema",
                "Broken journey bundle",
                "Loyalty tier segments"
            ]
        );
        assert_eq!(page.shares(Shares::To).await?, Vec::<String>::new());
        assert_eq!(page.counts().await?, ("0".to_string(), "0".to_string()));
        let history = page.requests().await?;
        assert!(history.contains("Request from Acme Retail"), "{history}");
        // Globex never asked Acme: it receives from Acme but cannot share to it.
        assert!(page.share_link().await?.is_none());
        let reason = wait_visible(&session.driver, By::Id("share-unavailable")).await?;
        assert!(reason
            .text()
            .await?
            .contains("sharing needs a partnership request"));
        screenshot(&session.driver, "partner-globex-acme").await
    })
    .await;
}

/// Clicks the first link named `name` inside `scope` and waits for the partner page of
/// `partner`.
async fn follow(session: &Session, scope: &str, name: &str, partner: &str) -> WebDriverResult<()> {
    let link = wait_visible(
        &session.driver,
        By::XPath(format!("{scope}//a[normalize-space(.)='{name}']")),
    )
    .await?;
    link.click().await?;
    PartnerPage {
        driver: &session.driver,
    }
    .wait_for_partner(partner)
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_partner_name_leads_to_its_page() {
    with_session(|session| async move {
        session.open("/partners").await?;
        let partners = PartnersPage {
            driver: &session.driver,
        };
        partners.row(Table::Outgoing, "Globex Corp").await?;
        follow(
            &session,
            "//table[@id='outgoing-table']",
            "Globex Corp",
            "Globex Corp",
        )
        .await?;
        assert_eq!(
            session.driver.current_url().await?.path(),
            format!("/partners/{GLOBEX}")
        );

        session.open("/partners").await?;
        partners.row(Table::Incoming, "Umbrella Group").await?;
        follow(
            &session,
            "//table[@id='incoming-table']",
            "Umbrella Group",
            "Umbrella Group",
        )
        .await?;

        session.open("/sharing").await?;
        let sharing = SharingPage {
            driver: &session.driver,
        };
        sharing
            .wait_rows("the shares", |rows| !rows.is_empty(), PATIENCE)
            .await?;
        follow(&session, "//table", "Initech", "Initech").await?;

        session.open("/sharing").await?;
        sharing.open_row("Broken journey bundle", "Globex").await?;
        follow(
            &session,
            "//aside",
            &format!("Globex Corp ({GLOBEX})"),
            "Globex Corp",
        )
        .await?;

        // The Share picker's chips name partners too; the picker keeps its keys.
        session.open("/packages").await?;
        PackagesPage {
            driver: &session.driver,
        }
        .click_row_button("Customer profile schema", "Share")
        .await?;
        let dialog = ShareDialog {
            driver: &session.driver,
        };
        dialog.wait_open().await?;
        dialog.pick("Glo").await?;
        dialog.wait_until_chosen(1).await?;
        follow(
            &session,
            "//dialog[@id='share-dialog']",
            "Globex Corp",
            "Globex Corp",
        )
        .await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_list_pages_with_its_page_in_the_url_through_a_reload() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let id = package_id(&session, "demo-acme-admin", ACME, "Customer profile schema").await?;
        // Twelve shares to Globex: two pages of ten.
        for _ in 0..9 {
            let (status, body) =
                share_through_api(&session, "demo-acme-admin", ACME, &id, GLOBEX).await?;
            assert!(status == 200 || status == 201, "shared: {status} {body}");
        }
        PartnerPage::open(&session, GLOBEX).await?;
        let page = PartnerPage { driver: &session.driver };
        assert_eq!(page.shares(Shares::To).await?.len(), 10);
        wait_visible(
            &session.driver,
            By::XPath("//section[@id='shares-to']//nav[contains(@class,'pagination')]//button[normalize-space(.)='Next']"),
        )
        .await?
        .click()
        .await?;
        eventually("page 2 of the shares to Globex is in the URL", || async {
            Ok(session.driver.current_url().await?.query() == Some("to_page=2"))
        })
        .await?;
        wait::until("two shares on page 2", PATIENCE, || page.shares(Shares::To), |rows| rows.len() == 2)
            .await?;
        session.driver.refresh().await?;
        wait::until("page 2 after a reload", PATIENCE, || page.shares(Shares::To), |rows| rows.len() == 2)
            .await?;
        assert_eq!(session.driver.current_url().await?.query(), Some("to_page=2"));
        // The other list keeps its own page.
        assert_eq!(page.shares(Shares::From).await?, Vec::<String>::new());
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn share_from_the_partner_page_starts_with_the_partner_selected() {
    with_session(|session| async move {
        let page = PartnerPage::open_shown(&session, GLOBEX, "Globex Corp").await?;
        page.share_link()
            .await?
            .expect("Share is offered")
            .click()
            .await?;
        let note = wait_visible(&session.driver, By::Id("share-to-note")).await?;
        eventually("the note names Globex", || async {
            Ok(note
                .text()
                .await?
                .contains("Choose a package to share with Globex Corp"))
        })
        .await?;
        let packages = PackagesPage {
            driver: &session.driver,
        };
        // Finding the package changes the view; the partner stays chosen.
        packages.search("Customer").await?;
        packages
            .wait_for_names(&["Customer profile schema"])
            .await?;
        packages
            .click_row_button("Customer profile schema", "Share")
            .await?;
        let dialog = ShareDialog {
            driver: &session.driver,
        };
        dialog.wait_open().await?;
        wait::until(
            "Globex chosen",
            PATIENCE,
            || dialog.tags(),
            |tags| tags == &["Globex Corp"],
        )
        .await?;
        assert_axe_clean(&session.driver, "share dialog with a chosen partner").await?;
        screenshot(&session.driver, "partner-share-preselected").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn accepting_on_the_page_updates_it_and_the_pending_count() {
    with_session(|session| async move {
        let page = PartnerPage::open_shown(&session, UMBRELLA, "Umbrella Group").await?;
        page.wait_for_status("Approval pending").await?;
        wait_for_pending(&session.driver, Some(1)).await?;
        let (text, label, _) = partners_tab(&session.driver).await?;
        assert_eq!(text, "Partners");
        assert_eq!(label.as_deref(), Some("Partners, 1 pending request"));
        // Umbrella asked; Acme has not asked Umbrella: nothing to share to yet.
        assert!(page.share_link().await?.is_none());
        page.request_button("incoming", "Accept").await?;
        page.wait_for_status("Approved").await?;
        wait_for_pending(&session.driver, None).await?;
        let history = page.requests().await?;
        assert!(history.contains("Approved"), "{history}");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn declining_on_the_page_keeps_the_reason_in_the_history() {
    with_session(|session| async move {
        open_as(&session, "demo-initech-admin", &format!("/partners/{ACME}")).await?;
        let page = PartnerPage {
            driver: &session.driver,
        };
        page.wait_for_partner("Acme Retail").await?;
        wait_for_pending(&session.driver, Some(1)).await?;
        page.request_button("incoming", "Decline").await?;
        let reason = wait_visible(&session.driver, By::Id("decline-reason")).await?;
        reason.send_keys("Not this quarter").await?;
        session
            .driver
            .find(By::Id("confirm-decline"))
            .await?
            .click()
            .await?;
        page.wait_for_status("Rejected").await?;
        wait_for_pending(&session.driver, None).await?;
        let history = page.requests().await?;
        assert!(history.contains("Not this quarter"), "{history}");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cancelled_partner_keeps_its_history_and_offers_no_share() {
    with_session(|session| async move {
        let page = PartnerPage::open_shown(&session, GLOBEX, "Globex Corp").await?;
        page.request_button("outgoing", "Cancel partnership")
            .await?;
        wait_visible(&session.driver, By::Id("confirm-cancel-partnership"))
            .await?
            .click()
            .await?;
        page.wait_for_status("Cancelled").await?;
        assert!(page.share_link().await?.is_none());
        let reason = wait_visible(&session.driver, By::Id("share-unavailable")).await?;
        assert!(reason
            .text()
            .await?
            .contains("You can't share packages with Globex Corp"));
        // After a reload too: the history and the shares stay.
        session.driver.refresh().await?;
        page.wait_for_status("Cancelled").await?;
        let history = page.requests().await?;
        assert!(
            history.contains("Approved for the joint loyalty programme"),
            "{history}"
        );
        assert_eq!(page.shares(Shares::To).await?.len(), 3);
        assert!(page.share_link().await?.is_none());
        assert_axe_clean(&session.driver, "a cancelled partner").await?;
        screenshot(&session.driver, "partner-cancelled").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_and_unknown_org_ids_say_so() {
    with_session(|session| async move {
        let page = PartnerPage {
            driver: &session.driver,
        };
        session.open("/partners/not-an-org").await?;
        assert_eq!(page.heading().await?, "This is not an organization ID");
        let text = session.driver.find(By::Css("main")).await?.text().await?;
        assert!(text.contains("“not-an-org”"), "{text}");
        assert!(text.contains("@AdobeOrg"), "says what is wrong: {text}");
        assert_axe_clean(&session.driver, "a malformed org ID").await?;
        screenshot(&session.driver, "partner-malformed").await?;

        // An org of the directory that Acme never partnered with (Initech asked nothing of
        // Globex, say): seen as Initech, Globex is unknown.
        open_as(
            &session,
            "demo-initech-admin",
            &format!("/partners/{GLOBEX}"),
        )
        .await?;
        eventually("the unknown-org page", || async {
            Ok(page.heading().await? == "No partnership with this organization")
        })
        .await?;
        let link = session
            .driver
            .find(By::XPath("//main//a[normalize-space(.)='Go to Partners']"))
            .await?;
        assert_axe_clean(&session.driver, "an unknown org").await?;
        screenshot(&session.driver, "partner-unknown").await?;
        link.click().await?;
        eventually("Partners opens", || async {
            Ok(session.driver.current_url().await?.path() == "/partners")
        })
        .await
    })
    .await;
}

/// Markup that would add elements (and run a script) if rendered as HTML.
const MARKUP: &str = r#"<img src=x onerror=alert(1)><b class="injected">b</b>"#;

#[tokio::test(flavor = "multi_thread")]
async fn hostile_names_and_reasons_render_as_text() {
    with_session(|session| async move {
        session.open("/partners").await?;
        request_partnership(&session, "demo-acme-admin", (ACME, MARKUP), UMBRELLA).await?;
        let answer = ("APPROVAL_PENDING", "REJECTED", MARKUP);
        answer_partnership_as(&session, "demo-umbrella-admin", (UMBRELLA, MARKUP), ACME, answer).await?;

        // Umbrella sees Acme's request with its own hostile reason (exim-server names orgs from
        // its directory, whatever name a request claims).
        open_as(&session, "demo-umbrella-admin", &format!("/partners/{ACME}")).await?;
        let page = PartnerPage { driver: &session.driver };
        page.wait_for_partner("Acme Retail").await?;
        page.requests().await?;
        let (injected, text): (u64, String) = session
            .driver
            .execute(
                "return [document.querySelectorAll('img[src=\"x\"], .injected').length, document.body.innerText];",
                Vec::new(),
            )
            .await?
            .convert()?;
        assert_eq!(injected, 0, "markup became elements");
        assert!(text.contains(&format!("Reason: “{MARKUP}”")), "{text}");
        assert!(session.driver.get_alert_text().await.is_err(), "no script ran");
        screenshot(&session.driver, "partner-hostile").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pending_count_follows_navigation_and_visibility_and_is_never_polled() {
    with_session(|session| async move {
        session.open("/packages").await?;
        wait_for_pending(&session.driver, Some(1)).await?;
        // Initech asks Acme: a second request waits.
        request_partnership(&session, "demo-initech-admin", (INITECH, "Initech"), ACME).await?;
        // Left alone, the app asks nothing.
        let route = format!("GET {HANDSHAKE_LIST}");
        assert_steady_for(
            Duration::from_secs(6),
            "no handshake list is read while nothing happens",
            || request_count(&session, &route),
        )
        .await?;
        let (_, _, shown) = partners_tab(&session.driver).await?;
        assert_eq!(
            shown.as_deref(),
            Some("1"),
            "not polled: still the count read at start"
        );
        // The tab shown again reads it.
        session
            .driver
            .execute(
                "document.dispatchEvent(new Event('visibilitychange'));",
                Vec::new(),
            )
            .await?;
        wait_for_pending(&session.driver, Some(2)).await?;
        let (_, label, _) = partners_tab(&session.driver).await?;
        assert_eq!(label.as_deref(), Some("Partners, 2 pending requests"));
        screenshot(&session.driver, "partner-pending-count").await?;

        // A move to another screen reads it too.
        request_partnership(&session, "demo-globex-admin", (GLOBEX, "Globex Corp"), ACME).await?;
        session
            .driver
            .find(By::XPath(
                "//nav[contains(@class,'tabs')]//a[normalize-space(.)='Jobs']",
            ))
            .await?
            .click()
            .await?;
        wait_for_pending(&session.driver, Some(3)).await?;

        // Answered on Partners: the count drops.
        session
            .driver
            .find(By::XPath(
                "//nav[contains(@class,'tabs')]//a[normalize-space(.)='Partners']",
            ))
            .await?
            .click()
            .await?;
        PartnersPage {
            driver: &session.driver,
        }
        .row_button(Table::Incoming, "Initech", "Accept")
        .await?
        .click()
        .await?;
        wait_for_pending(&session.driver, Some(2)).await
    })
    .await;
}

/// Moves to another screen with the main navigation (which reads the pending count again).
async fn click_tab(driver: &WebDriver, tab: &str) -> WebDriverResult<()> {
    driver
        .find(By::XPath(format!(
            "//nav[contains(@class,'tabs')]//a[normalize-space(.)='{tab}']"
        )))
        .await?
        .click()
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_read_of_the_pending_count_keeps_the_last_count() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        wait_for_pending(driver, Some(1)).await?;
        let route = format!("GET {HANDSHAKE_LIST}");
        let faults = [
            serde_json::json!({"status": 500, "title": "Drill: the service fell over"}),
            serde_json::json!({"status": 429, "retryAfter": 1}),
            serde_json::json!({"status": 401}),
            serde_json::json!({"status": 403, "title": "Drill: not for you"}),
            serde_json::json!({"drop": true}),
        ];
        for (index, fault) in faults.into_iter().enumerate() {
            // Only the count asks for one request at a time.
            let mut spec = serde_json::json!({
                "method": "GET", "path": HANDSHAKE_LIST, "query": "limit=1", "times": 1,
            });
            for (key, value) in fault.as_object().expect("a fault object") {
                spec[key] = value.clone();
            }
            arm_fault(&session, spec).await?;
            let before = request_count(&session, &route).await?;
            click_tab(driver, if index % 2 == 0 { "Jobs" } else { "Packages" }).await?;
            eventually(&format!("the count read again under {fault}"), || async {
                Ok(request_count(&session, &route).await? > before)
            })
            .await?;
            let kept = assert_steady_for(
                Duration::from_secs(1),
                &format!("the badge after {fault}"),
                || async { Ok::<_, WebDriverError>(partners_tab(driver).await?.2) },
            )
            .await?;
            assert_eq!(
                kept.as_deref(),
                Some("1"),
                "the last count stays after {fault}"
            );
        }
        // 5 s of latency: the last count shows until the new one arrives.
        request_partnership(&session, "demo-initech-admin", (INITECH, "Initech"), ACME).await?;
        let slow = serde_json::json!({
            "method": "GET", "path": HANDSHAKE_LIST, "query": "limit=1", "delayMs": 5000,
        });
        arm_fault(&session, slow).await?;
        click_tab(driver, "Import").await?;
        assert_steady_for(
            Duration::from_secs(3),
            "the badge while the read is slow",
            || async { Ok::<_, WebDriverError>(partners_tab(driver).await?.2) },
        )
        .await?;
        wait_for_pending(driver, Some(2)).await
    })
    .await;
}

/// The fault drills of `/_local/faults` for a read of the page: the alert says what happened
/// and the page comes back (by itself, or with Retry for a refusal); 5 s of latency shows the
/// loading state first.
async fn drill(session: &Session, path: &str, times: u32, scope: &str) -> WebDriverResult<()> {
    let faults = [
        (
            serde_json::json!({"status": 500, "title": "Drill: the service fell over"}),
            "Drill: the service fell over",
            false,
        ),
        (
            serde_json::json!({"status": 429, "retryAfter": 2, "title": "Drill: slow down"}),
            "Platform asked to wait 2 s",
            false,
        ),
        (
            serde_json::json!({"status": 401}),
            "Open Connection and sign in again",
            true,
        ),
        (
            serde_json::json!({"status": 403, "title": "Drill: not for you"}),
            "Drill: not for you",
            true,
        ),
        (
            serde_json::json!({"drop": true}),
            "Check your network and the base URL",
            false,
        ),
    ];
    session.open("/connection").await?;
    for (fault, message, needs_retry) in faults {
        let mut spec = serde_json::json!({"method": "GET", "path": path, "times": times});
        for (key, value) in fault.as_object().expect("an object") {
            spec[key] = value.clone();
        }
        arm_fault(session, spec).await?;
        PartnerPage::open(session, GLOBEX).await?;
        wait::until_some(
            &format!("an alert in {scope} saying {message:?}"),
            PATIENCE,
            || async {
                let alerts = session
                    .driver
                    .find_all(By::Css(format!("{scope} [role='alert']")))
                    .await?;
                for alert in alerts {
                    let text = alert.text().await.unwrap_or_default();
                    if text.contains(message) {
                        return Ok(Some(text));
                    }
                }
                Ok(None)
            },
        )
        .await?;
        if needs_retry {
            session
                .driver
                .execute(
                    "document.querySelectorAll(\"[role='alert'] button\").forEach((b) => {
                       if (b.innerText.trim() === 'Retry') b.click();
                     });",
                    Vec::new(),
                )
                .await?;
        }
        eventually(&format!("the page back after {message:?}"), || async {
            let alerts = session
                .driver
                .find_all(By::Css(format!("{scope} [role='alert']")))
                .await?;
            let loaded = !session
                .driver
                .find_all(By::Css("#shares-to tbody tr"))
                .await?
                .is_empty();
            Ok(alerts.is_empty() && loaded)
        })
        .await?;
    }
    let spec = serde_json::json!({"method": "GET", "path": path, "times": times, "delayMs": 5000});
    arm_fault(session, spec).await?;
    PartnerPage::open(session, GLOBEX).await?;
    wait_visible(&session.driver, By::Css("main .loading")).await?;
    wait_visible(&session.driver, By::Css("#shares-to tbody tr")).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_partnership_read_under_every_fault() {
    // The app's start reads the pending count; the page reads one direction, then the other
    // (not read once the first failed).
    with_session(|session| async move { drill(&session, HANDSHAKE_LIST, 2, "main").await }).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_share_reads_under_every_fault() {
    // Two counts and two lists.
    with_session(|session| async move { drill(&session, TRANSFER_LIST, 4, "main").await }).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_partner_page_in_german() {
    with_session(|session| async move {
        let page = PartnerPage::open_shown(&session, GLOBEX, "Globex Corp").await?;
        choose_language(&session.driver, "de").await?;
        eventually("the page in German", || async {
            let share = page.share_link().await?;
            Ok(match share {
                Some(share) => share.text().await? == "Paket mit Globex Corp teilen",
                None => false,
            })
        })
        .await?;
        let text = session.driver.find(By::Css("main")).await?.text().await?;
        assert!(text.contains("An Globex Corp geteilte Pakete"), "{text}");
        assert!(text.contains("Letzter Fehler"), "{text}");
        wait_for_pending(&session.driver, Some(1)).await?;
        let (text, label, _) = partners_tab(&session.driver).await?;
        assert_eq!(text, "Partner");
        assert_eq!(label.as_deref(), Some("Partner, 1 offene Anfrage"));
        assert_axe_clean(&session.driver, "the partner page in German").await?;
        screenshot(&session.driver, "partner-german").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_list_of_the_partner_page_exports_as_csv() {
    with_session(|session| async move {
        let driver = &session.driver;
        PartnerPage::open_shown(&session, GLOBEX, "Globex Corp").await?;
        catch_downloads(driver).await?;
        wait_visible(driver, By::Css("#export-shared-to:enabled"))
            .await?
            .click()
            .await?;
        let file = wait_for_download(driver).await?;
        assert!(
            file.file_name.starts_with("shared-to-partner-acme-retail-"),
            "{}",
            file.file_name
        );
        assert!(file.has_byte_order_mark());
        let expected = all_transfers(
            &session,
            "demo-acme-admin",
            ACME,
            &format!(
                "property=targetIMSOrgId%3D%3D{}",
                GLOBEX.replace('@', "%40")
            ),
        )
        .await?;
        let records = file.records();
        assert_eq!(
            records.len(),
            expected.len() + 1,
            "a header and one row per share"
        );
        for transfer in &expected {
            let id = transfer["packageId"].as_str().unwrap_or_default();
            assert!(
                records
                    .iter()
                    .any(|record| record.iter().any(|cell| cell == id)),
                "{id} in the file"
            );
        }
        assert_axe_clean(driver, "the partner page with its exports").await
    })
    .await;
}
