//! The bulk Share dialog: the chosen packages, the partner picker of the single Share, and
//! Share, which sends one `POST /transfer` per package, one after the other; the results then
//! replace the form, so nothing can be sent twice.

use exim_api::Package;
use leptos::prelude::*;

use super::super::org_picker::OrgPicker;
use super::outcome::{Answer, PackageShare};
use super::results::BulkShareResults;
use super::selection::BulkSelection;
use crate::api::{partners, transfers};
use crate::components::dialog::Modal;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::use_read;
use crate::i18n::keys::bulk_share as k;
use crate::i18n::keys::common;
use crate::i18n::keys::packages as package_keys;
use crate::i18n::{t, tn, tr};
use crate::session::ConnectionContext;
use crate::state::partner_filter::Partner;

/// The packages being shared and the organizations chosen, once Share was pressed.
type Sent = (Vec<Package>, Vec<Partner>);

#[component]
pub fn BulkShareDialog(selection: BulkSelection) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let target = selection.sharing;
    let is_open = Signal::derive(move || target.with(Option::is_some));
    let selected = RwSignal::new(Vec::<Partner>::new());
    let (approved, recovery) = use_read(move || {
        let opened = is_open.get();
        let client = context.client_untracked();
        async move {
            if opened {
                partners::approved(&client).await
            } else {
                Ok(Vec::new())
            }
        }
    });
    // Some once Share was pressed: the results view replaces the form.
    let shares = RwSignal::new(None::<(Vec<PackageShare>, Vec<Partner>)>);
    // Packages go one after the other so that each row changes as its own answer arrives and
    // a slow or failing Platform sees one request at a time. Failures are reported, never
    // repeated.
    let share = Action::new_local(move |(packages, orgs): &Sent| {
        let client = context.client_untracked();
        let (packages, orgs) = (packages.clone(), orgs.clone());
        async move {
            let waiting = packages
                .iter()
                .map(|package| PackageShare {
                    package: package.clone(),
                    answer: Answer::Sending,
                })
                .collect();
            shares.set(Some((waiting, orgs.clone())));
            selection.clear();
            focus_by_id("bulk-share-progress");
            let org_ids: Vec<String> = orgs.iter().map(|p| p.org_id.clone()).collect();
            for (index, package) in packages.iter().enumerate() {
                let answer = match transfers::share(&client, &package.id, &org_ids).await {
                    Ok(records) => Answer::Answered(records),
                    Err(error) => Answer::Failed(error),
                };
                shares.update(|current| {
                    if let Some((list, _)) = current {
                        list[index].answer = answer;
                    }
                });
            }
        }
    });
    // Each opening starts with the form and nothing chosen.
    Effect::new(move |_| {
        if is_open.get() {
            selected.set(Vec::new());
            shares.set(None);
        }
    });
    let submit = move |_| {
        if share.pending().get_untracked()
            || shares.with_untracked(Option::is_some)
            || selected.with_untracked(Vec::is_empty)
        {
            return;
        }
        if let Some(packages) = target.get_untracked() {
            share.dispatch((packages, selected.get_untracked()));
        }
    };
    let close = move |()| {
        if !share.pending().get_untracked() {
            target.set(None);
        }
    };
    let count = move || target.with(|t| t.as_ref().map_or(0, Vec::len)) as u64;
    let title = Signal::derive(move || tn(k::DIALOG_TITLE, count(), &[]));
    let partner_list =
        Signal::derive(move || approved.get().and_then(Result::ok).unwrap_or_default());
    let sending = Signal::derive(move || share.pending().get());

    let form = move || {
        view! {
            <ul class="bulk-packages" aria-label=tr(k::CHOSEN_PACKAGES)>
                {move || target.get().unwrap_or_default().into_iter().map(|p| {
                    let title = p.name.clone();
                    view! { <li class="truncate" title=title>{p.name}</li> }
                }).collect_view()}
            </ul>
            <label for="bulk-share-orgs" class="field-label">{tr(package_keys::SHARE_WITH)}</label>
            <Transition fallback=|| view! { <p class="muted">{tr(package_keys::LOADING_PARTNERS)}</p> }>
                {move || approved.get().map(|result| match result {
                    Err(error) => view! { <ErrorAlert error on_retry=Callback::new(move |()| approved.refetch()) recovery /> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <p class="empty-partners">
                            {tr(package_keys::NO_PARTNERS)}" "
                            <a href="/partners" on:click=move |_| target.set(None)>{tr(package_keys::REQUEST_PARTNERSHIP)}</a>
                        </p>
                    }
                    .into_any(),
                    Ok(_) => {
                        focus_by_id("bulk-share-orgs");
                        view! { <OrgPicker partners=partner_list selected id="bulk-share-orgs" /> }.into_any()
                    }
                })}
            </Transition>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| close(())>{tr(common::CANCEL)}</button>
                <button
                    type="button"
                    class="primary"
                    id="confirm-bulk-share"
                    disabled=move || selected.with(Vec::is_empty)
                    on:click=submit
                >
                    {move || tn(k::SHARE_PACKAGES, count(), &[])}
                </button>
            </div>
        }
    };
    let started = Memo::new(move |_| shares.with(Option::is_some));
    let results = move || {
        let orgs =
            shares.with_untracked(|s| s.as_ref().map(|(_, orgs)| orgs.clone()).unwrap_or_default());
        let list = Signal::derive(move || {
            shares.with(|s| s.as_ref().map(|(list, _)| list.clone()).unwrap_or_default())
        });
        view! {
            <BulkShareResults shares=list orgs sending />
            <div class="dialog-actions">
                <button
                    type="button"
                    id="close-bulk-share"
                    disabled=move || sending.get()
                    on:click=move |_| close(())
                >
                    {move || t(if sending.get() { k::SHARING } else { common::CLOSE })}
                </button>
            </div>
        }
    };

    view! {
        <Modal id="bulk-share-dialog" open=is_open on_close=close title=title>
            {move || if started.get() { results().into_any() } else { form().into_any() }}
        </Modal>
    }
}
