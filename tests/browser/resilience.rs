//! Every screen under the faults a real Platform produces: a 500, a 429 with Retry-After, a
//! 401, a 403, a dropped connection and 5 s of latency (exim-server's `/_local/faults`).
//!
//! Reads: a specific message with Retry, a loading state while slow, and recovery by
//! themselves from passing failures (500, 429, dropped) but never from refusals (401, 403).
//! Writes: a specific message, nothing typed or selected lost, a busy button while slow, and
//! never a repeat the user did not ask for. Sharing Status also survives a server restart.

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::support::authoring_pages::{create_draft, demo_artifacts, DetailsPage};
use crate::support::bulk_share_pages::BulkShare;
use crate::support::import_pages::import_through_api;
use crate::support::jobs_pages::{publish, JobsPage};
use crate::support::new_package_pages::NewPackagePage;
use crate::support::orgs::ACME;
use crate::support::pages::PackagesPage;
use crate::support::partners_pages::{open_as, package_id, ImportPage, PartnersPage, Table};
use crate::support::retry_pages::RetryShare;
use crate::support::sharing_pages::{ShareDialog, SharingPage, SHARE_PATIENCE};
use crate::support::wait::{self, assert_steady_for, eventually, PATIENCE};
use crate::support::{
    api_call, arm_fault, request_count, screenshot, wait_visible, with_session,
    with_session_stepping, Session,
};

/// Long enough for an automatic retry to have been sent: the first is due 5 s after the failure
/// and the app checks what is due every second.
const LONGER_THAN_A_RETRY: Duration = Duration::from_secs(6);
const SLOW_MS: u64 = 5_000;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Fault {
    ServerError,
    Throttled,
    Unauthorized,
    Forbidden,
    Dropped,
    Slow,
}

impl Fault {
    const FAILURES: [Fault; 5] = [
        Fault::ServerError,
        Fault::Throttled,
        Fault::Unauthorized,
        Fault::Forbidden,
        Fault::Dropped,
    ];

    /// The `/_local/faults` body for the next request to `route`.
    fn spec(self, route: Route) -> serde_json::Value {
        self.spec_times(route, 1)
    }

    /// The same for the next `times` requests.
    fn spec_times(self, (method, path): (&str, &str), times: u32) -> serde_json::Value {
        let mut spec = serde_json::json!({"method": method, "path": path, "times": times});
        let extra = match self {
            Fault::ServerError => {
                serde_json::json!({"status": 500, "title": "Drill: the service fell over"})
            }
            Fault::Throttled => {
                serde_json::json!({"status": 429, "retryAfter": 2, "title": "Drill: slow down"})
            }
            Fault::Unauthorized => serde_json::json!({"status": 401}),
            Fault::Forbidden => serde_json::json!({"status": 403, "title": "Drill: not for you"}),
            Fault::Dropped => serde_json::json!({"drop": true}),
            Fault::Slow => serde_json::json!({"delayMs": SLOW_MS}),
        };
        for (key, value) in extra.as_object().expect("an object") {
            spec[key] = value.clone();
        }
        spec
    }

    /// Words the user must see, specific to the fault.
    fn message(self) -> &'static str {
        match self {
            Fault::ServerError => "Drill: the service fell over",
            Fault::Throttled => "Platform asked to wait 2 s before trying again",
            Fault::Unauthorized => "Open Connection and sign in again",
            Fault::Forbidden => "Drill: not for you",
            Fault::Dropped => "Check your network and the base URL",
            Fault::Slow => unreachable!("latency is not an error"),
        }
    }

    fn passes_by_itself(self) -> bool {
        matches!(self, Fault::ServerError | Fault::Throttled | Fault::Dropped)
    }
}

/// Method and route pattern, as `/_local/faults` takes it and `/_local/requests` counts it.
type Route = (&'static str, &'static str);

fn counter_key((method, path): Route) -> String {
    format!("{method} {path}")
}

/// Waits for an element matching `css` whose text contains `text`; returns that text.
async fn shown_saying(session: &Session, css: &str, text: &str) -> WebDriverResult<String> {
    let says = |shown: &String| shown.contains(text);
    let shown = wait::until(
        &format!("something matching {css} to say {text:?}"),
        PATIENCE,
        || async {
            let mut texts = Vec::new();
            for element in session.driver.find_all(By::Css(css)).await? {
                texts.push(element.text().await.unwrap_or_default());
            }
            Ok(texts)
        },
        |texts| texts.iter().any(says),
    )
    .await?;
    Ok(shown
        .into_iter()
        .find(says)
        .expect("only a text that says it is accepted"))
}

/// The text of an alert inside `scope` (CSS) that says `text`, once there is one.
async fn alert_saying(session: &Session, scope: &str, text: &str) -> WebDriverResult<String> {
    shown_saying(session, &format!("{scope} [role='alert']"), text).await
}

/// The text of a notification that says `text`, once there is one.
async fn toast_saying(session: &Session, text: &str) -> WebDriverResult<String> {
    shown_saying(session, ".toasts .toast", text).await
}

/// A screen that reads: how to open it, what it fetches, and what shows each state.
struct ReadScreen {
    name: &'static str,
    route: Route,
    /// How many requests to `route` one load makes (Partners reads two lists).
    reads: u32,
    /// The one path faults are armed for, where `route`'s pattern also matches other requests
    /// of the screen (`/transfer/{id}` matches `/transfer/list`).
    fault_path: Option<String>,
    /// Where its alert appears.
    scope: &'static str,
    loading: By,
    loaded: By,
}

impl ReadScreen {
    /// Method and path the faults of this screen are armed for.
    fn fault_route(&self) -> (&str, &str) {
        let (method, pattern) = self.route;
        (method, self.fault_path.as_deref().unwrap_or(pattern))
    }

    /// Opens the screen afresh (a full load), up to the read.
    async fn open(&self, session: &Session, path: &str) -> WebDriverResult<()> {
        session.open(path).await?;
        let driver = &session.driver;
        match self.name {
            "share dialog" => {
                PackagesPage { driver }
                    .click_row_button("Customer profile schema", "Share")
                    .await?
            }
            "bulk share dialog" => {
                let bulk = BulkShare { driver };
                bulk.select("Customer profile schema").await?;
                bulk.open_dialog().await?
            }
            _ => {}
        }
        Ok(())
    }
}

/// Runs every fault against one read.
async fn drill_read(session: &Session, screen: &ReadScreen, path: &str) -> WebDriverResult<()> {
    let counter = counter_key(screen.route);
    // The fault endpoint is called from a page of the app's origin.
    session.open("/connection").await?;
    for fault in Fault::FAILURES {
        arm_fault(
            session,
            fault.spec_times(screen.fault_route(), screen.reads),
        )
        .await?;
        screen.open(session, path).await?;
        let (retry, connection) = alert_offers(session, screen.scope, fault.message()).await?;
        assert!(retry, "{}: the {fault:?} alert offers Retry", screen.name);
        // Rendered with the alert, in the same update: the status bar does not say it again.
        let repeated = session
            .driver
            .find_all(By::Css(".live-status .refresh-problem"))
            .await?;
        assert!(
            repeated.is_empty(),
            "{}: the {fault:?} is said once, by the alert",
            screen.name
        );
        assert_eq!(
            connection,
            fault == Fault::Unauthorized,
            "{}: only a 401 links to Connection",
            screen.name
        );
        if fault == Fault::ServerError {
            screenshot(
                &session.driver,
                &format!("resilience-{}-500", screen.name.replace(' ', "-")),
            )
            .await?;
        }
        if !fault.passes_by_itself() {
            assert_steady_for(
                LONGER_THAN_A_RETRY,
                &format!("{}: a {fault:?} is not retried by itself", screen.name),
                || request_count(session, &counter),
            )
            .await?;
            // In one script: a re-render between lookup and click cannot go stale.
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
        // Passing failures come back with no click.
        eventually(
            &format!("{}: loaded again after a {fault:?}", screen.name),
            || async {
                let alerts = alerts_in(session, screen.scope).await?;
                Ok(alerts.iter().all(|text| !text.contains(fault.message()))
                    && !session
                        .driver
                        .find_all(screen.loaded.clone())
                        .await?
                        .is_empty())
            },
        )
        .await?;
    }

    arm_fault(
        session,
        Fault::Slow.spec_times(screen.fault_route(), screen.reads),
    )
    .await?;
    screen.open(session, path).await?;
    wait_visible(&session.driver, screen.loading.clone()).await?;
    wait_visible(&session.driver, screen.loaded.clone()).await?;
    Ok(())
}

/// Waits for an alert inside `scope` saying `text`; returns whether it offers a Retry button
/// and an "Open Connection" link. Read in one script, so that a re-render cannot go stale
/// between two lookups.
async fn alert_offers(session: &Session, scope: &str, text: &str) -> WebDriverResult<(bool, bool)> {
    wait::until_some(
        &format!("an alert in {scope} saying {text:?}"),
        PATIENCE,
        || async {
            session
                .driver
                .execute(
                    "const [scope, text] = arguments;
                     const alert = [...document.querySelectorAll(scope + \" [role='alert']\")]
                       .find((a) => a.innerText.includes(text));
                     if (!alert) return null;
                     const labelled = (selector, label) =>
                       [...alert.querySelectorAll(selector)].some((e) => e.innerText.trim() === label);
                     return [labelled('button', 'Retry'), labelled('a', 'Open Connection')];",
                    vec![serde_json::json!(scope), serde_json::json!(text)],
                )
                .await?
                .convert()
        },
    )
    .await
}

async fn alerts_in(session: &Session, scope: &str) -> WebDriverResult<Vec<String>> {
    let mut texts = Vec::new();
    for alert in session
        .driver
        .find_all(By::Css(format!("{scope} [role='alert']")))
        .await?
    {
        texts.push(alert.text().await.unwrap_or_default());
    }
    Ok(texts)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_packages_table_under_every_fault() {
    with_session(|session| async move {
        let screen = ReadScreen {
            name: "packages",
            fault_path: None,
            reads: 1,
            route: ("GET", "/data/foundation/exim/packages"),
            scope: "main",
            loading: By::Css(".table-wrap[aria-busy='true']"),
            loaded: By::Css("#packages-table tbody tr"),
        };
        drill_read(&session, &screen, "/packages").await?;

        // A slow page change keeps the rows and says it is updating.
        arm_fault(&session, Fault::Slow.spec(screen.route)).await?;
        PackagesPage {
            driver: &session.driver,
        }
        .sort_by("Name")
        .await?;
        let updating = wait_visible(&session.driver, By::Css(".toolbar .updating")).await?;
        assert_eq!(updating.text().await?, "Updating…");
        assert!(!session
            .driver
            .find_all(By::Css("#packages-table tbody tr"))
            .await?
            .is_empty());
        screenshot(&session.driver, "resilience-packages-updating").await?;
        eventually("the update finishes", || async {
            Ok(session
                .driver
                .find(By::Css(".toolbar .updating"))
                .await?
                .text()
                .await?
                .is_empty())
        })
        .await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn package_details_under_every_fault() {
    with_session(|session| async move {
        session.open("/packages").await?;
        let id = package_id(&session, "demo-acme-admin", ACME, "Customer profile schema").await?;
        let screen = ReadScreen {
            name: "package details",
            fault_path: None,
            reads: 1,
            route: ("GET", "/data/foundation/exim/packages/{id}"),
            scope: "main",
            loading: By::XPath("//p[@aria-busy='true'][normalize-space(.)='Loading package…']"),
            loaded: By::XPath("//h1[normalize-space(.)='Customer profile schema']"),
        };
        drill_read(&session, &screen, &format!("/packages/{id}")).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sharing_status_under_every_fault() {
    with_session(|session| async move {
        let screen = ReadScreen {
            name: "sharing status",
            fault_path: None,
            reads: 1,
            route: ("GET", "/data/foundation/exim/transfer/list"),
            scope: ".sharing-main",
            loading: By::XPath("//p[@aria-busy='true'][normalize-space(.)='Loading shares…']"),
            loaded: By::Css("#transfers-table tbody tr"),
        };
        drill_read(&session, &screen, "/sharing").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_transfer_rail_under_every_fault() {
    with_session(|session| async move {
        session.open("/sharing").await?;
        let (status, list) = api_call(
            &session,
            "GET",
            "/exim/transfer/list?limit=1",
            "demo-acme-admin",
            ACME,
            None,
        )
        .await?;
        assert_eq!(status, 200, "{list}");
        let id = list["data"][0]["id"]
            .as_str()
            .expect("a transfer id")
            .to_string();
        // A search that hides the row: the rail fetches the transfer itself.
        let screen = ReadScreen {
            name: "transfer rail",
            // Once the (empty) list has arrived: before, the row might have been on it.
            reads: 1,
            fault_path: Some(format!("/data/foundation/exim/transfer/{id}")),
            route: ("GET", "/data/foundation/exim/transfer/{id}"),
            scope: "aside.rail",
            loading: By::Css("aside.rail p.loading[aria-busy='true']"),
            loaded: By::Css("aside.rail dl.metadata"),
        };
        drill_read(
            &session,
            &screen,
            &format!("/sharing/{id}?q=no-such-package"),
        )
        .await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn partners_under_every_fault() {
    with_session(|session| async move {
        let screen = ReadScreen {
            name: "partners",
            fault_path: None,
            // The app's start reads the Partners tab's pending count, then the two tables.
            reads: 3,
            route: ("GET", "/data/foundation/exim/handshake/list"),
            scope: ".partners-section",
            loading: By::Css(".partners-section p.loading[aria-busy='true']"),
            loaded: By::Css("#incoming-table tbody tr"),
        };
        drill_read(&session, &screen, "/partners").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pulled_packages_under_every_fault() {
    with_session(|session| async move {
        let screen = ReadScreen {
            name: "pulled packages",
            fault_path: None,
            reads: 1,
            route: ("GET", "/data/foundation/exim/transfer/list"),
            scope: ".pulled-section",
            loading: By::Css(".pulled-section p.loading[aria-busy='true']"),
            loaded: By::Css(".pulled-section .table-wrap"),
        };
        drill_read(&session, &screen, "/import").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_share_dialogs_partner_list_under_every_fault() {
    with_session(|session| async move {
        let screen = ReadScreen {
            name: "share dialog",
            fault_path: None,
            // The app's start reads the Partners tab's pending count, then the dialog its list.
            reads: 2,
            route: ("GET", "/data/foundation/exim/handshake/list"),
            scope: "#share-dialog",
            loading: By::XPath(
                "//*[@id='share-dialog']//p[normalize-space(.)='Loading approved partners…']",
            ),
            loaded: By::Id("share-orgs"),
        };
        drill_read(&session, &screen, "/packages").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_bulk_share_dialogs_partner_list_under_every_fault() {
    with_session(|session| async move {
        let screen = ReadScreen {
            name: "bulk share dialog",
            fault_path: None,
            // The app's start reads the Partners tab's pending count, then the dialog its list.
            reads: 2,
            route: ("GET", "/data/foundation/exim/handshake/list"),
            scope: "#bulk-share-dialog",
            loading: By::XPath(
                "//*[@id='bulk-share-dialog']//p[normalize-space(.)='Loading approved partners…']",
            ),
            loaded: By::Id("bulk-share-orgs"),
        };
        drill_read(&session, &screen, "/packages").await
    })
    .await;
}

/// Runs the five failures against one write, then a slow success. `submit` sends it,
/// `failed` returns what the user sees after a failure, `kept` checks nothing entered was
/// lost, `busy` is the pending button and `done` shows the success.
macro_rules! drill_write {
    ($session:expr, $route:expr, submit: $submit:expr, failed: |$text:ident| $failed:expr, kept: $kept:expr, busy: $busy:expr, done: $done:expr $(,)?) => {{
        let session: &Session = $session;
        let counter = counter_key($route);
        let first = request_count(session, &counter).await?;
        for (sent, fault) in Fault::FAILURES.into_iter().enumerate() {
            arm_fault(session, fault.spec($route)).await?;
            $submit.await?;
            let $text = fault.message();
            let shown: String = $failed.await?;
            assert!(shown.contains(fault.message()), "{fault:?}: {shown}");
            $kept.await?;
            assert_eq!(
                request_count(session, &counter).await? - first,
                sent as u64 + 1,
                "{fault:?}: one request per click"
            );
        }
        let sent = assert_steady_for(
            LONGER_THAN_A_RETRY,
            "no write is repeated by itself",
            || request_count(session, &counter),
        )
        .await?;
        assert_eq!(
            sent - first,
            Fault::FAILURES.len() as u64,
            "no write is repeated by itself"
        );
        arm_fault(session, Fault::Slow.spec($route)).await?;
        $submit.await?;
        let busy: WebElement = wait_visible(&session.driver, $busy).await?;
        assert!(
            !busy.is_enabled().await?,
            "the button is disabled while sending"
        );
        $done.await?;
        assert_eq!(
            request_count(session, &counter).await? - first,
            Fault::FAILURES.len() as u64 + 1,
            "the slow write was sent once"
        );
    }};
}

#[tokio::test(flavor = "multi_thread")]
async fn sharing_under_every_fault_keeps_the_selection() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        PackagesPage { driver }
            .click_row_button("Customer profile schema", "Share")
            .await?;
        let dialog = ShareDialog { driver };
        dialog.wait_open().await?;
        dialog.pick("Globex").await?;
        drill_write!(
            &session,
            ("POST", "/data/foundation/exim/transfer"),
            submit: async { dialog.confirm().await?.click().await },
            failed: |said| alert_saying(&session, "#share-dialog", said),
            kept: async {
                assert_eq!(dialog.tags().await?, vec!["Globex Corp"], "the selection is kept");
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//button[@id='confirm-share'][normalize-space(.)='Sharing…']"),
            done: eventually("Sharing Status opens", || async {
                Ok(driver.current_url().await?.path() == "/sharing")
            }),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn changing_availability_under_every_fault() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        PackagesPage { driver }.click_row_button("Customer profile schema", "Make public").await?;
        wait_visible(driver, By::Id("availability-dialog")).await?;
        drill_write!(
            &session,
            ("PUT", "/data/foundation/exim/packages"),
            submit: async { driver.find(By::Id("confirm-availability")).await?.click().await },
            failed: |said| alert_saying(&session, "#availability-dialog", said),
            kept: async {
                assert!(driver.find(By::Id("availability-dialog")).await?.is_displayed().await?, "the dialog stays open");
                WebDriverResult::Ok(())
            },
            busy: By::Css("#confirm-availability[disabled]"),
            done: crate::support::wait_for_toast(driver, "Customer profile schema is now public"),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn requesting_a_partnership_under_every_fault_keeps_the_ids() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/partners").await?;
        driver
            .find(By::Id("new-request-button"))
            .await?
            .click()
            .await?;
        let input = wait_visible(driver, By::Id("org-id-input")).await?;
        input
            .send_keys(format!("{} ", crate::support::orgs::UMBRELLA))
            .await?;
        let partners = PartnersPage { driver };
        drill_write!(
            &session,
            ("POST", "/data/foundation/exim/handshake/bulkCreate"),
            submit: async { driver.find(By::Id("send-request-button")).await?.click().await },
            failed: |said| alert_saying(&session, "#partnership-request-dialog", said),
            kept: async {
                let tags = partners.tags().await?;
                assert_eq!(tags.len(), 1, "{tags:?}");
                assert_eq!(tags[0].0, crate::support::orgs::UMBRELLA);
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//button[@id='send-request-button'][normalize-space(.)='Sending…']"),
            done: eventually("the result is reported", || async {
                Ok(!partners.request_results().await?.is_empty())
            }),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn accepting_a_request_under_every_fault() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/partners").await?;
        let partners = PartnersPage { driver };
        partners.wait_for_status(Table::Incoming, "Umbrella Group", "Approval pending").await?;
        drill_write!(
            &session,
            ("POST", "/data/foundation/exim/handshake/action"),
            submit: async {
                partners.row_button(Table::Incoming, "Umbrella Group", "Accept").await?.click().await
            },
            failed: |said| toast_saying(&session, said),
            kept: async {
                assert_eq!(partners.status(Table::Incoming, "Umbrella Group").await?, "Approval pending");
                dismiss_toasts(&session).await
            },
            busy: By::XPath("//button[normalize-space(.)='Accepting…']"),
            done: partners.wait_for_status(Table::Incoming, "Umbrella Group", "Approved"),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pulling_a_package_under_every_fault_keeps_the_payload() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let id = package_id(&session, "demo-acme-admin", ACME, "Onboarding welcome series").await?;
        let (status, payload) = api_call(
            &session,
            "GET",
            &format!("/exim/packages/payload/{id}"),
            "demo-acme-admin",
            ACME,
            None,
        )
        .await?;
        assert_eq!(status, 200, "{payload}");
        let text = payload.to_string();
        open_as(&session, "demo-globex-admin", "/import").await?;
        let import = ImportPage { driver };
        import.enter_payload(&text).await?;
        drill_write!(
            &session,
            ("POST", "/data/foundation/exim/transfer/pullRequest"),
            submit: import.submit(),
            failed: |said| alert_saying(&session, ".pull-form", said),
            kept: async {
                assert_eq!(import.payload_text().await?, text, "the payload is kept");
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//button[@id='pull-button'][normalize-space(.)='Pulling…']"),
            done: crate::support::wait_for_toast(driver, "Pull of Onboarding welcome series requested"),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn copying_a_payload_under_every_fault() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages?availability=public").await?;
        session.grant_clipboard().await?;
        let packages = PackagesPage { driver };
        packages.wait_for_package("Onboarding welcome series").await?;
        drill_write!(
            &session,
            ("GET", "/data/foundation/exim/packages/payload/{id}"),
            submit: packages.click_row_button("Onboarding welcome series", "Copy payload"),
            failed: |said| toast_saying(&session, said),
            kept: async {
                assert!(toast_saying(&session, "Couldn't get the payload of Onboarding welcome series").await.is_ok());
                dismiss_toasts(&session).await
            },
            busy: By::XPath("//button[normalize-space(.)='Copying…']"),
            done: crate::support::wait_for_toast(driver, "Payload of Onboarding welcome series copied"),
        );
        Ok(())
    })
    .await;
}

/// Closes every toast, so that the next failure's toast is the only one.
async fn dismiss_toasts(session: &Session) -> WebDriverResult<()> {
    for close in session
        .driver
        .find_all(By::Css(".toasts button[aria-label^='Dismiss']"))
        .await?
    {
        close.click().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn sharing_status_survives_a_server_restart_without_a_reload() {
    with_session_stepping(1_000, |session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        PackagesPage { driver }
            .click_row_button("Customer profile schema", "Share")
            .await?;
        let dialog = ShareDialog { driver };
        dialog.wait_open().await?;
        dialog.pick("Globex").await?;
        dialog.confirm().await?.click().await?;
        let sharing = SharingPage { driver };
        sharing
            .wait_rows(
                "the share runs",
                |rows| {
                    rows.iter()
                        .any(|r| r.2 == "In progress" || r.2 == "Pending")
                },
                SHARE_PATIENCE,
            )
            .await?;
        // Marks this page load: a reload would lose it.
        driver
            .execute("window.sameLoad = true;", Vec::new())
            .await?;

        session.server.stop().await;
        let problem = wait_visible(driver, By::Css(".refresh-problem"))
            .await?
            .text()
            .await?;
        assert!(
            problem.starts_with("Couldn't refresh: Couldn't reach the server — retrying in"),
            "{problem}"
        );
        assert!(
            !sharing.rows().await?.is_empty(),
            "the rows stay while the server is down"
        );
        screenshot(driver, "resilience-sharing-server-down").await?;
        session.server.start().await;

        sharing
            .wait_rows(
                "the share finishes after the restart",
                |rows| rows.iter().all(|r| r.2 == "Completed" || r.2 == "Failed"),
                SHARE_PATIENCE,
            )
            .await?;
        assert!(driver
            .find_all(By::Css(".refresh-problem"))
            .await?
            .is_empty());
        let same_load: bool = driver
            .execute("return window.sameLoad === true;", Vec::new())
            .await?
            .convert()?;
        assert!(same_load, "recovered without a reload");
        Ok(())
    })
    .await;
}

/// The import page of "Loyalty tier segments" into acme-dev, at `step`, with `extra` query.
async fn import_path(session: &Session, step: &str, extra: &str) -> WebDriverResult<String> {
    session.open("/connection").await?;
    let id = package_id(session, "demo-acme-admin", ACME, "Loyalty tier segments").await?;
    Ok(format!(
        "/packages/{id}/import?to=acme-dev&step={step}{extra}"
    ))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_import_preview_under_every_fault() {
    with_session(|session| async move {
        let path = import_path(&session, "preview", "").await?;
        for (name, route) in [
            (
                "import impact",
                "/data/foundation/exim/packages/{id}/import",
            ),
            (
                "import preflight",
                "/data/foundation/exim/packages/preflight/{id}",
            ),
        ] {
            let screen = ReadScreen {
                name,
                fault_path: None,
                reads: 1,
                route: ("GET", route),
                scope: ".import-step",
                loading: By::Css(".import-step p.loading[aria-busy='true']"),
                loaded: By::Id("impact-table"),
            };
            drill_read(&session, &screen, &path).await?;
        }
        // What objects depend on only informs: its failure is said under the table, blocks
        // nothing, and passes by itself.
        arm_fault(
            &session,
            Fault::ServerError.spec(("POST", "/data/foundation/exim/packages/{id}/children")),
        )
        .await?;
        session.open(&path).await?;
        let note = wait_visible(&session.driver, By::Id("dependencies-problem")).await?;
        assert!(
            note.text().await?.contains(Fault::ServerError.message()),
            "{}",
            note.text().await?
        );
        wait_visible(&session.driver, By::Id("impact-table")).await?;
        eventually("the dependencies listed after the retry", || async {
            Ok(request_count(
                &session,
                "POST /data/foundation/exim/packages/{id}/children",
            )
            .await?
                >= 2
                && session
                    .driver
                    .find_all(By::Id("dependencies-problem"))
                    .await?
                    .is_empty())
        })
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn submitting_an_import_under_every_fault_keeps_the_choices() {
    with_session(|session| async move {
        let path = import_path(&session, "confirm", "&name=Drill%20job").await?;
        session.open(&path).await?;
        let driver = &session.driver;
        let job_name = || async {
            wait_visible(driver, By::Id("job-name"))
                .await?
                .prop("value")
                .await
                .map(Option::unwrap_or_default)
        };
        wait_visible(driver, By::Id("impact-table"))
            .await
            .or(wait_visible(driver, By::Id("import-totals")).await)?;
        drill_write!(
            &session,
            ("POST", "/data/foundation/exim/packages/import"),
            submit: async { driver.find(By::Id("import-submit")).await?.click().await },
            failed: |said| alert_saying(&session, ".import-step", said),
            kept: async {
                assert_eq!(job_name().await?, "Drill job");
                assert!(driver.current_url().await?.as_str().contains("to=acme-dev"));
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//button[@id='import-submit'][normalize-space(.)='Importing…']"),
            done: wait_visible(driver, By::Id("import-job")),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_jobs_list_under_every_fault() {
    with_session(|session| async move {
        session.open("/jobs").await?;
        publish(&session, "Cart abandonment journey").await?;
        let screen = ReadScreen {
            name: "jobs",
            fault_path: None,
            reads: 1,
            route: ("GET", "/data/foundation/exim/packages/jobs"),
            scope: ".jobs-main",
            loading: By::XPath("//p[@aria-busy='true'][normalize-space(.)='Loading jobs…']"),
            loaded: By::Css("#jobs-table tbody tr"),
        };
        drill_read(&session, &screen, "/jobs").await?;

        // A slow change of view keeps the rows and says it is updating.
        arm_fault(&session, Fault::Slow.spec(screen.route)).await?;
        JobsPage {
            driver: &session.driver,
        }
        .sort_by("Name")
        .await?;
        wait_visible(
            &session.driver,
            By::XPath("//*[contains(@class,'live-status')]//*[normalize-space(.)='Updating…']"),
        )
        .await?;
        assert!(!session
            .driver
            .find_all(By::Css("#jobs-table tbody tr"))
            .await?
            .is_empty());
        screenshot(&session.driver, "resilience-jobs-updating").await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_job_rail_under_every_fault() {
    with_session(|session| async move {
        session.open("/jobs").await?;
        let id = publish(&session, "Cart abandonment journey").await?;
        let screen = ReadScreen {
            name: "job rail",
            fault_path: None,
            reads: 1,
            route: ("GET", "/data/foundation/exim/tools/job/{id}"),
            scope: "aside.rail",
            loading: By::Css("aside.rail p.loading[aria-busy='true']"),
            loaded: By::Css("aside.rail dl.metadata"),
        };
        drill_read(&session, &screen, &format!("/jobs/{id}")).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_import_page_and_its_job_under_every_fault() {
    with_session(|session| async move {
        let path = import_path(&session, "sandbox", "").await?;
        let package = ReadScreen {
            name: "import package",
            fault_path: None,
            reads: 1,
            route: ("GET", "/data/foundation/exim/packages/{id}"),
            scope: "#main",
            loading: By::XPath("//p[@aria-busy='true'][normalize-space(.)='Loading the package…']"),
            loaded: By::Css("ol.import-steps"),
        };
        drill_read(&session, &package, &path).await?;

        let id = package_id(&session, "demo-acme-admin", ACME, "Loyalty tier segments").await?;
        let job = import_through_api(&session, "demo-acme-admin", &id, "acme-dev").await?;
        let followed = ReadScreen {
            name: "import job",
            fault_path: None,
            reads: 1,
            route: ("GET", "/data/foundation/exim/tools/job/{id}"),
            scope: "#import-job",
            loading: By::Css("#import-job p.loading[aria-busy='true']"),
            loaded: By::Id("import-result-totals"),
        };
        drill_read(
            &session,
            &followed,
            &format!("/packages/{id}/import?to=acme-dev&job={job}"),
        )
        .await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn creating_a_package_under_every_fault_keeps_the_form() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = NewPackagePage { driver };
        session.open("/packages/new").await?;
        page.type_into("package-name", "Drill package").await?;
        page.open_tab("By type and ID").await?;
        page.add_by_id("JOURNEY", "drill-journey-1", "Drill journey")
            .await?;
        page.wait_chosen(&["JOURNEY Drill journey"]).await?;
        drill_write!(
            &session,
            ("POST", "/data/foundation/exim/packages"),
            submit: page.create(),
            failed: |said| alert_saying(&session, "#create-refusal", said),
            kept: async {
                assert_eq!(page.value("package-name").await?, "Drill package");
                page.wait_chosen(&["JOURNEY Drill journey"]).await
            },
            busy: By::XPath("//button[@id='create-package'][normalize-space(.)='Creating…']"),
            done: eventually("the draft's details open", || async {
                Ok(driver.find_all(By::Id("artifacts-table")).await?.len() == 1)
            }),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn adding_artifacts_under_every_fault_keeps_the_choice() {
    with_session(|session| async move {
        let driver = &session.driver;
        let page = NewPackagePage { driver };
        session.open("/packages").await?;
        let (status, draft) = api_call(
            &session,
            "POST",
            "/exim/packages",
            "demo-acme-admin",
            ACME,
            Some(serde_json::json!({"name": "Drill draft", "packageType": "PARTIAL"})),
        )
        .await?;
        assert_eq!(status, 201, "{draft}");
        session
            .open(&format!(
                "/packages/{}",
                draft["id"].as_str().expect("an id")
            ))
            .await?;
        wait_visible(driver, By::Id("add-artifacts"))
            .await?
            .click()
            .await?;
        page.open_tab("By type and ID").await?;
        page.add_by_id("PROFILE_SEGMENT", "drill-segment-1", "Drill audience")
            .await?;
        page.wait_chosen(&["PROFILE_SEGMENT Drill audience"])
            .await?;
        let submit = || async {
            driver
                .find(By::Id("add-artifacts-submit"))
                .await?
                .click()
                .await
        };
        drill_write!(
            &session,
            ("PUT", "/data/foundation/exim/packages"),
            submit: submit(),
            failed: |said| alert_saying(&session, "#add-artifacts-dialog", said),
            kept: page.wait_chosen(&["PROFILE_SEGMENT Drill audience"]),
            busy: By::XPath("//button[@id='add-artifacts-submit'][normalize-space(.)='Adding…']"),
            done: eventually("the artifact is in the package", || async {
                Ok(driver.find_all(By::Css("#artifacts-table tbody tr")).await?.len() == 1)
            }),
        );
        Ok(())
    })
    .await;
}

/// A draft of the demo package "Win-back journeys" artifacts, opened on its details page.
async fn open_drill_draft(session: &Session, name: &str) -> WebDriverResult<String> {
    session.open("/packages").await?;
    let artifacts = demo_artifacts(session, "Win-back journeys").await?;
    let id = create_draft(session, name, artifacts).await?;
    DetailsPage { session }.open(&id).await?;
    Ok(id)
}

#[tokio::test(flavor = "multi_thread")]
async fn editing_details_under_every_fault_keeps_what_was_typed() {
    with_session(|session| async move {
        let driver = &session.driver;
        open_drill_draft(&session, "Drill edit").await?;
        let details = DetailsPage { session: &session };
        details.click("edit-details").await?;
        details.wait_dialog("edit-details-dialog").await?;
        details.type_into("edit-name", "Drill renamed").await?;
        details
            .type_into("edit-description", "Typed before the fault")
            .await?;
        drill_write!(
            &session,
            ("PUT", "/data/foundation/exim/packages"),
            submit: details.click("save-details"),
            failed: |said| alert_saying(&session, "#edit-details-dialog", said),
            kept: async {
                assert_eq!(details.value_of("edit-name").await?, "Drill renamed");
                assert_eq!(details.value_of("edit-description").await?, "Typed before the fault");
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//button[@id='save-details'][normalize-space(.)='Saving…']"),
            done: crate::support::wait_for_toast(driver, "Details of Drill renamed saved"),
        );
        assert_eq!(details.heading().await?, "Drill renamed");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn publishing_under_every_fault_keeps_the_expiry() {
    with_session(|session| async move {
        let driver = &session.driver;
        open_drill_draft(&session, "Drill publish faults").await?;
        let details = DetailsPage { session: &session };
        details.click("publish").await?;
        details.wait_dialog("publish-dialog").await?;
        details.type_into("publish-expiry", "45").await?;
        drill_write!(
            &session,
            ("GET", "/data/foundation/exim/packages/{id}/export"),
            submit: details.click("confirm-publish"),
            failed: |said| alert_saying(&session, "#publish-dialog", said),
            kept: async {
                assert_eq!(details.value_of("publish-expiry").await?, "45");
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//button[@id='confirm-publish'][normalize-space(.)='Publishing…']"),
            done: wait_visible(driver, By::Id("publishing-note")),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_under_every_fault_keeps_the_confirmation() {
    with_session(|session| async move {
        let driver = &session.driver;
        let id = open_drill_draft(&session, "Drill delete faults").await?;
        let details = DetailsPage { session: &session };
        details.click(&format!("delete-{id}")).await?;
        details.wait_dialog("delete-dialog").await?;
        drill_write!(
            &session,
            ("DELETE", "/data/foundation/exim/packages/{id}"),
            submit: details.click("confirm-delete"),
            failed: |said| alert_saying(&session, "#delete-dialog", said),
            kept: async {
                assert!(driver.find(By::Id("delete-dialog")).await?.is_displayed().await?, "the confirmation stays open");
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//button[@id='confirm-delete'][normalize-space(.)='Deleting…']"),
            done: eventually("back on Packages", || async {
                Ok(driver.current_url().await?.path() == "/packages")
            }),
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn following_a_publish_rides_out_a_failed_refresh() {
    // Publishing takes two slow steps: the page polls it a few times.
    with_session_stepping(4_000, |session| async move {
        let driver = &session.driver;
        let id = open_drill_draft(&session, "Drill followed").await?;
        let details = DetailsPage { session: &session };
        details.click("publish").await?;
        details.wait_dialog("publish-dialog").await?;
        arm_fault(
            &session,
            Fault::ServerError.spec(("GET", "/data/foundation/exim/packages/{id}")),
        )
        .await?;
        details.click("confirm-publish").await?;
        wait_visible(driver, By::Id("publishing-note")).await?;
        let problem = wait_visible(driver, By::Css("#publishing-note .refresh-problem"))
            .await?
            .text()
            .await?;
        assert!(
            problem.starts_with("Couldn't refresh: Platform had a problem — retrying in"),
            "{problem}"
        );
        assert_eq!(
            details.heading().await?,
            "Drill followed",
            "the package stays shown"
        );
        crate::support::wait_for_toast(driver, "Drill followed is published").await?;
        assert!(driver.find_all(By::Id("publishing-note")).await?.is_empty());
        assert_eq!(
            request_count(&session, "GET /data/foundation/exim/packages/{id}/export").await?,
            1,
            "the publish itself was sent once"
        );
        let (_, status) = crate::support::authoring_pages::status_of(&session, &id).await?;
        assert_eq!(status, "PUBLISHED");
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bulk_sharing_under_every_fault() {
    with_session(|session| async move {
        let driver = &session.driver;
        session.open("/packages").await?;
        let bulk = BulkShare { driver };
        let package = "Win-back journeys";
        // Each round is a new bulk share of one package to Globex: its results replace the
        // form, so the round before is closed first.
        let share_again = || async {
            if let Some(close) = driver.find_all(By::Id("close-bulk-share")).await?.first() {
                close.click().await?;
            }
            bulk.select(package).await?;
            bulk.open_dialog().await?;
            bulk.pick("Glo").await?;
            bulk.confirm().await?.click().await
        };
        drill_write!(
            &session,
            ("POST", "/data/foundation/exim/transfer"),
            submit: share_again(),
            failed: |said| shown_saying(&session, "#bulk-share-results td", said),
            kept: async {
                let rows = bulk.results().await?;
                assert_eq!(rows.len(), 1, "{rows:?}");
                assert!(rows[0].2.starts_with("Failed"), "the package's row says it failed: {rows:?}");
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//button[@id='close-bulk-share'][normalize-space(.)='Sharing…']"),
            done: async {
                let rows = bulk.wait_answered().await?;
                assert!(rows[0].2.starts_with("Started"), "{rows:?}");
                WebDriverResult::Ok(())
            },
        );
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn retrying_a_failed_share_under_every_fault() {
    with_session(|session| async move {
        let driver = &session.driver;
        RetryShare::open_failed_rail(&session).await?;
        drill_write!(
            &session,
            ("POST", "/data/foundation/exim/transfer"),
            submit: async { wait_visible(driver, RetryShare::rail_button()).await?.click().await },
            failed: |said| toast_saying(&session, said),
            kept: async {
                let button = wait_visible(driver, RetryShare::rail_button()).await?;
                assert!(button.is_enabled().await?, "Retry is offered again after a failure");
                WebDriverResult::Ok(())
            },
            busy: By::XPath("//aside[contains(@class,'rail')]//button[normalize-space(.)='Retrying…']"),
            done: async {
                RetryShare { driver }.rail_link("Retried by").await?;
                WebDriverResult::Ok(())
            },
        );
        Ok(())
    })
    .await;
}
