//! Choosing packages for a bulk share. The selection belongs to the page shown: a package that
//! leaves the page (another page, filter or sort; made public; deleted) leaves the selection, and
//! the count says "on this page".

use exim_api::Package;
use leptos::prelude::*;

use crate::components::list_frame::ListData;
use crate::i18n::keys::bulk_share as k;
use crate::i18n::{tf, tn, tr};

use super::super::actions::share_block_reason;

#[derive(Clone, Copy)]
pub struct BulkSelection {
    chosen: RwSignal<Vec<String>>,
    /// The chosen packages on the page and still shareable, in the page's order.
    pub shown: Memo<Vec<Package>>,
    /// Every shareable package on the page: what "select all" selects.
    shareable: Memo<Vec<String>>,
    /// The packages of the open bulk-share dialog.
    pub sharing: RwSignal<Option<Vec<Package>>>,
}

impl BulkSelection {
    pub fn new(inventory: ListData<Package>) -> Self {
        let chosen = RwSignal::new(Vec::<String>::new());
        let shown = Memo::new(move |_| {
            chosen.with(|ids| {
                inventory
                    .rows()
                    .into_iter()
                    .filter(|p| ids.contains(&p.id) && share_block_reason(p).is_none())
                    .collect()
            })
        });
        let shareable = Memo::new(move |_| {
            inventory
                .rows()
                .into_iter()
                .filter(|p| share_block_reason(p).is_none())
                .map(|p| p.id)
                .collect()
        });
        BulkSelection {
            chosen,
            shown,
            shareable,
            sharing: RwSignal::new(None),
        }
    }

    fn is_chosen(self, id: &str) -> bool {
        self.shown.with(|shown| shown.iter().any(|p| p.id == id))
    }

    fn toggle(self, id: &str) {
        self.chosen.update(|ids| {
            if let Some(index) = ids.iter().position(|chosen| chosen == id) {
                ids.remove(index);
            } else {
                ids.push(id.to_string());
            }
        });
    }

    /// Empties the selection once its packages went to the dialog.
    pub fn clear(self) {
        self.chosen.set(Vec::new());
    }
}

/// The header cell: selects every shareable package on the page, or none; mixed when some.
#[component]
pub fn SelectAllCell(selection: BulkSelection) -> impl IntoView {
    let count = move || selection.shown.with(Vec::len);
    let total = move || selection.shareable.with(Vec::len);
    let all = move || total() > 0 && count() == total();
    let mixed = move || count() > 0 && count() < total();
    let none_shareable = move || total() == 0;
    view! {
        <th scope="col" class="select-cell">
            <input
                type="checkbox"
                id="select-all-packages"
                aria-label=tr(k::SELECT_ALL)
                aria-disabled=move || none_shareable().then_some("true")
                prop:checked=all
                prop:indeterminate=mixed
                on:click=move |ev| {
                    if none_shareable() {
                        ev.prevent_default();
                        return;
                    }
                    let next = if all() { Vec::new() } else { selection.shareable.get_untracked() };
                    selection.chosen.set(next);
                }
            />
        </th>
    }
}

/// One row's checkbox, named "Select: ‹package›"; an unshareable package's checkbox stays
/// focusable, refuses to check and shows why on focus or hover.
#[component]
pub fn SelectCell(selection: BulkSelection, package: Signal<Option<Package>>) -> impl IntoView {
    let cell = move || {
        package.get().map(|package| {
            let name = package.name.clone();
            let label = Signal::derive(move || tf(k::SELECT_ROW, &[("package", &name)]));
            let id = package.id.clone();
            match share_block_reason(&package) {
                None => {
                    let checked_id = id.clone();
                    view! {
                        <input
                            type="checkbox"
                            class="select-row"
                            aria-label=label
                            prop:checked=move || selection.is_chosen(&checked_id)
                            on:change=move |_| selection.toggle(&id)
                        />
                    }
                    .into_any()
                }
                Some(reason) => {
                    let hint_id = format!("select-hint-{id}");
                    view! {
                        <span class="select-hint">
                            <input
                                type="checkbox"
                                class="select-row"
                                aria-label=label
                                aria-disabled="true"
                                aria-describedby=hint_id.clone()
                                on:click=|ev| ev.prevent_default()
                            />
                            <span role="tooltip" id=hint_id class="tooltip">{reason}</span>
                        </span>
                    }
                    .into_any()
                }
            }
        })
    };
    view! { <td class="select-cell">{cell}</td> }
}

/// The count, announced politely, and "Share N packages" once something is selected.
#[component]
pub fn SelectionBar(selection: BulkSelection) -> impl IntoView {
    let count = move || selection.shown.with(Vec::len) as u64;
    view! {
        <div class="selection-bar">
            <span role="status" class="selection-count">
                {move || (count() > 0).then(|| tn(k::SELECTED_ON_PAGE, count(), &[]))}
            </span>
            {move || (count() > 0).then(|| view! {
                <button
                    type="button"
                    class="primary"
                    id="bulk-share"
                    on:click=move |_| selection.sharing.set(Some(selection.shown.get_untracked()))
                >
                    {move || tn(k::SHARE_PACKAGES, count(), &[])}
                </button>
                <button type="button" class="quiet" on:click=move |_| selection.clear()>
                    {tr(k::CLEAR_SELECTION)}
                </button>
            })}
        </div>
    }
}
