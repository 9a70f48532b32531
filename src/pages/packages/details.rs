//! Package details (`/packages/:id`): metadata, artifacts, and the same actions as the inventory.

use exim_api::Package;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::actions::{
    share_block_reason, PackageActionButtons, PackageActionDialogs, PackageActions,
};
use crate::api::packages;
use crate::components::date_cell::DateTime;
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::use_read;
use crate::components::status_light::StatusLight;
use crate::i18n::keys::packages as k;
use crate::i18n::{number, tf, tr};
use crate::pages::authoring::{AddArtifacts, HistoryRead, PackageHistoryPanel};
use crate::session::{ConnectionContext, PermissionsContext};

#[component]
pub fn PackageDetailsPage() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let (details, recovery) = use_read(move || {
        let client = context.client();
        let id = id.get();
        async move { packages::get(&client, &id).await }
    });
    // A change made here replaces the fetched package.
    let on_updated = Callback::new(move |package: Package| {
        details.set(Some(Ok(package)));
    });
    let actions = PackageActions::new(on_updated);
    let version = Memo::new(move |_| {
        details.with(|d| {
            d.as_ref()
                .and_then(|r| r.as_ref().ok())
                .and_then(|p| p.version)
        })
    });
    let history = HistoryRead::new(id, version);
    let loaded = Memo::new(move |_| details.with(|d| matches!(d, Some(Ok(_)))));
    let package = Signal::derive(move || details.get().and_then(Result::ok));

    view! {
        <p class="breadcrumb"><a href="/packages">{tr(k::TITLE)}</a></p>
        <Transition fallback=|| view! { <p class="loading" aria-busy="true">{tr(k::LOADING_PACKAGE)}</p> }>
            {move || {
                if loaded.get() {
                    return Some(view! { <PackageDetails package actions on_updated history /> }.into_any());
                }
                details.get().map(|result| match result {
                    Ok(_) => ().into_any(),
                    Err(error) => view! {
                        <div class="page-header"><h1>{tr(k::PACKAGE)}</h1></div>
                        <ErrorAlert error on_retry=Callback::new(move |()| details.refetch()) recovery />
                    }
                    .into_any(),
                })
            }}
        </Transition>
        <PackageActionDialogs actions />
    }
}

#[component]
fn PackageDetails(
    package: Signal<Option<Package>>,
    actions: PackageActions,
    on_updated: Callback<Package>,
    history: HistoryRead,
) -> impl IntoView {
    let permissions = expect_context::<PermissionsContext>();
    let can_manage = Signal::derive(move || permissions.get().is_some_and(|p| p.manage_packages));
    move || {
        let package = package.get()?;
        let share_note = share_block_reason(&package);
        let status = package.status_text();
        let sandbox = package.source_sandbox_name();
        let text = |value: Option<String>| {
            value
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "—".to_string())
        };
        let artifacts = package.artifacts_list.clone().unwrap_or_default();
        let artifact_count = artifacts.len() as u64;
        Some(view! {
            <div class="page-header">
                <h1 class="wrap-anywhere">{package.name.clone()}</h1>
                <PackageActionButtons package=package.clone() actions can_manage />
            </div>
            {share_note.map(|note| view! { <p class="note">{note}</p> })}
            <div class="details-grid">
                <section class="panel" aria-labelledby="metadata-heading">
                    <h2 id="metadata-heading">{tr(k::DETAILS)}</h2>
                    <dl class="metadata">
                        <dt>{tr(k::FIELD_STATUS)}</dt><dd><StatusLight status /></dd>
                        <dt>{tr(k::FIELD_AVAILABILITY)}</dt><dd><StatusLight status=package.visibility().to_string() /></dd>
                        <dt>{tr(k::FIELD_DESCRIPTION)}</dt><dd>{text(package.description.clone())}</dd>
                        <dt>{tr(k::FIELD_PACKAGE_ID)}</dt><dd><code>{package.id.clone()}</code></dd>
                        <dt>{tr(k::FIELD_TYPE)}</dt><dd>{text(package.package_type.as_ref().map(ToString::to_string))}</dd>
                        <dt>{tr(k::FIELD_SOURCE_SANDBOX)}</dt><dd>{text(Some(sandbox))}</dd>
                        <dt>{tr(k::FIELD_ORGANIZATION)}</dt><dd><code>{text(package.ims_org_id.clone())}</code></dd>
                        <dt>{tr(k::FIELD_CREATED)}</dt><dd><DateTime epoch_ms=package.created_date /></dd>
                        <dt>{tr(k::FIELD_MODIFIED)}</dt><dd><DateTime epoch_ms=package.modified_date /></dd>
                        <dt>{tr(k::FIELD_PUBLISHED)}</dt><dd><DateTime epoch_ms=package.publish_date /></dd>
                        <dt>{tr(k::FIELD_EXPIRES)}</dt><dd><DateTime epoch_ms=package.expiry /></dd>
                    </dl>
                </section>
                <section class="panel" aria-labelledby="artifacts-heading">
                    <div class="panel-header">
                        <h2 id="artifacts-heading">{Signal::derive(move || tf(k::ARTIFACTS_HEADING, &[("count", &number(artifact_count))]))}</h2>
                        <AddArtifacts package=package.clone() on_updated />
                    </div>
                    {if artifacts.is_empty() {
                        view! { <p class="muted">{tr(k::NO_ARTIFACTS)}</p> }.into_any()
                    } else {
                        view! {
                            // Keyboard users can scroll it too: it has nothing focusable of its own.
                            <div class="scroll-x" tabindex="0" role="group" aria-labelledby="artifacts-heading">
                            <table class="data-table" id="artifacts-table">
                                <thead><tr><th scope="col">{tr(k::ARTIFACT_TYPE)}</th><th scope="col">{tr(k::ARTIFACT_TITLE)}</th><th scope="col">{tr(k::ARTIFACT_ID)}</th></tr></thead>
                                <tbody>
                                    {artifacts.into_iter().map(|artifact| view! {
                                        <tr>
                                            <td>{artifact.artifact_type}</td>
                                            <td>{artifact.title.unwrap_or_else(|| "—".to_string())}</td>
                                            <td><code class="truncate" title=artifact.id.clone()>{artifact.id.clone()}</code></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            </div>
                        }.into_any()
                    }}
                </section>
            </div>
            <PackageHistoryPanel read=history />
        })
    }
}
