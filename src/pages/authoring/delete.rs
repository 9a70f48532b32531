//! Delete a package, from its details page or its row on Packages: a confirmation that names
//! it, starting on Cancel; a published package's name must be typed. The API's refusal (a
//! transfer still reading it, permissions…) shows in the confirmation as the API says it.

use exim_api::Package;
use leptos::prelude::*;

use super::blocked::AuthoringButton;
use crate::api::{authoring, ApiError};
use crate::components::dialog::Modal;
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::common;
use crate::i18n::keys::package_edit as k;
use crate::i18n::{t, tf, tr};
use crate::session::ConnectionContext;
use crate::state::authoring_rules::{
    check_confirmation, delete_eligibility, delete_needs_typed_name, AuthoringBlock, InputProblem,
};

/// The delete confirmation of one screen. Create it once per screen and render
/// [`DeleteDialog`] once.
#[derive(Clone, Copy)]
pub struct PackageDelete {
    /// The package to delete (the confirmation is open).
    target: RwSignal<Option<Package>>,
    typed: RwSignal<String>,
    /// The typed name was checked by a press of Delete and did not match.
    mismatch: RwSignal<bool>,
    refusal: RwSignal<Option<ApiError>>,
    delete: Action<Package, ()>,
}

impl PackageDelete {
    /// `on_deleted` receives the id of the package once the server deleted it.
    pub fn new(on_deleted: Callback<String>) -> Self {
        let context = expect_context::<ConnectionContext>();
        let toasts = expect_context::<Toasts>();
        let target = RwSignal::new(None::<Package>);
        let refusal = RwSignal::new(None);
        let delete = Action::new_local(move |package: &Package| {
            let client = context.client_untracked();
            let (id, name) = (package.id.clone(), package.name.clone());
            async move {
                match authoring::delete(&client, &id).await {
                    Ok(_) => {
                        toasts.show(
                            tf(k::DELETED, &[("package", &name)]),
                            ToastVariant::Positive,
                        );
                        target.set(None);
                        on_deleted.run(id);
                    }
                    Err(error) => refusal.set(Some(error)),
                }
            }
        });
        PackageDelete {
            target,
            typed: RwSignal::new(String::new()),
            mismatch: RwSignal::new(false),
            refusal,
            delete,
        }
    }

    pub fn open(self, package: Package) {
        self.typed.set(String::new());
        self.mismatch.set(false);
        self.refusal.set(None);
        self.target.set(Some(package));
    }

    fn close(self) {
        if !self.delete.pending().get_untracked() {
            self.target.set(None);
        }
    }

    /// One deletion per confirmation: a second click while it runs, or after it closed the
    /// confirmation, finds nothing to do.
    fn confirm(self) {
        if self.delete.pending().get_untracked() {
            return;
        }
        let Some(package) = self.target.get_untracked() else {
            return;
        };
        if delete_needs_typed_name(&package)
            && check_confirmation(&package.name, &self.typed.get_untracked()).is_err()
        {
            self.mismatch.set(true);
            return focus_by_id("delete-confirm-name");
        }
        self.mismatch.set(false);
        self.refusal.set(None);
        self.delete.dispatch(package);
    }
}

/// The Delete action of a package: offered to those who may manage packages, disabled with
/// the reason while the package cannot be deleted.
#[component]
pub fn DeleteButton(package: Package, delete: PackageDelete, can_manage: bool) -> impl IntoView {
    let blocked = match delete_eligibility(&package, can_manage) {
        Ok(()) => None,
        Err(AuthoringBlock::NoPermission) => return ().into_any(),
        Err(block) => Some(block.explanation()),
    };
    let name = package.name.clone();
    view! {
        <AuthoringButton
            id=format!("delete-{}", package.id)
            label=tr(k::DELETE)
            name=Signal::derive(move || tf(k::DELETE_LABEL, &[("package", &name)]))
            blocked
            on_click=move |()| delete.open(package.clone())
        />
    }
    .into_any()
}

#[component]
pub fn DeleteDialog(delete: PackageDelete) -> impl IntoView {
    let pending = delete.delete.pending();
    let target = delete.target;
    let name = move || target.with(|t| t.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let typed_name_needed =
        move || target.with(|t| t.as_ref().is_some_and(delete_needs_typed_name));
    let title = Signal::derive(move || tf(k::DELETE_TITLE, &[("package", &name())]));
    let guard = move || {
        typed_name_needed().then(|| {
            view! {
                <div class="field">
                    <label for="delete-confirm-name">{Signal::derive(move || tf(k::DELETE_CONFIRM_LABEL, &[("package", &name())]))}</label>
                    <input
                        id="delete-confirm-name"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="delete-confirm-error"
                        aria-invalid=move || delete.mismatch.get().to_string()
                        prop:value=move || delete.typed.get()
                        on:input=move |ev| delete.typed.set(event_target_value(&ev))
                    />
                    <p class="field-error" id="delete-confirm-error">
                        {move || delete.mismatch.get().then(|| InputProblem::ConfirmationMismatch.explanation())}
                    </p>
                </div>
            }
        })
    };
    view! {
        <Modal
            id="delete-dialog"
            open=Signal::derive(move || target.with(Option::is_some))
            on_close=move |()| delete.close()
            title
        >
            <p>{Signal::derive(move || t(if typed_name_needed() { k::DELETE_PUBLISHED_TEXT } else { k::DELETE_DRAFT_TEXT }))}</p>
            {guard}
            {move || delete.refusal.get().map(|error| view! { <ErrorAlert error /> })}
            <div class="dialog-actions">
                <button type="button" autofocus on:click=move |_| delete.close()>{tr(common::CANCEL)}</button>
                <button type="button" class="primary negative" id="confirm-delete" disabled=move || pending.get() on:click=move |_| delete.confirm()>
                    {Signal::derive(move || t(if pending.get() { k::DELETING } else { k::DELETE }))}
                </button>
            </div>
        </Modal>
    }
}
