//! Dates as the tables show them, from a moment broken down into calendar fields.
//!
//! The fields come from the browser's own `Date` (see `components::date_cell`), which knows the
//! user's time zone; formatting them here is pure and tested natively. Formatted field by field:
//! a 100-row page shows hundreds of dates.

/// One moment as calendar fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub millisecond: u32,
}

/// A moment in the user's time zone and in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub local: Fields,
    pub utc: Fields,
    /// How far local time is ahead of UTC, in minutes ("+02:00" is 120).
    pub offset_minutes: i32,
}

/// A local date, e.g. "2024-05-19", for compact table cells.
pub fn local_date(moment: &Moment) -> String {
    date(&moment.local)
}

/// A local date and time, e.g. "2024-05-19 14:03".
pub fn local_date_time(moment: &Moment) -> String {
    let local = &moment.local;
    format!("{} {:02}:{:02}", date(local), local.hour, local.minute)
}

/// The exact local time with its offset and the UTC time, for hover titles,
/// e.g. "2024-05-19 16:03:32 +02:00 (2024-05-19 14:03:32.105 UTC)".
pub fn exact_time(moment: &Moment) -> String {
    format!(
        "{} {} {} ({} {}.{:03} UTC)",
        date(&moment.local),
        time_seconds(&moment.local),
        offset(moment.offset_minutes),
        date(&moment.utc),
        time_seconds(&moment.utc),
        moment.utc.millisecond
    )
}

fn date(fields: &Fields) -> String {
    format!("{:04}-{:02}-{:02}", fields.year, fields.month, fields.day)
}

fn time_seconds(fields: &Fields) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        fields.hour, fields.minute, fields.second
    )
}

/// Minutes east of UTC as "+02:00" / "-05:30".
fn offset(minutes_east: i32) -> String {
    let sign = if minutes_east < 0 { '-' } else { '+' };
    let minutes = minutes_east.unsigned_abs();
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: u32, minute: u32, second: u32, millisecond: u32) -> Fields {
        Fields {
            year: 2023,
            month: 5,
            day: 9,
            hour,
            minute,
            second,
            millisecond,
        }
    }

    const CEST: Moment = Moment {
        local: Fields {
            year: 2023,
            month: 5,
            day: 9,
            hour: 7,
            minute: 43,
            second: 32,
            millisecond: 105,
        },
        utc: Fields {
            year: 2023,
            month: 5,
            day: 9,
            hour: 5,
            minute: 43,
            second: 32,
            millisecond: 105,
        },
        offset_minutes: 120,
    };

    #[test]
    fn local_formats_have_their_precision() {
        assert_eq!(local_date(&CEST), "2023-05-09");
        assert_eq!(local_date_time(&CEST), "2023-05-09 07:43");
    }

    #[test]
    fn exact_time_says_the_offset_and_utc_to_the_millisecond() {
        assert_eq!(
            exact_time(&CEST),
            "2023-05-09 07:43:32 +02:00 (2023-05-09 05:43:32.105 UTC)"
        );
        let west = Moment {
            local: at(0, 13, 32, 7),
            utc: at(5, 43, 32, 7),
            offset_minutes: -330,
        };
        assert_eq!(
            exact_time(&west),
            "2023-05-09 00:13:32 -05:30 (2023-05-09 05:43:32.007 UTC)"
        );
    }

    #[test]
    fn offsets_have_a_sign_and_minutes() {
        assert_eq!(offset(0), "+00:00");
        assert_eq!(offset(120), "+02:00");
        assert_eq!(offset(-330), "-05:30");
    }
}
