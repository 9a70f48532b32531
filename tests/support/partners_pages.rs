//! Page objects of Partners and Import, and keyboard helpers, in the user's words.

use thirtyfour::common::keys::TypingData;
use thirtyfour::prelude::*;

use super::pages::ConnectionPage;
use super::wait::eventually;
use super::{api_call, wait_present, wait_visible, Session};

/// Types keys into whatever has focus, as a keyboard user would.
pub async fn press(driver: &WebDriver, keys: impl Into<TypingData>) -> WebDriverResult<()> {
    driver.action_chain().send_keys(keys).perform().await
}

/// Shift+Tab.
pub async fn press_shift_tab(driver: &WebDriver) -> WebDriverResult<()> {
    driver
        .action_chain()
        .key_down(Key::Shift)
        .send_keys(Key::Tab)
        .key_up(Key::Shift)
        .perform()
        .await
}

/// The focused element's `id` and visible text.
pub async fn focused(driver: &WebDriver) -> WebDriverResult<(String, String)> {
    let element = driver.active_element().await?;
    Ok((
        element.attr("id").await?.unwrap_or_default(),
        element.text().await?,
    ))
}

/// Connects as a demo user, then opens `path`.
pub async fn open_as(session: &Session, token: &str, path: &str) -> WebDriverResult<()> {
    session.open("/connection").await?;
    ConnectionPage {
        driver: &session.driver,
    }
    .connect_demo(token)
    .await?;
    eventually("the connection leaves for Packages", || async {
        Ok(session.driver.current_url().await?.path() == "/packages")
    })
    .await?;
    session.open(path).await
}

/// The id of an org's package, looked up by name through the API (the page must be open).
pub async fn package_id(
    session: &Session,
    token: &str,
    org_id: &str,
    name: &str,
) -> WebDriverResult<String> {
    let (status, body) = api_call(
        session,
        "GET",
        &format!("/exim/packages?property=name~{}", name.replace(' ', "%20")),
        token,
        org_id,
        None,
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    Ok(body["data"][0]["id"]
        .as_str()
        .expect("a package id")
        .to_string())
}

/// Shares a package through the API (what the Share picker will do); returns the status and
/// the answer.
pub async fn share_through_api(
    session: &Session,
    token: &str,
    org_id: &str,
    package_id: &str,
    target: &str,
) -> WebDriverResult<(u16, serde_json::Value)> {
    api_call(
        session,
        "POST",
        "/exim/transfer",
        token,
        org_id,
        Some(serde_json::json!({"packageId": package_id, "targets": [{"imsOrgId": target}]})),
    )
    .await
}

/// The two tables of the Partners screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Outgoing,
    Incoming,
}

impl Table {
    fn id(self) -> &'static str {
        match self {
            Table::Outgoing => "outgoing-table",
            Table::Incoming => "incoming-table",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Table::Outgoing => "outgoing",
            Table::Incoming => "incoming",
        }
    }
}

/// The Partners screen.
pub struct PartnersPage<'a> {
    pub driver: &'a WebDriver,
}

impl PartnersPage<'_> {
    /// The row whose partner cell mentions `partner` (a name or an org ID).
    pub async fn row(&self, table: Table, partner: &str) -> WebDriverResult<WebElement> {
        wait_present(
            self.driver,
            By::XPath(format!(
                "//table[@id='{}']/tbody/tr[td[contains(@class,'name-cell')][contains(., '{partner}')]]",
                table.id()
            )),
        )
        .await
    }

    /// The partner names (or IDs) listed, in order.
    pub async fn partners(&self, table: Table) -> WebDriverResult<Vec<String>> {
        let table = wait_present(self.driver, By::Id(table.id())).await?;
        let mut names = Vec::new();
        for cell in table.find_all(By::Css("tbody td.name-cell")).await? {
            names.push(
                cell.text()
                    .await?
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            );
        }
        Ok(names)
    }

    pub async fn status(&self, table: Table, partner: &str) -> WebDriverResult<String> {
        self.row(table, partner)
            .await?
            .find(By::Css("td:nth-child(3)"))
            .await?
            .text()
            .await
    }

    pub async fn wait_for_status(
        &self,
        table: Table,
        partner: &str,
        expected: &str,
    ) -> WebDriverResult<()> {
        eventually(&format!("{partner} shows {expected}"), || async {
            Ok(self.status(table, partner).await? == expected)
        })
        .await
    }

    /// A button of a partner's row by its visible label.
    pub async fn row_button(
        &self,
        table: Table,
        partner: &str,
        label: &str,
    ) -> WebDriverResult<WebElement> {
        self.row(table, partner)
            .await?
            .find(By::XPath(format!(
                ".//button[normalize-space(.)='{label}']"
            )))
            .await
    }

    /// Opens a row's history and returns its text.
    pub async fn history(&self, table: Table, partner: &str) -> WebDriverResult<String> {
        self.row_button(table, partner, "History")
            .await?
            .click()
            .await?;
        wait_visible(self.driver, By::Css("tr.history-row .history"))
            .await?
            .text()
            .await
    }

    pub async fn filter(&self, table: Table, status_label: &str) -> WebDriverResult<()> {
        self.driver
            .find(By::XPath(format!(
                "//select[@id='{}-status-filter']/option[normalize-space(.)='{status_label}']",
                table.key()
            )))
            .await?
            .click()
            .await
    }

    /// The org-ID tags of the request dialog: (text, problem if any).
    pub async fn tags(&self) -> WebDriverResult<Vec<(String, Option<String>)>> {
        let mut tags = Vec::new();
        for tag in self.driver.find_all(By::Css(".tag-list .tag")).await? {
            let text = tag.find(By::Css(".tag-text")).await?.text().await?;
            let problem = match tag.find_all(By::Css(".tag-problem")).await?.first() {
                Some(problem) => Some(problem.text().await?),
                None => None,
            };
            tags.push((text, problem));
        }
        Ok(tags)
    }

    /// The per-organization results after sending.
    pub async fn request_results(&self) -> WebDriverResult<Vec<String>> {
        let list = wait_visible(self.driver, By::Css(".request-results ul")).await?;
        let mut lines = Vec::new();
        for item in list.find_all(By::Css("li")).await? {
            lines.push(item.text().await?);
        }
        Ok(lines)
    }
}

/// The Import screen.
pub struct ImportPage<'a> {
    pub driver: &'a WebDriver,
}

impl ImportPage<'_> {
    pub async fn payload_field(&self) -> WebDriverResult<WebElement> {
        wait_visible(self.driver, By::Id("payload-input")).await
    }

    /// Replaces the payload text (typed, so that the form sees input events).
    pub async fn enter_payload(&self, text: &str) -> WebDriverResult<()> {
        let field = self.payload_field().await?;
        field.clear().await?;
        field.send_keys(text).await
    }

    pub async fn payload_text(&self) -> WebDriverResult<String> {
        Ok(self
            .payload_field()
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    pub async fn submit(&self) -> WebDriverResult<()> {
        self.driver.find(By::Id("pull-button")).await?.click().await
    }

    /// Every message shown for the payload: the whole text first, then each field.
    pub async fn messages(&self) -> WebDriverResult<Vec<String>> {
        let mut messages = Vec::new();
        for id in [
            "payload-errors",
            "payload-org-errors",
            "payload-package-errors",
        ] {
            for item in self.driver.find_all(By::Css(format!("#{id} li"))).await? {
                messages.push(item.text().await?);
            }
        }
        Ok(messages)
    }

    /// Waits until the messages are exactly `expected`.
    pub async fn wait_for_messages(&self, expected: &[&str]) -> WebDriverResult<()> {
        eventually(&format!("the messages are {expected:?}"), || async {
            Ok(self.messages().await? == expected)
        })
        .await
    }

    /// The alert of a refused or failed pull.
    pub async fn error_alert(&self) -> WebDriverResult<String> {
        wait_visible(self.driver, By::Css(".pull-form [role='alert']"))
            .await?
            .text()
            .await
    }

    /// Package names of the "Pulled packages" table.
    pub async fn pulled_packages(&self) -> WebDriverResult<Vec<String>> {
        let mut names = Vec::new();
        for cell in self
            .driver
            .find_all(By::Css("#pulled-table tbody td.name-cell a"))
            .await?
        {
            names.push(cell.text().await?);
        }
        Ok(names)
    }
}
