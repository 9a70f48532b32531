//! Page object of a partner page (`/partners/<org>`) and of the Partners tab's pending count.

use thirtyfour::prelude::*;

use super::wait::{self, eventually, PATIENCE};
use super::{wait_visible, Session};

/// The partner page.
pub struct PartnerPage<'a> {
    pub driver: &'a WebDriver,
}

/// Which list of shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shares {
    To,
    From,
}

impl Shares {
    fn section(self) -> &'static str {
        match self {
            Shares::To => "#shares-to",
            Shares::From => "#shares-from",
        }
    }
}

impl PartnerPage<'_> {
    pub async fn open(session: &Session, org_id: &str) -> WebDriverResult<()> {
        session.open(&format!("/partners/{org_id}")).await
    }

    /// Opens the page of `org_id` and waits until it shows the partner `name`.
    pub async fn open_shown<'s>(
        session: &'s Session,
        org_id: &str,
        name: &str,
    ) -> WebDriverResult<PartnerPage<'s>> {
        Self::open(session, org_id).await?;
        let page = PartnerPage {
            driver: &session.driver,
        };
        page.wait_for_partner(name).await?;
        Ok(page)
    }

    /// The page's heading, once the page has one.
    pub async fn heading(&self) -> WebDriverResult<String> {
        wait_visible(self.driver, By::Css("main h1"))
            .await?
            .text()
            .await
    }

    /// Waits for the partner's name as the heading.
    pub async fn wait_for_partner(&self, name: &str) -> WebDriverResult<()> {
        wait::until(
            &format!("the partner page of {name}"),
            PATIENCE,
            || async {
                let found = self.driver.find_all(By::Css("h1.partner-name")).await?;
                match found.first() {
                    Some(heading) => heading.text().await,
                    None => Ok(String::new()),
                }
            },
            |text| text == name,
        )
        .await
        .map(|_| ())
    }

    /// The facts list: "IMS org ID …", "Region …", "Partnership …".
    pub async fn facts(&self) -> WebDriverResult<String> {
        self.driver
            .find(By::Css(".partner-facts"))
            .await?
            .text()
            .await
    }

    pub async fn status(&self) -> WebDriverResult<String> {
        self.driver
            .find(By::Id("partnership-status"))
            .await?
            .text()
            .await
    }

    pub async fn wait_for_status(&self, status: &str) -> WebDriverResult<()> {
        wait::until(
            &format!("the partnership to be {status}"),
            PATIENCE,
            || self.status(),
            |shown| shown == status,
        )
        .await
        .map(|_| ())
    }

    /// Completed and failed counts, once both are read.
    pub async fn counts(&self) -> WebDriverResult<(String, String)> {
        wait::until(
            "the share counts",
            PATIENCE,
            || async {
                let completed = self
                    .driver
                    .find(By::Id("completed-count"))
                    .await?
                    .text()
                    .await?;
                let failed = self
                    .driver
                    .find(By::Id("failed-count"))
                    .await?
                    .text()
                    .await?;
                Ok((completed, failed))
            },
            |(completed, failed)| completed != "…" && failed != "…",
        )
        .await
    }

    pub async fn last_failure(&self) -> WebDriverResult<String> {
        wait_visible(self.driver, By::Id("last-failure"))
            .await?
            .text()
            .await
    }

    /// The package names of a list's rows, once the list has loaded (rows or its empty state).
    pub async fn shares(&self, list: Shares) -> WebDriverResult<Vec<String>> {
        let section = list.section();
        wait::until_some(&format!("the list {section}"), PATIENCE, || async {
            self.driver
                .execute(
                    "const section = document.querySelector(arguments[0]);
                         if (!section) return null;
                         const rows = [...section.querySelectorAll('tbody tr td:first-child')];
                         if (rows.length) return rows.map((cell) => cell.innerText.trim());
                         return section.querySelector('.empty-state') ? [] : null;",
                    vec![serde_json::json!(section)],
                )
                .await?
                .convert()
        })
        .await
    }

    /// The text of every partnership request with its history.
    pub async fn requests(&self) -> WebDriverResult<String> {
        wait_visible(self.driver, By::Css(".request-list"))
            .await?
            .text()
            .await
    }

    /// Clicks a button of the request from or to the partner (`direction`: incoming/outgoing).
    pub async fn request_button(&self, direction: &str, label: &str) -> WebDriverResult<()> {
        let button = wait_visible(
            self.driver,
            By::XPath(format!(
                "//li[contains(@class,'request-item') and @data-direction='{direction}']//button[normalize-space(.)='{label}']"
            )),
        )
        .await?;
        button.click().await
    }

    pub async fn share_link(&self) -> WebDriverResult<Option<WebElement>> {
        Ok(self
            .driver
            .find_all(By::Id("share-with-partner"))
            .await?
            .into_iter()
            .next())
    }
}

/// The Partners tab: its visible text and its accessible name.
pub async fn partners_tab(
    driver: &WebDriver,
) -> WebDriverResult<(String, Option<String>, Option<String>)> {
    driver
        .execute(
            "const link = document.querySelector('nav.tabs a[href=\"/partners\"]');
             return [link.innerText.trim(), link.getAttribute('aria-label'),
                     link.parentElement.getAttribute('data-pending')];",
            Vec::new(),
        )
        .await?
        .convert()
}

/// Waits until the Partners tab shows `count` pending requests (None: no count).
pub async fn wait_for_pending(driver: &WebDriver, count: Option<u32>) -> WebDriverResult<()> {
    let expected = count.map(|n| n.to_string());
    eventually(
        &format!("the Partners tab to show {expected:?} pending"),
        || async {
            let (_, _, shown) = partners_tab(driver).await?;
            Ok(shown == expected)
        },
    )
    .await
}
