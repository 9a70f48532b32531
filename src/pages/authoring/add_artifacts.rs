//! "Add artifacts" on a draft's details: the same picker as New package, in a dialog, then one
//! `PUT /packages` ADD; the package updates in place.

use exim_api::Package;
use leptos::prelude::*;

use super::artifact_picker::ArtifactPicker;
use super::blocked::AuthoringButton;
use super::chosen_artifacts::ChosenArtifacts;
use super::draft::offered;
use crate::api::authoring;
use crate::api::ApiError;
use crate::components::dialog::Modal;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::authoring as k;
use crate::i18n::{number, t, tf, tn, tr};
use crate::session::ConnectionContext;
use crate::state::authoring_rules::edit_artifacts_eligibility;

/// The button, disabled with its reason when the package cannot take artifacts, and its dialog.
#[component]
pub fn AddArtifacts(
    package: Package,
    can_manage: bool,
    #[prop(into)] on_updated: Callback<Package>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    offered(edit_artifacts_eligibility(&package, can_manage)).map(|blocked| {
        let name = package.name.clone();
        view! {
            <AuthoringButton
                id="add-artifacts"
                label=tr(k::ADD_ARTIFACTS)
                name=Signal::derive(move || tf(k::ADD_ARTIFACTS_LABEL, &[("package", &name)]))
                blocked
                on_click=move |()| open.set(true)
            />
            <Show when=move || open.get()>
                <AddArtifactsDialog package=package.clone() open on_updated />
            </Show>
        }
    })
}

#[component]
fn AddArtifactsDialog(
    package: Package,
    open: RwSignal<bool>,
    on_updated: Callback<Package>,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let held: Vec<String> = package
        .artifacts_list
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|artifact| artifact.id.clone())
        .collect();
    let picker = ChosenArtifacts::new(Signal::stored(held));
    let refusal = RwSignal::new(None::<ApiError>);
    let nothing = RwSignal::new(false);
    let package_id = package.id.clone();
    let add = Action::new_local(move |(): &()| {
        let client = context.client_untracked();
        let id = package_id.clone();
        let artifacts = picker.chosen.get_untracked();
        async move {
            let count = artifacts.len() as u64;
            match authoring::add_artifacts(&client, &id, artifacts).await {
                Ok(updated) => {
                    toasts.show(
                        tn(
                            k::ADDED_TOAST,
                            count,
                            &[("count", &number(count)), ("package", &updated.name)],
                        ),
                        ToastVariant::Positive,
                    );
                    open.set(false);
                    on_updated.run(updated);
                }
                Err(error) => refusal.set(Some(error)),
            }
        }
    });
    let pending = add.pending();
    let count = move || picker.chosen.with(Vec::len) as u64;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        refusal.set(None);
        nothing.set(count() == 0);
        if count() > 0 {
            add.dispatch(());
        }
    };
    let title = Signal::derive({
        let name = package.name.clone();
        move || tf(k::ADD_ARTIFACTS_TITLE, &[("package", &name)])
    });
    let sandbox = package.source_sandbox_name();
    let label = Signal::derive(move || {
        if pending.get() {
            t(k::ADDING)
        } else {
            tn(k::ADD_COUNT, count(), &[("count", &number(count()))])
        }
    });
    view! {
        <Modal open=Signal::derive(move || open.get()) on_close=move |()| open.set(false) title id="add-artifacts-dialog">
            <ArtifactPicker picker sandbox />
            <form id="add-artifacts-form" on:submit=submit novalidate>
                <p class="field-error" id="add-artifacts-nothing">{move || nothing.get().then(|| t(k::NOTHING_CHOSEN))}</p>
                {move || refusal.get().map(|error| view! { <ErrorAlert error /> })}
                <div class="actions dialog-actions">
                    <button type="button" on:click=move |_| open.set(false)>{tr(k::CANCEL)}</button>
                    <button type="submit" class="primary" id="add-artifacts-submit" disabled=move || pending.get()>{label}</button>
                </div>
            </form>
        </Modal>
    }
}
