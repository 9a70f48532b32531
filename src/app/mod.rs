//! The application shell: router, header and navigation. Imports the screens; nothing imports it.

mod header;
mod language_switch;
mod nav_tabs;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::refresh::Scheduler;
use crate::components::toast::{ToastRegion, Toasts};
use crate::i18n::keys::common as k;
use crate::i18n::tr;
use crate::pages::authoring::NewPackagePage;
use crate::pages::connection::ConnectionPage;
use crate::pages::import::page::ImportPage;
use crate::pages::jobs::page::JobsPage;
use crate::pages::jobs::rail::JobRail;
use crate::pages::not_found::NotFound;
use crate::pages::packages::details::PackageDetailsPage;
use crate::pages::packages::page::PackagesPage;
use crate::pages::partner::page::PartnerPage;
use crate::pages::partners::page::PartnersPage;
use crate::pages::partners::pending_count::PendingRequests;
use crate::pages::sandbox_import::SandboxImportPage;
use crate::pages::sharing::page::SharingStatusPage;
use crate::pages::sharing::rail::TransferRail;
use crate::session::provide_session;
use header::AppHeader;
use nav_tabs::NavTabs;

#[component]
pub fn App() -> impl IntoView {
    Scheduler::provide();
    provide_session();
    PendingRequests::provide();
    provide_context(Toasts::new());

    view! {
        <Router>
            <a class="skip-link" href="#main">{tr(k::SKIP_TO_CONTENT)}</a>
            <AppHeader />
            <NavTabs />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <Redirect path="/packages" /> } />
                    <Route path=path!("/packages") view=PackagesPage />
                    <Route path=path!("/packages/new") view=NewPackagePage />
                    <Route path=path!("/packages/:id") view=PackageDetailsPage />
                    <Route path=path!("/packages/:id/import") view=SandboxImportPage />
                    <ParentRoute path=path!("/sharing") view=SharingStatusPage>
                        <Route path=path!(":id") view=TransferRail />
                        <Route path=path!("") view=|| () />
                    </ParentRoute>
                    <ParentRoute path=path!("/jobs") view=JobsPage>
                        <Route path=path!(":id") view=JobRail />
                        <Route path=path!("") view=|| () />
                    </ParentRoute>
                    <Route path=path!("/partners") view=PartnersPage />
                    <Route path=path!("/partners/:orgId") view=PartnerPage />
                    <Route path=path!("/import") view=ImportPage />
                    <Route path=path!("/connection") view=ConnectionPage />
                </Routes>
            </main>
            <ToastRegion />
        </Router>
    }
}
