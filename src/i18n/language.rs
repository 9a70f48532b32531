//! Which language the console speaks: the one chosen on this device, else the browser's
//! preferred one when the console has it, else English. A language other than English is
//! fetched from `locales/<code>/<section>.json` when chosen, once per page load.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::keys::SECTIONS;
use super::translation::Translation;
use super::{apply, Locale};

/// The chosen language, in localStorage (a preference, not a secret).
const KEY: &str = "sandbox-share.language";

thread_local! {
    static LOADED: RefCell<HashMap<Locale, Rc<Translation>>> = RefCell::new(HashMap::new());
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The browser's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// The language this device chose, else the browser's first one the console has.
fn preferred() -> Locale {
    let saved = local_storage().and_then(|storage| storage.get_item(KEY).ok().flatten());
    saved
        .as_deref()
        .and_then(Locale::of_tag)
        .or_else(|| {
            browser_languages()
                .iter()
                .find_map(|tag| Locale::of_tag(tag))
        })
        .unwrap_or(Locale::English)
}

/// The browser's own variant of `locale` ("en-GB", "de-CH") for dates and numbers.
fn intl_tag(locale: Locale) -> String {
    browser_languages()
        .into_iter()
        .find(|tag| Locale::of_tag(tag) == Some(locale))
        .unwrap_or_else(|| locale.code().to_string())
}

async fn fetch_section(
    code: &str,
    section: &'static str,
) -> Result<(&'static str, String), String> {
    let url = format!("/locales/{code}/{section}.json");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("{url}: {}", response.status()));
    }
    Ok((section, response.text().await.map_err(|e| e.to_string())?))
}

/// The strings of `locale`, fetched all sections at once the first time.
async fn translation(locale: Locale) -> Result<Option<Rc<Translation>>, String> {
    if locale == Locale::English {
        return Ok(None);
    }
    if let Some(loaded) = LOADED.with_borrow(|loaded| loaded.get(&locale).cloned()) {
        return Ok(Some(loaded));
    }
    let code = locale.code();
    let files = futures::future::join_all(SECTIONS.map(|section| fetch_section(code, section)))
        .await
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let translation = Rc::new(Translation::decode(&files)?);
    LOADED.with_borrow_mut(|loaded| loaded.insert(locale, translation.clone()));
    Ok(Some(translation))
}

fn set_document_language(locale: Locale) {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", locale.code());
    }
}

async fn switch(locale: Locale) -> Result<(), String> {
    let translation = translation(locale).await?;
    apply(locale, intl_tag(locale), translation);
    set_document_language(locale);
    Ok(())
}

/// Before the first render: the preferred language, so German users never see English first.
/// If its strings cannot be fetched the console starts in English.
pub async fn start() {
    let wanted = preferred();
    if switch(wanted).await.is_err() {
        let _ = switch(Locale::English).await;
    }
}

/// The user's choice: applied in place and remembered on this device. On failure (the strings
/// could not be fetched) the language stays as it was.
pub async fn choose(locale: Locale) -> Result<(), String> {
    switch(locale).await?;
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(KEY, locale.code());
    }
    Ok(())
}
