//! What the Sharing status table shows, shared with the rail so that a transfer on the page
//! needs no request of its own.

use exim_api::TransferRecord;
use leptos::prelude::*;

use crate::components::list_frame::ListData;
use crate::state::list_query::UrlQuery;
use crate::state::transfer_query::TransferQuery;
use crate::state::url::encode;

pub fn transfer_id(transfer: &TransferRecord) -> &str {
    &transfer.id
}

/// The transfer's rail on Sharing status (`/sharing/<id>`), from anywhere in the app.
pub fn transfer_href(id: &str) -> String {
    format!("/sharing/{}", encode(id))
}

#[derive(Clone, Copy)]
pub struct SharingFeed {
    pub list: ListData<TransferRecord>,
    /// The view's query string, written once per view for every row's link.
    query_string: Memo<String>,
}

impl SharingFeed {
    pub fn new(list: ListData<TransferRecord>, query: Memo<TransferQuery>) -> Self {
        SharingFeed {
            list,
            query_string: Memo::new(move |_| query.with(UrlQuery::to_url)),
        }
    }

    /// The transfer as the table shows it, when it is on the current page. Reactive.
    pub fn row(&self, id: &str) -> Option<TransferRecord> {
        self.list.find(id, transfer_id)
    }

    /// `/sharing` (or `/sharing/<id>`) with the current view's query.
    pub fn href(&self, id: Option<&str>) -> String {
        self.query_string.with(|query| match id {
            Some(id) => format!("{}{query}", transfer_href(id)),
            None => format!("/sharing{query}"),
        })
    }
}
