//! The actions on a package, shared by the inventory rows and the details page:
//! Copy payload (public packages), Make public / Make private (with a confirmation) and
//! Delete (the confirmation lives with the other authoring screens).

use exim_api::{Package, PackageVisibility};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::share_dialog::ShareDialog;
use crate::api::{packages, ApiError};
use crate::components::dialog::Modal;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::common;
use crate::i18n::keys::packages as k;
use crate::i18n::keys::sandbox_import as import_keys;
use crate::i18n::{t, tf, tr};
use crate::pages::authoring::delete::{DeleteButton, DeleteDialog, PackageDelete};
use crate::pages::sandbox_import::import_href;
use crate::session::{ConnectionContext, PermissionsContext};
use crate::state::import_rules::import_eligibility;
use crate::state::share_rules::share_eligibility;

/// State of the action dialogs of one screen. Create it once per screen with
/// [`PackageActions::new`] and render [`PackageActionDialogs`] once.
#[derive(Clone, Copy)]
pub struct PackageActions {
    /// The package being shared (the Share dialog is open).
    share_target: RwSignal<Option<Package>>,
    /// The package whose availability the user is about to change.
    availability_target: RwSignal<Option<Package>>,
    /// Why the last availability change failed, shown in its confirmation.
    change_error: RwSignal<Option<ApiError>>,
    /// Payload JSON to copy by hand when the clipboard refused it.
    payload_fallback: RwSignal<Option<String>>,
    /// The package whose payload was just copied ("Copied" state of its button).
    copied: RwSignal<Option<String>>,
    /// The package whose payload is being fetched.
    copying: RwSignal<Option<String>>,
    change: Action<Package, ()>,
    delete: PackageDelete,
}

impl PackageActions {
    /// `on_updated` receives the package as the server returned it after a change,
    /// `on_deleted` the id of a package the server deleted.
    pub fn new(on_updated: Callback<Package>, on_deleted: Callback<String>) -> Self {
        let context = expect_context::<ConnectionContext>();
        let toasts = expect_context::<Toasts>();
        let availability_target = RwSignal::new(None);
        let change_error = RwSignal::new(None);
        // Everything that follows the answer happens here: the confirmation closes and the
        // package updates where it is shown, or the error shows in the confirmation.
        let change = Action::new_local(move |package: &Package| {
            let client = context.client_untracked();
            let id = package.id.clone();
            let next = match package.visibility() {
                PackageVisibility::Public => PackageVisibility::Private,
                _ => PackageVisibility::Public,
            };
            async move {
                match packages::set_visibility(&client, &id, next).await {
                    Ok(updated) => {
                        let now = if updated.visibility() == PackageVisibility::Public {
                            k::NOW_PUBLIC
                        } else {
                            k::NOW_PRIVATE
                        };
                        toasts.show(
                            tf(now, &[("package", &updated.name)]),
                            ToastVariant::Positive,
                        );
                        availability_target.set(None);
                        on_updated.run(updated);
                    }
                    Err(error) => change_error.set(Some(error)),
                }
            }
        });
        PackageActions {
            share_target: RwSignal::new(None),
            availability_target,
            change_error,
            payload_fallback: RwSignal::new(None),
            copied: RwSignal::new(None),
            copying: RwSignal::new(None),
            change,
            delete: PackageDelete::new(on_deleted),
        }
    }

    /// Opens the availability confirmation for `package`, without an old error.
    fn confirm_availability(self, package: Package) {
        self.change_error.set(None);
        self.availability_target.set(Some(package));
    }

    /// Fetches the payload and puts it on the clipboard, or shows it for copying by hand.
    fn copy_payload(self, package: &Package) {
        let context = expect_context::<ConnectionContext>();
        let toasts = expect_context::<Toasts>();
        let client = context.client_untracked();
        let (id, name) = (package.id.clone(), package.name.clone());
        // One fetch at a time per package: a double click must not send two.
        if self
            .copying
            .with_untracked(|c| c.as_deref() == Some(id.as_str()))
        {
            return;
        }
        self.copying.set(Some(id.clone()));
        leptos::task::spawn_local(async move {
            let fetched = packages::payload(&client, &id).await;
            self.copying.set(None);
            let payload = match fetched {
                Ok(payload) => payload,
                Err(error) => {
                    toasts.show(
                        tf(
                            k::PAYLOAD_FAILED,
                            &[("package", &name), ("problem", &error.user_message())],
                        ),
                        ToastVariant::Negative,
                    );
                    return;
                }
            };
            let json = serde_json::to_string_pretty(&payload).unwrap_or_default();
            if write_clipboard(&json).await {
                self.copied.set(Some(id));
                toasts.show(
                    tf(k::PAYLOAD_COPIED, &[("package", &name)]),
                    ToastVariant::Positive,
                );
            } else {
                self.payload_fallback.set(Some(json));
            }
        });
    }
}

/// Why the current user cannot share this package in the current sandbox; None when they can,
/// or while the permission check is still running.
pub fn share_block_reason(package: &Package) -> Option<String> {
    let context = expect_context::<ConnectionContext>();
    let permissions = expect_context::<PermissionsContext>().get()?;
    share_eligibility(package, &context.sandbox(), permissions.share_packages)
        .err()
        .map(|block| block.explanation())
}

/// True when the browser accepted the text; false in insecure contexts or without permission.
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// The inline actions of one package. `can_manage`: whether availability may be changed.
#[component]
pub fn PackageActionButtons(
    package: Package,
    actions: PackageActions,
    #[prop(into)] can_manage: Signal<bool>,
) -> impl IntoView {
    let is_public = package.visibility() == PackageVisibility::Public;
    let package_for_import = package.clone();
    let package_for_delete = package.clone();
    let id = package.id.clone();
    let name = package.name.clone();
    let share_button = {
        let package = package.clone();
        let name = name.clone();
        move || {
            let shareable = expect_context::<PermissionsContext>().get().is_some()
                && share_block_reason(&package).is_none();
            let package = package.clone();
            let name = name.clone();
            shareable.then(|| {
                view! {
                    <button
                        type="button"
                        class="action"
                        aria-label=Signal::derive(move || tf(k::SHARE_LABEL, &[("package", &name)]))
                        on:click=move |_| actions.share_target.set(Some(package.clone()))
                    >
                        {tr(k::SHARE)}
                    </button>
                }
            })
        }
    };
    let copy_button = is_public.then(|| {
        let package = package.clone();
        let (copied_id, copying_id) = (id.clone(), id.clone());
        let copying = Signal::derive(move || {
            actions
                .copying
                .with(|c| c.as_deref() == Some(copying_id.as_str()))
        });
        // The visible label and the accessible name ("Copied" / "Copied payload of …") change
        // together, so that the name always starts with what the button shows.
        let keys = Memo::new(move |_| {
            if copying.get() {
                (k::COPYING, k::COPYING_LABEL)
            } else if actions
                .copied
                .with(|c| c.as_deref() == Some(copied_id.as_str()))
            {
                (k::COPIED, k::COPIED_LABEL)
            } else {
                (k::COPY_PAYLOAD, k::COPY_PAYLOAD_LABEL)
            }
        });
        let name = name.clone();
        view! {
            <button
                type="button"
                class="action"
                aria-label=Signal::derive(move || tf(keys.get().1, &[("package", &name)]))
                disabled=copying
                on:click=move |_| actions.copy_payload(&package)
            >
                {Signal::derive(move || t(keys.get().0))}
            </button>
        }
    });
    let availability_button = move || {
        can_manage.get().then(|| {
            let package = package.clone();
            let (label, accessible) = if is_public {
                (k::MAKE_PRIVATE, k::MAKE_PRIVATE_LABEL)
            } else {
                (k::MAKE_PUBLIC, k::MAKE_PUBLIC_LABEL)
            };
            let name = package.name.clone();
            view! {
                <button
                    type="button"
                    class="action"
                    aria-label=Signal::derive(move || tf(accessible, &[("package", &name)]))
                    on:click=move |_| actions.confirm_availability(package.clone())
                >
                    {tr(label)}
                </button>
            }
        })
    };
    let import_link = {
        let package = package_for_import;
        move || {
            import_eligibility(&package, can_manage.get(), js_sys::Date::now()).ok()?;
            let name = package.name.clone();
            Some(view! {
                <a
                    class="action"
                    href=import_href(&package.id, "")
                    aria-label=Signal::derive(move || tf(import_keys::IMPORT_INTO_LABEL, &[("package", &name)]))
                >
                    {tr(import_keys::IMPORT_INTO)}
                </a>
            })
        }
    };
    let delete_button = move || {
        view! { <DeleteButton package=package_for_delete.clone() delete=actions.delete can_manage=can_manage.get() /> }
    };
    view! { <div class="row-actions">{share_button}{copy_button}{import_link}{availability_button}{delete_button}</div> }
}

/// The confirmation for availability changes and the copy-by-hand payload dialog.
#[component]
pub fn PackageActionDialogs(actions: PackageActions) -> impl IntoView {
    let target = actions.availability_target;
    let change = actions.change;
    let making_public = move || {
        target.with(|t| {
            t.as_ref()
                .is_some_and(|p| p.visibility() == PackageVisibility::Private)
        })
    };
    let title = Signal::derive(move || {
        let name = target.with(|t| t.as_ref().map(|p| p.name.clone()).unwrap_or_default());
        let title = if making_public() {
            k::CONFIRM_PUBLIC_TITLE
        } else {
            k::CONFIRM_PRIVATE_TITLE
        };
        tf(title, &[("package", &name)])
    });
    // One change at a time; after an answer that closed the confirmation, a late second click
    // of a double click finds no package and changes nothing.
    let confirm = move |_| {
        if change.pending().get_untracked() {
            return;
        }
        if let Some(package) = target.get_untracked() {
            change.dispatch(package);
        }
    };
    let close_availability = move |()| {
        if !change.pending().get_untracked() {
            target.set(None);
        }
    };
    let fallback = actions.payload_fallback;
    // Once the dialog shows the payload, select all of it so that Ctrl+C copies it.
    let payload_text = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if fallback.with(Option::is_some) {
            request_animation_frame(move || {
                if let Some(area) = payload_text.get_untracked() {
                    let _ = area.focus();
                    area.select();
                }
            });
        }
    });

    view! {
        <ShareDialog target=actions.share_target />
        <DeleteDialog delete=actions.delete />
        <Modal
            id="availability-dialog"
            open=Signal::derive(move || target.with(Option::is_some))
            on_close=close_availability
            title=title
        >
            <p>
                {Signal::derive(move || t(if making_public() { k::CONFIRM_PUBLIC_TEXT } else { k::CONFIRM_PRIVATE_TEXT }))}
            </p>
            {move || actions.change_error.get().map(|error| view! { <ErrorAlert error /> })}
            <div class="dialog-actions">
                <button type="button" autofocus on:click=move |_| close_availability(())>{tr(common::CANCEL)}</button>
                <button
                    type="button"
                    class="primary"
                    id="confirm-availability"
                    disabled=move || change.pending().get()
                    on:click=confirm
                >
                    {Signal::derive(move || t(match (change.pending().get(), making_public()) {
                        (true, _) => k::SAVING,
                        (false, true) => k::MAKE_PUBLIC,
                        (false, false) => k::MAKE_PRIVATE,
                    }))}
                </button>
            </div>
        </Modal>
        <Modal
            id="payload-dialog"
            open=Signal::derive(move || fallback.with(Option::is_some))
            on_close=move |()| fallback.set(None)
            title=tr(k::PAYLOAD_DIALOG_TITLE)
        >
            <p>{tr(k::PAYLOAD_DIALOG_TEXT)}</p>
            <label for="payload-text" class="visually-hidden">{tr(k::PAYLOAD_TEXT_LABEL)}</label>
            <textarea
                id="payload-text"
                node_ref=payload_text
                readonly
                rows="5"
                prop:value=move || fallback.get().unwrap_or_default()
            ></textarea>
            <div class="dialog-actions">
                <button type="button" class="primary" on:click=move |_| fallback.set(None)>{tr(k::DONE)}</button>
            </div>
        </Modal>
    }
}
