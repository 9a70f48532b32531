//! Builds the UI string catalog from `locales/<language>/<section>.json`.
//!
//! English (`locales/en`) is the source: every key becomes a typed constant
//! (`i18n::keys::<section>::<KEY>`, a `Text` or a `Plural`) and English is compiled in. Every
//! other language is served as files and fetched when chosen; this build fails when one of them
//! misses a key, adds one, changes its kind (text or plural) or its `{placeholders}`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

const SOURCE: &str = "en";
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A message: plain text, or plural forms by CLDR category.
#[derive(Debug, PartialEq)]
enum Message {
    Text(String),
    Plural(BTreeMap<String, String>),
}

/// One language: "section.key" → message, sorted.
type Catalog = BTreeMap<String, Message>;

fn main() {
    let root = PathBuf::from("locales");
    println!("cargo:rerun-if-changed=locales");
    let mut problems = Vec::new();
    let english = read_language(&root.join(SOURCE), &mut problems);
    let mut languages = Vec::new();
    for entry in std::fs::read_dir(&root).expect("locales/ exists") {
        let path = entry.expect("locales/ is readable").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() && name != SOURCE {
            languages.push(name);
            let other = read_language(&path, &mut problems);
            compare(&english, &other, &path, &mut problems);
        }
    }
    if !problems.is_empty() {
        panic!(
            "the UI string catalogs disagree:\n  {}",
            problems.join("\n  ")
        );
    }
    languages.sort();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("i18n_keys.rs");
    std::fs::write(out, generate(&english, &languages)).unwrap();
}

fn read_language(dir: &Path, problems: &mut Vec<String>) -> Catalog {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut catalog = Catalog::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let section = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        let object: Map<String, Value> = match serde_json::from_str(&text) {
            Ok(object) => object,
            Err(e) => {
                problems.push(format!("{}: not a JSON object: {e}", file.display()));
                continue;
            }
        };
        for (key, value) in object {
            if !is_identifier(&key) || !is_identifier(&section) {
                problems.push(format!(
                    "{}: `{key}` is not a lowercase_snake_case name",
                    file.display()
                ));
            }
            match message(value) {
                Some(message) => {
                    catalog.insert(format!("{section}.{key}"), message);
                }
                None => problems.push(format!(
                    "{}: `{key}` is neither a string nor plural forms with \"other\"",
                    file.display()
                )),
            }
        }
    }
    catalog
}

fn message(value: Value) -> Option<Message> {
    match value {
        Value::String(text) => Some(Message::Text(text)),
        Value::Object(forms) => {
            let mut plural = BTreeMap::new();
            for (category, text) in forms {
                if !PLURAL_CATEGORIES.contains(&category.as_str()) {
                    return None;
                }
                plural.insert(category, text.as_str()?.to_string());
            }
            plural
                .contains_key("other")
                .then_some(Message::Plural(plural))
        }
        _ => None,
    }
}

fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

fn placeholders_of(message: &Message) -> BTreeSet<&str> {
    match message {
        Message::Text(text) => placeholders(text),
        Message::Plural(forms) => forms.values().flat_map(|t| placeholders(t)).collect(),
    }
}

fn compare(english: &Catalog, other: &Catalog, dir: &Path, problems: &mut Vec<String>) {
    let dir = dir.display();
    for (key, source) in english {
        let Some(translated) = other.get(key) else {
            problems.push(format!("{dir}: `{key}` is missing"));
            continue;
        };
        match (source, translated) {
            (Message::Text(_), Message::Text(_)) | (Message::Plural(_), Message::Plural(_)) => {}
            _ => problems.push(format!(
                "{dir}: `{key}` must be a {} as in English",
                if matches!(source, Message::Text(_)) {
                    "string"
                } else {
                    "set of plural forms"
                }
            )),
        }
        let (expected, found) = (placeholders_of(source), placeholders_of(translated));
        if expected != found {
            problems.push(format!(
                "{dir}: `{key}` has placeholders {found:?}, English has {expected:?}"
            ));
        }
    }
    for key in other.keys().filter(|key| !english.contains_key(*key)) {
        problems.push(format!("{dir}: `{key}` is not in English"));
    }
}

/// Separates a plural's forms, and a form's category from its text, in the packed strings.
const FORM_SEPARATOR: char = '\u{1e}';
const CATEGORY_SEPARATOR: char = '\u{1f}';

/// A message packed as the app reads it: a text as it is, plural forms as
/// "one␟{count} share␞other␟{count} shares".
fn packed(message: &Message) -> String {
    match message {
        Message::Text(text) => text.clone(),
        Message::Plural(forms) => forms
            .iter()
            .map(|(category, text)| format!("{category}{CATEGORY_SEPARATOR}{text}"))
            .collect::<Vec<_>>()
            .join(&FORM_SEPARATOR.to_string()),
    }
}

/// The keys as constants, English as one string with the end of each message (compact in the
/// wasm: no table of string slices), and the sorted key names for decoding other languages.
fn generate(english: &Catalog, languages: &[String]) -> String {
    let mut code = String::from("// Generated by build.rs from locales/en: do not edit.\n\n");
    let mut sections: BTreeMap<&str, Vec<(usize, &str, &Message)>> = BTreeMap::new();
    for (index, (name, message)) in english.iter().enumerate() {
        let (section, key) = name.split_once('.').unwrap();
        sections
            .entry(section)
            .or_default()
            .push((index, key, message));
    }
    let section_names: Vec<&str> = sections.keys().copied().collect();
    writeln!(code, "/// The catalog's files, one per section.").unwrap();
    writeln!(
        code,
        "pub const SECTIONS: [&str; {}] = {section_names:?};",
        sections.len()
    )
    .unwrap();
    writeln!(code, "/// The languages served as files besides English.").unwrap();
    writeln!(
        code,
        "pub const SERVED: [&str; {}] = {languages:?};",
        languages.len()
    )
    .unwrap();
    for (section, keys) in &sections {
        writeln!(code, "\npub mod {section} {{\n    #[allow(unused_imports)]\n    use crate::i18n::catalog::{{Plural, Text}};").unwrap();
        for (index, key, message) in keys {
            let (kind, text) = match message {
                Message::Text(text) => ("Text", text.clone()),
                Message::Plural(forms) => ("Plural", forms["other"].clone()),
            };
            writeln!(code, "    /// {}", text.replace('\n', " ")).unwrap();
            writeln!(
                code,
                "    pub const {}: {kind} = {kind}({index});",
                key.to_uppercase()
            )
            .unwrap();
        }
        code.push_str("}\n");
    }
    let mut all = String::new();
    let mut ends = Vec::new();
    for message in english.values() {
        all.push_str(&packed(message));
        ends.push(all.len());
    }
    assert!(
        all.len() <= usize::from(u16::MAX),
        "English outgrew u16 offsets"
    );
    let names: Vec<&str> = english.keys().map(String::as_str).collect();
    writeln!(code, "\n/// Every English message, one after the other.").unwrap();
    writeln!(code, "pub static ENGLISH: &str = {all:?};").unwrap();
    writeln!(code, "/// Where each message of `ENGLISH` ends.").unwrap();
    writeln!(
        code,
        "pub static ENGLISH_ENDS: [u16; {}] = {ends:?};",
        ends.len()
    )
    .unwrap();
    writeln!(
        code,
        "/// \"section.key\" of each message, sorted, one per line: a key's index is its line."
    )
    .unwrap();
    writeln!(code, "pub static NAMES: &str = {:?};", names.join("\n")).unwrap();
    code
}
