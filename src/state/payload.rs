//! The payload of a public package, as pasted into Import: checked field by field so that
//! every problem gets its own message, and turned into exactly the `pullRequest` body.

use std::fmt;

use exim_api::PullRequest;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::org_ids::{normalize_org_id, OrgIdFormatError};
use crate::i18n::catalog::Text;
use crate::i18n::keys::import as k;
use crate::i18n::{number, t, tf};

pub const ORG_ID_FIELD: &str = "imsOrgId";
pub const PACKAGE_ID_FIELD: &str = "packageId";
const PACKAGE_ID_LENGTH: usize = 32;

/// Where a problem is shown: under the text as a whole, or next to one of its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadPart {
    Whole,
    OrgId,
    PackageId,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadProblem {
    Empty,
    /// Not JSON; `line` and `column` are 1-based, as editors count.
    Syntax {
        line: usize,
        column: usize,
        detail: SyntaxDetail,
        curly_quotes: bool,
    },
    NotAnObject(JsonKind),
    Missing(&'static str),
    Unexpected(String),
    Repeated(String),
    WrongType {
        field: &'static str,
        found: JsonKind,
    },
    OrgId(OrgIdFormatError),
    PackageId(PackageIdError),
}

/// What the JSON parser stopped at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxDetail {
    /// The text ends before the JSON does.
    EndOfText,
    /// The parser's own words (without its position), translated when known.
    Parser(String),
}

impl SyntaxDetail {
    fn message(&self) -> String {
        let SyntaxDetail::Parser(said) = self else {
            return t(k::JSON_END_OF_TEXT);
        };
        // serde_json's messages for what a pasted payload most often gets wrong; any other
        // is shown as the parser said it.
        let key = match said.as_str() {
            "expected `:`" => k::JSON_EXPECTED_COLON,
            "expected `,` or `}`" => k::JSON_EXPECTED_COMMA_OR_BRACE,
            "expected `,` or `]`" => k::JSON_EXPECTED_COMMA_OR_BRACKET,
            "expected value" | "expected ident" => k::JSON_EXPECTED_VALUE,
            "expected `\"`" => k::JSON_EXPECTED_QUOTE,
            "key must be a string" => k::JSON_KEY_NOT_STRING,
            "trailing comma" => k::JSON_TRAILING_COMMA,
            "trailing characters" => k::JSON_TRAILING_CHARACTERS,
            "invalid escape" => k::JSON_INVALID_ESCAPE,
            "invalid number" => k::JSON_INVALID_NUMBER,
            _ => return said.clone(),
        };
        t(key)
    }
}

/// The kind of a JSON value, for saying what was found instead of what was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::Array,
            Value::Object(_) => JsonKind::Object,
        }
    }

    /// "a number", as the end of a sentence says what was found.
    fn words(self) -> Text {
        match self {
            JsonKind::Null => k::JSON_NULL,
            JsonKind::Bool => k::JSON_BOOL,
            JsonKind::Number => k::JSON_NUMBER,
            JsonKind::String => k::JSON_STRING,
            JsonKind::Array => k::JSON_ARRAY,
            JsonKind::Object => k::JSON_OBJECT,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageIdError {
    NotHex(char),
    WrongLength(usize),
}

impl PayloadProblem {
    pub fn part(&self) -> PayloadPart {
        match self {
            PayloadProblem::Missing(ORG_ID_FIELD)
            | PayloadProblem::WrongType {
                field: ORG_ID_FIELD,
                ..
            }
            | PayloadProblem::OrgId(_) => PayloadPart::OrgId,
            PayloadProblem::Missing(PACKAGE_ID_FIELD)
            | PayloadProblem::WrongType {
                field: PACKAGE_ID_FIELD,
                ..
            }
            | PayloadProblem::PackageId(_) => PayloadPart::PackageId,
            _ => PayloadPart::Whole,
        }
    }

    /// The problem in the user's language; field names and the pasted text stay as they are.
    pub fn message(&self) -> String {
        match self {
            PayloadProblem::Empty => t(k::PAYLOAD_EMPTY),
            PayloadProblem::Syntax {
                line,
                column,
                detail,
                curly_quotes,
            } => {
                let sentence = tf(
                    k::PAYLOAD_SYNTAX,
                    &[
                        ("line", &number(*line as u64)),
                        ("column", &number(*column as u64)),
                        ("detail", &detail.message()),
                    ],
                );
                if *curly_quotes {
                    format!("{sentence} {}", t(k::PAYLOAD_CURLY_QUOTES))
                } else {
                    sentence
                }
            }
            PayloadProblem::NotAnObject(found) => tf(
                k::PAYLOAD_NOT_OBJECT,
                &[
                    (
                        "example",
                        &format!("{{\"{ORG_ID_FIELD}\": …, \"{PACKAGE_ID_FIELD}\": …}}"),
                    ),
                    ("found", &t(found.words())),
                ],
            ),
            PayloadProblem::Missing(field) => tf(k::PAYLOAD_MISSING, &[("field", field)]),
            PayloadProblem::Unexpected(field) => tf(
                k::PAYLOAD_UNEXPECTED,
                &[
                    ("field", field),
                    ("org_field", ORG_ID_FIELD),
                    ("package_field", PACKAGE_ID_FIELD),
                ],
            ),
            PayloadProblem::Repeated(field) => tf(k::PAYLOAD_REPEATED, &[("field", field)]),
            PayloadProblem::WrongType { field, found } => tf(
                k::PAYLOAD_WRONG_TYPE,
                &[("field", field), ("found", &t(found.words()))],
            ),
            PayloadProblem::OrgId(error) => tf(
                k::PAYLOAD_ORG_ID,
                &[("field", ORG_ID_FIELD), ("problem", &error.message())],
            ),
            PayloadProblem::PackageId(PackageIdError::NotHex(character)) => tf(
                k::PAYLOAD_NOT_HEX,
                &[
                    ("field", PACKAGE_ID_FIELD),
                    ("character", &character.to_string()),
                ],
            ),
            PayloadProblem::PackageId(PackageIdError::WrongLength(found)) => tf(
                k::PAYLOAD_WRONG_LENGTH,
                &[
                    ("field", PACKAGE_ID_FIELD),
                    ("expected", &number(PACKAGE_ID_LENGTH as u64)),
                    ("found", &number(*found as u64)),
                ],
            ),
        }
    }
}

/// What a pasted payload holds: the well-formed fields (normalized) and every problem.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PayloadCheck {
    pub ims_org_id: Option<String>,
    pub package_id: Option<String>,
    pub problems: Vec<PayloadProblem>,
}

impl PayloadCheck {
    /// The `pullRequest` body, when the payload has no problem at all.
    pub fn pull_request(&self) -> Option<PullRequest> {
        match (&self.ims_org_id, &self.package_id) {
            (Some(ims_org_id), Some(package_id)) if self.problems.is_empty() => Some(PullRequest {
                ims_org_id: ims_org_id.clone(),
                package_id: package_id.clone(),
            }),
            _ => None,
        }
    }

    /// The messages to show at one place of the form.
    pub fn messages_for(&self, part: PayloadPart) -> Vec<String> {
        self.problems
            .iter()
            .filter(|problem| problem.part() == part)
            .map(PayloadProblem::message)
            .collect()
    }
}

/// Reads a pasted payload. Surrounding whitespace (and a byte-order mark) is ignored; pretty
/// and minified JSON read the same. Hex digits are normalized to the case Platform uses.
pub fn check_payload(text: &str) -> PayloadCheck {
    let failed = |problem| PayloadCheck {
        problems: vec![problem],
        ..PayloadCheck::default()
    };
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return failed(PayloadProblem::Empty);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => return failed(syntax(&error, text)),
    };
    if !value.is_object() {
        return failed(PayloadProblem::NotAnObject(JsonKind::of(&value)));
    }
    // Read again keeping every key: a map would silently keep only the last of repeated keys.
    let fields = match serde_json::from_str::<Fields>(text) {
        Ok(Fields(fields)) => fields,
        Err(error) => return failed(syntax(&error, text)),
    };

    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (key, _) in &fields {
        if seen.contains(&key.as_str()) {
            if !problems.contains(&PayloadProblem::Repeated(key.clone())) {
                problems.push(PayloadProblem::Repeated(key.clone()));
            }
        } else if key != ORG_ID_FIELD && key != PACKAGE_ID_FIELD {
            problems.push(PayloadProblem::Unexpected(key.clone()));
        }
        seen.push(key);
    }
    let ims_org_id = string_field(&fields, ORG_ID_FIELD, &mut problems).and_then(|raw| {
        normalize_org_id(raw)
            .map_err(|error| problems.push(PayloadProblem::OrgId(error)))
            .ok()
    });
    let package_id = string_field(&fields, PACKAGE_ID_FIELD, &mut problems).and_then(|raw| {
        normalize_package_id(raw)
            .map_err(|error| problems.push(PayloadProblem::PackageId(error)))
            .ok()
    });
    PayloadCheck {
        ims_org_id,
        package_id,
        problems,
    }
}

/// A package ID: 32 hexadecimal digits, written in lower case.
fn normalize_package_id(raw: &str) -> Result<String, PackageIdError> {
    if let Some(bad) = raw.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(PackageIdError::NotHex(bad));
    }
    if raw.len() != PACKAGE_ID_LENGTH {
        return Err(PackageIdError::WrongLength(raw.len()));
    }
    Ok(raw.to_ascii_lowercase())
}

/// The field's text when it is present (once) and a string; records a problem otherwise.
fn string_field<'a>(
    fields: &'a [(String, Value)],
    name: &'static str,
    problems: &mut Vec<PayloadProblem>,
) -> Option<&'a str> {
    let Some((_, value)) = fields.iter().find(|(key, _)| key == name) else {
        problems.push(PayloadProblem::Missing(name));
        return None;
    };
    match value {
        Value::String(text) => Some(text),
        other => {
            problems.push(PayloadProblem::WrongType {
                field: name,
                found: JsonKind::of(other),
            });
            None
        }
    }
}

fn syntax(error: &serde_json::Error, text: &str) -> PayloadProblem {
    let detail = if error.is_eof() {
        SyntaxDetail::EndOfText
    } else {
        // serde_json appends " at line L column C"; the position is given separately.
        let full = error.to_string();
        SyntaxDetail::Parser(match full.rfind(" at line ") {
            Some(at) => full[..at].to_string(),
            None => full,
        })
    };
    PayloadProblem::Syntax {
        line: error.line(),
        column: error.column(),
        detail,
        // „ too: German text opens quotes with it.
        curly_quotes: text.contains(['“', '”', '„']),
    }
}

/// A JSON object's members in order, repeated keys included.
struct Fields(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: &str = "745F37C35E4B776E0A49421B@AdobeOrg";
    const PACKAGE: &str = "d4ccecf7cca853e5060db5bc02509387";

    fn expected() -> PullRequest {
        PullRequest {
            ims_org_id: ORG.to_string(),
            package_id: PACKAGE.to_string(),
        }
    }

    fn parse_payload(text: &str) -> Result<PullRequest, Vec<PayloadProblem>> {
        let check = check_payload(text);
        check.pull_request().ok_or(check.problems)
    }

    fn problems(text: &str) -> Vec<PayloadProblem> {
        parse_payload(text).expect_err("a problem")
    }

    #[test]
    fn pretty_minified_and_padded_payloads_are_accepted() {
        let pretty = format!("{{\n  \"imsOrgId\": \"{ORG}\",\n  \"packageId\": \"{PACKAGE}\"\n}}");
        let minified = format!(r#"{{"packageId":"{PACKAGE}","imsOrgId":"{ORG}"}}"#);
        for text in [
            pretty.clone(),
            minified.clone(),
            format!("\n\t  {pretty}\n"),
            format!("{minified}\n"),
            format!("\u{feff}{minified}"),
        ] {
            assert_eq!(parse_payload(&text), Ok(expected()), "{text:?}");
        }
    }

    #[test]
    fn the_body_sent_has_exactly_the_two_fields() {
        let body = serde_json::to_value(expected()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"imsOrgId": ORG, "packageId": PACKAGE})
        );
    }

    #[test]
    fn ids_are_normalized_to_platform_case() {
        let text = format!(
            r#"{{"imsOrgId":"{}","packageId":"{}"}}"#,
            ORG.to_ascii_lowercase(),
            PACKAGE.to_ascii_uppercase()
        );
        assert_eq!(parse_payload(&text), Ok(expected()));
    }

    #[test]
    fn empty_text_asks_for_a_payload() {
        assert_eq!(problems("  \n "), vec![PayloadProblem::Empty]);
    }

    #[test]
    fn an_unclosed_object_reports_its_line_and_column() {
        let found = problems("{");
        assert_eq!(found.len(), 1);
        let message = found[0].message();
        assert_eq!(
            message,
            "Not valid JSON at line 1, column 1: the text ends before the JSON is complete."
        );
        assert_eq!(found[0].part(), PayloadPart::Whole);
    }

    #[test]
    fn a_syntax_error_on_a_later_line_names_that_line() {
        let text = format!("{{\n  \"imsOrgId\": \"{ORG}\"\n  \"packageId\": \"{PACKAGE}\"\n}}");
        match &problems(&text)[0] {
            PayloadProblem::Syntax {
                line,
                column,
                detail,
                ..
            } => {
                assert_eq!((*line, *column), (3, 3));
                assert_eq!(detail, &SyntaxDetail::Parser("expected `,` or `}`".into()));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn curly_quotes_get_a_hint() {
        let message = problems("{“imsOrgId”: 1}")[0].message();
        assert!(message.contains("straight quotes"), "{message}");
    }

    #[test]
    fn trailing_text_is_a_syntax_error() {
        let text = format!(r#"{{"imsOrgId":"{ORG}","packageId":"{PACKAGE}"}} x"#);
        assert!(matches!(problems(&text)[0], PayloadProblem::Syntax { .. }));
    }

    #[test]
    fn an_array_is_not_a_payload() {
        let found = problems("[]");
        assert_eq!(found, vec![PayloadProblem::NotAnObject(JsonKind::Array)]);
        assert!(found[0].message().ends_with("not an array."));
        assert_eq!(
            problems("\"text\""),
            vec![PayloadProblem::NotAnObject(JsonKind::String)]
        );
    }

    #[test]
    fn a_number_for_the_org_and_no_package_are_two_problems() {
        let found = problems(r#"{"imsOrgId": 5}"#);
        assert_eq!(
            found,
            vec![
                PayloadProblem::WrongType {
                    field: ORG_ID_FIELD,
                    found: JsonKind::Number
                },
                PayloadProblem::Missing(PACKAGE_ID_FIELD),
            ]
        );
        assert_eq!(found[0].part(), PayloadPart::OrgId);
        assert_eq!(found[1].part(), PayloadPart::PackageId);
        assert_eq!(
            found[0].message(),
            "“imsOrgId” must be a string in quotes, not a number."
        );
        assert_eq!(found[1].message(), "“packageId” is missing.");
    }

    #[test]
    fn an_empty_object_misses_both_fields() {
        assert_eq!(
            problems("{}"),
            vec![
                PayloadProblem::Missing(ORG_ID_FIELD),
                PayloadProblem::Missing(PACKAGE_ID_FIELD)
            ]
        );
    }

    #[test]
    fn extra_and_repeated_fields_are_named() {
        let text = format!(
            r#"{{"imsOrgId":"{ORG}","packageId":"{PACKAGE}","name":"x","packageId":"{PACKAGE}","packageId":"{PACKAGE}"}}"#
        );
        assert_eq!(
            problems(&text),
            vec![
                PayloadProblem::Unexpected("name".into()),
                PayloadProblem::Repeated(PACKAGE_ID_FIELD.into()),
            ]
        );
    }

    #[test]
    fn malformed_ids_are_reported_next_to_their_field() {
        let text = r#"{"imsOrgId":"745F37C35E4B776E0A49421B","packageId":"d4ccecf7-cca8-53e5-060d-b5bc02509387"}"#;
        let found = problems(text);
        assert_eq!(
            found,
            vec![
                PayloadProblem::OrgId(OrgIdFormatError::MissingSuffix),
                PayloadProblem::PackageId(PackageIdError::NotHex('-')),
            ]
        );
        assert_eq!(found[0].part(), PayloadPart::OrgId);
        assert_eq!(found[1].part(), PayloadPart::PackageId);
        assert_eq!(
            problems(r#"{"imsOrgId":"745F37C35E4B776E0A49421B@AdobeOrg","packageId":"abc"}"#),
            vec![PayloadProblem::PackageId(PackageIdError::WrongLength(3))]
        );
    }

    #[test]
    fn well_formed_fields_are_kept_next_to_the_problems_of_others() {
        let check = check_payload(&format!(r#"{{"imsOrgId":"{ORG}","packageId":"x"}}"#));
        assert_eq!(check.ims_org_id.as_deref(), Some(ORG));
        assert_eq!(check.package_id, None);
        assert_eq!(check.pull_request(), None);
        assert!(check.messages_for(PayloadPart::OrgId).is_empty());
        assert_eq!(
            check.messages_for(PayloadPart::PackageId),
            vec!["“packageId”: “x” is not allowed: a package ID has only 0–9 and a–f."]
        );
        assert!(check.messages_for(PayloadPart::Whole).is_empty());
    }

    #[test]
    fn null_and_objects_are_wrong_types() {
        let found = problems(r#"{"imsOrgId":null,"packageId":{"id":"x"}}"#);
        assert_eq!(
            found,
            vec![
                PayloadProblem::WrongType {
                    field: ORG_ID_FIELD,
                    found: JsonKind::Null
                },
                PayloadProblem::WrongType {
                    field: PACKAGE_ID_FIELD,
                    found: JsonKind::Object
                },
            ]
        );
    }
}
