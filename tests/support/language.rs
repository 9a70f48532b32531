//! The console's language, as a user sets it (the header's switch) or as the browser prefers
//! it (its Accept-Language, which is also `navigator.languages`).

use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use super::wait::{self, PATIENCE};
use super::{wait_visible, Session};

/// The language the page says it is in (`<html lang>`).
pub async fn page_language(driver: &WebDriver) -> WebDriverResult<String> {
    driver
        .execute("return document.documentElement.lang;", Vec::new())
        .await?
        .convert()
}

/// Picks a language in the header's switch (by its code, "de" or "en"), once the switch is
/// free again after an earlier choice.
pub async fn select_language(driver: &WebDriver, code: &str) -> WebDriverResult<()> {
    let switch = wait_visible(driver, By::Css("#language-select:enabled")).await?;
    SelectElement::new(&switch)
        .await?
        .select_by_value(code)
        .await
}

/// Chooses a language in the header's switch and waits until the page speaks it.
pub async fn choose_language(driver: &WebDriver, code: &str) -> WebDriverResult<()> {
    select_language(driver, code).await?;
    wait::until(
        &format!("the page in language {code:?}"),
        PATIENCE,
        || page_language(driver),
        |lang| lang == code,
    )
    .await
    .map(|_| ())
}

/// Makes the browser prefer `accept_language` ("de-DE,de;q=0.9") for the pages it loads next.
pub async fn prefer_browser_languages(
    session: &Session,
    accept_language: &str,
) -> WebDriverResult<()> {
    let user_agent: String = session
        .driver
        .execute("return navigator.userAgent;", Vec::new())
        .await?
        .convert()?;
    session
        .driver
        .cdp()
        .send_raw(
            "Emulation.setUserAgentOverride",
            serde_json::json!({ "userAgent": user_agent, "acceptLanguage": accept_language }),
        )
        .await
        .map(|_| ())
}

/// Makes every language file unreachable, as a network that drops them would.
pub async fn block_language_files(driver: &WebDriver) -> WebDriverResult<()> {
    driver
        .cdp()
        .send_raw("Network.enable", serde_json::json!({}))
        .await?;
    driver
        .cdp()
        .send_raw(
            "Network.setBlockedURLs",
            serde_json::json!({ "urls": ["*/locales/*"] }),
        )
        .await
        .map(|_| ())
}
