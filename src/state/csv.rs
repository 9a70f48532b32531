//! CSV as spreadsheets read it safely: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order
//! mark (so that Excel reads the file as UTF-8), and cells that a spreadsheet would run as a
//! formula neutralised with a leading `'` (OWASP "CSV injection").

use exim_api::TransferRecord;

/// Written first: without it Excel guesses the file's encoding and mangles non-ASCII names.
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The largest `limit` `/transfer/list` accepts (api-notes §14): the fewest round trips.
pub const EXPORT_PAGE_SIZE: u32 = 100;

/// Characters that make a spreadsheet treat a cell as a formula (or, tab and CR, that some
/// strip before checking for one).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One field: neutralised, then quoted when it holds a comma, a quote or a line break, with
/// its quotes doubled.
pub fn field(value: &str) -> String {
    let neutral = if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if neutral.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// One record with its CRLF line end.
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|value| field(value.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Epoch milliseconds as ISO 8601 UTC to the second, e.g. `2026-11-30T12:00:00Z`: the same
/// whatever the reader's time zone or language.
pub fn iso_utc(epoch_ms: i64) -> String {
    let seconds = epoch_ms.div_euclid(1000);
    let (days, of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// The UTC calendar date of epoch milliseconds, `YYYY-MM-DD`.
pub fn iso_date(epoch_ms: i64) -> String {
    iso_utc(epoch_ms)[..10].to_string()
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `<stem>-<org-name-slug>-<YYYY-MM-DD>.csv`: lowercase ASCII letters and digits, every other
/// run of characters one `-`; an org name with nothing left is left out.
pub fn file_name(stem: &str, org_name: &str, epoch_ms: i64) -> String {
    let slug = slug(org_name);
    let date = iso_date(epoch_ms);
    if slug.is_empty() {
        format!("{stem}-{date}.csv")
    } else {
        format!("{stem}-{slug}-{date}.csv")
    }
}

fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// One transfer's cells, in the order of the header the caller writes: package name, package
/// id, request type, status, source org name and id, target org name and id, created,
/// modified, completed, error message.
pub fn transfer_fields(transfer: &TransferRecord) -> [String; 12] {
    let time = |at: Option<i64>| at.map(iso_utc).unwrap_or_default();
    [
        transfer.package_name.clone().unwrap_or_default(),
        transfer.package_id.clone(),
        transfer.request_type.as_str().to_string(),
        transfer.status.as_str().to_string(),
        transfer.source_org_name.clone().unwrap_or_default(),
        transfer.source_ims_org_id.clone(),
        transfer.target_org_name.clone().unwrap_or_default(),
        transfer.target_ims_org_id.clone(),
        iso_utc(transfer.created_date),
        time(transfer.modified_date),
        time(transfer.completed_time),
        error_message(transfer).unwrap_or_default(),
    ]
}

/// `transferDetails.additionalMetadata.errorMessage` of a failed transfer.
fn error_message(transfer: &TransferRecord) -> Option<String> {
    let metadata = transfer
        .transfer_details
        .as_ref()?
        .additional_metadata
        .as_ref()?;
    metadata.get("errorMessage")?.as_str().map(str::to_string)
}

/// The CSV of one page of transfers (no header).
pub fn transfer_records(transfers: &[TransferRecord]) -> String {
    transfers
        .iter()
        .map(|transfer| record(&transfer_fields(transfer)))
        .collect()
}

/// How many pages of `page_size` hold `total` items (at least one, to learn the total).
pub fn page_count(total: u64, page_size: u32) -> u32 {
    total.div_ceil(u64::from(page_size)).max(1) as u32
}

/// Tries per page before the export stops and asks the user.
pub const TRIES_PER_PAGE: u32 = 3;

/// How long to wait before try `failed_tries + 1` of a page, or `None` when the tries are
/// spent: what `Retry-After` asked for, else 1 s, then 2 s.
pub fn retry_delay_ms(failed_tries: u32, retry_after_secs: Option<u32>) -> Option<u32> {
    if failed_tries >= TRIES_PER_PAGE {
        return None;
    }
    Some(match retry_after_secs {
        Some(seconds) => seconds.saturating_mul(1000),
        None => 1000 << (failed_tries.saturating_sub(1)).min(4),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use exim_api::{TransferDetails, TransferRequestType, TransferStatus};

    #[test]
    fn plain_fields_stay_as_they_are() {
        assert_eq!(field("Spring sale"), "Spring sale");
        assert_eq!(field(""), "");
        assert_eq!(field("Grüße 🎉"), "Grüße 🎉");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("one\ntwo"), "\"one\ntwo\"");
        assert_eq!(field("one\r\ntwo"), "\"one\r\ntwo\"");
    }

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+49 30"), "'+49 30");
        assert_eq!(field("-2"), "'-2");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("a=b"), "a=b");
    }

    #[test]
    fn a_hostile_hyperlink_is_neutralised_and_quoted() {
        assert_eq!(
            field(r#"=HYPERLINK("http://x.test","<img src=x>")"#),
            r#""'=HYPERLINK(""http://x.test"",""<img src=x>"")""#
        );
    }

    #[test]
    fn records_end_in_crlf() {
        assert_eq!(record(&["a", "b,c", "=d"]), "a,\"b,c\",'=d\r\n");
    }

    #[test]
    fn times_are_iso_8601_utc() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(1_796_040_000_000), "2026-11-30T12:00:00Z");
        assert_eq!(iso_utc(951_782_400_999), "2000-02-29T00:00:00Z");
        assert_eq!(iso_utc(-1000), "1969-12-31T23:59:59Z");
        assert_eq!(iso_date(1_796_040_000_000), "2026-11-30");
    }

    #[test]
    fn file_names_carry_the_org_slug_and_the_date() {
        let at = 1_796_040_000_000;
        assert_eq!(
            file_name("sharing-status", "Acme Retail", at),
            "sharing-status-acme-retail-2026-11-30.csv"
        );
        assert_eq!(
            file_name("sharing-status", "  <Ümlaut> & Co.!", at),
            "sharing-status-mlaut-co-2026-11-30.csv"
        );
        assert_eq!(
            file_name("sharing-status", "", at),
            "sharing-status-2026-11-30.csv"
        );
    }

    fn transfer() -> TransferRecord {
        TransferRecord {
            id: "t1".into(),
            version: None,
            created_date: 1_796_040_000_000,
            modified_date: Some(1_796_040_060_000),
            created_by: None,
            modified_by: None,
            source_ims_org_id: "A@AdobeOrg".into(),
            source_org_name: Some("Acme, Inc.".into()),
            target_ims_org_id: "G@AdobeOrg".into(),
            target_org_name: None,
            package_id: "p1".into(),
            package_name: Some("=cmd".into()),
            status: TransferStatus::Failed,
            initiated_by: "admin".into(),
            completed_time: None,
            pipeline_message_id: None,
            transfer_details: Some(TransferDetails {
                messages: vec![],
                additional_metadata: Some(serde_json::json!({
                    "errorCode": "E1", "errorMessage": "Blob \"missing\""
                })),
            }),
            request_type: TransferRequestType::Private,
            target_package_id: None,
            retry_of: None,
            retried_by: None,
        }
    }

    #[test]
    fn a_transfer_becomes_one_record_in_column_order() {
        assert_eq!(
            transfer_records(&[transfer()]),
            "'=cmd,p1,PRIVATE,FAILED,\"Acme, Inc.\",A@AdobeOrg,,G@AdobeOrg,\
             2026-11-30T12:00:00Z,2026-11-30T12:01:00Z,,\"Blob \"\"missing\"\"\"\r\n"
        );
    }

    #[test]
    fn page_counts_round_up() {
        assert_eq!(page_count(0, 100), 1);
        assert_eq!(page_count(100, 100), 1);
        assert_eq!(page_count(101, 100), 2);
        assert_eq!(page_count(100_000, 100), 1000);
    }

    #[test]
    fn a_page_is_tried_three_times_honouring_retry_after() {
        assert_eq!(retry_delay_ms(1, None), Some(1000));
        assert_eq!(retry_delay_ms(2, None), Some(2000));
        assert_eq!(retry_delay_ms(1, Some(3)), Some(3000));
        assert_eq!(retry_delay_ms(3, None), None);
    }
}
