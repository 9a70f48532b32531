//! Edit details: a draft's name and description, checked as typed, saved with
//! `PUT /packages` UPDATE; the page shows the saved package in place.

use exim_api::{Package, SandboxRef};
use leptos::prelude::*;

use super::follow::FollowedPackage;
use crate::api::{authoring, ApiError};
use crate::components::dialog::Modal;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::common;
use crate::i18n::keys::package_edit as k;
use crate::i18n::{t, tf, tr};
use crate::session::ConnectionContext;
use crate::state::authoring_rules::{check_description, check_name};

/// What one save sends.
#[derive(Clone)]
struct DetailsChange {
    id: String,
    name: String,
    description: Option<String>,
    sandbox: SandboxRef,
}

/// The Edit details dialog's state.
#[derive(Clone, Copy)]
pub struct EditDetails {
    /// The package being edited (the dialog is open).
    target: RwSignal<Option<Package>>,
    name: RwSignal<String>,
    description: RwSignal<String>,
    refusal: RwSignal<Option<ApiError>>,
    save: Action<DetailsChange, ()>,
}

impl EditDetails {
    pub fn new(followed: FollowedPackage) -> Self {
        let context = expect_context::<ConnectionContext>();
        let toasts = expect_context::<Toasts>();
        let target = RwSignal::new(None::<Package>);
        let refusal = RwSignal::new(None);
        let save = Action::new_local(move |change: &DetailsChange| {
            let client = context.client_untracked();
            let change = change.clone();
            async move {
                match authoring::update_details(
                    &client,
                    &change.id,
                    change.name,
                    change.description,
                    change.sandbox,
                )
                .await
                {
                    Ok(saved) => {
                        toasts.show(
                            tf(k::SAVED, &[("package", &saved.name)]),
                            ToastVariant::Positive,
                        );
                        target.set(None);
                        followed.replace(saved);
                    }
                    Err(error) => refusal.set(Some(error)),
                }
            }
        });
        EditDetails {
            target,
            name: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            refusal,
            save,
        }
    }

    /// Opens the dialog with the package's name and description.
    pub fn open(self, package: Package) {
        self.name.set(package.name.clone());
        self.description
            .set(package.description.clone().unwrap_or_default());
        self.refusal.set(None);
        self.target.set(Some(package));
    }

    fn close(self) {
        if !self.save.pending().get_untracked() {
            self.target.set(None);
        }
    }

    fn submit(self) {
        if self.save.pending().get_untracked() {
            return;
        }
        let Some(package) = self.target.get_untracked() else {
            return;
        };
        let name = match check_name(&self.name.get_untracked()) {
            Ok(name) => name,
            Err(_) => return focus_by_id("edit-name"),
        };
        let description = match check_description(&self.description.get_untracked()) {
            Ok(description) => description,
            Err(_) => return focus_by_id("edit-description"),
        };
        let context = expect_context::<ConnectionContext>();
        // Platform needs the package's sandbox with the update; an older record without one
        // was made in the sandbox selected now.
        let sandbox = package.source_sandbox.clone().unwrap_or_else(|| {
            context.0.with_untracked(|c| SandboxRef {
                name: c.sandbox.clone(),
                ims_org_id: c.org_id.clone(),
                empty: None,
            })
        });
        self.refusal.set(None);
        self.save.dispatch(DetailsChange {
            id: package.id,
            name,
            description,
            sandbox,
        });
    }
}

#[component]
pub fn EditDetailsDialog(edit: EditDetails) -> impl IntoView {
    let pending = edit.save.pending();
    let title = Signal::derive(move || {
        edit.target.with(|target| {
            target
                .as_ref()
                .map(|p| tf(k::EDIT_TITLE, &[("package", &p.name)]))
                .unwrap_or_default()
        })
    });
    let name_problem = move || {
        check_name(&edit.name.get())
            .err()
            .map(|problem| problem.explanation())
    };
    let description_problem = move || {
        check_description(&edit.description.get())
            .err()
            .map(|problem| problem.explanation())
    };
    view! {
        <Modal
            id="edit-details-dialog"
            open=Signal::derive(move || edit.target.with(Option::is_some))
            on_close=move |()| edit.close()
            title
        >
            <form novalidate on:submit=move |ev| { ev.prevent_default(); edit.submit(); }>
                <div class="field">
                    <label for="edit-name">{tr(k::FIELD_NAME)}</label>
                    <input
                        id="edit-name"
                        type="text"
                        autocomplete="off"
                        autofocus
                        aria-describedby="edit-name-error"
                        aria-invalid=move || name_problem().is_some().to_string()
                        prop:value=move || edit.name.get()
                        on:input=move |ev| edit.name.set(event_target_value(&ev))
                    />
                    <p class="field-error" id="edit-name-error">{name_problem}</p>
                </div>
                <div class="field">
                    <label for="edit-description">{tr(k::FIELD_DESCRIPTION)}</label>
                    <textarea
                        id="edit-description"
                        rows="4"
                        aria-describedby="edit-description-error"
                        aria-invalid=move || description_problem().is_some().to_string()
                        prop:value=move || edit.description.get()
                        on:input=move |ev| edit.description.set(event_target_value(&ev))
                    ></textarea>
                    <p class="field-error" id="edit-description-error">{description_problem}</p>
                </div>
                {move || edit.refusal.get().map(|error| view! { <ErrorAlert error /> })}
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| edit.close()>{tr(common::CANCEL)}</button>
                    <button type="submit" class="primary" id="save-details" disabled=move || pending.get()>
                        {Signal::derive(move || t(if pending.get() { k::SAVING } else { k::SAVE }))}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
