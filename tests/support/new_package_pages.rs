//! Page object of New package (`/packages/new`) and its artifact picker, also used by the
//! Add artifacts dialog of a draft's details.

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use super::wait::{self, PATIENCE};
use super::{wait_present, wait_visible};

pub struct NewPackagePage<'a> {
    pub driver: &'a WebDriver,
}

impl NewPackagePage<'_> {
    /// Sets a field's value at once (10,000 characters would take long to type) and tells
    /// the app, as typing would.
    pub async fn set_value(&self, id: &str, value: &str) -> WebDriverResult<()> {
        let field = wait_visible(self.driver, By::Id(id)).await?;
        self.driver
            .execute(
                "const [field, value] = arguments; field.value = value; \
                 field.dispatchEvent(new Event('input', {bubbles: true}));",
                vec![field.to_json()?, serde_json::json!(value)],
            )
            .await?;
        Ok(())
    }

    pub async fn type_into(&self, id: &str, text: &str) -> WebDriverResult<()> {
        let field = wait_visible(self.driver, By::Id(id)).await?;
        field.clear().await?;
        field.send_keys(text).await
    }

    pub async fn value(&self, id: &str) -> WebDriverResult<String> {
        Ok(wait_present(self.driver, By::Id(id))
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    pub async fn create(&self) -> WebDriverResult<()> {
        wait_visible(self.driver, By::Id("create-package"))
            .await?
            .click()
            .await
    }

    /// The message next to a field (its `…-error` paragraph), once it says something.
    pub async fn field_error(&self, id: &str) -> WebDriverResult<String> {
        wait::until_some(&format!("a message in #{id}"), PATIENCE, || async {
            let text = self.driver.find(By::Id(id)).await?.text().await?;
            Ok((!text.is_empty()).then_some(text))
        })
        .await
    }

    pub async fn focused_id(&self) -> WebDriverResult<String> {
        self.driver
            .active_element()
            .await?
            .id()
            .await
            .map(Option::unwrap_or_default)
    }

    pub async fn open_tab(&self, label: &str) -> WebDriverResult<()> {
        let xpath = format!("//button[@role='tab'][normalize-space(.)='{label}']");
        wait_visible(self.driver, By::XPath(xpath))
            .await?
            .click()
            .await
    }

    /// Adds one artifact on the "By type and ID" tab.
    pub async fn add_by_id(
        &self,
        artifact_type: &str,
        id: &str,
        title: &str,
    ) -> WebDriverResult<()> {
        let select =
            SelectElement::new(&wait_visible(self.driver, By::Id("entry-type")).await?).await?;
        if artifact_type.is_empty() {
            select.select_by_index(0).await?;
        } else {
            select.select_by_value(artifact_type).await?;
        }
        self.type_into("entry-id", id).await?;
        self.type_into("entry-title", title).await?;
        wait_visible(self.driver, By::Id("entry-add"))
            .await?
            .click()
            .await
    }

    /// Pastes `text` on the "Paste a list" tab and adds it.
    pub async fn paste(&self, text: &str) -> WebDriverResult<()> {
        self.set_value("paste-text", text).await?;
        wait_visible(self.driver, By::Id("paste-add"))
            .await?
            .click()
            .await
    }

    /// The chosen artifacts as "TYPE title" in order (the table's first two columns).
    pub async fn chosen(&self) -> WebDriverResult<Vec<String>> {
        let mut chosen = Vec::new();
        for row in self
            .driver
            .find_all(By::Css("#chosen-table tbody tr"))
            .await?
        {
            let cells = row.find_all(By::Tag("td")).await?;
            chosen.push(format!(
                "{} {}",
                cells[1].text().await?,
                cells[0].text().await?
            ));
        }
        Ok(chosen)
    }

    /// Waits until the chosen artifacts are exactly `expected`.
    pub async fn wait_chosen(&self, expected: &[&str]) -> WebDriverResult<()> {
        wait::eventually(
            &format!("the chosen artifacts are {expected:?}"),
            || async { Ok(self.chosen().await? == expected) },
        )
        .await
    }

    /// The problems listed under the pasted list.
    pub async fn paste_problems(&self) -> WebDriverResult<Vec<String>> {
        wait::until_some("problems under the pasted list", PATIENCE, || async {
            let items = self.driver.find_all(By::Css(".paste-problems li")).await?;
            let mut texts = Vec::new();
            for item in items {
                texts.push(item.text().await?);
            }
            Ok((!texts.is_empty()).then_some(texts))
        })
        .await
    }

    /// Searches the sandbox's objects and waits for exactly these titles.
    pub async fn search_objects(&self, text: &str, expected: &[&str]) -> WebDriverResult<()> {
        self.type_into("objects-search", text).await?;
        wait::eventually(&format!("the objects are {expected:?}"), || async {
            Ok(self.object_titles().await? == expected)
        })
        .await
    }

    pub async fn object_titles(&self) -> WebDriverResult<Vec<String>> {
        let mut titles = Vec::new();
        for label in self
            .driver
            .find_all(By::Css("#objects-table tbody td.object-choice label"))
            .await?
        {
            titles.push(label.text().await?);
        }
        Ok(titles)
    }

    /// Ticks the object labelled `title` in the sandbox's list.
    pub async fn choose_object(&self, title: &str) -> WebDriverResult<()> {
        let xpath = format!("//table[@id='objects-table']//label[normalize-space(.)='{title}']");
        wait_visible(self.driver, By::XPath(xpath))
            .await?
            .click()
            .await
    }
}
