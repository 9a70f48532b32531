//! Page objects of the Share dialog and Sharing Status.

use std::time::Duration;

use thirtyfour::prelude::*;

use super::wait;
use super::wait_visible;

/// The Share dialog with its partner picker.
pub struct ShareDialog<'a> {
    pub driver: &'a WebDriver,
}

impl ShareDialog<'_> {
    pub async fn wait_open(&self) -> WebDriverResult<WebElement> {
        wait_visible(self.driver, By::Id("share-dialog")).await
    }

    /// The names offered for what is typed (the listbox must be open).
    pub async fn suggestions(&self, typed: &str) -> WebDriverResult<Vec<String>> {
        let input = wait_visible(self.driver, By::Id("share-orgs")).await?;
        input.clear().await?;
        input.click().await?;
        input.send_keys(typed).await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let mut names = Vec::new();
        for option in self
            .driver
            .find_all(By::Css("#share-orgs-listbox [role='option'] .option-name"))
            .await?
        {
            if option.is_displayed().await? {
                names.push(option.text().await?);
            }
        }
        Ok(names)
    }

    /// Picks an organization by typing part of its name and pressing Enter.
    pub async fn pick(&self, typed: &str) -> WebDriverResult<()> {
        let input = wait_visible(self.driver, By::Id("share-orgs")).await?;
        input.send_keys(typed).await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        input.send_keys(Key::Enter).await
    }

    pub async fn tags(&self) -> WebDriverResult<Vec<String>> {
        let mut tags = Vec::new();
        for tag in self
            .driver
            .find_all(By::Css("#share-dialog .tag span"))
            .await?
        {
            tags.push(tag.text().await?);
        }
        Ok(tags)
    }

    pub async fn confirm(&self) -> WebDriverResult<WebElement> {
        self.driver.find(By::Id("confirm-share")).await
    }
}

/// The Sharing Status table and rail.
pub struct SharingPage<'a> {
    pub driver: &'a WebDriver,
}

impl SharingPage<'_> {
    /// (package, target org, status) of every row, in order, read in one go so that a live
    /// refresh cannot change the table halfway through.
    pub async fn rows(&self) -> WebDriverResult<Vec<(String, String, String)>> {
        self.driver
            .execute(
                "return [...document.querySelectorAll('#transfers-table tbody tr')].map((row) => {
                   const cells = [...row.querySelectorAll('td')].map((td) => td.innerText.trim());
                   return [cells[0], (cells[2] || '').split('\\n')[0], cells[4]];
                 });",
                Vec::new(),
            )
            .await?
            .convert()
    }

    /// Waits until `check` holds for the rows, without reloading the page.
    pub async fn wait_rows(
        &self,
        what: &str,
        check: impl Fn(&[(String, String, String)]) -> bool,
        patience: Duration,
    ) -> WebDriverResult<Vec<(String, String, String)>> {
        wait::until(what, patience, || self.rows(), |rows| check(rows)).await
    }

    pub async fn open_row(&self, package: &str, target: &str) -> WebDriverResult<()> {
        let xpath = format!(
            "//table[@id='transfers-table']//tr[td[1][normalize-space(.)='{package}']][td[3][contains(., '{target}')]]//td[1]/a"
        );
        self.driver.find(By::XPath(xpath)).await?.click().await?;
        wait_visible(self.driver, By::Css("aside.rail"))
            .await
            .map(|_| ())
    }

    pub async fn rail_text(&self) -> WebDriverResult<String> {
        self.driver.find(By::Css("aside.rail")).await?.text().await
    }

    /// Names of the stepper's steps in a given state (`done`, `in-progress`, `failed`).
    pub async fn steps(&self, state: &str) -> WebDriverResult<Vec<String>> {
        let mut names = Vec::new();
        for step in self
            .driver
            .find_all(By::Css(format!(".stepper .step.{state} .step-name")))
            .await?
        {
            names.push(step.text().await?);
        }
        Ok(names)
    }
}

/// How long a share may take at the default fast step (plus one poll interval).
pub const SHARE_PATIENCE: Duration = Duration::from_secs(30);
