//! The Packages tab: the org's package inventory.

use exim_api::Package;
use leptos::prelude::*;

use crate::api::packages;
use crate::app::ConnectionContext;
use crate::components::inline_alert::ErrorAlert;
use crate::components::status_light::StatusLight;
use crate::state::format::{exact_utc, short_local};

/// How many packages one request asks for.
const PAGE_SIZE: u32 = 50;
const COLUMNS: [&str; 5] = [
    "Name",
    "Status",
    "Availability",
    "Source sandbox",
    "Modified",
];

#[component]
pub fn PackagesPage() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let inventory = LocalResource::new(move || {
        let client = context.client();
        async move { packages::list(&client, PAGE_SIZE).await }
    });
    let retry = Callback::new(move |()| inventory.refetch());

    view! {
        <div class="page-header">
            <h1>"Packages"</h1>
            <p>"Packages of your organization, newest change first."</p>
        </div>
        <Transition fallback=LoadingTable>
            {move || {
                inventory
                    .get()
                    .map(|result| match result {
                        Ok(page) if page.data.is_empty() => EmptyInventory().into_any(),
                        Ok(page) => view! { <PackagesTable packages=page.data total=page.total_elements /> }.into_any(),
                        Err(error) => view! { <ErrorAlert error on_retry=retry /> }.into_any(),
                    })
            }}
        </Transition>
    }
}

#[component]
fn TableHead() -> impl IntoView {
    view! {
        <thead>
            <tr>{COLUMNS.map(|title| view! { <th scope="col">{title}</th> }).collect_view()}</tr>
        </thead>
    }
}

#[component]
fn PackagesTable(packages: Vec<Package>, total: u64) -> impl IntoView {
    let caption = format!("{} of {} packages", packages.len(), total);
    view! {
        <div class="table-wrap">
            <table class="data-table" id="packages-table">
                <caption>{caption}</caption>
                <TableHead />
                <tbody>
                    {packages.into_iter().map(|package| view! { <PackageRow package /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn PackageRow(package: Package) -> impl IntoView {
    let status = package
        .status
        .as_ref()
        .map(|s| s.to_string())
        .unwrap_or_default();
    let visibility = package.visibility().to_string();
    let sandbox = package
        .source_sandbox
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let modified = package.modified_date.map(|ms| {
        view! { <time title=exact_utc(ms)>{short_local(ms)}</time> }
    });
    view! {
        <tr data-package-id=package.id.clone()>
            <td class="name-cell">
                {package.name.clone()}
                {package.description.clone().map(|text| view! { <small>{text}</small> })}
            </td>
            <td><StatusLight status /></td>
            <td><StatusLight status=visibility /></td>
            <td>{sandbox}</td>
            <td>{modified}</td>
        </tr>
    }
}

#[component]
fn LoadingTable() -> impl IntoView {
    view! {
        <div class="table-wrap" aria-busy="true">
            <table class="data-table">
                <caption>"Loading packages…"</caption>
                <TableHead />
                <tbody>
                    {(0..6)
                        .map(|_| view! {
                            <tr class="skeleton-row">
                                {COLUMNS.map(|_| view! { <td><span></span></td> }).collect_view()}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn EmptyInventory() -> impl IntoView {
    view! {
        <div class="table-wrap empty-state">
            <h2>"No packages yet"</h2>
            <p>"Packages created in Sandbox Tooling for this organization appear here."</p>
        </div>
    }
}
