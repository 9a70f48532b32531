//! Page objects of the Share dialog and Sharing Status.

use std::time::Duration;

use thirtyfour::prelude::*;

use super::wait::{self, PATIENCE};
use super::wait_visible;

/// The Share dialog with its partner picker.
pub struct ShareDialog<'a> {
    pub driver: &'a WebDriver,
}

/// What the partner picker shows, read in one go so that a re-render cannot change it halfway.
#[derive(Debug, serde::Deserialize)]
struct Picker {
    /// Name and org ID of each suggestion shown.
    offered: Vec<(String, String)>,
    /// The text of the active suggestion, if one is active and shown.
    active: Option<String>,
    /// "No match", "Every approved partner is selected", or nothing.
    status: String,
    tags: usize,
}

impl Picker {
    /// Whether the suggestions shown are those for `typed`: each one matches it (by name or
    /// org ID, as the picker filters), and when none is shown the status says why. While the
    /// picker still shows the suggestions for what was typed before, this does not hold.
    fn suggests_for(&self, typed: &str) -> bool {
        let typed = typed.trim().to_lowercase();
        if self.offered.is_empty() {
            return self.status
                == if typed.is_empty() {
                    "Every approved partner is selected"
                } else {
                    "No match"
                };
        }
        self.offered.iter().all(|(name, org_id)| {
            name.to_lowercase().contains(&typed) || org_id.to_lowercase().contains(&typed)
        })
    }
}

impl ShareDialog<'_> {
    pub async fn wait_open(&self) -> WebDriverResult<WebElement> {
        wait_visible(self.driver, By::Id("share-dialog")).await
    }

    async fn picker(&self) -> WebDriverResult<Picker> {
        self.driver
            .execute(
                "const input = document.getElementById('share-orgs');
                 const shown = (element) => element.checkVisibility();
                 const offered = [...document.querySelectorAll('#share-orgs-listbox [role=option]')]
                   .filter(shown)
                   .map((option) => [option.querySelector('.option-name').innerText,
                                     option.querySelector('small').innerText]);
                 const active = document.getElementById(input.getAttribute('aria-activedescendant') || '');
                 return {
                   offered,
                   active: active && shown(active) ? active.innerText : null,
                   status: document.querySelector('#share-dialog .picker-status').innerText.trim(),
                   tags: document.querySelectorAll('#share-dialog .tag').length,
                 };",
                Vec::new(),
            )
            .await?
            .convert()
    }

    /// Waits until the picker shows what `shows` accepts.
    async fn wait_for_picker(
        &self,
        what: &str,
        shows: impl Fn(&Picker) -> bool,
    ) -> WebDriverResult<Picker> {
        wait::until(what, PATIENCE, || self.picker(), |picker| shows(picker)).await
    }

    /// The names offered for what is typed.
    pub async fn suggestions(&self, typed: &str) -> WebDriverResult<Vec<String>> {
        let input = wait_visible(self.driver, By::Id("share-orgs")).await?;
        input.click().await?;
        // Emptied with keys, as a user would (a WebDriver clear sends no input event), and
        // first back to the suggestions for nothing typed, so that a "No match" left from the
        // text typed before is not taken for the answer.
        input.send_keys(Key::Control + "a").await?;
        input.send_keys(Key::Delete).await?;
        self.wait_for_picker("the suggestions for nothing typed", |picker| {
            picker.suggests_for("")
        })
        .await?;
        input.send_keys(typed).await?;
        let picker = self
            .wait_for_picker(&format!("the suggestions for {typed:?}"), |picker| {
                picker.suggests_for(typed)
            })
            .await?;
        Ok(picker.offered.into_iter().map(|(name, _)| name).collect())
    }

    /// Picks an organization by typing part of its name and pressing Enter once a matching
    /// suggestion is active; waits until it is added.
    pub async fn pick(&self, typed: &str) -> WebDriverResult<()> {
        let input = wait_visible(self.driver, By::Id("share-orgs")).await?;
        input.send_keys(typed).await?;
        let wanted = typed.to_lowercase();
        let before = self
            .wait_for_picker(
                &format!("a suggestion for {typed:?} to be active"),
                |picker| {
                    picker
                        .active
                        .as_ref()
                        .is_some_and(|active| active.to_lowercase().contains(&wanted))
                },
            )
            .await?;
        input.send_keys(Key::Enter).await?;
        self.wait_until_chosen(before.tags + 1).await
    }

    /// Waits until `count` organizations are chosen.
    pub async fn wait_until_chosen(&self, count: usize) -> WebDriverResult<()> {
        self.wait_for_picker(&format!("{count} chosen organizations"), |picker| {
            picker.tags == count
        })
        .await
        .map(drop)
    }

    /// Waits until a suggestion is active (the list is open), as Enter needs.
    pub async fn wait_for_an_active_suggestion(&self) -> WebDriverResult<()> {
        self.wait_for_picker("an active suggestion", |picker| picker.active.is_some())
            .await
            .map(drop)
    }

    pub async fn tags(&self) -> WebDriverResult<Vec<String>> {
        let mut tags = Vec::new();
        for tag in self
            .driver
            .find_all(By::Css("#share-dialog .tag .tag-name"))
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
                   return [cells[0], (cells[2] || '').split('\\n')[0], (row.querySelectorAll('td')[4]?.querySelector('.status-light')?.innerText || '').trim()];
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
