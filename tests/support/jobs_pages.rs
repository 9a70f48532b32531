//! The Jobs screen and its rail, and jobs started through the API (what Publish and Import do).

use std::time::Duration;

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use super::orgs::ACME;
use super::partners_pages::package_id;
use super::wait::{self, PATIENCE};
use super::{api_call, wait_visible, Session};

/// How long a job may take at a slow step (plus one poll interval).
pub const JOB_PATIENCE: Duration = Duration::from_secs(30);

/// One row as the user reads it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct JobRow {
    pub name: String,
    pub job_type: String,
    pub status: String,
}

/// The Jobs table, its filters and its rail.
pub struct JobsPage<'a> {
    pub driver: &'a WebDriver,
}

impl JobsPage<'_> {
    /// Every row, in order, read in one go so that a live refresh cannot change the table
    /// halfway through.
    pub async fn rows(&self) -> WebDriverResult<Vec<JobRow>> {
        self.driver
            .execute(
                "return [...document.querySelectorAll('#jobs-table tbody tr')].map((row) => {
                   const cells = [...row.querySelectorAll('td')].map((td) => td.innerText.trim());
                   return { name: cells[0], job_type: cells[1], status: cells[4] };
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
        check: impl Fn(&[JobRow]) -> bool,
        patience: Duration,
    ) -> WebDriverResult<Vec<JobRow>> {
        wait::until(what, patience, || self.rows(), |rows| check(rows)).await
    }

    /// Waits until the job names shown are exactly `expected`, in order.
    pub async fn wait_for_names(&self, expected: &[&str]) -> WebDriverResult<()> {
        self.wait_rows(
            &format!("the jobs {expected:?}"),
            |rows| {
                rows.iter()
                    .map(|r| r.name.as_str())
                    .eq(expected.iter().copied())
            },
            PATIENCE,
        )
        .await
        .map(drop)
    }

    /// Chooses "Import", "Export" or "Import and export" in the type filter.
    pub async fn choose_type(&self, label: &str) -> WebDriverResult<()> {
        let select = self.driver.find(By::Id("job-type")).await?;
        SelectElement::new(&select)
            .await?
            .select_by_visible_text(label)
            .await
    }

    /// Ticks or unticks a status in the status filter.
    pub async fn toggle_status(&self, label: &str) -> WebDriverResult<()> {
        self.driver
            .find(By::XPath(format!(
                "//fieldset[contains(@class,'status-filter')]//label[normalize-space(.)='{label}']"
            )))
            .await?
            .click()
            .await
    }

    pub async fn search(&self, text: &str) -> WebDriverResult<()> {
        let input = self.driver.find(By::Id("job-search")).await?;
        // Emptied with keys, as a user would: a WebDriver clear sends no input event.
        input.send_keys(Key::Control + "a").await?;
        input.send_keys(Key::Delete).await?;
        input.send_keys(text).await
    }

    pub async fn sort_by(&self, column: &str) -> WebDriverResult<()> {
        self.driver
            .find(By::XPath(format!(
                "//table[@id='jobs-table']//th/button[starts-with(normalize-space(.), '{column}')]"
            )))
            .await?
            .click()
            .await
    }

    /// Opens a job's rail by clicking its name.
    pub async fn open_job(&self, name: &str) -> WebDriverResult<()> {
        self.driver
            .find(By::XPath(format!(
                "//table[@id='jobs-table']//td[1]/a[normalize-space(.)='{name}']"
            )))
            .await?
            .click()
            .await?;
        self.wait_rail_titled(name).await
    }

    /// Waits until the rail's heading is `name`.
    pub async fn wait_rail_titled(&self, name: &str) -> WebDriverResult<()> {
        wait::until(
            &format!("the rail of {name:?}"),
            PATIENCE,
            || async {
                Ok(
                    match self
                        .driver
                        .find_all(By::Css("aside.rail h2"))
                        .await?
                        .first()
                    {
                        Some(heading) => heading.text().await.unwrap_or_default(),
                        None => String::new(),
                    },
                )
            },
            |title| title == name,
        )
        .await
        .map(drop)
    }

    pub async fn rail_text(&self) -> WebDriverResult<String> {
        wait_visible(self.driver, By::Css("aside.rail"))
            .await?
            .text()
            .await
    }

    /// Names of the rail's steps in a given state (`done`, `in-progress`, `failed`).
    pub async fn steps(&self, state: &str) -> WebDriverResult<Vec<String>> {
        let mut names = Vec::new();
        for step in self
            .driver
            .find_all(By::Css(format!(
                "aside.rail .stepper .step.{state} .step-name"
            )))
            .await?
        {
            names.push(step.text().await?);
        }
        Ok(names)
    }

    /// The page's width and the window's: the page scrolls sideways when the first is larger.
    pub async fn widths(&self) -> WebDriverResult<(u64, u64)> {
        self.driver
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth];",
                Vec::new(),
            )
            .await?
            .convert()
    }

    /// The view's query string as the address bar shows it.
    pub async fn query(&self) -> WebDriverResult<String> {
        Ok(self
            .driver
            .current_url()
            .await?
            .query()
            .unwrap_or_default()
            .to_string())
    }
}

/// Publishes one of Acme's draft packages through the API: starts its EXPORT job, whose id
/// is returned.
pub async fn publish(session: &Session, package: &str) -> WebDriverResult<String> {
    let id = package_id(session, "demo-acme-admin", ACME, package).await?;
    let (status, body) = api_call(
        session,
        "GET",
        &format!("/exim/packages/{id}/export"),
        "demo-acme-admin",
        ACME,
        None,
    )
    .await?;
    assert!(
        status == 200 || status == 202,
        "publish {package}: {status} {body}"
    );
    Ok(body["jobId"].as_str().expect("a job id").to_string())
}

/// Imports one of Acme's published packages into its `acme-dev` sandbox through the API
/// under the job name `name`; returns the IMPORT job's id.
pub async fn import(session: &Session, package: &str, name: &str) -> WebDriverResult<String> {
    let id = package_id(session, "demo-acme-admin", ACME, package).await?;
    let (status, body) = api_call(
        session,
        "POST",
        "/exim/packages/import",
        "demo-acme-admin",
        ACME,
        Some(serde_json::json!({
            "id": id,
            "name": name,
            "destinationSandbox": {"name": "acme-dev", "imsOrgId": ACME},
        })),
    )
    .await?;
    assert_eq!(status, 202, "import {package}: {body}");
    Ok(body["jobId"].as_str().expect("a job id").to_string())
}
