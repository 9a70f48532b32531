//! Who is connected where, and what they may do: the contexts every screen reads.
//!
//! [`provide_session`] is called once by the shell. The connection is kept in storage (see
//! `storage`); the permission check and the sandbox list are fetched once per identity and
//! shared by whoever needs them (the header's sandbox switcher, the partnership actions).

use exim_api::Sandbox;
use leptos::prelude::*;

use crate::api::permissions::{self, Permissions};
use crate::api::{sandboxes, ApiClient, ApiError};
use crate::components::refresh::use_read;
use crate::state::connection::Connection;
use crate::storage;

/// The current connection, shared by every screen.
#[derive(Clone, Copy)]
pub struct ConnectionContext(pub RwSignal<Connection>);

impl ConnectionContext {
    /// A client for the current connection; reading it inside a resource makes the resource
    /// refetch when the connection changes.
    pub fn client(&self) -> ApiClient {
        ApiClient::new(self.0.get())
    }

    /// A client for the current connection, for event handlers (no tracking).
    pub fn client_untracked(&self) -> ApiClient {
        ApiClient::new(self.0.get_untracked())
    }

    /// Who is connected where: changes with the org, user or API, not with the sandbox.
    pub fn identity(&self) -> Memo<(String, String, String)> {
        let connection = self.0;
        Memo::new(move |_| {
            connection.with(|c| (c.base_url.clone(), c.org_id.clone(), c.access_token.clone()))
        })
    }

    pub fn sandbox(&self) -> String {
        self.0.with(|c| c.sandbox.clone())
    }
}

/// What the connected user may do, checked once per connection.
#[derive(Clone, Copy)]
pub struct PermissionsContext(LocalResource<Permissions>);

impl PermissionsContext {
    /// Nothing is offered until the check answers; a failed check assumes everything is
    /// permitted so that the API's own refusal is what the user sees.
    pub fn get(&self) -> Option<Permissions> {
        self.0.get()
    }
}

/// The organization's sandboxes, fetched once per identity; a passing failure retries.
#[derive(Clone, Copy)]
pub struct SandboxList(LocalResource<Result<Vec<Sandbox>, ApiError>>);

impl SandboxList {
    /// The list once loaded; None while loading or after a failure.
    pub fn get(&self) -> Option<Vec<Sandbox>> {
        self.0.get().and_then(Result::ok)
    }

    /// Why the list could not be loaded, once it could not.
    pub fn error(&self) -> Option<ApiError> {
        self.0.get().and_then(Result::err)
    }

    /// The list without subscribing, for event handlers and actions.
    pub fn get_untracked(&self) -> Option<Vec<Sandbox>> {
        self.0.get_untracked().and_then(Result::ok)
    }
}

/// Provides the connection, the permission check and the sandbox list. Needs the
/// [`Scheduler`](crate::components::refresh::Scheduler) in context.
pub fn provide_session() {
    let connection = RwSignal::new(storage::load_connection());
    Effect::new(move |_| connection.with(storage::save_connection));
    let context = ConnectionContext(connection);
    provide_context(context);

    let identity = context.identity();
    let permissions = LocalResource::new(move || {
        identity.track();
        let client = context.client_untracked();
        async move {
            permissions::fetch(&client)
                .await
                .unwrap_or(Permissions::ASSUMED)
        }
    });
    provide_context(PermissionsContext(permissions));

    // The list depends on who is connected, not on which sandbox is selected.
    let (sandbox_list, _) = use_read(move || {
        identity.track();
        let client = context.client_untracked();
        async move { sandboxes::list(&client).await }
    });
    provide_context(SandboxList(sandbox_list));
}
