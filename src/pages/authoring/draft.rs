//! Authoring on the details page: the package followed live, and its Edit details, Publish
//! and Remove, each offered as the package's state and the user's permission allow.

use exim_api::Package;
use leptos::prelude::*;

use super::artifacts::{ArtifactRemoval, ArtifactsTable};
use super::blocked::AuthoringButton;
use super::dependencies::{has_dependencies, DependenciesPanel};
use super::edit_details::{EditDetails, EditDetailsDialog};
use super::follow::{follow_package, FollowedPackage};
use super::publish::{Publish, PublishDialog, PublishState};
use crate::i18n::keys::package_edit as k;
use crate::i18n::{tf, tr};
use crate::state::authoring_rules::{
    edit_artifacts_eligibility, edit_details_eligibility, publish_eligibility, AuthoringBlock,
};

/// The authoring state of one details page. Create it with [`DraftAuthoring::new`] and
/// render [`DraftDialogs`] once.
#[derive(Clone, Copy)]
pub struct DraftAuthoring {
    pub followed: FollowedPackage,
    edit: EditDetails,
    publish: Publish,
    removal: ArtifactRemoval,
}

impl DraftAuthoring {
    /// Reads the package with this id (followed while it is being published).
    pub fn new(id: Memo<String>) -> Self {
        let followed = follow_package(id);
        DraftAuthoring {
            followed,
            edit: EditDetails::new(followed),
            publish: Publish::new(followed),
            removal: ArtifactRemoval::new(followed),
        }
    }
}

/// What the button shows for a rule's answer: nothing for a user who may not manage packages,
/// else enabled or disabled with the reason.
pub(super) fn offered(eligibility: Result<(), AuthoringBlock>) -> Option<Option<String>> {
    match eligibility {
        Ok(()) => Some(None),
        Err(AuthoringBlock::NoPermission) => None,
        Err(block) => Some(Some(block.explanation())),
    }
}

/// Edit details and Publish.
#[component]
pub fn DraftButtons(
    package: Package,
    authoring: DraftAuthoring,
    can_manage: bool,
) -> impl IntoView {
    let edit = offered(edit_details_eligibility(&package, can_manage)).map(|blocked| {
        let (package, name) = (package.clone(), package.name.clone());
        view! {
            <AuthoringButton
                id="edit-details"
                label=tr(k::EDIT_DETAILS)
                name=Signal::derive(move || tf(k::EDIT_DETAILS_LABEL, &[("package", &name)]))
                blocked
                on_click=move |()| authoring.edit.open(package.clone())
            />
        }
    });
    let publish = offered(publish_eligibility(&package, can_manage)).map(|blocked| {
        let name = package.name.clone();
        view! {
            <AuthoringButton
                id="publish"
                label=tr(k::PUBLISH)
                name=Signal::derive(move || tf(k::PUBLISH_LABEL, &[("package", &name)]))
                blocked
                on_click=move |()| authoring.publish.open(package.clone())
            />
        }
    });
    view! { <div class="row-actions draft-actions">{edit}{publish}</div> }
}

/// Publishing under way, failed (with the reason the package history gives), or impossible
/// for an empty package.
#[component]
pub fn DraftState(
    package: Package,
    authoring: DraftAuthoring,
    can_manage: bool,
    #[prop(optional, into)] failure_reason: MaybeProp<String>,
) -> impl IntoView {
    let eligibility = publish_eligibility(&package, can_manage);
    view! {
        <PublishState package followed=authoring.followed publish=authoring.publish eligibility failure_reason />
    }
}

/// The artifacts table, with Remove on each row of a draft the user may change.
#[component]
pub fn DraftArtifacts(
    package: Package,
    authoring: DraftAuthoring,
    can_manage: bool,
) -> impl IntoView {
    let removal = edit_artifacts_eligibility(&package, can_manage)
        .is_ok()
        .then_some(authoring.removal);
    view! { <ArtifactsTable package removal /> }
}

/// What the artifacts of a partial package depend on, for packages with artifacts.
#[component]
pub fn DraftDependencies(
    package: Package,
    authoring: DraftAuthoring,
    can_manage: bool,
) -> impl IntoView {
    has_dependencies(&package)
        .then(|| view! { <DependenciesPanel package followed=authoring.followed can_manage /> })
}

#[component]
pub fn DraftDialogs(authoring: DraftAuthoring) -> impl IntoView {
    view! {
        <EditDetailsDialog edit=authoring.edit />
        <PublishDialog publish=authoring.publish />
    }
}
