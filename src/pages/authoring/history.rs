//! A package's history on its details: created, artifacts added and removed, renamed,
//! published (or not), made public or private, shared, copied, received — newest first.
//! `GET /packages/{id}/history` is an exim-server extension; against Platform, which offers no
//! such list, the panel says so and nothing else changes.

use exim_api::{ArtifactRef, HistoryAction, HistoryEntry, PackageHistory};
use leptos::prelude::*;

use crate::api::{authoring, ApiError};
use crate::components::date_cell::DateTime;
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::{use_read, Refresh};
use crate::components::status_light::StatusLight;
use crate::i18n::keys::authoring as k;
use crate::i18n::{number, t, tf, tn, tr};
use crate::session::ConnectionContext;

/// How many artifact names a line lists before "and N more".
const NAMED_ARTIFACTS: usize = 5;

/// A package's history, read once and again whenever its `version` changes (every edit and
/// the end of publishing bump it); shared by the History panel and the publish failure alert.
#[derive(Clone, Copy)]
pub struct HistoryRead {
    history: LocalResource<Result<PackageHistory, ApiError>>,
    recovery: Refresh,
}

impl HistoryRead {
    pub fn new(id: Memo<String>, version: Memo<Option<i64>>) -> Self {
        let context = expect_context::<ConnectionContext>();
        let (history, recovery) = use_read(move || {
            let client = context.client();
            let id = id.get();
            version.track();
            async move { authoring::history(&client, &id).await }
        });
        HistoryRead { history, recovery }
    }

    /// Why the last publish failed, when the history says it did (its newest publishing entry
    /// is a failure).
    pub fn publish_failure(&self) -> Option<String> {
        self.history.with(|read| {
            let entries = &read.as_ref()?.as_ref().ok()?.data;
            let last = entries.iter().find(|entry| {
                matches!(
                    entry.action,
                    HistoryAction::PublishFailed
                        | HistoryAction::PublishRequested
                        | HistoryAction::Published
                )
            })?;
            (last.action == HistoryAction::PublishFailed).then(|| {
                last.message
                    .clone()
                    .unwrap_or_else(|| t(k::HISTORY_NO_REASON))
            })
        })
    }
}

#[component]
pub fn PackageHistoryPanel(read: HistoryRead) -> impl IntoView {
    let HistoryRead { history, recovery } = read;
    let content = move || {
        history.get().map(|result| match result {
            Err(error) if matches!(error.status(), Some(404 | 405 | 501)) => view! {
                <p class="muted" id="history-unavailable">{tr(k::HISTORY_UNAVAILABLE)}</p>
            }
            .into_any(),
            Err(error) => view! {
                <ErrorAlert error on_retry=Callback::new(move |()| history.refetch()) recovery />
            }
            .into_any(),
            Ok(history) if history.data.is_empty() => {
                view! { <p class="muted">{tr(k::HISTORY_EMPTY)}</p> }.into_any()
            }
            Ok(history) => view! {
                <ol class="history" id="package-history">
                    {history.data.into_iter().map(|entry| view! { <HistoryLine entry /> }).collect_view()}
                </ol>
            }
            .into_any(),
        })
    };
    view! {
        <section class="panel history-panel" aria-labelledby="history-heading">
            <h2 id="history-heading">{tr(k::HISTORY_HEADING)}</h2>
            <Transition fallback=|| view! { <p class="loading" aria-busy="true">{tr(k::HISTORY_LOADING)}</p> }>
                {content}
            </Transition>
        </section>
    }
}

#[component]
fn HistoryLine(entry: HistoryEntry) -> impl IntoView {
    let at = Some(entry.at);
    let status = entry
        .status
        .as_ref()
        .map(|status| view! { <StatusLight status=status.to_string() /> });
    let sentence = Signal::derive(move || sentence(&entry));
    view! {
        <li>
            <span class="history-when"><DateTime epoch_ms=at /></span>
            <span class="history-what wrap-anywhere">{sentence}</span>
            {status}
        </li>
    }
}

/// One line of history in the user's language.
fn sentence(entry: &HistoryEntry) -> String {
    let by = entry.by_name.clone().unwrap_or_else(|| entry.by.clone());
    let org = entry
        .organization
        .as_ref()
        .map(|org| org.name.clone().unwrap_or_else(|| org.ims_org_id.clone()))
        .unwrap_or_default();
    let artifacts = artifact_names(entry.artifacts.as_deref().unwrap_or_default());
    let count = number(entry.artifacts.as_ref().map_or(0, Vec::len) as u64);
    let args = [
        ("by", by.as_str()),
        ("org", org.as_str()),
        ("artifacts", artifacts.as_str()),
        ("count", count.as_str()),
        ("name", entry.name.as_deref().unwrap_or_default()),
        ("message", entry.message.as_deref().unwrap_or_default()),
    ];
    let key = match &entry.action {
        HistoryAction::Created => {
            let created = entry.artifacts.as_ref().map_or(0, Vec::len) as u64;
            return tn(k::HISTORY_CREATED, created, &args);
        }
        HistoryAction::ArtifactsAdded => k::HISTORY_ADDED,
        HistoryAction::ArtifactsRemoved => k::HISTORY_REMOVED,
        HistoryAction::Updated => k::HISTORY_UPDATED,
        HistoryAction::PublishRequested => k::HISTORY_PUBLISH_REQUESTED,
        HistoryAction::Published => k::HISTORY_PUBLISHED,
        HistoryAction::PublishFailed => k::HISTORY_PUBLISH_FAILED,
        HistoryAction::MadePublic => k::HISTORY_MADE_PUBLIC,
        HistoryAction::MadePrivate => k::HISTORY_MADE_PRIVATE,
        HistoryAction::Shared => k::HISTORY_SHARED,
        HistoryAction::Copied => k::HISTORY_COPIED,
        HistoryAction::Received => k::HISTORY_RECEIVED,
        HistoryAction::Other(action) => {
            return tf(k::HISTORY_OTHER, &[("action", action), ("by", &by)]);
        }
    };
    tf(key, &args)
}

/// "Spring shoppers, Spring sale email and 3 more"; an untitled artifact by its id.
fn artifact_names(artifacts: &[ArtifactRef]) -> String {
    let names: Vec<&str> = artifacts
        .iter()
        .take(NAMED_ARTIFACTS)
        .map(|artifact| artifact.title.as_deref().unwrap_or(&artifact.id))
        .collect();
    let shown = names.join(", ");
    match artifacts.len().saturating_sub(NAMED_ARTIFACTS) {
        0 => shown,
        more => tf(
            k::HISTORY_AND_MORE,
            &[("shown", &shown), ("count", &number(more as u64))],
        ),
    }
}
