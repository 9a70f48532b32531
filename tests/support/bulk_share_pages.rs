//! Page objects of the selection on Packages and the bulk Share dialog with its results.

use thirtyfour::prelude::*;

use super::wait::{self, eventually, PATIENCE};
use super::wait_visible;

/// The Packages page as a place to choose packages and share them in one go.
pub struct BulkShare<'a> {
    pub driver: &'a WebDriver,
}

/// One line of the results: package, organization, and what the result cell says.
pub type ResultRow = (String, String, String);

impl BulkShare<'_> {
    /// The checkbox named "Select: ‹package›".
    pub async fn checkbox(&self, package: &str) -> WebDriverResult<WebElement> {
        wait_visible(
            self.driver,
            By::Css(format!(
                "input[aria-label={:?}]",
                format!("Select: {package}")
            )),
        )
        .await
    }

    pub async fn select(&self, package: &str) -> WebDriverResult<()> {
        self.checkbox(package).await?.click().await
    }

    pub async fn is_selected(&self, package: &str) -> WebDriverResult<bool> {
        self.checkbox(package).await?.is_selected().await
    }

    /// The header checkbox: (checked, mixed).
    pub async fn select_all_state(&self) -> WebDriverResult<(bool, bool)> {
        self.driver
            .execute(
                "const box = document.getElementById('select-all-packages');
                 return [box.checked, box.indeterminate];",
                Vec::new(),
            )
            .await?
            .convert()
    }

    /// What the polite count says ("" when nothing is selected).
    pub async fn count_text(&self) -> WebDriverResult<String> {
        self.driver
            .find(By::Css(".selection-bar .selection-count"))
            .await?
            .text()
            .await
    }

    pub async fn wait_count(&self, text: &str) -> WebDriverResult<()> {
        eventually(&format!("the selection count to say {text:?}"), || async {
            Ok(self.count_text().await? == text)
        })
        .await
    }

    /// Opens the dialog with "Share N packages".
    pub async fn open_dialog(&self) -> WebDriverResult<()> {
        wait_visible(self.driver, By::Id("bulk-share"))
            .await?
            .click()
            .await?;
        wait_visible(self.driver, By::Id("bulk-share-dialog"))
            .await
            .map(|_| ())
    }

    /// Chooses a partner in the dialog's picker by typing part of its name and pressing Enter.
    pub async fn pick(&self, typed: &str) -> WebDriverResult<()> {
        let input = wait_visible(self.driver, By::Id("bulk-share-orgs")).await?;
        let tags_before = self.tags().await?;
        input.send_keys(typed).await?;
        let wanted = typed.to_lowercase();
        wait::until(
            &format!("a suggestion for {typed:?} to be active"),
            PATIENCE,
            || async {
                self.driver
                    .execute(
                        "const input = document.getElementById('bulk-share-orgs');
                         const active = document.getElementById(input.getAttribute('aria-activedescendant') || '');
                         return active && active.checkVisibility() ? active.innerText : '';",
                        Vec::new(),
                    )
                    .await?
                    .convert::<String>()
            },
            |active| active.to_lowercase().contains(&wanted),
        )
        .await?;
        input.send_keys(Key::Enter).await?;
        eventually("the partner to be chosen", || async {
            Ok(self.tags().await? == tags_before + 1)
        })
        .await
    }

    async fn tags(&self) -> WebDriverResult<usize> {
        Ok(self
            .driver
            .find_all(By::Css("#bulk-share-dialog .tag"))
            .await?
            .len())
    }

    pub async fn confirm(&self) -> WebDriverResult<WebElement> {
        wait_visible(self.driver, By::Id("confirm-bulk-share")).await
    }

    /// The results as shown now.
    pub async fn results(&self) -> WebDriverResult<Vec<ResultRow>> {
        self.driver
            .execute(
                "return [...document.querySelectorAll('#bulk-share-results tbody tr')].map((row) =>
                   [...row.querySelectorAll('td')].map((td) => td.innerText.trim()));",
                Vec::new(),
            )
            .await?
            .convert()
    }

    /// Waits until every package has its answer; returns the results.
    pub async fn wait_answered(&self) -> WebDriverResult<Vec<ResultRow>> {
        wait::until(
            "every package's answer",
            PATIENCE,
            || self.results(),
            |rows| {
                !rows.is_empty()
                    && rows
                        .iter()
                        .all(|(_, _, result)| !result.starts_with("Sending"))
            },
        )
        .await
    }
}
