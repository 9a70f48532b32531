//! Page objects: what a test can see and do on each screen, in the user's words.

use thirtyfour::prelude::*;

use super::PATIENCE;

const POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// The Packages tab.
pub struct PackagesPage<'a> {
    pub driver: &'a WebDriver,
}

impl PackagesPage<'_> {
    /// Waits until the inventory table is shown and returns the package names in order.
    pub async fn package_names(&self) -> WebDriverResult<Vec<String>> {
        let table = self
            .driver
            .query(By::Css("#packages-table"))
            .wait(PATIENCE, POLL)
            .first()
            .await?;
        let mut names = Vec::new();
        for cell in table.find_all(By::Css("tbody td.name-cell")).await? {
            let text = cell.text().await?;
            names.push(text.lines().next().unwrap_or_default().to_string());
        }
        Ok(names)
    }

    /// Waits until a package with this name is listed.
    pub async fn wait_for_package(&self, name: &str) -> WebDriverResult<()> {
        self.driver
            .query(By::XPath(format!(
                "//table[@id='packages-table']//td[contains(@class,'name-cell')][starts-with(normalize-space(.), {})]",
                xpath_literal(name)
            )))
            .wait(PATIENCE, POLL)
            .first()
            .await
            .map(|_| ())
    }

    /// The alert shown when loading failed: its heading and text.
    pub async fn error_alert(&self) -> WebDriverResult<String> {
        self.driver
            .query(By::Css("[role='alert']"))
            .wait(PATIENCE, POLL)
            .first()
            .await?
            .text()
            .await
    }
}

/// The header, present on every screen.
pub struct Header<'a> {
    pub driver: &'a WebDriver,
}

impl Header<'_> {
    pub async fn org_name(&self) -> WebDriverResult<String> {
        self.driver
            .find(By::Css(".app-header .org-name"))
            .await?
            .text()
            .await
    }

    pub async fn open_tab(&self, name: &str) -> WebDriverResult<()> {
        self.driver
            .find(By::XPath(format!(
                "//nav[@aria-label='Main']//a[normalize-space(.)={}]",
                xpath_literal(name)
            )))
            .await?
            .click()
            .await
    }
}

/// The Connection panel.
pub struct ConnectionPage<'a> {
    pub driver: &'a WebDriver,
}

impl ConnectionPage<'_> {
    /// Chooses a demo profile by its token (e.g. `demo-globex-admin`) and connects.
    pub async fn connect_demo(&self, token: &str) -> WebDriverResult<()> {
        self.driver
            .query(By::Id(format!("profile-{token}")))
            .wait(PATIENCE, POLL)
            .first()
            .await?
            .click()
            .await?;
        self.driver
            .find(By::Id("connect-button"))
            .await?
            .click()
            .await
    }
}

/// Quotes a string for XPath whatever quotes it contains.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else {
        format!("concat('{}')", text.replace('\'', "', \"'\", '"))
    }
}
