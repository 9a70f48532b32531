//! Timestamps in filters: Platform stores epoch milliseconds but its examples filter with
//! ISO-8601 literals (`createdDate>=2023-05-11T18:29:59.999Z`), so both are accepted.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Epoch milliseconds from `1684475012105`, an RFC 3339 date-time, a date-time without offset
/// (taken as UTC) or a bare date (midnight UTC).
pub fn parse_timestamp(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    if let Ok(millis) = raw.parse::<i64>() {
        return Some(millis);
    }
    // An unencoded `+02:00` offset arrives as ` 02:00` after form decoding.
    let raw = raw.replace(' ', "+");
    if let Ok(date_time) = DateTime::parse_from_rfc3339(&raw) {
        return Some(date_time.timestamp_millis());
    }
    if let Ok(naive) = NaiveDateTime::parse_from_str(&raw, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(naive.and_utc().timestamp_millis());
    }
    NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .map(|midnight| midnight.and_utc().timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::parse_timestamp;

    #[test]
    fn accepts_epoch_millis_and_iso_forms() {
        assert_eq!(parse_timestamp("1684475012105"), Some(1_684_475_012_105));
        assert_eq!(
            parse_timestamp("2023-05-11T18:29:59.999Z"),
            Some(1_683_829_799_999)
        );
        assert_eq!(
            parse_timestamp("2023-05-11T20:29:59.999+02:00"),
            Some(1_683_829_799_999)
        );
        assert_eq!(
            parse_timestamp("2023-05-11T20:29:59.999 02:00"),
            Some(1_683_829_799_999)
        );
        assert_eq!(
            parse_timestamp("2023-05-11T18:29:59"),
            Some(1_683_829_799_000)
        );
        assert_eq!(parse_timestamp("2023-05-11"), Some(1_683_763_200_000));
    }

    #[test]
    fn refuses_other_text() {
        assert_eq!(parse_timestamp("yesterday"), None);
        assert_eq!(parse_timestamp("2023-13-01"), None);
        assert_eq!(parse_timestamp(""), None);
    }
}
