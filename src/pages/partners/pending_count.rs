//! How many incoming partnership requests wait for the current org's answer: the Partners
//! tab's badge. Read when the app starts, on navigation and when the tab is shown again, and
//! after an answer given here; never on a timer.

use leptos::prelude::*;

use crate::api::handshakes;
use crate::session::ConnectionContext;

#[derive(Clone, Copy)]
pub struct PendingRequests(LocalResource<Option<u64>>);

impl PendingRequests {
    /// A failed read keeps the last count read (none before the first success): the count is
    /// a hint, and Partners itself says what failed.
    pub fn provide() {
        let context = expect_context::<ConnectionContext>();
        let last_read = StoredValue::new(None::<u64>);
        let count = LocalResource::new(move || {
            let client = context.client();
            async move {
                match handshakes::pending_incoming_count(&client).await {
                    Ok(count) => {
                        last_read.set_value(Some(count));
                        Some(count)
                    }
                    Err(_) => last_read.get_value(),
                }
            }
        });
        provide_context(PendingRequests(count));
    }

    /// The count, once read; nothing while none wait.
    pub fn waiting(self) -> Option<u64> {
        self.0.get().flatten().filter(|count| *count > 0)
    }

    pub fn reload(self) {
        self.0.refetch();
    }
}
