//! The right rail of Sharing Status (`/sharing/:id`): one share's details, its progress stepper,
//! and for a failed share the error Platform reported.

use exim_api::{TransferRecord, TransferStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::feed::SharingFeed;
use super::org_link::org_link;
use super::retry::{retry_ids, RetryButton, RetryLinks};
use crate::api::{packages, transfers};
use crate::components::date_cell::DateTime;
use crate::components::inline_alert::ErrorAlert;
use crate::components::rail::use_rail;
use crate::components::refresh::use_read;
use crate::components::status_light::StatusLight;
use crate::i18n::keys::sharing as k;
use crate::i18n::{t, tf, tr};
use crate::pages::sandbox_import::import_href;
use crate::session::ConnectionContext;
use crate::state::status::request_type_label;
use crate::state::transfer_progress::{step_words, steps};
use crate::state::url::encode;

#[component]
pub fn TransferRail() -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let feed = expect_context::<SharingFeed>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // The table's row when it is on the current page (no request of its own); otherwise the
    // transfer itself, fetched again whenever the page refreshes. Nothing is fetched before
    // the table's first answer: the row is likely on it.
    let (fetched, recovery) = use_read(move || {
        let id = id.get();
        let needed = feed.list.settled() && feed.row(&id).is_none();
        let client = context.client_untracked();
        async move {
            if needed {
                transfers::get(&client, &id).await.map(Some)
            } else {
                Ok(None)
            }
        }
    });
    let record = Memo::new(move |_| {
        let id = id.get();
        feed.row(&id)
            .map(Ok)
            .or_else(|| fetched.get().and_then(Result::transpose))
    });

    let rail = use_rail(
        id,
        move || feed.href(None),
        |row_id| format!("tr[data-transfer-id='{row_id}'] a"),
    );

    view! {
        <aside class="rail" aria-labelledby="rail-title" on:keydown=move |ev| rail.on_keydown.run(ev)>
            <div class="rail-header">
                <h2 id="rail-title" tabindex="-1" node_ref=rail.heading>
                    {move || record.with(|r| match r {
                        Some(Ok(transfer)) => transfer.package_name.clone().unwrap_or_else(|| transfer.package_id.clone()),
                        _ => t(k::DETAILS_TITLE),
                    })}
                </h2>
                <button type="button" class="quiet close" aria-label=tr(k::CLOSE_DETAILS) on:click=move |_| rail.close.run(())>"×"</button>
            </div>
            {move || match record.get() {
                None => view! { <p class="loading" aria-busy="true">{tr(k::LOADING_DETAILS)}</p> }.into_any(),
                Some(Err(error)) => view! { <ErrorAlert error on_retry=Callback::new(move |()| fetched.refetch()) recovery /> }.into_any(),
                Some(Ok(transfer)) => view! { <TransferDetails transfer /> }.into_any(),
            }}
        </aside>
    }
}

#[component]
fn TransferDetails(transfer: TransferRecord) -> impl IntoView {
    let feed = expect_context::<SharingFeed>();
    let details = transfer.transfer_details.clone().unwrap_or_default();
    let progress = steps(&details.messages, &transfer.status);
    let failed = transfer.status == TransferStatus::Failed;
    let failure = failed.then(|| failure_fields(&details.additional_metadata));
    let request_type = transfer.request_type.clone();
    let org = |name: &Option<String>, id: &str| match name {
        Some(name) if name != id => org_link(format!("{name} ({id})"), id),
        _ => org_link(id.to_string(), id),
    };
    view! {
        {failure.map(|(code, message)| view! {
            <div class="inline-alert negative" role="alert">
                <h3>{tr(k::FAILED_TITLE)}</h3>
                <p>{Signal::derive(move || match &message {
                    Some(message) => tf(k::PLATFORM_MESSAGE, &[("message", message)]),
                    None => t(k::NO_REASON),
                })}</p>
                {code.map(|code| view! { <p class="muted">{tr(k::ERROR_CODE)}" "<code>{code}</code></p> })}
            </div>
        })}
        <dl class="metadata">
            <dt>{tr(k::DETAIL_STATUS)}</dt>
            <dd class="status-cell">
                <StatusLight status=transfer.status.to_string() />
                <RetryLinks links=Signal::stored(Some(retry_ids(&transfer))) feed />
                <RetryButton transfer=Signal::stored(Some(transfer.clone())) feed />
            </dd>
            <dt>{tr(k::DETAIL_TYPE)}</dt><dd>{move || request_type_label(&request_type)}</dd>
            <dt>{tr(k::DETAIL_FROM)}</dt><dd>{org(&transfer.source_org_name, &transfer.source_ims_org_id)}</dd>
            <dt>{tr(k::DETAIL_TO)}</dt><dd>{org(&transfer.target_org_name, &transfer.target_ims_org_id)}</dd>
            <dt>{tr(k::DETAIL_STARTED_BY)}</dt><dd>{transfer.initiated_by.clone()}</dd>
            <dt>{tr(k::DETAIL_STARTED)}</dt><dd><DateTime epoch_ms=Some(transfer.created_date) /></dd>
            // Platform's `completedTime` is when the transfer ended, failed or not.
            <dt>{tr(if failed { k::DETAIL_FAILED_AT } else { k::DETAIL_FINISHED })}</dt>
            <dd><DateTime epoch_ms=transfer.completed_time /></dd>
            <dt>{tr(k::DETAIL_TRANSFER_ID)}</dt><dd><code>{transfer.id.clone()}</code></dd>
        </dl>
        <h3>{tr(k::PROGRESS)}</h3>
        <ol class="stepper">
            {progress.into_iter().map(|(step, state)| view! {
                <li class=format!("step {}", state.class())>
                    <span class="step-name">{Signal::derive(move || step_words(step))}</span>
                    <span class="visually-hidden">": "{move || state.label()}</span>
                    <small class="step-platform" lang="en">{Signal::derive(move || tf(k::STEP_PLATFORM, &[("message", step)]))}</small>
                </li>
            }).collect_view()}
        </ol>
        {received_section(&transfer)}
        <PackageSection package_id=transfer.package_id.clone() />
    }
}

/// For the organization that received a completed share or pull: the package it became there,
/// and its import. Needs exim-server's `targetPackageId`; Platform's record lacks it, and then
/// nothing is shown.
fn received_section(transfer: &TransferRecord) -> Option<impl IntoView> {
    let copy = transfer.target_package_id.clone()?;
    let here = expect_context::<ConnectionContext>()
        .0
        .with_untracked(|c| c.org_id.clone());
    (transfer.status == TransferStatus::Completed && transfer.target_ims_org_id == here).then(|| {
        view! {
            <h3>{tr(k::RECEIVED_HEADING)}</h3>
            <div class="actions received-actions">
                <a class="button primary" href=import_href(&copy, "")>{tr(k::IMPORT_RECEIVED)}</a>
                <a href=format!("/packages/{}", encode(&copy))>{tr(k::OPEN_RECEIVED)}</a>
            </div>
        }
    })
}

/// `additionalMetadata` of a failed transfer: `{errorCode, errorMessage}`, each when Platform
/// sent it.
pub fn failure_fields(metadata: &Option<serde_json::Value>) -> (Option<String>, Option<String>) {
    let field = |name: &str| metadata.as_ref()?.get(name)?.as_str().map(str::to_string);
    (field("errorCode"), field("errorMessage"))
}

/// The shared package, when this org can read it (the source org can; a target cannot).
#[component]
fn PackageSection(package_id: String) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let id = package_id.clone();
    let package = LocalResource::new(move || {
        let client = context.client_untracked();
        let id = id.clone();
        async move { packages::get(&client, &id).await }
    });
    view! {
        <h3>{tr(k::PACKAGE)}</h3>
        <Transition fallback=|| view! { <p class="muted">{tr(k::LOADING_PACKAGE)}</p> }>
            {move || package.get().map(|result| match result {
                Ok(package) => {
                    let sandbox = package.source_sandbox.as_ref().map(|s| s.name.clone()).unwrap_or_default();
                    let artifacts = package.artifacts_list.clone().unwrap_or_default();
                    view! {
                        <dl class="metadata">
                            <dt>{tr(k::PACKAGE_NAME)}</dt><dd><a href=format!("/packages/{}", crate::state::url::encode(&package.id))>{package.name.clone()}</a></dd>
                            <dt>{tr(k::PACKAGE_ID)}</dt><dd><code>{package.id.clone()}</code></dd>
                            <dt>{tr(k::PACKAGE_SANDBOX)}</dt><dd>{sandbox}</dd>
                        </dl>
                        <ul class="artifact-list">
                            {artifacts.into_iter().map(|a| view! {
                                <li><span class="artifact-type">{a.artifact_type}</span>" "{a.title.unwrap_or(a.id)}</li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
                Err(_) => {
                    let package_id = package_id.clone();
                    // The ID keeps its code style inside the sentence, wherever the language puts it.
                    let sentence = move || {
                        let text = t(k::PACKAGE_ELSEWHERE);
                        let (before, after) = text.split_once("{package}").unwrap_or((&text, ""));
                        view! { {before.to_string()}<code>{package_id.clone()}</code>{after.to_string()} }
                    };
                    view! { <p class="muted">{sentence}</p> }.into_any()
                }
            })}
        </Transition>
    }
}
