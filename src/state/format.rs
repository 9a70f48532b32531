//! Dates as the tables show them.
//!
//! Formatted field by field rather than with chrono's strftime patterns: a 100-row page shows
//! hundreds of dates, and parsing a pattern for each one is most of their cost.

use chrono::{DateTime, Datelike, Local, Offset, TimeZone, Timelike, Utc};

/// Epoch milliseconds as a local date, e.g. "2024-05-19", for compact table cells.
pub fn local_date(epoch_ms: i64) -> String {
    local(epoch_ms).map_or_else(|| "—".to_string(), |time| date(&time))
}

/// Epoch milliseconds as a local date and time, e.g. "2024-05-19 14:03".
pub fn local_date_time(epoch_ms: i64) -> String {
    local(epoch_ms).map_or_else(
        || "—".to_string(),
        |time| format!("{} {:02}:{:02}", date(&time), time.hour(), time.minute()),
    )
}

/// The exact local time with its offset and the UTC time, for hover titles,
/// e.g. "2024-05-19 16:03:32 +02:00 (2024-05-19 14:03:32.105 UTC)".
pub fn exact_time(epoch_ms: i64) -> String {
    let Some(utc) = DateTime::<Utc>::from_timestamp_millis(epoch_ms) else {
        return "unknown time".to_string();
    };
    let local = utc.with_timezone(&Local);
    format!(
        "{} {} ({} {}.{:03} UTC)",
        date_time_seconds(&local),
        offset(local.offset().fix().local_minus_utc()),
        date(&utc),
        time_seconds(&utc),
        utc.timestamp_subsec_millis()
    )
}

fn local(epoch_ms: i64) -> Option<DateTime<Local>> {
    Local.timestamp_millis_opt(epoch_ms).single()
}

fn date<T: Datelike>(time: &T) -> String {
    format!("{:04}-{:02}-{:02}", time.year(), time.month(), time.day())
}

fn time_seconds<T: Timelike>(time: &T) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        time.hour(),
        time.minute(),
        time.second()
    )
}

fn date_time_seconds<T: Datelike + Timelike>(time: &T) -> String {
    format!("{} {}", date(time), time_seconds(time))
}

/// Seconds east of UTC as "+02:00" / "-05:30".
fn offset(seconds_east: i32) -> String {
    let sign = if seconds_east < 0 { '-' } else { '+' };
    let minutes = seconds_east.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
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

    /// The hand-made formats say exactly what chrono's patterns say.
    #[test]
    fn formats_match_chronos_patterns() {
        for epoch_ms in [
            0,
            1_684_475_012_105,
            1_703_980_799_999,
            951_782_400_007,
            -86_400_000,
        ] {
            let local = Local.timestamp_millis_opt(epoch_ms).unwrap();
            let utc = DateTime::<Utc>::from_timestamp_millis(epoch_ms).unwrap();
            assert_eq!(local_date(epoch_ms), local.format("%Y-%m-%d").to_string());
            assert_eq!(
                local_date_time(epoch_ms),
                local.format("%Y-%m-%d %H:%M").to_string()
            );
            assert_eq!(
                exact_time(epoch_ms),
                format!(
                    "{} ({})",
                    local.format("%Y-%m-%d %H:%M:%S %:z"),
                    utc.format("%Y-%m-%d %H:%M:%S%.3f UTC")
                )
            );
        }
    }

    #[test]
    fn offsets_have_a_sign_and_minutes() {
        assert_eq!(offset(0), "+00:00");
        assert_eq!(offset(7_200), "+02:00");
        assert_eq!(offset(-19_800), "-05:30");
    }
}
