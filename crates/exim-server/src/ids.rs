//! New identifiers, shaped like Platform's: records get 32 lowercase hex digits, linking ids,
//! correlation ids and pipeline message ids get dashed UUIDs.

use uuid::Uuid;

/// A record id such as `209f886b00444eac9bb5836fe32e7681`.
pub fn new_record_id() -> String {
    Uuid::new_v4().simple().to_string()
}

/// A dashed UUID such as `f7647408-965c-4a33-86aa-640760088c53`.
pub fn new_uuid() -> String {
    Uuid::new_v4().hyphenated().to_string()
}

/// Whether `raw` is a record id: exactly 32 lowercase hex digits.
pub fn is_record_id(raw: &str) -> bool {
    raw.len() == 32
        && raw
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether `raw` is an IMS org id: `^[0-9A-F]{24}@AdobeOrg$`.
pub fn is_ims_org_id(raw: &str) -> bool {
    raw.strip_suffix("@AdobeOrg").is_some_and(|hex| {
        hex.len() == 24
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_have_platform_shapes() {
        let id = new_record_id();
        assert!(is_record_id(&id), "{id}");
        assert_ne!(id, new_record_id());
        let uuid = new_uuid();
        assert_eq!(uuid.len(), 36);
        assert_eq!(uuid.matches('-').count(), 4);
    }

    #[test]
    fn record_ids_are_32_lowercase_hex_digits() {
        assert!(is_record_id("0123456789abcdef0123456789abcdef"));
        assert!(!is_record_id("0123456789ABCDEF0123456789ABCDEF"));
        assert!(!is_record_id("0123456789abcdef0123456789abcde"));
        assert!(!is_record_id("0123456789abcdef0123456789abcdeg"));
        assert!(!is_record_id("not-an-id"));
    }

    #[test]
    fn org_ids_follow_the_ims_pattern() {
        assert!(is_ims_org_id("5C1328435BF324E90A49402A@AdobeOrg"));
        assert!(!is_ims_org_id("5c1328435bf324e90a49402a@AdobeOrg"));
        assert!(!is_ims_org_id("5C1328435BF324E90A49402A@adobeorg"));
        assert!(!is_ims_org_id("5C1328435BF324E90A49402@AdobeOrg"));
        assert!(!is_ims_org_id("acme@AdobeOrg"));
        assert!(!is_ims_org_id(""));
    }
}
