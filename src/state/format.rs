//! Dates as the tables show them, from a moment broken down into calendar fields.
//!
//! The browser's `Date` says how far the user's time zone is from UTC at a moment (see
//! `components::date_cell`); the calendar arithmetic and formatting here are pure and tested
//! natively. Field by field and with one call into JavaScript per date: a 100-row page shows
//! hundreds of dates.

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

impl Fields {
    /// Calendar fields of epoch milliseconds, in UTC (proleptic Gregorian calendar).
    pub fn of_epoch_ms(epoch_ms: i64) -> Fields {
        let days = epoch_ms.div_euclid(86_400_000);
        let in_day = epoch_ms.rem_euclid(86_400_000);
        // Days since 1970-01-01 to a civil date (H. Hinnant's `civil_from_days`).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Fields {
            year: year as i32,
            month: month as u32,
            day: day as u32,
            hour: (in_day / 3_600_000) as u32,
            minute: (in_day / 60_000 % 60) as u32,
            second: (in_day / 1_000 % 60) as u32,
            millisecond: (in_day % 1_000) as u32,
        }
    }
}

/// A moment in the user's time zone and in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub local: Fields,
    pub utc: Fields,
    /// How far local time is ahead of UTC, in minutes ("+02:00" is 120).
    pub offset_minutes: i32,
}

impl Moment {
    /// Epoch milliseconds in a time zone `offset_minutes` ahead of UTC.
    pub fn at(epoch_ms: i64, offset_minutes: i32) -> Moment {
        Moment {
            local: Fields::of_epoch_ms(epoch_ms + i64::from(offset_minutes) * 60_000),
            utc: Fields::of_epoch_ms(epoch_ms),
            offset_minutes,
        }
    }
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
    fn epoch_milliseconds_become_calendar_fields() {
        assert_eq!(Moment::at(1_683_611_012_105, 120), CEST);
        assert_eq!(
            Fields::of_epoch_ms(0),
            Fields {
                year: 1970,
                month: 1,
                day: 1,
                hour: 0,
                minute: 0,
                second: 0,
                millisecond: 0
            }
        );
        // Before 1970, a leap day, and the last millisecond of a year.
        assert_eq!(local_date(&Moment::at(-86_400_000, 0)), "1969-12-31");
        assert_eq!(local_date(&Moment::at(951_782_400_007, 0)), "2000-02-29");
        let last = Moment::at(1_703_980_799_999, 0);
        assert_eq!(
            exact_time(&last),
            "2023-12-30 23:59:59 +00:00 (2023-12-30 23:59:59.999 UTC)"
        );
        assert_eq!(local_date(&Moment::at(1_703_980_799_999, 60)), "2023-12-31");
    }

    #[test]
    fn offsets_have_a_sign_and_minutes() {
        assert_eq!(offset(0), "+00:00");
        assert_eq!(offset(120), "+02:00");
        assert_eq!(offset(-330), "-05:30");
    }
}
