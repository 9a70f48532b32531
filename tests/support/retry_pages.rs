//! Page objects of retrying a failed share on Sharing status, in its row and in its rail.

use thirtyfour::prelude::*;

use super::sharing_pages::SharingPage;
use super::wait::eventually;
use super::{wait_visible, Session};

/// The demo's failed share, and the partner it failed to reach.
pub const FAILED_PACKAGE: &str = "Broken journey bundle";
pub const FAILED_TARGET: &str = "Globex Corp";

pub struct RetryShare<'a> {
    pub driver: &'a WebDriver,
}

impl RetryShare<'_> {
    /// Opens Sharing status with the rail of the demo's failed share.
    pub async fn open_failed_rail(session: &Session) -> WebDriverResult<()> {
        session.open("/sharing").await?;
        SharingPage {
            driver: &session.driver,
        }
        .open_row(FAILED_PACKAGE, FAILED_TARGET)
        .await
    }

    /// The row of the demo's failed share that was not retried (the one that offers Retry).
    pub fn failed_row_button() -> By {
        By::XPath(format!(
            "//table[@id='transfers-table']//tr[td[1][normalize-space(.)='{FAILED_PACKAGE}']]//button[starts-with(@aria-label, 'Retry: {FAILED_PACKAGE} to {FAILED_TARGET}')]"
        ))
    }

    pub fn rail_button() -> By {
        By::Css("aside.rail button.retry-share")
    }

    /// The texts of the retry links in the table ("Retry of share 1a2b3c4d", …).
    pub async fn table_links(&self) -> WebDriverResult<Vec<String>> {
        let mut texts = Vec::new();
        for link in self
            .driver
            .find_all(By::Css("#transfers-table .retry-link"))
            .await?
        {
            texts.push(link.text().await?);
        }
        Ok(texts)
    }

    /// Waits until the table shows both links of one retry: "Retried by" and "Retry of".
    pub async fn wait_table_links(&self) -> WebDriverResult<Vec<String>> {
        eventually(
            "the table to link the failed share and its retry",
            || async {
                let links = self.table_links().await?;
                Ok(links.iter().any(|l| l.starts_with("Retried by share "))
                    && links.iter().any(|l| l.starts_with("Retry of share ")))
            },
        )
        .await?;
        self.table_links().await
    }

    /// The rail's retry link whose text starts with `label`, once shown.
    pub async fn rail_link(&self, label: &str) -> WebDriverResult<WebElement> {
        wait_visible(
            self.driver,
            By::XPath(format!(
                "//aside[contains(@class,'rail')]//small[contains(@class,'retry-link')][starts-with(normalize-space(.), '{label}')]/a"
            )),
        )
        .await
    }
}
