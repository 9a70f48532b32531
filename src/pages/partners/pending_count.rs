//! How many incoming partnership requests wait for the current org's answer: the Partners
//! tab's badge. Read when the app starts, on navigation and when the tab is shown again, and
//! after an answer given here; never on a timer.

use leptos::prelude::*;

use crate::api::handshakes;
use crate::session::ConnectionContext;

#[derive(Clone, Copy)]
pub struct PendingRequests(LocalResource<Option<u64>>);

impl PendingRequests {
    /// A failed read shows no badge: the count is a hint, Partners itself says what failed.
    pub fn provide() {
        let context = expect_context::<ConnectionContext>();
        let count = LocalResource::new(move || {
            let client = context.client();
            async move { handshakes::pending_incoming_count(&client).await.ok() }
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
