//! The application shell: router, header, navigation tabs, and the connection context.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::ApiClient;
use crate::components::app_header::AppHeader;
use crate::components::nav_tabs::NavTabs;
use crate::pages::connection::ConnectionPage;
use crate::pages::not_found::NotFound;
use crate::pages::packages::PackagesPage;
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
}

#[component]
pub fn App() -> impl IntoView {
    let connection = RwSignal::new(storage::load_connection());
    Effect::new(move |_| connection.with(storage::save_connection));
    provide_context(ConnectionContext(connection));

    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <AppHeader />
            <NavTabs />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <Redirect path="/packages" /> } />
                    <Route path=path!("/packages") view=PackagesPage />
                    <Route path=path!("/connection") view=ConnectionPage />
                </Routes>
            </main>
        </Router>
    }
}
