//! Dates as the tables show them.

use chrono::{DateTime, Local, TimeZone, Utc};

/// Epoch milliseconds as a short local date and time, e.g. "2024-05-19 14:03".
pub fn short_local(epoch_ms: i64) -> String {
    match Local.timestamp_millis_opt(epoch_ms).single() {
        Some(time) => time.format("%Y-%m-%d %H:%M").to_string(),
        None => "—".to_string(),
    }
}

/// Epoch milliseconds as an exact UTC timestamp, for hover titles.
pub fn exact_utc(epoch_ms: i64) -> String {
    match DateTime::<Utc>::from_timestamp_millis(epoch_ms) {
        Some(time) => time.format("%Y-%m-%d %H:%M:%S%.3f UTC").to_string(),
        None => "unknown time".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_utc_keeps_milliseconds() {
        assert_eq!(exact_utc(1_684_475_012_105), "2023-05-19 05:43:32.105 UTC");
    }

    #[test]
    fn short_local_has_minute_precision() {
        assert_eq!(
            short_local(1_684_475_012_105).len(),
            "2023-05-19 05:43".len()
        );
    }
}
