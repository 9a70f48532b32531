//! The strings of a language: English compiled in, another decoded from its files. Pure, so it
//! is tested natively.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::catalog::{pack_forms, plural_form, Plural, Text};
use super::keys::{ENGLISH, ENGLISH_ENDS, NAMES};

/// A language other than English, as decoded from its section files: each message packed as
/// English is (see `catalog`). A key it lacks (only possible when its files are older than the
/// app) reads in English.
#[derive(Debug, Default, PartialEq)]
pub struct Translation {
    messages: Vec<Option<String>>,
}

impl Translation {
    /// Decodes the files of one language: (section, JSON text) pairs.
    pub fn decode(sections: &[(&str, String)]) -> Result<Translation, String> {
        let names: Vec<&str> = NAMES.split('\n').collect();
        let mut messages = vec![None; names.len()];
        for (section, json) in sections {
            let mut reader = serde_json::Deserializer::from_str(json);
            let file = SectionFile {
                section,
                names: &names,
                messages: &mut messages,
            };
            file.deserialize(&mut reader)
                .and_then(|()| reader.end())
                .map_err(|e| format!("{section}: {e}"))?;
        }
        Ok(Translation { messages })
    }

    fn message(&self, index: u16) -> Option<&str> {
        self.messages.get(usize::from(index))?.as_deref()
    }

    pub fn text(&self, key: Text) -> Option<&str> {
        self.message(key.0)
    }

    pub fn plural(&self, key: Plural, category: &str) -> Option<&str> {
        Some(plural_form(self.message(key.0)?, category))
    }
}

/// One section file read straight into the messages, without building a JSON tree first.
struct SectionFile<'a> {
    section: &'a str,
    names: &'a [&'a str],
    messages: &'a mut Vec<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for SectionFile<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, reader: D) -> Result<(), D::Error> {
        reader.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SectionFile<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object of messages")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<(), A::Error> {
        while let Some(key) = entries.next_key::<String>()? {
            let Message(packed) = entries.next_value()?;
            let name = format!("{}.{key}", self.section);
            if let Ok(index) = self.names.binary_search(&name.as_str()) {
                self.messages[index] = Some(packed);
            }
        }
        Ok(())
    }
}

/// A message as a file has it, packed as English is: a string, or plural forms.
struct Message(String);

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Message, D::Error> {
        reader.deserialize_any(MessageVisitor)
    }
}

struct MessageVisitor;

impl<'de> Visitor<'de> for MessageVisitor {
    type Value = Message;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string or plural forms")
    }

    fn visit_str<E>(self, text: &str) -> Result<Message, E> {
        Ok(Message(text.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut forms: A) -> Result<Message, A::Error> {
        let mut all = Vec::new();
        while let Some(form) = forms.next_entry::<String, String>()? {
            all.push(form);
        }
        Ok(Message(pack_forms(all.iter().map(|(category, text)| {
            (category.as_str(), text.as_str())
        }))))
    }
}

fn english(index: u16) -> &'static str {
    let index = usize::from(index);
    let start = index
        .checked_sub(1)
        .map_or(0, |before| ENGLISH_ENDS[before]);
    &ENGLISH[usize::from(start)..usize::from(ENGLISH_ENDS[index])]
}

pub fn english_text(key: Text) -> &'static str {
    english(key.0)
}

pub fn english_plural(key: Plural, category: &str) -> &'static str {
    plural_form(english(key.0), category)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::keys;

    #[test]
    fn names_are_sorted_so_lookups_can_bisect() {
        let names: Vec<&str> = NAMES.split('\n').collect();
        assert!(names.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(names.len(), ENGLISH_ENDS.len());
    }

    #[test]
    fn english_messages_are_cut_where_they_end() {
        assert_eq!(english_text(keys::common::LANGUAGE), "Language");
        assert_eq!(english_text(keys::common::BRAND), "Sandbox Share");
        assert_eq!(
            english_plural(keys::packages::COUNT, "one"),
            "{count} package"
        );
        assert_eq!(
            english_plural(keys::packages::COUNT, "other"),
            "{count} packages"
        );
    }

    #[test]
    fn a_translation_replaces_english_where_it_has_the_key() {
        let title = keys::common::LANGUAGE;
        let german = Translation::decode(&[
            (
                "common",
                r#"{"language": "Sprache", "no_such_key": "x"}"#.to_string(),
            ),
            (
                "packages",
                r#"{"count": {"one": "{count} Paket", "other": "{count} Pakete"}}"#.to_string(),
            ),
        ])
        .unwrap();
        assert_eq!(german.text(title), Some("Sprache"));
        assert_eq!(
            german.plural(keys::packages::COUNT, "one"),
            Some("{count} Paket")
        );
        // Keys it lacks read in English (the caller falls back).
        assert_eq!(german.text(keys::common::SKIP_TO_CONTENT), None);
        assert!(Translation::decode(&[("common", "not json".to_string())]).is_err());
    }
}
