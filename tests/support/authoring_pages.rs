//! Page objects of authoring on package details (Edit details, Remove, Publish, Delete,
//! Dependencies), and drafts made through the API for the tests to work on.

use thirtyfour::prelude::*;

use super::orgs::ACME;
use super::partners_pages::package_id;
use super::wait::{self, PATIENCE};
use super::{api_call, wait_present, wait_visible, Session};

/// Creates a PARTIAL draft in Acme's `acme-sandbox` through the API, as Acme's admin, and
/// returns its id.
pub async fn create_draft(
    session: &Session,
    name: &str,
    artifacts: serde_json::Value,
) -> WebDriverResult<String> {
    let (status, body) = api_call(
        session,
        "POST",
        "/exim/packages",
        "demo-acme-admin",
        ACME,
        Some(serde_json::json!({
            "name": name,
            "packageType": "PARTIAL",
            "sourceSandbox": {"name": "acme-sandbox", "imsOrgId": ACME},
            "artifacts": artifacts,
        })),
    )
    .await?;
    assert_eq!(status, 201, "draft {name}: {body}");
    Ok(body["id"].as_str().expect("a package id").to_string())
}

/// The artifacts of one of Acme's demo packages (objects that exist in `acme-sandbox`), as
/// `{id, type, title}`.
pub async fn demo_artifacts(
    session: &Session,
    package: &str,
) -> WebDriverResult<serde_json::Value> {
    let id = package_id(session, "demo-acme-admin", ACME, package).await?;
    let (status, body) = api_call(
        session,
        "GET",
        &format!("/exim/packages/{id}"),
        "demo-acme-admin",
        ACME,
        None,
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    let artifacts = body["artifactsList"]
        .as_array()
        .expect("artifacts")
        .iter()
        .map(|a| serde_json::json!({"id": a["id"], "type": a["type"], "title": a["title"]}))
        .collect();
    Ok(serde_json::Value::Array(artifacts))
}

/// The status of a package as the API says it.
pub async fn status_of(session: &Session, id: &str) -> WebDriverResult<(u16, String)> {
    let (status, body) = api_call(
        session,
        "GET",
        &format!("/exim/packages/{id}"),
        "demo-acme-admin",
        ACME,
        None,
    )
    .await?;
    Ok((
        status,
        body["status"].as_str().unwrap_or_default().to_string(),
    ))
}

/// Package details, with the authoring actions.
pub struct DetailsPage<'a> {
    pub session: &'a Session,
}

impl DetailsPage<'_> {
    fn driver(&self) -> &WebDriver {
        &self.session.driver
    }

    /// Opens the details of the package with this id and waits for its heading.
    pub async fn open(&self, id: &str) -> WebDriverResult<()> {
        self.session.open(&format!("/packages/{id}")).await?;
        wait_visible(self.driver(), By::Css(".details-grid"))
            .await
            .map(drop)
    }

    /// The page's heading: the package's name.
    pub async fn heading(&self) -> WebDriverResult<String> {
        wait_visible(self.driver(), By::Css(".page-header h1"))
            .await?
            .text()
            .await
    }

    /// Clicks a button or link by its id.
    pub async fn click(&self, id: &str) -> WebDriverResult<()> {
        wait_visible(self.driver(), By::Id(id)).await?.click().await
    }

    /// Waits until the dialog with this id is open.
    pub async fn wait_dialog(&self, id: &str) -> WebDriverResult<WebElement> {
        wait_visible(self.driver(), By::Id(id)).await
    }

    /// Waits until the dialog with this id is closed.
    pub async fn wait_dialog_closed(&self, id: &str) -> WebDriverResult<()> {
        wait::eventually(&format!("{id} to close"), || async {
            Ok(!self.driver().find(By::Id(id)).await?.is_displayed().await?)
        })
        .await
    }

    /// Replaces a field's text as a user does (select all, delete, type).
    pub async fn type_into(&self, id: &str, text: &str) -> WebDriverResult<()> {
        let field = wait_visible(self.driver(), By::Id(id)).await?;
        field.send_keys(Key::Control + "a").await?;
        field.send_keys(Key::Backspace).await?;
        if !text.is_empty() {
            field.send_keys(text).await?;
        }
        Ok(())
    }

    /// Puts a long text into a field at once, as a paste does.
    pub async fn paste_into(&self, id: &str, text: &str) -> WebDriverResult<()> {
        self.driver()
            .execute(
                "const [id, text] = arguments; const field = document.getElementById(id);
                 field.value = text; field.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![serde_json::json!(id), serde_json::json!(text)],
            )
            .await
            .map(drop)
    }

    pub async fn value_of(&self, id: &str) -> WebDriverResult<String> {
        Ok(self
            .driver()
            .find(By::Id(id))
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// The message under a field (empty when none) and whether the field says it is invalid.
    pub async fn field_problem(&self, field: &str) -> WebDriverResult<(String, bool)> {
        let input = self.driver().find(By::Id(field)).await?;
        let described = input.attr("aria-describedby").await?.unwrap_or_default();
        let error_id = described
            .split_whitespace()
            .find(|id| id.ends_with("-error"))
            .expect("the field is described by its error")
            .to_string();
        let text = self.driver().find(By::Id(error_id)).await?.text().await?;
        let invalid = input.attr("aria-invalid").await?.as_deref() == Some("true");
        Ok((text, invalid))
    }

    /// Clicks a button twice in one script, faster than any re-render.
    pub async fn double_click(&self, id: &str) -> WebDriverResult<()> {
        self.driver()
            .execute(
                "const b = document.getElementById(arguments[0]); b.click(); b.click();",
                vec![serde_json::json!(id)],
            )
            .await
            .map(drop)
    }

    /// The text of the alerts inside an element (by CSS).
    pub async fn alert_in(&self, scope: &str) -> WebDriverResult<String> {
        wait_visible(self.driver(), By::Css(format!("{scope} [role='alert']")))
            .await?
            .text()
            .await
    }

    /// The titles of the artifact rows, in order.
    pub async fn artifact_titles(&self) -> WebDriverResult<Vec<String>> {
        self.driver()
            .execute(
                "return [...document.querySelectorAll('#artifacts-table tbody tr')]
                   .map((row) => row.querySelectorAll('td')[1].innerText.trim());",
                Vec::new(),
            )
            .await?
            .convert()
    }

    pub async fn wait_artifact_titles(&self, expected: &[&str]) -> WebDriverResult<()> {
        wait::until(
            &format!("the artifacts {expected:?}"),
            PATIENCE,
            || self.artifact_titles(),
            |titles| {
                titles
                    .iter()
                    .map(String::as_str)
                    .eq(expected.iter().copied())
            },
        )
        .await
        .map(drop)
    }

    pub async fn artifacts_heading(&self) -> WebDriverResult<String> {
        wait_present(self.driver(), By::Id("artifacts-heading"))
            .await?
            .text()
            .await
    }

    /// The Remove button of the artifact with this title, by its accessible name.
    pub async fn remove_button(&self, title: &str) -> WebDriverResult<WebElement> {
        wait_present(
            self.driver(),
            By::Css(format!(
                "#artifacts-table button[aria-label='Remove: {title}']"
            )),
        )
        .await
    }

    /// The labels of the buttons anywhere on the page (dialogs aside).
    pub async fn button_labels(&self) -> WebDriverResult<Vec<String>> {
        self.driver()
            .execute(
                "return [...document.querySelectorAll('main button')]
                   .filter((b) => !b.closest('dialog')).map((b) => b.innerText.trim());",
                Vec::new(),
            )
            .await?
            .convert()
    }

    /// A disabled authoring button: whether it says it is disabled, and the reason shown when
    /// it has keyboard focus.
    pub async fn blocked_reason(&self, id: &str) -> WebDriverResult<(bool, String)> {
        let button = wait_present(self.driver(), By::Id(id)).await?;
        let disabled = button.attr("aria-disabled").await?.as_deref() == Some("true");
        self.driver()
            .execute("arguments[0].focus();", vec![button.to_json()?])
            .await?;
        let hint = wait_visible(self.driver(), By::Id(format!("{id}-hint"))).await?;
        Ok((disabled, hint.text().await?))
    }

    /// The id and text of the focused element.
    pub async fn focused(&self) -> WebDriverResult<(String, String)> {
        let element = self.driver().active_element().await?;
        Ok((
            element.attr("id").await?.unwrap_or_default(),
            element.text().await?,
        ))
    }
}

/// An object of Acme's `acme-sandbox` as an artifact `{id, type, title}`, found by its type
/// and exact title.
pub async fn sandbox_object(
    session: &Session,
    artifact_type: &str,
    title: &str,
) -> WebDriverResult<serde_json::Value> {
    let (status, body) = api_call(
        session,
        "GET",
        &format!(
            "/exim/sandbox-objects?sandbox=acme-sandbox&type={artifact_type}&search={}",
            title.replace(' ', "%20")
        ),
        "demo-acme-admin",
        ACME,
        None,
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    let found = body["data"]
        .as_array()
        .and_then(|objects| objects.iter().find(|o| o["title"] == title))
        .unwrap_or_else(|| panic!("{artifact_type} {title} in acme-sandbox: {body}"));
    Ok(serde_json::json!({"id": found["id"], "type": found["type"], "title": found["title"]}))
}

/// One object of the dependency tree as shown: how deep, "title (TYPE)", and its mark.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct TreeNode {
    pub depth: usize,
    pub label: String,
    pub mark: String,
}

impl DetailsPage<'_> {
    /// The dependency tree, in document order.
    pub async fn dependency_tree(&self) -> WebDriverResult<Vec<TreeNode>> {
        self.driver()
            .execute(
                "return [...document.querySelectorAll('#dependency-tree li')].map((li) => {
                   let depth = 0;
                   for (let up = li.parentElement.closest('li'); up; up = up.parentElement.closest('li')) depth++;
                   const node = li.querySelector(':scope > .dependency-node');
                   return { depth, label: node.querySelector('.node-title').innerText.trim(),
                            mark: node.querySelector('.dependency-mark').innerText.trim() };
                 });",
                Vec::new(),
            )
            .await?
            .convert()
    }

    /// Waits until the dependency tree satisfies `check`, and returns it.
    pub async fn wait_tree(
        &self,
        what: &str,
        check: impl Fn(&[TreeNode]) -> bool,
    ) -> WebDriverResult<Vec<TreeNode>> {
        wait::until(
            what,
            PATIENCE,
            || self.dependency_tree(),
            |tree| check(tree),
        )
        .await
    }
}
