//! Dates as the tables show them.

use chrono::{DateTime, Local, TimeZone, Utc};

/// Epoch milliseconds as a local date, e.g. "2024-05-19", for compact table cells.
pub fn local_date(epoch_ms: i64) -> String {
    local_format(epoch_ms, "%Y-%m-%d")
}

/// Epoch milliseconds as a local date and time, e.g. "2024-05-19 14:03".
pub fn local_date_time(epoch_ms: i64) -> String {
    local_format(epoch_ms, "%Y-%m-%d %H:%M")
}

/// The exact local time with its offset and the UTC time, for hover titles.
pub fn exact_time(epoch_ms: i64) -> String {
    match DateTime::<Utc>::from_timestamp_millis(epoch_ms) {
        Some(utc) => format!(
            "{} ({})",
            utc.with_timezone(&Local).format("%Y-%m-%d %H:%M:%S %:z"),
            utc.format("%Y-%m-%d %H:%M:%S%.3f UTC")
        ),
        None => "unknown time".to_string(),
    }
}

fn local_format(epoch_ms: i64, pattern: &str) -> String {
    match Local.timestamp_millis_opt(epoch_ms).single() {
        Some(time) => time.format(pattern).to_string(),
        None => "—".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_time_ends_with_utc_milliseconds() {
        assert!(exact_time(1_684_475_012_105).ends_with("(2023-05-19 05:43:32.105 UTC)"));
    }

    #[test]
    fn local_formats_have_their_precision() {
        assert_eq!(local_date(1_684_475_012_105).len(), "2023-05-19".len());
        assert_eq!(
            local_date_time(1_684_475_012_105).len(),
            "2023-05-19 05:43".len()
        );
    }
}
