//! Every word the console shows, in the user's language (English or German).
//!
//! Strings live in `locales/<language>/<section>.json`; `build.rs` turns English into typed
//! keys (`keys::packages::TITLE`) and checks the other languages against it. English is compiled
//! in; another language is fetched when chosen (see `language`). Reading a message tracks the
//! language, so views re-render in place when it changes:
//!
//! - `tr(key)` in a view: a signal of the text;
//! - `t(key)`, `tf(key, &[("org", name)])` for a text with `{placeholders}`;
//! - `tn(key, count, &[..])` for plurals ("1 share" / "2 shares"), `{count}` in the locale's digits;
//! - `number`, `date`, `date_time`, `exact_time`: through the browser's `Intl`.

pub mod catalog;
mod intl;
pub mod keys;
pub mod language;
mod translation;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use catalog::{fill, Plural, Text};
use translation::{english_plural, english_text, Translation};

/// A language the console is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    English,
    German,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::English, Locale::German];

    /// The language's code, as in `<html lang>` and `locales/<code>/`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::German => "de",
        }
    }

    /// The language's name in itself, as language switches show it.
    pub fn autonym(self) -> &'static str {
        match self {
            Locale::English => "English",
            Locale::German => "Deutsch",
        }
    }

    /// The language of a tag such as "de-AT" or "en", if the console is written in it.
    pub fn of_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?;
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }
}

/// The `Intl` tag of the language in use (the browser's own variant, e.g. "en-GB", when it
/// prefers one) and its strings when not English.
struct Current {
    intl_tag: String,
    translation: Option<Rc<Translation>>,
}

thread_local! {
    static CURRENT: RefCell<Current> = RefCell::new(Current {
        intl_tag: "en".to_string(),
        translation: None,
    });
    /// Changes when the language does; every message read tracks it.
    static CHANGED: ArcRwSignal<Locale> = ArcRwSignal::new(Locale::English);
}

/// The language in use (tracked).
pub fn locale() -> Locale {
    CHANGED.with(|signal| signal.get())
}

fn track() {
    CHANGED.with(|signal| signal.track());
}

/// Switches every message to `locale`; views reading them re-render.
fn apply(locale: Locale, intl_tag: String, translation: Option<Rc<Translation>>) {
    CURRENT.with_borrow_mut(|current| {
        *current = Current {
            intl_tag,
            translation,
        }
    });
    CHANGED.with(|signal| signal.set(locale));
}

/// Runs `format` with the `Intl` tag in use, without copying it: dates are formatted by the
/// hundred when a page renders.
fn with_intl_tag<T>(format: impl FnOnce(&str) -> T) -> T {
    CURRENT.with_borrow(|current| format(&current.intl_tag))
}

/// A message.
pub fn t(key: Text) -> String {
    track();
    CURRENT.with_borrow(|current| {
        current
            .translation
            .as_deref()
            .and_then(|translation| translation.text(key))
            .unwrap_or_else(|| english_text(key))
            .to_string()
    })
}

/// A message with its `{placeholders}` filled.
pub fn tf(key: Text, args: &[(&str, &str)]) -> String {
    fill(&t(key), args)
}

/// A message for a count: the locale's plural form, `{count}` in the locale's digits, and the
/// other placeholders filled.
pub fn tn(key: Plural, count: u64, args: &[(&str, &str)]) -> String {
    track();
    let (category, count) = with_intl_tag(|tag| {
        (
            intl::plural_category(tag, count as f64),
            intl::number(tag, count as f64),
        )
    });
    let template = CURRENT.with_borrow(|current| {
        current
            .translation
            .as_deref()
            .and_then(|translation| translation.plural(key, &category))
            .unwrap_or_else(|| english_plural(key, &category))
            .to_string()
    });
    let mut all = vec![("count", count.as_str())];
    all.extend_from_slice(args);
    fill(&template, &all)
}

/// A message as a signal, for views: `<h1>{tr(keys::packages::TITLE)}</h1>`.
pub fn tr(key: Text) -> Signal<String> {
    Signal::derive(move || t(key))
}

/// A number in the locale's digits ("12,345" / "12.345").
pub fn number(value: u64) -> String {
    track();
    with_intl_tag(|tag| intl::number(tag, value as f64))
}

/// A date for table cells ("May 19, 2024" / "19.05.2024"); a dash for an invalid time.
pub fn date(epoch_ms: i64) -> String {
    track();
    with_intl_tag(|tag| intl::date(tag, epoch_ms)).unwrap_or_else(|| "—".to_string())
}

/// A date and time ("May 19, 2024, 4:03 PM" / "19.05.2024, 16:03"); a dash for an invalid time.
pub fn date_time(epoch_ms: i64) -> String {
    track();
    with_intl_tag(|tag| intl::date_time(tag, epoch_ms)).unwrap_or_else(|| "—".to_string())
}

/// The exact local time with its zone, and UTC, for hover titles.
pub fn exact_time(epoch_ms: i64) -> String {
    track();
    with_intl_tag(|tag| intl::exact_time(tag, epoch_ms)).unwrap_or_else(|| "—".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_their_language() {
        assert_eq!(Locale::of_tag("de-AT"), Some(Locale::German));
        assert_eq!(Locale::of_tag("EN_gb"), Some(Locale::English));
        assert_eq!(Locale::of_tag("fr"), None);
        assert_eq!(Locale::of_tag(""), None);
    }

    #[test]
    fn messages_read_in_english_until_another_language_is_applied() {
        let key = keys::common::LANGUAGE;
        assert_eq!(t(key), "Language");
        let german =
            Translation::decode(&[("common", r#"{"language": "Sprache"}"#.to_string())]).unwrap();
        apply(Locale::German, "de".into(), Some(Rc::new(german)));
        assert_eq!(t(key), "Sprache");
        assert_eq!(locale(), Locale::German);
        apply(Locale::English, "en".into(), None);
        assert_eq!(t(key), "Language");
    }
}
