//! The Share dialog: a few package details, the approved-partner picker, and Share, which starts
//! the asynchronous share and takes the user to Sharing Status.

use exim_api::Package;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::org_picker::OrgPicker;
use super::share_to::ShareTo;
use crate::api::{partners, transfers, ApiError};
use crate::components::dialog::Modal;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::use_read;
use crate::components::status_light::StatusLight;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::common;
use crate::i18n::keys::packages as k;
use crate::i18n::{number, t, tf, tn, tr};
use crate::session::ConnectionContext;
use crate::state::partner_filter::Partner;

/// Open while `target` holds a package.
#[component]
pub fn ShareDialog(target: RwSignal<Option<Package>>) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let navigate = use_navigate();
    let is_open = Signal::derive(move || target.with(Option::is_some));
    let selected = RwSignal::new(Vec::<Partner>::new());
    // Came from a partner page: that partner starts selected, once the list confirms it.
    let share_to = use_context::<ShareTo>();
    // Fresh partner list at every opening: partnerships change elsewhere.
    let (approved, recovery) = use_read(move || {
        let opened = is_open.get();
        let client = context.client_untracked();
        let wanted = share_to.and_then(ShareTo::org_id_untracked);
        async move {
            if !opened {
                return Ok(Vec::new());
            }
            let list = partners::approved(&client).await?;
            let chosen = wanted.and_then(|org_id| list.iter().find(|p| p.org_id == org_id));
            if let (Some(partner), true) = (chosen, selected.with_untracked(Vec::is_empty)) {
                selected.set(vec![partner.clone()]);
            }
            Ok(list)
        }
    });
    let error = RwSignal::new(None::<ApiError>);
    // Everything that follows the answer happens here: a toast, the dialog closes and Sharing
    // status opens; or the error shows in the dialog with the selection kept.
    let share = Action::new_local(move |(package, orgs): &(Package, Vec<Partner>)| {
        let client = context.client_untracked();
        let (package, orgs) = (package.clone(), orgs.clone());
        let navigate = navigate.clone();
        async move {
            let org_ids: Vec<String> = orgs.iter().map(|p| p.org_id.clone()).collect();
            let records = match transfers::share(&client, &package.id, &org_ids).await {
                Ok(records) => records,
                Err(refused) => {
                    error.set(Some(refused));
                    return;
                }
            };
            toasts.show(
                tn(
                    k::SHARING_WITH,
                    records.len() as u64,
                    &[("package", &package.name)],
                ),
                ToastVariant::Positive,
            );
            // Platform may accept some targets and silently drop others; say which.
            let dropped: Vec<String> = orgs
                .iter()
                .filter(|p| !records.iter().any(|r| r.target_ims_org_id == p.org_id))
                .map(|p| p.name.clone())
                .collect();
            if !dropped.is_empty() {
                toasts.show(
                    tf(k::NOT_SHARED, &[("orgs", &dropped.join(", "))]),
                    ToastVariant::Negative,
                );
            }
            target.set(None);
            navigate("/sharing", Default::default());
        }
    });
    // Each opening starts with nothing selected and no old error.
    Effect::new(move |_| {
        if is_open.get() {
            selected.set(Vec::new());
            error.set(None);
        }
    });

    // One share at a time; once an answer closed the dialog, a late second click of a double
    // click finds no package and shares nothing.
    let submit = move |_| {
        if share.pending().get_untracked() || selected.with_untracked(Vec::is_empty) {
            return;
        }
        if let Some(package) = target.get_untracked() {
            share.dispatch((package, selected.get_untracked()));
        }
    };
    let close = move |()| {
        if !share.pending().get_untracked() {
            target.set(None);
        }
    };
    let title = Signal::derive(move || {
        let name = target.with(|t| t.as_ref().map(|p| p.name.clone()).unwrap_or_default());
        tf(k::SHARE_DIALOG_TITLE, &[("package", &name)])
    });
    let partner_list =
        Signal::derive(move || approved.get().and_then(Result::ok).unwrap_or_default());

    view! {
        <Modal id="share-dialog" open=is_open on_close=close title=title>
            {move || target.get().map(|package| view! { <PackageSummary package /> })}
            <label for="share-orgs" class="field-label">{tr(k::SHARE_WITH)}</label>
            <Transition fallback=|| view! { <p class="muted">{tr(k::LOADING_PARTNERS)}</p> }>
                {move || approved.get().map(|result| match result {
                    Err(error) => view! { <ErrorAlert error on_retry=Callback::new(move |()| approved.refetch()) recovery /> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <p class="empty-partners">
                            {tr(k::NO_PARTNERS)}" "
                            <a href="/partners" on:click=move |_| target.set(None)>{tr(k::REQUEST_PARTNERSHIP)}</a>
                        </p>
                    }
                    .into_any(),
                    Ok(_) => {
                        // The dialog opened before the partners arrived: focus goes to the
                        // picker as soon as it is there.
                        focus_by_id("share-orgs");
                        view! { <OrgPicker partners=partner_list selected id="share-orgs" /> }.into_any()
                    }
                })}
            </Transition>
            // Refused: say why; the selection stays so the user can adjust and retry.
            {move || error.get().map(|error| view! { <ErrorAlert error /> })}
            <div class="dialog-actions">
                <button type="button" on:click=move |_| close(())>{tr(common::CANCEL)}</button>
                <button
                    type="button"
                    class="primary"
                    id="confirm-share"
                    disabled=move || share.pending().get() || selected.with(Vec::is_empty)
                    on:click=submit
                >
                    {Signal::derive(move || t(if share.pending().get() { k::SHARING } else { k::SHARE }))}
                </button>
            </div>
        </Modal>
    }
}

/// Name, source sandbox, status, artifact count and description of the package being shared.
#[component]
fn PackageSummary(package: Package) -> impl IntoView {
    let status = package.status_text();
    let sandbox = package.source_sandbox_name();
    let artifacts = package.artifact_count() as u64;
    view! {
        <dl class="metadata share-summary">
            <dt>{tr(k::PACKAGE)}</dt><dd>{package.name.clone()}</dd>
            <dt>{tr(k::FIELD_SOURCE_SANDBOX)}</dt><dd>{sandbox}</dd>
            <dt>{tr(k::FIELD_STATUS)}</dt><dd><StatusLight status /></dd>
            <dt>{tr(k::FIELD_ARTIFACTS)}</dt><dd>{move || number(artifacts)}</dd>
            {package.description.clone().filter(|d| !d.is_empty()).map(|description| view! {
                <dt>{tr(k::FIELD_DESCRIPTION)}</dt><dd>{description}</dd>
            })}
        </dl>
    }
}
