//! The artifacts of a package on its details page, each removable from a draft
//! (`PUT /packages` DELETE with that one artifact); the page shows the changed package.

use exim_api::{Artifact, ArtifactRef, Package};
use leptos::prelude::*;

use super::follow::FollowedPackage;
use crate::api::{authoring, ApiError};
use crate::components::focus::focus_by_id;
use crate::components::inline_alert::ErrorAlert;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::package_edit as k;
use crate::i18n::keys::packages as package_keys;
use crate::i18n::{t, tf, tr};
use crate::session::ConnectionContext;

/// How an artifact is named to people: its title, else its id.
fn artifact_name(artifact: &Artifact) -> String {
    artifact
        .title
        .clone()
        .filter(|title| !title.trim().is_empty())
        .unwrap_or_else(|| artifact.id.clone())
}

/// Removing artifacts from the package of the details page.
#[derive(Clone, Copy)]
pub struct ArtifactRemoval {
    /// The artifact being removed, while its request runs.
    removing: RwSignal<Option<String>>,
    /// The last failed removal: the artifact's name and why.
    failure: RwSignal<Option<(String, ApiError)>>,
    remove: Action<(String, Artifact), ()>,
}

impl ArtifactRemoval {
    pub fn new(followed: FollowedPackage) -> Self {
        let context = expect_context::<ConnectionContext>();
        let toasts = expect_context::<Toasts>();
        let removing = RwSignal::new(None::<String>);
        let failure = RwSignal::new(None);
        let remove = Action::new_local(move |(package_id, artifact): &(String, Artifact)| {
            let client = context.client_untracked();
            let package_id = package_id.clone();
            let name = artifact_name(artifact);
            let artifact = ArtifactRef {
                id: artifact.id.clone(),
                artifact_type: artifact.artifact_type.clone(),
                title: artifact.title.clone(),
            };
            async move {
                let removed =
                    authoring::remove_artifacts(&client, &package_id, vec![artifact]).await;
                removing.set(None);
                match removed {
                    Ok(package) => {
                        toasts.show(
                            tf(
                                k::REMOVED,
                                &[("artifact", &name), ("package", &package.name)],
                            ),
                            ToastVariant::Positive,
                        );
                        followed.replace(package);
                        // The row is gone: the user carries on from the list's heading.
                        focus_by_id("artifacts-heading");
                    }
                    Err(error) => failure.set(Some((name, error))),
                }
            }
        });
        ArtifactRemoval {
            removing,
            failure,
            remove,
        }
    }

    fn start(self, package_id: String, artifact: Artifact) {
        if self.remove.pending().get_untracked() {
            return;
        }
        self.failure.set(None);
        self.removing.set(Some(artifact.id.clone()));
        self.remove.dispatch((package_id, artifact));
    }
}

/// The artifacts table; with `removal`, each row has its Remove button.
#[component]
pub fn ArtifactsTable(package: Package, removal: Option<ArtifactRemoval>) -> impl IntoView {
    let artifacts = package.artifacts_list.clone().unwrap_or_default();
    let failure = move || {
        let (name, error) = removal?.failure.get()?;
        Some(view! {
            <div class="remove-failure" id="remove-failure">
                <p class="failure-title">{tf(k::REMOVE_FAILED, &[("artifact", &name)])}</p>
                <ErrorAlert error />
            </div>
        })
    };
    if artifacts.is_empty() {
        return view! {
            {failure}
            <p class="muted">{tr(package_keys::NO_ARTIFACTS)}</p>
        }
        .into_any();
    }
    let rows = artifacts
        .into_iter()
        .map(|artifact| {
            let remove_cell = removal.map(|removal| {
                let busy = {
                    let id = artifact.id.clone();
                    Memo::new(move |_| removal.removing.with(|r| r.as_deref() == Some(id.as_str())))
                };
                let name = artifact_name(&artifact);
                let package_id = package.id.clone();
                let artifact = artifact.clone();
                view! {
                    <td class="row-action">
                        <button
                            type="button"
                            class="action"
                            aria-label=Signal::derive(move || tf(if busy.get() { k::REMOVING } else { k::REMOVE_LABEL }, &[("artifact", &name)]))
                            disabled=move || removal.remove.pending().get()
                            on:click=move |_| removal.start(package_id.clone(), artifact.clone())
                        >
                            {Signal::derive(move || t(if busy.get() { k::REMOVING } else { k::REMOVE }))}
                        </button>
                    </td>
                }
            });
            view! {
                <tr data-artifact-id=artifact.id.clone()>
                    <td>{artifact.artifact_type.clone()}</td>
                    <td>{artifact.title.clone().unwrap_or_else(|| "—".to_string())}</td>
                    <td><code class="truncate" title=artifact.id.clone()>{artifact.id.clone()}</code></td>
                    {remove_cell}
                </tr>
            }
        })
        .collect_view();
    let remove_header = removal.map(|_| {
        view! { <th scope="col"><span class="visually-hidden">{tr(k::COLUMN_REMOVE)}</span></th> }
    });
    view! {
        {failure}
        // Keyboard users can scroll it too: without a draft's buttons it has nothing focusable.
        <div class="scroll-x" tabindex="0" role="group" aria-labelledby="artifacts-heading">
            <table class="data-table" id="artifacts-table">
                <thead>
                    <tr>
                        <th scope="col">{tr(package_keys::ARTIFACT_TYPE)}</th>
                        <th scope="col">{tr(package_keys::ARTIFACT_TITLE)}</th>
                        <th scope="col">{tr(package_keys::ARTIFACT_ID)}</th>
                        {remove_header}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
