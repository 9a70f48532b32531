//! Page objects: what a test can see and do on each screen, in the user's words.

use thirtyfour::prelude::*;

use super::wait::{self, PATIENCE};
use super::wait_present;

/// The Packages tab.
pub struct PackagesPage<'a> {
    pub driver: &'a WebDriver,
}

impl PackagesPage<'_> {
    /// Waits until the inventory table is shown and returns the package names in order.
    pub async fn package_names(&self) -> WebDriverResult<Vec<String>> {
        let table = wait_present(self.driver, By::Css("#packages-table")).await?;
        let mut names = Vec::new();
        for cell in table.find_all(By::Css("tbody td.name-cell")).await? {
            let text = cell.text().await?;
            names.push(text.lines().next().unwrap_or_default().to_string());
        }
        Ok(names)
    }

    /// Waits until a package with this name is listed.
    pub async fn wait_for_package(&self, name: &str) -> WebDriverResult<()> {
        wait_present(
            self.driver,
            By::XPath(format!(
                "//table[@id='packages-table']//td[contains(@class,'name-cell')][starts-with(normalize-space(.), {})]",
                xpath_literal(name)
            )),
        )
        .await
        .map(|_| ())
    }

    /// The table row of a package.
    pub async fn row(&self, name: &str) -> WebDriverResult<WebElement> {
        self.wait_for_package(name).await?;
        self.driver
            .find(By::XPath(format!(
                "//table[@id='packages-table']//tr[td[contains(@class,'name-cell')]/a[normalize-space(.)={}]]",
                xpath_literal(name)
            )))
            .await
    }

    /// The labels of the buttons in a package's row.
    pub async fn row_buttons(&self, name: &str) -> WebDriverResult<Vec<String>> {
        let mut labels = Vec::new();
        for button in self.row(name).await?.find_all(By::Css("button")).await? {
            labels.push(button.text().await?);
        }
        Ok(labels)
    }

    /// Why a package cannot be shared, as its status tooltip says (None when it can be).
    pub async fn share_hint(&self, name: &str) -> WebDriverResult<Option<String>> {
        let row = self.row(name).await?;
        match row.find_all(By::Css("[role='tooltip']")).await?.first() {
            Some(tooltip) => Ok(Some(tooltip.prop("textContent").await?.unwrap_or_default())),
            None => Ok(None),
        }
    }

    /// Clicks a button of a package's row by its visible label.
    pub async fn click_row_button(&self, name: &str, label: &str) -> WebDriverResult<()> {
        self.row(name)
            .await?
            .find(By::XPath(format!(
                ".//button[normalize-space(.)={}]",
                xpath_literal(label)
            )))
            .await?
            .click()
            .await
    }

    pub async fn choose_availability(&self, label: &str) -> WebDriverResult<()> {
        self.driver
            .find(By::XPath(format!(
                "//fieldset[contains(@class,'segmented')]//label[normalize-space(.)={}]",
                xpath_literal(label)
            )))
            .await?
            .click()
            .await
    }

    pub async fn search(&self, text: &str) -> WebDriverResult<()> {
        let input = self.driver.find(By::Id("package-search")).await?;
        input.clear().await?;
        input.send_keys(text).await
    }

    pub async fn sort_by(&self, column: &str) -> WebDriverResult<()> {
        self.driver
            .find(By::XPath(format!(
                "//table[@id='packages-table']//th/button[starts-with(normalize-space(.), {})]",
                xpath_literal(column)
            )))
            .await?
            .click()
            .await
    }

    /// The `aria-sort` of a column header.
    pub async fn aria_sort(&self, column: &str) -> WebDriverResult<Option<String>> {
        self.driver
            .find(By::XPath(format!(
                "//table[@id='packages-table']//th[button[starts-with(normalize-space(.), {})]]",
                xpath_literal(column)
            )))
            .await?
            .attr("aria-sort")
            .await
    }

    /// Waits until the listed names are exactly `expected` (in order).
    pub async fn wait_for_names(&self, expected: &[&str]) -> WebDriverResult<()> {
        wait::until(
            &format!("the packages {expected:?}"),
            PATIENCE,
            || self.package_names(),
            |names| names == expected,
        )
        .await
        .map(drop)
    }

    /// The alert shown when loading failed: its heading and text.
    pub async fn error_alert(&self) -> WebDriverResult<String> {
        wait_present(self.driver, By::Css("[role='alert']"))
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
                "//nav[contains(@class,'tabs')]//a[normalize-space(.)={}]",
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
        wait_present(self.driver, By::Id(format!("profile-{token}")))
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
