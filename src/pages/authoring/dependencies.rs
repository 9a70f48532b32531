//! What a partial package's artifacts depend on (`POST /packages/{id}/children`), as a tree
//! of nested lists: each object "title (TYPE)", in the package or missing. An editable draft
//! can take every missing dependency in one `PUT /packages` ADD, or one at a time. Platform
//! lists dependencies of published packages only and refuses drafts with a 400: that is said
//! calmly in the panel.

use exim_api::{ArtifactRef, DependentObject, Package, PackageType};
use leptos::prelude::*;

use super::follow::FollowedPackage;
use crate::api::{authoring, imports};
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::use_read;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::keys::package_edit as k;
use crate::i18n::{t, tf, tn, tr};
use crate::session::ConnectionContext;
use crate::state::authoring_rules::{edit_artifacts_eligibility, holds, missing_dependencies};

/// Whether a package has dependencies to show: a partial one with artifacts.
pub fn has_dependencies(package: &Package) -> bool {
    package.package_type != Some(PackageType::Full) && package.artifact_count() > 0
}

#[component]
pub fn DependenciesPanel(
    package: Package,
    followed: FollowedPackage,
    can_manage: bool,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let requested: Vec<ArtifactRef> = package
        .artifacts_list
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|artifact| ArtifactRef {
            id: artifact.id,
            artifact_type: artifact.artifact_type,
            title: artifact.title,
        })
        .collect();
    let (tree, recovery) = {
        let id = package.id.clone();
        use_read(move || {
            let client = context.client();
            let (id, requested) = (id.clone(), requested.clone());
            async move { imports::dependencies(&client, &id, &requested).await }
        })
    };
    let editable = edit_artifacts_eligibility(&package, can_manage).is_ok();
    let add = Action::new_local(move |(id, missing): &(String, Vec<ArtifactRef>)| {
        let client = context.client_untracked();
        let (id, missing) = (id.clone(), missing.clone());
        async move {
            match authoring::add_artifacts(&client, &id, missing.clone()).await {
                Ok(updated) => {
                    toasts.show(
                        tn(
                            k::ADDED,
                            missing.len() as u64,
                            &[("package", &updated.name)],
                        ),
                        ToastVariant::Positive,
                    );
                    // The page shows the changed package, and this panel reads its tree again.
                    followed.replace(updated);
                }
                Err(error) => toasts.show(error.user_message(), ToastVariant::Negative),
            }
        }
    });
    let adding = add.pending();
    let send = {
        let id = package.id.clone();
        Callback::new(move |missing: Vec<ArtifactRef>| {
            if !adding.get_untracked() && !missing.is_empty() {
                add.dispatch((id.clone(), missing));
            }
        })
    };
    let body = move || {
        let answer = tree.get()?;
        Some(match answer {
            Ok(nodes)
                if nodes
                    .iter()
                    .all(|node| node.children.as_deref().unwrap_or_default().is_empty()) =>
            {
                view! { <p class="muted">{tr(k::NO_DEPENDENCIES)}</p> }.into_any()
            }
            Ok(nodes) => {
                let missing = missing_dependencies(&package, &nodes);
                let add_all = (editable && !missing.is_empty()).then(|| {
                    let count = missing.len();
                    let missing = missing.clone();
                    view! {
                        <button type="button" class="primary" id="add-missing" disabled=move || adding.get() on:click=move |_| send.run(missing.clone())>
                            {Signal::derive(move || if adding.get() { t(k::ADDING) } else { tf(k::ADD_MISSING, &[("count", &count.to_string())]) })}
                        </button>
                    }
                });
                let tree = nodes
                    .into_iter()
                    .map(|node| view! { <DependencyNode node package=package.clone() send=editable.then_some(send) adding /> })
                    .collect_view();
                view! {
                    {add_all}
                    <ul class="dependency-tree" id="dependency-tree">{tree}</ul>
                }
                .into_any()
            }
            // Platform refuses drafts: a fact about the server, not a failure of this page.
            Err(error) if error.status() == Some(400) => {
                let message = error.server_message().unwrap_or_default();
                view! {
                    <p class="note" id="dependencies-published-only">
                        {tf(k::DEPENDENCIES_PUBLISHED_ONLY, &[("message", &message)])}
                    </p>
                }
                .into_any()
            }
            Err(error) => view! {
                <ErrorAlert error on_retry=Callback::new(move |()| recovery.retry_now()) recovery />
            }
            .into_any(),
        })
    };
    view! {
        <section class="panel dependencies" aria-labelledby="dependencies-heading" id="dependencies">
            <h2 id="dependencies-heading">{tr(k::DEPENDENCIES_HEADING)}</h2>
            <p class="muted">{tr(k::DEPENDENCIES_INTRO)}</p>
            <Transition fallback=|| view! { <p class="loading" aria-busy="true">{tr(k::DEPENDENCIES_LOADING)}</p> }>
                {body}
            </Transition>
        </section>
    }
}

/// One object of the tree and, nested, what it depends on.
#[component]
fn DependencyNode(
    node: DependentObject,
    package: Package,
    /// Adds missing objects, when the package may take them.
    send: Option<Callback<Vec<ArtifactRef>>>,
    adding: Memo<bool>,
) -> AnyView {
    let present = holds(&package, &node.id);
    let title = node.title.clone().unwrap_or_else(|| node.id.clone());
    let label = tf(k::NODE, &[("title", &title), ("type", &node.artifact_type)]);
    let add_one = send.filter(|_| !present).map(|send| {
        let artifact = ArtifactRef {
            id: node.id.clone(),
            artifact_type: node.artifact_type.clone(),
            title: node.title.clone(),
        };
        let name = label.clone();
        view! {
            <button
                type="button"
                class="action"
                aria-label=Signal::derive(move || tf(k::ADD_ONE_LABEL, &[("object", &name)]))
                disabled=move || adding.get()
                on:click=move |_| send.run(vec![artifact.clone()])
            >
                {tr(k::ADD_ONE)}
            </button>
        }
    });
    let children = node.children.clone().unwrap_or_default();
    let nested = (!children.is_empty()).then(|| {
        let items = children
            .into_iter()
            .map(|child| {
                DependencyNode(DependencyNodeProps {
                    node: child,
                    package: package.clone(),
                    send,
                    adding,
                })
            })
            .collect_view();
        view! { <ul>{items}</ul> }
    });
    let mark = if present {
        view! { <span class="dependency-mark present">{tr(k::IN_PACKAGE)}</span> }
    } else {
        view! { <span class="dependency-mark missing">{tr(k::MISSING)}</span> }
    };
    view! {
        <li data-object-id=node.id.clone()>
            <div class="dependency-node">
                <span class="node-title">{label}</span>
                {mark}
                {add_one}
            </div>
            {nested}
        </li>
    }
    .into_any()
}
