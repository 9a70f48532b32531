//! Partners: requests between organizations, answered and cancelled, switching Connection
//! profiles to play both sides, and what that changes in the Share picker.

use thirtyfour::prelude::*;

use crate::support::orgs::{ACME, GLOBEX, INITECH, UMBRELLA};
use crate::support::pages::PackagesPage;
use crate::support::partners_pages::{
    focused, open_as, package_id, press, press_shift_tab, share_through_api, PartnersPage, Table,
};
use crate::support::sharing_pages::{ShareDialog, SharingPage, SHARE_PATIENCE};
use crate::support::wait::{self, eventually, PATIENCE};
use crate::support::{
    arm_fault, assert_axe_clean, screenshot, wait_for_toast, wait_visible, with_session, Session,
};

const UNKNOWN_ORG: &str = "0123456789ABCDEF01234567@AdobeOrg";

/// The partners the Share picker offers for a package of the inventory.
async fn share_picker_offers(session: &Session, package: &str) -> WebDriverResult<Vec<String>> {
    session.open("/packages").await?;
    PackagesPage {
        driver: &session.driver,
    }
    .click_row_button(package, "Share")
    .await?;
    let share = ShareDialog {
        driver: &session.driver,
    };
    let dialog = share.wait_open().await?;
    // The picker appears once the partners are loaded; without any, the dialog says so.
    let no_partners = wait::until_some(
        "the Share dialog to show partners or their absence",
        PATIENCE,
        || async {
            if dialog.text().await?.contains("No approved partners yet") {
                return Ok(Some(true));
            }
            let picker = session.driver.find_all(By::Id("share-orgs")).await?;
            Ok((!picker.is_empty()).then_some(false))
        },
    )
    .await?;
    if no_partners {
        return Ok(Vec::new());
    }
    share.suggestions("").await
}

#[tokio::test(flavor = "multi_thread")]
async fn initech_asks_globex_and_umbrella_at_once_and_globex_accepts_with_the_keyboard() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        open_as(&session, "demo-initech-admin", "/partners").await?;
        wait_visible(
            driver,
            By::XPath("//h3[normalize-space(.)='No outgoing requests']"),
        )
        .await?;
        screenshot(driver, "partners-initech-empty").await?;
        // Partnerships are the organization's: no sandbox choice that would change nothing.
        let header = driver.find(By::Css(".app-header")).await?.text().await?;
        assert!(
            header.contains("Sandbox: the whole organization"),
            "{header}"
        );
        assert!(driver.find_all(By::Id("sandbox-select")).await?.is_empty());

        // Keyboard only: open the dialog, type and paste, send.
        wait_visible(driver, By::Id("new-request-button"))
            .await?
            .focus()
            .await?;
        press(driver, Key::Enter).await?;
        wait_visible(driver, By::Id("partnership-request-dialog")).await?;
        assert_eq!(
            focused(driver).await?.0,
            "org-id-input",
            "focus starts in the field"
        );
        let typed = format!(
            "{GLOBEX}, {} not-an-org\n{GLOBEX} {UNKNOWN_ORG}",
            UMBRELLA.to_ascii_lowercase()
        );
        press(driver, typed.as_str()).await?;
        press(driver, Key::Enter).await?;
        let tags = partners.tags().await?;
        assert_eq!(
            tags,
            vec![
                (GLOBEX.to_string(), None),
                (UMBRELLA.to_string(), None),
                (
                    "not-an-org".to_string(),
                    Some("An org ID ends with @AdobeOrg.".to_string())
                ),
                (
                    GLOBEX.to_string(),
                    Some("This org ID is already in the list.".to_string())
                ),
                (UNKNOWN_ORG.to_string(), None),
            ]
        );
        assert_axe_clean(driver, "the request dialog with tags").await?;
        screenshot(driver, "partners-request-tags").await?;

        session.requests.clear();
        press(driver, Key::Tab).await?;
        press(driver, Key::Tab).await?;
        assert_eq!(focused(driver).await?.0, "send-request-button");
        press(driver, Key::Enter).await?;
        let results = partners.request_results().await?;
        assert_eq!(results.len(), 3, "{results:?}");
        assert_eq!(results[0], format!("Request sent to {GLOBEX}"));
        assert_eq!(results[1], format!("Request sent to {UMBRELLA}"));
        assert!(
            results[2].starts_with(&format!("{UNKNOWN_ORG} — not sent: "))
                && results[2].contains("is not known"),
            "the server's reason is shown: {}",
            results[2]
        );
        let bulk_calls = session
            .requests
            .all()
            .into_iter()
            .filter(|uri| uri.contains("/handshake/bulkCreate"))
            .count();
        assert_eq!(bulk_calls, 1, "one bulkCreate for the whole list");
        wait_for_toast(driver, "Partnership request sent to 2 organizations").await?;
        let left: Vec<String> = partners.tags().await?.into_iter().map(|t| t.0).collect();
        assert_eq!(
            left,
            vec!["not-an-org".to_string(), UNKNOWN_ORG.to_string()],
            "requested orgs (and their copies) leave the list, the others stay"
        );
        assert_axe_clean(driver, "the request dialog with results").await?;
        screenshot(driver, "partners-request-results").await?;
        press(driver, Key::Escape).await?;
        // Escape discarded what was left: the next opening starts empty.
        wait_visible(driver, By::Id("new-request-button"))
            .await?
            .click()
            .await?;
        let input = wait_visible(driver, By::Id("org-id-input")).await?;
        assert!(
            partners.tags().await?.is_empty(),
            "no tags from the last draft"
        );
        assert_eq!(input.prop("value").await?.as_deref(), Some(""));
        press(driver, Key::Escape).await?;

        partners
            .wait_for_status(Table::Outgoing, "Globex Corp", "Approval pending")
            .await?;
        partners
            .wait_for_status(Table::Outgoing, "Umbrella Group", "Approval pending")
            .await?;

        // Globex accepts with the keyboard.
        open_as(&session, "demo-globex-admin", "/partners").await?;
        let accept = partners
            .row_button(Table::Incoming, "Initech", "Accept")
            .await?;
        accept.focus().await?;
        press(driver, Key::Enter).await?;
        partners
            .wait_for_status(Table::Incoming, "Initech", "Approved")
            .await?;
        wait_for_toast(driver, "You are now partners with Initech").await?;
        let row = partners.row(Table::Incoming, "Initech").await?;
        let row_id = row.attr("data-handshake-id").await?.unwrap_or_default();
        eventually("focus lands on the row's History button", || async {
            Ok(focused(driver).await?.0 == format!("history-toggle-{row_id}"))
        })
        .await?;
        screenshot(driver, "partners-globex-accepted").await?;

        open_as(&session, "demo-initech-admin", "/partners").await?;
        partners
            .wait_for_status(Table::Outgoing, "Globex Corp", "Approved")
            .await?;
        partners
            .wait_for_status(Table::Outgoing, "Umbrella Group", "Approval pending")
            .await?;

        // Initech may now share with Globex, and still not with Umbrella, which has not answered.
        let tps = package_id(
            &session,
            "demo-initech-admin",
            INITECH,
            "TPS report segments",
        )
        .await?;
        let (status, refused) =
            share_through_api(&session, "demo-initech-admin", INITECH, &tps, UMBRELLA).await?;
        assert_eq!(status, 400, "no share before Umbrella accepts: {refused}");
        assert_eq!(
            share_picker_offers(&session, "TPS report segments").await?,
            vec!["Globex Corp"]
        );
        let share = ShareDialog { driver };
        share.pick("Globex").await?;
        share.confirm().await?.click().await?;
        SharingPage { driver }
            .wait_rows(
                "the share to Globex completes",
                |rows| {
                    rows.iter().any(|r| {
                        r.0 == "TPS report segments" && r.1 == "Globex Corp" && r.2 == "Completed"
                    })
                },
                SHARE_PATIENCE,
            )
            .await?;
        open_as(&session, "demo-globex-admin", "/packages").await?;
        PackagesPage { driver }
            .wait_for_package("TPS report segments")
            .await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn acme_accepts_umbrellas_pending_demo_request() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        session.open("/partners?in_status=pending").await?;
        partners
            .wait_for_status(Table::Incoming, "Umbrella Group", "Approval pending")
            .await?;
        let compliance = package_id(
            &session,
            "demo-umbrella-admin",
            UMBRELLA,
            "Umbrella compliance policies",
        )
        .await?;
        let (status, _) =
            share_through_api(&session, "demo-umbrella-admin", UMBRELLA, &compliance, ACME).await?;
        assert_eq!(
            status, 400,
            "Umbrella cannot share with Acme before Acme accepts"
        );
        assert_axe_clean(driver, "Partners").await?;
        screenshot(driver, "partners-acme").await?;
        partners
            .row_button(Table::Incoming, "Umbrella Group", "Accept")
            .await?
            .click()
            .await?;
        partners
            .wait_for_status(Table::Incoming, "Umbrella Group", "Approved")
            .await?;
        // The row stays in place under the Pending filter until the list is fetched again.
        let buttons = partners
            .row(Table::Incoming, "Umbrella Group")
            .await?
            .find_all(By::Css("button"))
            .await?;
        let mut labels = Vec::new();
        for button in buttons {
            labels.push(button.text().await?);
        }
        assert_eq!(labels, vec!["Cancel partnership", "History"]);
        let history = partners.history(Table::Incoming, "Umbrella Group").await?;
        assert!(
            history.contains("Approved by Avery Acme (admin), Acme Retail"),
            "{history}"
        );

        // Umbrella, the source, can now share with Acme.
        open_as(&session, "demo-umbrella-admin", "/connection").await?;
        assert_eq!(
            share_picker_offers(&session, "Umbrella compliance policies").await?,
            vec!["Acme Retail"]
        );
        let share = ShareDialog { driver };
        share.pick("Acme").await?;
        share.confirm().await?.click().await?;
        SharingPage { driver }
            .wait_rows(
                "Umbrella's share to Acme is listed",
                |rows| {
                    rows.iter()
                        .any(|r| r.0 == "Umbrella compliance policies" && r.1 == "Acme Retail")
                },
                SHARE_PATIENCE,
            )
            .await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn declining_asks_a_reason_and_the_source_sees_it_in_the_history() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        session.open("/partners").await?;
        partners
            .row_button(Table::Incoming, "Umbrella Group", "Decline")
            .await?
            .focus()
            .await?;
        press(driver, Key::Enter).await?;
        wait_visible(driver, By::Id("decline-dialog")).await?;
        let title = driver.find(By::Id("decline-dialog-title")).await?.text().await?;
        assert_eq!(title, "Decline the request from Umbrella Group?");
        assert_eq!(focused(driver).await?.1, "Cancel", "focus starts on Cancel");
        assert_axe_clean(driver, "the decline confirmation").await?;

        // Declining without a reason is refused before anything is sent.
        session.requests.clear();
        press(driver, Key::Tab).await?;
        assert_eq!(focused(driver).await?.0, "confirm-decline");
        press(driver, Key::Enter).await?;
        wait_visible(
            driver,
            By::XPath("//*[@id='decline-reason-error'][normalize-space(.)='Enter a reason for declining.']"),
        )
        .await?;
        eventually("focus moves to the reason", || async {
            Ok(focused(driver).await?.0 == "decline-reason")
        })
        .await?;
        assert!(!session
            .requests
            .all()
            .iter()
            .any(|uri| uri.contains("/handshake/action")));
        screenshot(driver, "partners-decline-reason-missing").await?;

        press(driver, "Not this quarter").await?;
        press(driver, Key::Tab).await?;
        press(driver, Key::Tab).await?;
        press(driver, Key::Enter).await?;
        partners
            .wait_for_status(Table::Incoming, "Umbrella Group", "Rejected")
            .await?;
        wait_for_toast(driver, "Request from Umbrella Group declined").await?;
        assert!(!driver.find(By::Id("decline-dialog")).await?.is_displayed().await?);

        open_as(&session, "demo-umbrella-admin", "/partners").await?;
        partners
            .wait_for_status(Table::Outgoing, "Acme Retail", "Rejected")
            .await?;
        let history = partners.history(Table::Outgoing, "Acme Retail").await?;
        let lines: Vec<&str> = history.lines().collect();
        assert!(
            lines[0].starts_with("Requested by Uma Umbrella (admin), Umbrella Group"),
            "{history}"
        );
        assert!(
            history.contains("Rejected by Avery Acme (admin), Acme Retail"),
            "{history}"
        );
        assert!(history.contains("Reason: “Not this quarter”"), "{history}");
        assert!(driver.current_url().await?.query().unwrap_or_default().contains("history="));
        assert_axe_clean(driver, "Partners with a history open").await?;
        screenshot(driver, "partners-history-rejected").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn cancelling_an_approved_partnership_asks_first_and_both_sides_see_it() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        session.open("/partners").await?;
        partners
            .wait_for_status(Table::Outgoing, "Globex Corp", "Approved")
            .await?;
        assert!(
            share_picker_offers(&session, "Customer profile schema")
                .await?
                .contains(&"Globex Corp".to_string()),
            "Globex is offered while approved"
        );
        session.open("/partners").await?;
        partners
            .row_button(Table::Outgoing, "Globex Corp", "Cancel partnership")
            .await?
            .click()
            .await?;
        let dialog = wait_visible(driver, By::Id("cancel-partnership-dialog")).await?;
        let text = dialog.text().await?;
        assert!(
            text.contains("You will no longer be able to share packages with Globex Corp."),
            "{text}"
        );
        assert_eq!(focused(driver).await?.1, "Keep partnership");
        assert_axe_clean(driver, "the cancel confirmation").await?;
        screenshot(driver, "partners-cancel-confirmation").await?;

        // Escape changes nothing.
        session.requests.clear();
        press(driver, Key::Escape).await?;
        assert!(!dialog.is_displayed().await?);
        partners
            .wait_for_status(Table::Outgoing, "Globex Corp", "Approved")
            .await?;
        assert!(!session
            .requests
            .all()
            .iter()
            .any(|uri| uri.contains("/handshake/action")));

        partners
            .row_button(Table::Outgoing, "Globex Corp", "Cancel partnership")
            .await?
            .click()
            .await?;
        wait_visible(driver, By::Id("cancel-reason")).await?;
        press_shift_tab(driver).await?;
        assert_eq!(focused(driver).await?.0, "cancel-reason");
        press(driver, "Programme ended").await?;
        driver
            .find(By::Id("confirm-cancel-partnership"))
            .await?
            .click()
            .await?;
        partners
            .wait_for_status(Table::Outgoing, "Globex Corp", "Cancelled")
            .await?;
        wait_for_toast(driver, "Partnership with Globex Corp cancelled").await?;
        let schema =
            package_id(&session, "demo-acme-admin", ACME, "Customer profile schema").await?;
        let (status, refused) =
            share_through_api(&session, "demo-acme-admin", ACME, &schema, GLOBEX).await?;
        assert_eq!(status, 400, "{refused}");
        assert!(
            refused.to_string().contains("no APPROVED partnership"),
            "the share is refused for the partnership: {refused}"
        );
        assert!(partners
            .row(Table::Outgoing, "Globex Corp")
            .await?
            .find_all(By::XPath(
                ".//button[normalize-space(.)='Cancel partnership']"
            ))
            .await?
            .is_empty());

        assert!(
            !share_picker_offers(&session, "Customer profile schema")
                .await?
                .contains(&"Globex Corp".to_string()),
            "Globex is no longer offered"
        );

        open_as(
            &session,
            "demo-globex-admin",
            "/partners?in_status=cancelled",
        )
        .await?;
        assert_eq!(
            partners.partners(Table::Incoming).await?,
            vec!["Acme Retail"]
        );
        let history = partners.history(Table::Incoming, "Acme Retail").await?;
        assert!(
            history.contains("Cancelled by Avery Acme (admin), Acme Retail"),
            "{history}"
        );
        assert!(history.contains("Reason: “Programme ended”"), "{history}");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_and_the_open_history_live_in_the_url() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        session.open("/partners").await?;
        eventually("Acme's two outgoing requests are listed", || async {
            Ok(partners.partners(Table::Outgoing).await?.len() == 2)
        })
        .await?;
        partners
            .row_button(Table::Outgoing, "Initech", "Cancel request")
            .await?;
        partners
            .row_button(Table::Outgoing, "Globex Corp", "Cancel partnership")
            .await?;

        session.requests.clear();
        partners.filter(Table::Outgoing, "Approved").await?;
        session
            .requests
            .wait_for(&[
                "/handshake/list?",
                "requestType=OUTGOING",
                "status%3D%3DAPPROVED",
            ])
            .await?;
        eventually("only Globex is listed", || async {
            Ok(partners.partners(Table::Outgoing).await? == vec!["Globex Corp"])
        })
        .await?;
        assert_eq!(
            driver.current_url().await?.query(),
            Some("out_status=approved")
        );

        driver.refresh().await?;
        eventually("the filter survives a reload", || async {
            Ok(partners.partners(Table::Outgoing).await? == vec!["Globex Corp"])
        })
        .await?;
        let selected = driver
            .find(By::Css("#outgoing-status-filter option:checked"))
            .await?
            .text()
            .await?;
        assert_eq!(selected, "Approved");

        let history = partners.history(Table::Outgoing, "Globex Corp").await?;
        assert!(
            history.contains("Approved by Gale Globex (admin), Globex Corp"),
            "{history}"
        );
        assert!(history.contains("Reason: “Approved for the joint loyalty programme”"));
        driver.back().await?;
        eventually("Back closes the history", || async {
            Ok(driver.find_all(By::Css("tr.history-row")).await?.is_empty())
        })
        .await?;

        session.requests.clear();
        session.open("/partners?in_page=2&in_size=20").await?;
        session
            .requests
            .wait_for(&["requestType=INCOMING", "start=20", "limit=20"])
            .await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_history_reads_history_unavailable() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        session.open("/partners").await?;
        partners
            .wait_for_status(Table::Outgoing, "Globex Corp", "Approved")
            .await?;
        // Platform sends statusHistory as a JSON string; break it on its way to the app.
        driver
            .execute(
                r#"const realFetch = window.fetch.bind(window);
                   window.fetch = async (...args) => {
                     const response = await realFetch(...args);
                     const url = args[0] instanceof Request ? args[0].url : String(args[0]);
                     if (!url.includes('/handshake/list')) return response;
                     const body = await response.json();
                     body.data.forEach((record) => { record.statusHistory = '[{"action": '; });
                     return new Response(JSON.stringify(body), {
                       status: response.status,
                       headers: { 'Content-Type': 'application/json' },
                     });
                   };"#,
                Vec::new(),
            )
            .await?;
        partners.filter(Table::Outgoing, "Approved").await?;
        eventually("the filtered list arrives", || async {
            Ok(partners.partners(Table::Outgoing).await? == vec!["Globex Corp"])
        })
        .await?;
        let history = partners.history(Table::Outgoing, "Globex Corp").await?;
        assert!(history.starts_with("History unavailable"), "{history}");
        screenshot(driver, "partners-history-unavailable").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn server_failures_show_their_message_and_keep_what_was_typed() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        session.open("/connection").await?;
        arm_fault(
            &session,
            serde_json::json!({
                "method": "GET",
                "path": "/data/foundation/exim/handshake/list",
                "times": 2,
                "status": 503,
                "title": "Partnership directory is down"
            }),
        )
        .await?;
        session.open("/partners").await?;
        let alert = wait_visible(driver, By::Css(".partners-section [role='alert']"))
            .await?
            .text()
            .await?;
        assert!(alert.contains("Partnership directory is down"), "{alert}");
        screenshot(driver, "partners-list-failed").await?;
        for retry in driver
            .find_all(By::XPath("//button[normalize-space(.)='Retry']"))
            .await?
        {
            retry.click().await?;
        }
        partners
            .wait_for_status(Table::Incoming, "Umbrella Group", "Approval pending")
            .await?;
        partners
            .wait_for_status(Table::Outgoing, "Globex Corp", "Approved")
            .await?;

        // A refused accept says why and leaves the row as it was.
        arm_fault(
            &session,
            serde_json::json!({"method": "POST", "path": "/data/foundation/exim/handshake/action",
                               "times": 2, "status": 409, "title": "Request already answered"}),
        )
        .await?;
        partners
            .row_button(Table::Incoming, "Umbrella Group", "Accept")
            .await?
            .click()
            .await?;
        wait_for_toast(driver, "Request already answered").await?;
        assert_eq!(
            partners.status(Table::Incoming, "Umbrella Group").await?,
            "Approval pending"
        );

        // A refused decline shows the message in the dialog and keeps the reason typed.
        partners
            .row_button(Table::Incoming, "Umbrella Group", "Decline")
            .await?
            .click()
            .await?;
        let reason = wait_visible(driver, By::Id("decline-reason")).await?;
        reason.send_keys("Duplicate of an older request").await?;
        driver.find(By::Id("confirm-decline")).await?.click().await?;
        let alert = wait_visible(driver, By::Css("#decline-dialog [role='alert']"))
            .await?
            .text()
            .await?;
        assert!(alert.contains("Request already answered"), "{alert}");
        assert_eq!(
            reason.prop("value").await?.as_deref(),
            Some("Duplicate of an older request")
        );
        assert_axe_clean(driver, "the decline confirmation with an error").await?;
        screenshot(driver, "partners-decline-refused").await?;

        // A failed bulkCreate keeps every tag.
        press(driver, Key::Escape).await?;
        arm_fault(
            &session,
            serde_json::json!({"method": "POST", "path": "/data/foundation/exim/handshake/bulkCreate",
                               "times": 1, "status": 500, "title": "Try again later"}),
        )
        .await?;
        driver.find(By::Id("new-request-button")).await?.click().await?;
        let input = wait_visible(driver, By::Id("org-id-input")).await?;
        input.send_keys(format!("{ACME} {UMBRELLA}\n")).await?;
        driver.find(By::Id("send-request-button")).await?.click().await?;
        let alert = wait_visible(driver, By::Css("#partnership-request-dialog [role='alert']"))
            .await?
            .text()
            .await?;
        assert!(alert.contains("Try again later"), "{alert}");
        assert_eq!(
            partners.tags().await?,
            vec![
                (ACME.to_string(), Some("This is your own organization.".to_string())),
                (UMBRELLA.to_string(), None),
            ],
            "nothing typed is lost"
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_viewer_sees_partnerships_but_is_offered_no_action() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        open_as(&session, "demo-acme-viewer", "/partners").await?;
        wait_visible(
            driver,
            By::XPath("//p[normalize-space(.)='You need the Share Packages permission to request, accept or cancel partnerships.']"),
        )
        .await?;
        partners
            .wait_for_status(Table::Incoming, "Umbrella Group", "Approval pending")
            .await?;
        assert!(driver.find_all(By::Id("new-request-button")).await?.is_empty());
        let mut labels = Vec::new();
        for button in driver.find_all(By::Css("main td button")).await? {
            labels.push(button.text().await?);
        }
        assert!(
            !labels.is_empty() && labels.iter().all(|label| label == "History"),
            "rows offer only their history: {labels:?}"
        );
        let history = partners.history(Table::Incoming, "Umbrella Group").await?;
        assert!(history.starts_with("Requested by Uma Umbrella (admin)"), "{history}");
        screenshot(driver, "partners-viewer").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn notifications_belong_to_who_was_signed_in() {
    with_session(|session| async move {
        let driver = &session.driver;
        let partners = PartnersPage { driver };
        session.open("/partners").await?;
        partners
            .row_button(Table::Incoming, "Umbrella Group", "Accept")
            .await?
            .click()
            .await?;
        wait_for_toast(driver, "You are now partners with Umbrella Group").await?;

        // Switching to Globex inside the app: Acme's notification would read backwards there.
        crate::support::pages::Header { driver }
            .open_tab("Connection")
            .await?;
        crate::support::pages::ConnectionPage { driver }
            .connect_demo("demo-globex-admin")
            .await?;
        eventually("Globex is connected", || async {
            Ok(driver.current_url().await?.path() == "/packages"
                && crate::support::pages::Header { driver }.org_name().await? == "Globex Corp")
        })
        .await?;
        let left = driver.find_all(By::Css(".toasts .toast")).await?;
        assert!(
            left.is_empty(),
            "{} notification(s) of Acme stayed",
            left.len()
        );
        Ok(())
    })
    .await;
}
