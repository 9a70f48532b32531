//! Page object of the import of a package into a sandbox (`/packages/:id/import`).

use thirtyfour::prelude::*;

use super::orgs::ACME;
use super::pages::PackagesPage;
use super::wait::{self, PATIENCE};
use super::{api_call, wait_present, Session};

/// Starts an import of an Acme package into `sandbox` through the API, as `token`, and
/// returns the job's id.
pub async fn import_through_api(
    session: &Session,
    token: &str,
    package_id: &str,
    sandbox: &str,
) -> WebDriverResult<String> {
    let (status, started) = api_call(
        session,
        "POST",
        "/exim/packages/import",
        token,
        ACME,
        Some(serde_json::json!({
            "id": package_id,
            "destinationSandbox": {"name": sandbox, "imsOrgId": ACME},
        })),
    )
    .await?;
    assert_eq!(status, 202, "{started}");
    Ok(started["jobId"].as_str().expect("a job id").to_string())
}

pub struct SandboxImportPage<'a> {
    pub driver: &'a WebDriver,
}

impl SandboxImportPage<'_> {
    /// Follows a package's "Import into sandbox" row action on Packages.
    pub async fn open_from_packages(&self, package: &str) -> WebDriverResult<()> {
        let row = PackagesPage {
            driver: self.driver,
        }
        .row(package)
        .await?;
        row.find(By::XPath(".//a[normalize-space(.)='Import into sandbox']"))
            .await?
            .click()
            .await?;
        wait_present(self.driver, By::Css("ol.import-steps")).await?;
        Ok(())
    }

    /// The step marked current in the step list, as "2. Impact preview".
    pub async fn current_step(&self) -> WebDriverResult<String> {
        wait_present(
            self.driver,
            By::Css("ol.import-steps [aria-current='step']"),
        )
        .await?
        .text()
        .await
    }

    pub async fn wait_step(&self, step: &str) -> WebDriverResult<()> {
        wait::until(
            "the import step",
            PATIENCE,
            || self.current_step(),
            |current| current.ends_with(step),
        )
        .await
        .map(|_| ())
    }

    /// Names of the sandboxes offered as targets.
    pub async fn sandbox_choices(&self) -> WebDriverResult<Vec<String>> {
        wait_present(self.driver, By::Css("input[name='target-sandbox']")).await?;
        let mut names = Vec::new();
        for radio in self
            .driver
            .find_all(By::Css("input[name='target-sandbox']"))
            .await?
        {
            names.push(radio.attr("value").await?.unwrap_or_default());
        }
        Ok(names)
    }

    pub async fn choose_sandbox(&self, name: &str) -> WebDriverResult<()> {
        wait_present(self.driver, By::Id(format!("target-{name}")))
            .await?
            .click()
            .await
    }

    pub async fn next(&self) -> WebDriverResult<()> {
        self.driver.find(By::Id("import-next")).await?.click().await
    }

    pub async fn back(&self) -> WebDriverResult<()> {
        self.driver
            .find(By::XPath("//button[normalize-space(.)='Back']"))
            .await?
            .click()
            .await
    }

    /// Waits for the impact table and returns each row as (object title, what will happen).
    pub async fn impact_rows(&self) -> WebDriverResult<Vec<(String, String)>> {
        let table = wait_present(self.driver, By::Id("impact-table")).await?;
        let mut rows = Vec::new();
        for row in table.find_all(By::Css("tbody tr")).await? {
            let cells = row.find_all(By::Css("td")).await?;
            let title = cells[0]
                .find(By::Css(".object-title"))
                .await?
                .text()
                .await?;
            rows.push((title, cells[1].text().await?));
        }
        Ok(rows)
    }

    /// Waits until the impact rows satisfy `check`, and returns them.
    pub async fn wait_impact(
        &self,
        what: &str,
        check: impl Fn(&[(String, String)]) -> bool,
    ) -> WebDriverResult<Vec<(String, String)>> {
        wait::until(what, PATIENCE, || self.impact_rows(), |rows| check(rows)).await
    }

    pub async fn totals(&self) -> WebDriverResult<String> {
        wait_present(self.driver, By::Id("import-totals"))
            .await?
            .text()
            .await
    }

    /// Chooses an option of an object's "Your choice" list by its visible text.
    pub async fn choose_for(&self, object_title: &str, option: &str) -> WebDriverResult<()> {
        let row = self.row(object_title).await?;
        let select = row.find(By::Css("select")).await?;
        select
            .find(By::XPath(format!(
                ".//option[normalize-space(.)='{option}']"
            )))
            .await?
            .click()
            .await
    }

    /// The options of an object's "Your choice" list.
    pub async fn options_for(&self, object_title: &str) -> WebDriverResult<Vec<String>> {
        let row = self.row(object_title).await?;
        let mut options = Vec::new();
        for option in row.find_all(By::Css("select option")).await? {
            options.push(option.text().await?);
        }
        Ok(options)
    }

    /// What an object depends on, as its row says ("" until known).
    pub async fn depends_on(&self, object_title: &str) -> WebDriverResult<String> {
        let row = self.row(object_title).await?;
        match row.find_all(By::Css(".object-deps")).await?.first() {
            Some(line) => line.text().await,
            None => Ok(String::new()),
        }
    }

    /// Types into the filter of an object's long list of existing objects.
    pub async fn filter_choices(&self, object_title: &str, text: &str) -> WebDriverResult<()> {
        let row = self.row(object_title).await?;
        row.find(By::Css("input[type='search']"))
            .await?
            .send_keys(text)
            .await
    }

    async fn row(&self, object_title: &str) -> WebDriverResult<WebElement> {
        wait_present(
            self.driver,
            By::XPath(format!(
                "//table[@id='impact-table']//tr[td/span[@class='object-title'][normalize-space(.)='{object_title}']]"
            )),
        )
        .await
    }

    pub async fn set_field(&self, id: &str, text: &str) -> WebDriverResult<()> {
        let field = wait_present(self.driver, By::Id(id)).await?;
        // As a user does it, so that the page hears every change (`clear()` fires no input event).
        field.send_keys(Key::Control + "a").await?;
        field.send_keys(Key::Backspace).await?;
        if !text.is_empty() {
            field.send_keys(text).await?;
        }
        Ok(())
    }

    /// The error shown under a field (empty when none).
    pub async fn field_error(&self, id: &str) -> WebDriverResult<String> {
        self.driver.find(By::Id(id)).await?.text().await
    }

    pub async fn submit(&self) -> WebDriverResult<WebElement> {
        self.driver.find(By::Id("import-submit")).await
    }
}
