//! The Packages tab: the org's inventory, Private or Public, searchable, sortable and paged,
//! with every part of the view in the URL.

use exim_api::{Package, PackageVisibility};
use leptos::prelude::*;

use super::actions::{
    share_block_reason, PackageActionButtons, PackageActionDialogs, PackageActions,
};
use super::bulk_share::{BulkSelection, BulkShareDialog, SelectAllCell, SelectCell, SelectionBar};
use super::share_to::{ShareTo, ShareToNote};
use crate::api::packages;
use crate::components::date_cell::DateCell;
use crate::components::focus::focus_by_id;
use crate::components::list_frame::{use_list, ListData, ListFrame};
use crate::components::search_box::SearchBox;
use crate::components::sort_header::SortHeader;
use crate::components::status_light::StatusLight;
use crate::components::url_query::{use_url_query, UrlView};
use crate::i18n::catalog::Text;
use crate::i18n::keys::authoring as authoring_keys;
use crate::i18n::keys::packages as k;
use crate::i18n::{number, t, tf, tr};
use crate::session::{ConnectionContext, PermissionsContext};
use crate::state::package_query::{Origin, PackageQuery};
use crate::state::sorting::Sort;
use crate::state::url::encode;

const COLUMN_COUNT: usize = 9;

fn package_id(package: &Package) -> &str {
    &package.id
}

#[component]
pub fn PackagesPage() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let view = use_url_query::<PackageQuery>();
    let query = view.query;
    let share_to = ShareTo::provide();
    let inventory = use_list(
        move || {
            let client = context.client();
            let query = query.get();
            async move { packages::list(&client, &query).await }
        },
        |_| false,
    );
    // A changed package is patched into the page where it is shown; one made public leaves
    // the Private list (and the other way round), and focus goes back to the content.
    let actions = PackageActions::new(
        Callback::new(move |package: Package| {
            if query.with_untracked(|q| q.availability == package.visibility()) {
                inventory.patch(package, package_id);
            } else {
                inventory.remove(&package.id, package_id);
                focus_by_id("main");
            }
        }),
        // A deleted package leaves the page it was on.
        Callback::new(move |id: String| {
            inventory.remove(&id, package_id);
            focus_by_id("main");
        }),
    );
    let updating = inventory.updating();
    let selection = BulkSelection::new(inventory);

    view! {
        <div class="page-header">
            <div>
                <h1>{tr(k::TITLE)}</h1>
                <p>{tr(k::INTRO)}</p>
            </div>
            <div class="actions">
                <a class="button" href="/import">{tr(k::CREATE_FROM_PAYLOAD)}</a>
                <NewPackageLink />
            </div>
        </div>
        <ShareToNote share_to />
        <div class="toolbar">
            <AvailabilityChoice view />
            <OriginChoice view />
            <SearchBox
                id="package-search"
                label=k::SEARCH_LABEL
                placeholder=k::SEARCH_PLACEHOLDER
                current=Signal::derive(move || query.with(|q| q.search.clone()))
                on_search=Callback::new(move |search| {
                    let next = PackageQuery { search, ..query.get_untracked() };
                    view.replace.run(next.restarted());
                })
            />
            <span class="updating" role="status">{move || updating.get().then(|| t(crate::i18n::keys::common::UPDATING))}</span>
        </div>
        <SelectionBar selection />
        <ListFrame
            state=inventory.state()
            refresh=inventory.refresh
            paging=Signal::derive(move || query.with(|q| q.paging))
            on_paging=Callback::new(move |paging| view.show.run(PackageQuery { paging, ..query.get_untracked() }))
            noun=k::COUNT
            loading=LoadingTable
            empty=move || view! { <EmptyInventory view /> }
        >
            <InventoryTable inventory view actions selection />
        </ListFrame>
        <PackageActionDialogs actions />
        <BulkShareDialog selection />
    }
}

/// The Private / Public radio (native radios styled as a segmented control).
#[component]
fn AvailabilityChoice(view: UrlView<PackageQuery>) -> impl IntoView {
    let query = view.query;
    let option = move |visibility: PackageVisibility, label: Text| {
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
                    view.show.run(next.restarted());
                }
            />
            <label for=label_for>{tr(label)}</label>
        }
    };
    view! {
        <fieldset class="segmented">
            <legend class="visually-hidden">{tr(k::AVAILABILITY)}</legend>
            {option(PackageVisibility::Private, k::PRIVATE)}
            {option(PackageVisibility::Public, k::PUBLIC)}
        </fieldset>
    }
}

/// All packages, only those received from partners, or only those made here.
#[component]
fn OriginChoice(view: UrlView<PackageQuery>) -> impl IntoView {
    let query = view.query;
    let label = |origin: Origin| {
        t(match origin {
            Origin::Any => k::ORIGIN_ANY,
            Origin::Received => k::ORIGIN_RECEIVED,
            Origin::Own => k::ORIGIN_OWN,
        })
    };
    let options = move || {
        let current = query.with(|q| q.origin);
        Origin::ALL
            .into_iter()
            .map(|origin| {
                view! { <option value=origin.as_str() selected=origin == current>{label(origin)}</option> }
            })
            .collect_view()
    };
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let origin = Origin::ALL
            .into_iter()
            .find(|origin| origin.as_str() == value)
            .unwrap_or_default();
        view.show.run(
            PackageQuery {
                origin,
                ..query.get_untracked()
            }
            .restarted(),
        );
    };
    view! {
        <label class="inline-field">
            <span>{tr(k::ORIGIN_LABEL)}</span>
            <select id="package-origin" on:change=choose>{options}</select>
        </label>
    }
}

/// The inventory table: rows keyed by package id, built once per view and patched in place.
#[component]
fn InventoryTable(
    inventory: ListData<Package>,
    view: UrlView<PackageQuery>,
    actions: PackageActions,
    selection: BulkSelection,
) -> impl IntoView {
    let query = view.query;
    let ids = inventory.ids(package_id);
    // For `cargo xtask bench`: each new set of rows (first load, another page), once painted.
    Effect::new(move |_| {
        if !ids.with(Vec::is_empty) {
            crate::perf::mark_after_paint("packages-rows-painted");
        }
    });
    let sort = Signal::derive(move || query.with(|q| q.sort.clone()));
    let on_sort = Callback::new(move |sort: Sort| {
        view.show.run(
            PackageQuery {
                sort,
                ..query.get_untracked()
            }
            .restarted(),
        );
    });
    let permissions = expect_context::<PermissionsContext>();
    let can_manage = Signal::derive(move || permissions.get().is_some_and(|p| p.manage_packages));
    view! {
        <div class="table-wrap">
            <table class="data-table" id="packages-table">
                <caption class="visually-hidden">
                    {Signal::derive(move || t(if query.with(|q| q.availability == PackageVisibility::Public) { k::CAPTION_PUBLIC } else { k::CAPTION_PRIVATE }))}
                </caption>
                <thead>
                    <tr>
                        <SelectAllCell selection />
                        <SortHeader field="name" title=k::COLUMN_NAME sort on_sort />
                        <SortHeader field="status" title=k::COLUMN_STATUS sort on_sort />
                        <th scope="col">{tr(k::COLUMN_AVAILABILITY)}</th>
                        <th scope="col">{tr(k::COLUMN_SANDBOX)}</th>
                        <th scope="col" class="numeric">{tr(k::COLUMN_ARTIFACTS)}</th>
                        <SortHeader field="modifiedDate" title=k::COLUMN_MODIFIED sort on_sort />
                        <SortHeader field="expiry" title=k::COLUMN_EXPIRES sort on_sort />
                        <th scope="col"><span class="visually-hidden">{tr(k::COLUMN_ACTIONS)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <PackageRow id inventory actions can_manage selection />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One package, kept by id. What a package is (name, description, sandbox, artifacts) is plain
/// text; what a write changes (status, availability, dates, actions) follows the page.
#[component]
fn PackageRow(
    id: String,
    inventory: ListData<Package>,
    actions: PackageActions,
    can_manage: Signal<bool>,
    selection: BulkSelection,
) -> impl IntoView {
    let Some(first) = inventory.row_untracked(&id, package_id) else {
        return ().into_any();
    };
    let current = inventory.row(id.clone(), package_id, Package::clone);
    let selectable = Signal::derive(move || current.get());
    let sandbox = first.source_sandbox_name();
    let href = format!("/packages/{}", encode(&id));
    let name = first.name.clone();
    let changing = move || {
        current.get().map(|package| {
            let share_hint = share_block_reason(&package);
            let status = package.status_text();
            let visibility = package.visibility().to_string();
            view! {
                <td><StatusWithHint status hint=share_hint id=package.id.clone() /></td>
                <td><StatusLight status=visibility /></td>
                <td>{sandbox.clone()}</td>
                <td class="numeric">{number(package.artifact_count() as u64)}</td>
                <td><DateCell epoch_ms=package.modified_date /></td>
                <td><DateCell epoch_ms=package.expiry /></td>
                <td><PackageActionButtons package=package.clone() actions can_manage /></td>
            }
        })
    };
    view! {
        <tr data-package-id=id.clone()>
            <SelectCell selection package=selectable />
            <td class="name-cell">
                <a href=href class="truncate" title=name.clone()>{name.clone()}</a>
                {first.received_from.clone().map(|from| {
                    let org = from.org_name.unwrap_or(from.ims_org_id);
                    view! { <small class="received-from">{Signal::derive(move || tf(k::RECEIVED_FROM, &[("org", &org)]))}</small> }
                })}
                {first.description.clone().map(|text| {
                    let full = text.clone();
                    view! { <small class="truncate" title=full>{text}</small> }
                })}
            </td>
            {changing}
        </tr>
    }
    .into_any()
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

#[component]
fn LoadingTable() -> impl IntoView {
    view! {
        <div class="table-wrap" aria-busy="true">
            <table class="data-table">
                <caption class="visually-hidden">{tr(k::LOADING)}</caption>
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
fn EmptyInventory(view: UrlView<PackageQuery>) -> impl IntoView {
    let query = view.query;
    let words = move || {
        let current = query.get();
        let searching = !current.search.trim().is_empty();
        let (title, hint) = match (searching, current.availability == PackageVisibility::Public) {
            (true, _) => (
                tf(k::NO_MATCH, &[("search", current.search.trim())]),
                k::NO_MATCH_HINT,
            ),
            (false, true) => (t(k::NO_PUBLIC), k::NO_PUBLIC_HINT),
            (false, false) => (t(k::NO_PRIVATE), k::NO_PRIVATE_HINT),
        };
        view! {
            <h2>{title}</h2>
            <p>{tr(hint)}</p>
            {searching.then(|| view! {
                <button type="button" on:click=move |_| {
                    let next = PackageQuery { search: String::new(), ..query.get_untracked() };
                    view.show.run(next.restarted());
                }>{tr(k::CLEAR_SEARCH)}</button>
            })}
        }
    };
    view! { <div class="table-wrap empty-state">{words}</div> }
}

/// "New package", offered to users who may manage packages.
#[component]
fn NewPackageLink() -> impl IntoView {
    let permissions = expect_context::<PermissionsContext>();
    move || {
        permissions.get().filter(|p| p.manage_packages).map(|_| {
            view! { <a class="button primary" href="/packages/new" id="new-package">{tr(authoring_keys::NEW_PACKAGE)}</a> }
        })
    }
}
