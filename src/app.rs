//! The application shell: router, header, navigation tabs, and the shared contexts.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::permissions::{self, Permissions};
use crate::api::ApiClient;
use crate::components::app_header::AppHeader;
use crate::components::nav_tabs::NavTabs;
use crate::components::toast::{ToastRegion, Toasts};
use crate::pages::connection::ConnectionPage;
use crate::pages::import_payload::ImportPage;
use crate::pages::not_found::NotFound;
use crate::pages::package_details::PackageDetailsPage;
use crate::pages::packages::PackagesPage;
use crate::pages::partners::PartnersPage;
use crate::pages::sharing_status::SharingStatusPage;
use crate::pages::transfer_rail::TransferRail;
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

#[component]
pub fn App() -> impl IntoView {
    let connection = RwSignal::new(storage::load_connection());
    Effect::new(move |_| connection.with(storage::save_connection));
    let context = ConnectionContext(connection);
    provide_context(context);
    provide_context(Toasts::new());

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

    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <AppHeader />
            <NavTabs />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <Redirect path="/packages" /> } />
                    <Route path=path!("/packages") view=PackagesPage />
                    <Route path=path!("/packages/:id") view=PackageDetailsPage />
                    <ParentRoute path=path!("/sharing") view=SharingStatusPage>
                        <Route path=path!(":id") view=TransferRail />
                        <Route path=path!("") view=|| () />
                    </ParentRoute>
                    <Route path=path!("/partners") view=PartnersPage />
                    <Route path=path!("/import") view=ImportPage />
                    <Route path=path!("/connection") view=ConnectionPage />
                </Routes>
            </main>
            <ToastRegion />
        </Router>
    }
}
