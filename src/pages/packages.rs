//! The Packages tab: the org's inventory, Private or Public, searchable, sortable and paged,
//! with every part of the view in the URL.

use std::collections::HashMap;

use exim_api::{Package, PackageVisibility, PagedResponse};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::{packages, ApiError};
use crate::app::{ConnectionContext, PermissionsContext};
use crate::components::inline_alert::ErrorAlert;
use crate::components::live_refresh::LiveRefresh;
use crate::components::package_actions::{
    share_block_reason, PackageActionButtons, PackageActionDialogs, PackageActions,
};
use crate::components::pagination::Pagination;
use crate::components::search_box::SearchBox;
use crate::components::sort_header::SortHeader;
use crate::components::status_light::StatusLight;
use crate::state::format::{exact_time, local_date, local_date_time};
use crate::state::package_query::PackageQuery;
use crate::state::sorting::Sort;

const COLUMN_COUNT: usize = 8;

#[component]
pub fn PackagesPage() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let query_map = use_query_map();
    let query =
        Memo::new(move |_| query_map.with(|map| PackageQuery::from_url(|key| map.get(key))));
    let navigate = use_navigate();
    let show = Callback::new(move |(next, replace): (PackageQuery, bool)| {
        navigate(
            &format!("/packages{}", next.to_url()),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });

    let inventory = LocalResource::new(move || {
        let client = context.client();
        let query = query.get();
        async move { packages::list(&client, &query).await }
    });
    let recovery = LiveRefresh::recovering(inventory);
    // True while a page, sort or search change is loading and the old rows are still shown.
    let updating = RwSignal::new(false);
    // Changes made on this screen, shown until the next fetch brings them from the server.
    let updated = RwSignal::new(HashMap::<String, Package>::new());
    Effect::new(move |_| {
        inventory.track();
        updated.set(HashMap::new());
    });
    let actions = PackageActions::new(Callback::new(move |package: Package| {
        updated.update(|all| {
            all.insert(package.id.clone(), package);
        });
    }));

    view! {
        <div class="page-header">
            <div>
                <h1>"Packages"</h1>
                <p>"Packages of your organization across its sandboxes."</p>
            </div>
            <a class="button" href="/import">"Create from payload"</a>
        </div>
        <div class="toolbar">
            <AvailabilityChoice query show />
            <SearchBox
                id="package-search"
                label="Search packages by name"
                placeholder="Search by name"
                current=Signal::derive(move || query.with(|q| q.search.clone()))
                on_search=Callback::new(move |search| {
                    let next = PackageQuery { search, ..query.get_untracked() };
                    show.run((next.restarted(), true));
                })
            />
            <span class="updating" role="status">{move || updating.get().then_some("Updating…")}</span>
        </div>
        <Transition fallback=LoadingTable set_pending=updating>
            {move || {
                inventory.get().map(|result| view! {
                    <InventoryResult result query show actions updated recovery retry=Callback::new(move |()| inventory.refetch()) />
                })
            }}
        </Transition>
        <PackageActionDialogs actions />
    }
}

/// The Private / Public radio (native radios styled as a segmented control).
#[component]
fn AvailabilityChoice(
    query: Memo<PackageQuery>,
    show: Callback<(PackageQuery, bool)>,
) -> impl IntoView {
    let option = move |visibility: PackageVisibility, label: &'static str| {
        let id = format!("availability-{}", visibility.as_str().to_lowercase());
        let checked = {
            let visibility = visibility.clone();
            move || query.with(|q| q.availability == visibility)
        };
        let label_for = id.clone();
        view! {
            <input
                type="radio"
                name="availability"
                id=id
                prop:checked=checked
                on:change=move |_| {
                    let mut next = query.get_untracked();
                    next.availability = visibility.clone();
                    show.run((next.restarted(), false));
                }
            />
            <label for=label_for>{label}</label>
        }
    };
    view! {
        <fieldset class="segmented">
            <legend class="visually-hidden">"Availability"</legend>
            {option(PackageVisibility::Private, "Private")}
            {option(PackageVisibility::Public, "Public")}
        </fieldset>
    }
}

#[component]
fn InventoryResult(
    result: Result<PagedResponse<Package>, ApiError>,
    query: Memo<PackageQuery>,
    show: Callback<(PackageQuery, bool)>,
    actions: PackageActions,
    updated: RwSignal<HashMap<String, Package>>,
    recovery: LiveRefresh,
    retry: Callback<()>,
) -> impl IntoView {
    let page = match result {
        Ok(page) => page,
        Err(error) => return view! { <ErrorAlert error on_retry=retry recovery /> }.into_any(),
    };
    if page.data.is_empty() {
        return view! { <EmptyInventory query show /> }.into_any();
    }
    let total = page.total_elements;
    let rows = page.data;
    crate::perf::mark_after_paint("packages-rows-painted");
    let sort = Signal::derive(move || query.with(|q| q.sort.clone()));
    let on_sort = Callback::new(move |next: Sort| {
        let current = query.get_untracked();
        show.run((
            PackageQuery {
                sort: next,
                ..current
            }
            .restarted(),
            false,
        ));
    });
    view! {
        <div class="table-wrap">
            <table class="data-table" id="packages-table">
                <caption class="visually-hidden">
                    {move || query.with(|q| format!("{} packages", if q.availability == PackageVisibility::Public { "Public" } else { "Private" }))}
                </caption>
                <thead>
                    <tr>
                        <SortHeader field="name" title="Name" sort on_sort />
                        <SortHeader field="status" title="Status" sort on_sort />
                        <th scope="col">"Availability"</th>
                        <th scope="col">"Sandbox"</th>
                        <th scope="col" class="numeric">"Artifacts"</th>
                        <SortHeader field="modifiedDate" title="Modified" sort on_sort />
                        <SortHeader field="expiry" title="Expires" sort on_sort />
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|package| {
                            let id = package.id.clone();
                            let current = Signal::derive(move || {
                                updated.with(|all| all.get(&id).cloned()).unwrap_or_else(|| package.clone())
                            });
                            view! { <PackageRow package=current actions /> }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <Pagination
            page=Signal::derive(move || query.with(|q| q.page))
            page_size=Signal::derive(move || query.with(|q| q.page_size))
            total=Signal::derive(move || total)
            on_page=Callback::new(move |page| show.run((query.get_untracked().with_page(page), false)))
            on_page_size=Callback::new(move |size| {
                let current = query.get_untracked();
                show.run((PackageQuery { page_size: size, ..current }.restarted(), false));
            })
            noun=("package", "packages")
        />
    }
    .into_any()
}

#[component]
fn PackageRow(package: Signal<Package>, actions: PackageActions) -> impl IntoView {
    let permissions = expect_context::<PermissionsContext>();
    let can_manage = Signal::derive(move || permissions.get().is_some_and(|p| p.manage_packages));
    move || {
        let package = package.get();
        let share_hint = share_block_reason(&package);
        let status = package
            .status
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let visibility = package.visibility().to_string();
        let sandbox = package
            .source_sandbox
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let href = format!("/packages/{}", crate::state::url::encode(&package.id));
        let name = package.name.clone();
        view! {
            <tr data-package-id=package.id.clone()>
                <td class="name-cell">
                    <a href=href class="truncate" title=name.clone()>{name.clone()}</a>
                    {package.description.clone().map(|text| {
                        let full = text.clone();
                        view! { <small class="truncate" title=full>{text}</small> }
                    })}
                </td>
                <td><StatusWithHint status hint=share_hint id=package.id.clone() /></td>
                <td><StatusLight status=visibility /></td>
                <td>{sandbox}</td>
                <td class="numeric">{package.artifact_count()}</td>
                <td><DateCell epoch_ms=package.modified_date /></td>
                <td><DateCell epoch_ms=package.expiry /></td>
                <td><PackageActionButtons package=package.clone() actions can_manage /></td>
            </tr>
        }
    }
}

/// The status light; when the package cannot be shared, focus or hover shows why.
#[component]
fn StatusWithHint(status: String, hint: Option<String>, id: String) -> impl IntoView {
    match hint {
        None => view! { <StatusLight status /> }.into_any(),
        Some(hint) => {
            let hint_id = format!("share-hint-{id}");
            let described_by = hint_id.clone();
            view! {
                <span class="has-tooltip" tabindex="0" aria-describedby=described_by>
                    <StatusLight status />
                    <span role="tooltip" id=hint_id class="tooltip">{hint}</span>
                </span>
            }
            .into_any()
        }
    }
}

/// A date in a table cell; the exact time shows on hover.
#[component]
pub fn DateCell(epoch_ms: Option<i64>) -> impl IntoView {
    epoch_ms.map(|ms| view! { <time title=exact_time(ms)>{local_date(ms)}</time> })
}

/// A date with its time, for details pages; the exact time shows on hover.
#[component]
pub fn DateTime(epoch_ms: Option<i64>) -> impl IntoView {
    match epoch_ms {
        Some(ms) => view! { <time title=exact_time(ms)>{local_date_time(ms)}</time> }.into_any(),
        None => "—".into_any(),
    }
}

#[component]
fn LoadingTable() -> impl IntoView {
    view! {
        <div class="table-wrap" aria-busy="true">
            <table class="data-table">
                <caption class="visually-hidden">"Loading packages"</caption>
                <tbody>
                    {(0..6)
                        .map(|_| view! {
                            <tr class="skeleton-row">
                                {(0..COLUMN_COUNT).map(|_| view! { <td><span></span></td> }).collect_view()}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// What to say when the current filter finds nothing.
#[component]
fn EmptyInventory(
    query: Memo<PackageQuery>,
    show: Callback<(PackageQuery, bool)>,
) -> impl IntoView {
    let current = query.get_untracked();
    let searching = !current.search.trim().is_empty();
    let (title, hint) = match (searching, current.availability == PackageVisibility::Public) {
        (true, _) => (
            format!("No packages match “{}”", current.search.trim()),
            "Check the spelling, or clear the search to see every package.",
        ),
        (false, true) => (
            "No public packages yet".to_string(),
            "Make a published package public from the Private list: any organization with its payload can then pull it.",
        ),
        (false, false) => (
            "No private packages".to_string(),
            "Packages created in Sandbox Tooling for this organization appear here.",
        ),
    };
    view! {
        <div class="table-wrap empty-state">
            <h2>{title}</h2>
            <p>{hint}</p>
            {searching.then(|| view! {
                <button type="button" on:click=move |_| {
                    let next = PackageQuery { search: String::new(), ..query.get_untracked() };
                    show.run((next.restarted(), false));
                }>"Clear search"</button>
            })}
        </div>
    }
}
