//! The strings of a language: English compiled in, another decoded from its files. Pure, so it
//! is tested natively.

use serde_json::{Map, Value};

use super::catalog::{Entry, Plural, Text};
use super::keys::{ENGLISH, NAMES};

/// A message of a language loaded at run time.
#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Text(String),
    Plural(Vec<(String, String)>),
}

/// A language other than English, as decoded from its section files. A key it lacks (only
/// possible when its files are older than the app) reads in English.
#[derive(Debug, Default, PartialEq)]
pub struct Translation {
    entries: Vec<Option<Loaded>>,
}

impl Translation {
    /// Decodes the files of one language: (section, JSON text) pairs.
    pub fn decode(sections: &[(&str, String)]) -> Result<Translation, String> {
        let mut entries = vec![None; NAMES.len()];
        for (section, json) in sections {
            let object: Map<String, Value> =
                serde_json::from_str(json).map_err(|e| format!("{section}: {e}"))?;
            for (key, value) in object {
                let Ok(index) = NAMES.binary_search(&format!("{section}.{key}").as_str()) else {
                    continue;
                };
                entries[index] = loaded(value, &ENGLISH[index]);
            }
        }
        Ok(Translation { entries })
    }

    pub fn text(&self, key: Text) -> Option<&str> {
        match self.entries.get(usize::from(key.0))? {
            Some(Loaded::Text(text)) => Some(text),
            _ => None,
        }
    }

    pub fn plural(&self, key: Plural, category: &str) -> Option<&str> {
        match self.entries.get(usize::from(key.0))? {
            Some(Loaded::Plural(forms)) => pick(
                forms.iter().map(|(c, t)| (c.as_str(), t.as_str())),
                category,
            ),
            _ => None,
        }
    }
}

/// A decoded value when it has the English message's kind.
fn loaded(value: Value, english: &Entry) -> Option<Loaded> {
    match (value, english) {
        (Value::String(text), Entry::Text(_)) => Some(Loaded::Text(text)),
        (Value::Object(forms), Entry::Plural(_)) => Some(Loaded::Plural(
            forms
                .into_iter()
                .filter_map(|(category, text)| Some((category, text.as_str()?.to_string())))
                .collect(),
        )),
        _ => None,
    }
}

/// The form for `category`, else "other".
fn pick<'a>(
    forms: impl Iterator<Item = (&'a str, &'a str)> + Clone,
    category: &str,
) -> Option<&'a str> {
    let find = |wanted: &str| {
        forms
            .clone()
            .find(|(c, _)| *c == wanted)
            .map(|(_, text)| text)
    };
    find(category).or_else(|| find("other"))
}

pub fn english_text(key: Text) -> &'static str {
    match ENGLISH[usize::from(key.0)] {
        Entry::Text(text) => text,
        // The generated keys give a Text only to a text message.
        Entry::Plural(forms) => forms[0].1,
    }
}

pub fn english_plural(key: Plural, category: &str) -> &'static str {
    match ENGLISH[usize::from(key.0)] {
        Entry::Plural(forms) => pick(forms.iter().copied(), category).unwrap_or_default(),
        Entry::Text(text) => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::keys;

    #[test]
    fn names_are_sorted_so_lookups_can_bisect() {
        assert!(NAMES.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn a_translation_replaces_english_where_it_has_the_same_kind() {
        let title = keys::common::LANGUAGE;
        let german = Translation::decode(&[(
            "common",
            r#"{"language": "Sprache", "no_such_key": "x"}"#.to_string(),
        )])
        .unwrap();
        assert_eq!(german.text(title), Some("Sprache"));
        assert_eq!(english_text(title), "Language");
        // Keys it lacks read in English (the caller falls back).
        assert_eq!(german.text(keys::common::SKIP_TO_CONTENT), None);
        assert!(Translation::decode(&[("common", "not json".to_string())]).is_err());
    }

    #[test]
    fn plural_forms_fall_back_to_other() {
        let forms = [("one", "{count} share"), ("other", "{count} shares")];
        assert_eq!(pick(forms.iter().copied(), "one"), Some("{count} share"));
        assert_eq!(pick(forms.iter().copied(), "few"), Some("{count} shares"));
    }
}
