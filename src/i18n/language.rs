//! Which language the console speaks: the one chosen on this device, else the browser's
//! preferred one when the console has it, else English. A language other than English is
//! fetched from `locales/<code>/<section>.json` when chosen, once per page load.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::keys::SECTIONS;
use super::translation::Translation;
use super::{apply, Locale};

/// The chosen language, in localStorage (a preference, not a secret).
const KEY: &str = "sandbox-share.language";

thread_local! {
    /// Languages fetched so far (one or two: a list is all it takes).
    static LOADED: RefCell<Vec<(Locale, Rc<Translation>)>> = const { RefCell::new(Vec::new()) };
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

/// A file's text; the request was started by `fetch`, so all files of a language load at once.
async fn text_of(url: &str, request: js_sys::Promise) -> Result<String, String> {
    // The browser's reason (a TypeError's message) without Debug formatting in the wasm.
    let failed = |reason: wasm_bindgen::JsValue| {
        let reason = reason
            .dyn_ref::<js_sys::Error>()
            .and_then(|error| error.message().as_string())
            .unwrap_or_default();
        format!("{url}: {reason}")
    };
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(text.as_string().unwrap_or_default())
}

/// The strings of `locale`, fetched all sections at once the first time.
async fn translation(locale: Locale) -> Result<Option<Rc<Translation>>, String> {
    if locale == Locale::English {
        return Ok(None);
    }
    let known = LOADED.with_borrow(|loaded| {
        loaded
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, t)| t.clone())
    });
    if let Some(known) = known {
        return Ok(Some(known));
    }
    let window = web_sys::window().ok_or("no window")?;
    let requests: Vec<(&str, String, js_sys::Promise)> = SECTIONS
        .iter()
        .map(|section| {
            let url = format!("/locales/{}/{section}.json", locale.code());
            let request = window.fetch_with_str(&url);
            (*section, url, request)
        })
        .collect();
    let mut files = Vec::with_capacity(requests.len());
    for (section, url, request) in requests {
        files.push((section, text_of(&url, request).await?));
    }
    let translation = Rc::new(Translation::decode(&files)?);
    LOADED.with_borrow_mut(|loaded| loaded.push((locale, translation.clone())));
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
