//! Checks of request values that serde cannot express, each refusing with a 400 whose title
//! names the field and says what is wrong.

use chrono::DateTime;

use crate::error::ApiError;
use crate::ids::{is_ims_org_id, is_record_id};

/// Longest accepted name (packages, org display names).
pub const MAX_NAME_CHARS: usize = 256;
/// Longest accepted description or reason.
pub const MAX_TEXT_CHARS: usize = 4096;

/// A record id (package, transfer, handshake, job) given in a path or body.
pub fn record_id(field: &str, raw: &str) -> Result<String, ApiError> {
    if is_record_id(raw) {
        Ok(raw.to_string())
    } else {
        Err(ApiError::Invalid(format!(
            "Invalid {field} '{}': expected 32 lowercase hexadecimal characters",
            shorten(raw)
        )))
    }
}

/// An IMS org id such as `5C1328435BF324E90A49402A@AdobeOrg`.
pub fn org_id(field: &str, raw: &str) -> Result<String, ApiError> {
    if is_ims_org_id(raw) {
        Ok(raw.to_string())
    } else {
        Err(ApiError::Invalid(invalid_org_id_message(field, raw)))
    }
}

pub fn invalid_org_id_message(field: &str, raw: &str) -> String {
    format!(
        "Invalid {field} '{}': expected 24 upper-case hexadecimal characters followed by @AdobeOrg",
        shorten(raw)
    )
}

/// A required, non-blank name of at most [`MAX_NAME_CHARS`] characters, trimmed.
pub fn name(field: &str, raw: &str) -> Result<String, ApiError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(ApiError::Invalid(format!("{field} must not be blank")));
    }
    within(field, trimmed, MAX_NAME_CHARS)?;
    Ok(trimmed.to_string())
}

/// Free text of at most [`MAX_TEXT_CHARS`] characters.
pub fn text(field: &str, raw: &str) -> Result<String, ApiError> {
    within(field, raw, MAX_TEXT_CHARS)?;
    Ok(raw.to_string())
}

fn within(field: &str, value: &str, max_chars: usize) -> Result<(), ApiError> {
    let length = value.chars().count();
    if length > max_chars {
        return Err(ApiError::Invalid(format!(
            "{field} is {length} characters long; at most {max_chars} are allowed"
        )));
    }
    Ok(())
}

/// An `expiry` request value: an ISO-8601 date-time with offset such as
/// `2023-05-20T20:05:10Z`, returned as epoch milliseconds.
pub fn expiry(raw: &str) -> Result<i64, ApiError> {
    DateTime::parse_from_rfc3339(raw.trim())
        .map(|date_time| date_time.timestamp_millis())
        .map_err(|_| {
            ApiError::Invalid(format!(
                "Invalid expiry '{}': expected an ISO-8601 UTC date-time such as 2023-05-20T20:05:10Z",
                shorten(raw)
            ))
        })
}

/// Echoes user input in messages without letting a huge value flood them.
pub fn shorten(raw: &str) -> String {
    const SHOWN: usize = 80;
    if raw.chars().count() <= SHOWN {
        raw.to_string()
    } else {
        let head: String = raw.chars().take(SHOWN).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("name", "  Spring  ").unwrap(), "Spring");
        assert!(name("name", "   ").is_err());
        assert!(name("name", &"x".repeat(256)).is_ok());
        assert!(name("name", &"x".repeat(257)).is_err());
        assert!(name("name", &"é".repeat(256)).is_ok());
    }

    #[test]
    fn expiry_is_an_iso_date_time() {
        assert_eq!(expiry("2023-05-20T20:05:10Z").unwrap(), 1_684_613_110_000);
        assert!(expiry("tomorrow").is_err());
        assert!(expiry("2023-05-20").is_err());
    }

    #[test]
    fn long_input_is_shortened_in_messages() {
        let message = match record_id("package id", &"z".repeat(5000)) {
            Err(ApiError::Invalid(message)) => message,
            other => panic!("{other:?}"),
        };
        assert!(message.len() < 300, "{message}");
    }
}
