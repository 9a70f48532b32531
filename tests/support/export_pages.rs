//! Export CSV in the user's words: start it, watch its progress, cancel or retry it, and read
//! back the file the browser was handed.
//!
//! The file is caught in the page: [`catch_downloads`] wraps `URL.createObjectURL` and the
//! download link's click, so the test reads the very Blob offered as a download, byte for byte.

use thirtyfour::prelude::*;

use super::wait::{until_some, PATIENCE};
use super::{api_call, wait_visible, Session};

/// A file the app offered: its name and its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Download {
    pub fn has_byte_order_mark(&self) -> bool {
        self.bytes.starts_with(&[0xef, 0xbb, 0xbf])
    }

    /// The records of the file after its byte order mark, parsed as RFC 4180 says.
    pub fn records(&self) -> Vec<Vec<String>> {
        let text = String::from_utf8(self.bytes.clone()).expect("the file is UTF-8");
        parse_csv(text.trim_start_matches('\u{feff}'))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// Starts recording every Blob download of the current page (again after each navigation).
pub async fn catch_downloads(driver: &WebDriver) -> WebDriverResult<()> {
    driver
        .execute(
            r#"if (!window.__downloads) {
                 window.__downloads = [];
                 const blobs = new Map();
                 const create = URL.createObjectURL;
                 URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
                 const click = HTMLAnchorElement.prototype.click;
                 HTMLAnchorElement.prototype.click = function () {
                   if (this.download && blobs.has(this.href)) {
                     window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
                   }
                   return click.call(this);
                 };
               }"#,
            Vec::new(),
        )
        .await
        .map(drop)
}

/// How many files the page offered so far.
pub async fn download_count(driver: &WebDriver) -> WebDriverResult<u64> {
    driver
        .execute("return (window.__downloads || []).length;", Vec::new())
        .await?
        .convert()
}

/// The latest file offered, once there is one.
pub async fn wait_for_download(driver: &WebDriver) -> WebDriverResult<Download> {
    until_some("the exported file", PATIENCE * 2, || async {
        let found: Option<(String, Vec<u8>)> = driver
            .execute_async(
                r#"const done = arguments[0];
                   const last = (window.__downloads || []).at(-1);
                   if (!last) { done(null); return; }
                   last.blob.arrayBuffer().then((buffer) => done([last.name, Array.from(new Uint8Array(buffer))]));"#,
                Vec::new(),
            )
            .await?
            .convert()?;
        Ok(found.map(|(file_name, bytes)| Download { file_name, bytes }))
    })
    .await
}

/// The Export CSV control of a list.
pub struct ExportPanel<'a> {
    pub driver: &'a WebDriver,
}

impl ExportPanel<'_> {
    pub async fn start(&self) -> WebDriverResult<()> {
        wait_visible(self.driver, By::Css("#export-csv:enabled"))
            .await?
            .click()
            .await
    }

    /// The progress text ("Page 2 of 3"), while the export runs.
    pub async fn progress_text(&self) -> WebDriverResult<Option<String>> {
        match self.driver.find(By::Css(".export-progress span")).await {
            Ok(text) => Ok(Some(text.text().await?)),
            Err(_) => Ok(None),
        }
    }

    pub async fn cancel(&self) -> WebDriverResult<()> {
        self.driver
            .find(By::Css(".export-cancel"))
            .await?
            .click()
            .await
    }

    /// The failure shown: its text, once shown.
    pub async fn wait_failure(&self) -> WebDriverResult<String> {
        until_some("the export's failure message", PATIENCE, || async {
            match self.driver.find(By::Css(".export-failed")).await {
                Ok(failed) => Ok(Some(failed.text().await?)),
                Err(_) => Ok(None),
            }
        })
        .await
    }

    /// Whether the failure offers Retry.
    pub async fn can_retry(&self) -> WebDriverResult<bool> {
        Ok(!self
            .driver
            .find_all(By::Css(".export-failed .inline-alert button.primary"))
            .await?
            .is_empty())
    }

    pub async fn retry(&self) -> WebDriverResult<()> {
        self.driver
            .find(By::Css(".export-failed .inline-alert button.primary"))
            .await?
            .click()
            .await
    }
}

/// Every transfer `/transfer/list` answers for `params` (without paging), all pages, in order.
pub async fn all_transfers(
    session: &Session,
    token: &str,
    org_id: &str,
    params: &str,
) -> WebDriverResult<Vec<serde_json::Value>> {
    let mut all = Vec::new();
    for page in 0.. {
        let (status, body) = api_call(
            session,
            "GET",
            &format!(
                "/exim/transfer/list?{params}&start={}&limit=100",
                page * 100
            ),
            token,
            org_id,
            None,
        )
        .await?;
        assert_eq!(status, 200, "{body}");
        let data = body["data"]
            .as_array()
            .expect("a page of transfers")
            .clone();
        let last = data.len() < 100;
        all.extend(data);
        if last {
            break;
        }
    }
    Ok(all)
}

/// RFC 4180: fields split by commas, records by CRLF, quoted fields with doubled quotes.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a record ends in CRLF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends in CRLF"
    );
    records
}
