//! The CSV under construction, held as one Blob per page so that 100,000 rows stay out of the
//! JS heap, and handed to the browser as a download only once every page is in.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// The parts written so far; dropped (and with them the Blobs) when the export is cancelled.
pub struct CsvParts(Array);

impl CsvParts {
    /// Starts the file with the byte order mark and the header record.
    pub fn new(first: &str) -> Result<Self, JsValue> {
        let parts = CsvParts(Array::new());
        parts.push(first)?;
        Ok(parts)
    }

    pub fn push(&self, text: &str) -> Result<(), JsValue> {
        let blob = Blob::new_with_str_sequence(&Array::of1(&JsValue::from_str(text)))?;
        self.0.push(&blob);
        Ok(())
    }

    /// Offers the whole file as `file_name`: one Blob of the parts, clicked as a download.
    pub fn save(self, file_name: &str) -> Result<(), JsValue> {
        let options = BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let file = Blob::new_with_blob_sequence_and_options(&self.0, &options)?;
        let url = Url::create_object_url_with_blob(&file)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        // The browser reads the Blob after the click returns; releasing it at once could cut
        // the download short, so it goes a minute later.
        leptos::prelude::set_timeout(
            move || {
                let _ = Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(60),
        );
        Ok(())
    }
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn pause(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
