//! The payload of a public package, as pasted into Import: checked field by field so that
//! every problem gets its own message, and turned into exactly the `pullRequest` body.

use std::fmt;

use exim_api::PullRequest;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::org_ids::{normalize_org_id, OrgIdFormatError};

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
        detail: String,
        curly_quotes: bool,
    },
    NotAnObject(&'static str),
    Missing(&'static str),
    Unexpected(String),
    Repeated(String),
    WrongType {
        field: &'static str,
        found: &'static str,
    },
    OrgId(OrgIdFormatError),
    PackageId(PackageIdError),
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

    pub fn message(&self) -> String {
        match self {
            PayloadProblem::Empty => "Paste the payload of a public package.".to_string(),
            PayloadProblem::Syntax {
                line,
                column,
                detail,
                curly_quotes,
            } => {
                let hint = if *curly_quotes {
                    " The text contains curly quotes (“ ”): JSON needs straight quotes (\")."
                } else {
                    ""
                };
                format!("Not valid JSON at line {line}, column {column}: {detail}.{hint}")
            }
            PayloadProblem::NotAnObject(found) => format!(
                "The payload must be a JSON object {{\"{ORG_ID_FIELD}\": …, \"{PACKAGE_ID_FIELD}\": …}}, not {found}."
            ),
            PayloadProblem::Missing(field) => format!("“{field}” is missing."),
            PayloadProblem::Unexpected(field) => format!(
                "“{field}” is not part of a package payload: only “{ORG_ID_FIELD}” and “{PACKAGE_ID_FIELD}” are."
            ),
            PayloadProblem::Repeated(field) => {
                format!("“{field}” appears more than once.")
            }
            PayloadProblem::WrongType { field, found } => {
                format!("“{field}” must be a string in quotes, not {found}.")
            }
            PayloadProblem::OrgId(error) => format!("“{ORG_ID_FIELD}”: {}", error.message()),
            PayloadProblem::PackageId(PackageIdError::NotHex(character)) => format!(
                "“{PACKAGE_ID_FIELD}”: “{character}” is not allowed: a package ID has only 0–9 and a–f."
            ),
            PayloadProblem::PackageId(PackageIdError::WrongLength(found)) => format!(
                "“{PACKAGE_ID_FIELD}”: a package ID has {PACKAGE_ID_LENGTH} characters, this one has {found}."
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
        return failed(PayloadProblem::NotAnObject(describe(&value)));
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
                found: describe(other),
            });
            None
        }
    }
}

fn syntax(error: &serde_json::Error, text: &str) -> PayloadProblem {
    let detail = if error.is_eof() {
        "the text ends before the JSON is complete".to_string()
    } else {
        // serde_json appends " at line L column C"; the position is given separately.
        let full = error.to_string();
        match full.rfind(" at line ") {
            Some(at) => full[..at].to_string(),
            None => full,
        }
    };
    PayloadProblem::Syntax {
        line: error.line(),
        column: error.column(),
        detail,
        curly_quotes: text.contains(['“', '”']),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
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
                assert_eq!(detail, "expected `,` or `}`");
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
        assert_eq!(found, vec![PayloadProblem::NotAnObject("an array")]);
        assert!(found[0].message().ends_with("not an array."));
        assert_eq!(
            problems("\"text\""),
            vec![PayloadProblem::NotAnObject("a string")]
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
                    found: "a number"
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
                    found: "null"
                },
                PayloadProblem::WrongType {
                    field: PACKAGE_ID_FIELD,
                    found: "an object"
                },
            ]
        );
    }
}
