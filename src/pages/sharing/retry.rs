//! Retrying a failed share: one new `POST /transfer` of the same package to the same
//! organization, naming the failed one. exim-server links the two (`retryOf` / `retriedBy`);
//! Platform ignores the field, and then no link shows.

use exim_api::{TransferRecord, TransferRequestType, TransferStatus};
use leptos::prelude::*;

use super::feed::{transfer_id, SharingFeed};
use crate::api::transfers;
use crate::components::toast::{ToastVariant, Toasts};
use crate::i18n::catalog::Text;
use crate::i18n::keys::retry_share as k;
use crate::i18n::{t, tf, tr};
use crate::session::ConnectionContext;

/// Whether `org_id` may retry this share: its own private share that failed and that was not
/// retried yet.
fn retryable(transfer: &TransferRecord, org_id: &str) -> bool {
    transfer.status == TransferStatus::Failed
        && transfer.request_type == TransferRequestType::Private
        && transfer.source_ims_org_id == org_id
        && transfer.retried_by.is_none()
}

/// The two links of a retried share, as the record carries them: (retry of, retried by).
pub fn retry_ids(transfer: &TransferRecord) -> (Option<String>, Option<String>) {
    (transfer.retry_of.clone(), transfer.retried_by.clone())
}

/// "Retry of ‹failed share›" and "Retried by ‹new share›", each a link to that share's details.
#[component]
pub fn RetryLinks(
    #[prop(into)] links: Signal<Option<(Option<String>, Option<String>)>>,
    feed: SharingFeed,
) -> impl IntoView {
    let link = move |label: Text, id: String| {
        let href = feed.href(Some(&id));
        let short: String = id.chars().take(8).collect();
        view! {
            <small class="retry-link">
                {tr(label)}" "
                <a href=href>{move || tf(k::TRANSFER_SHORT, &[("id", &short)])}</a>
            </small>
        }
    };
    move || {
        links.get().map(|(retry_of, retried_by)| {
            (
                retry_of.map(|id| link(k::RETRY_OF, id)),
                retried_by.map(|id| link(k::RETRIED_BY, id)),
            )
        })
    }
}

/// "Retry" for a failed share of the user's org, until it was retried. One click sends one
/// request; what follows the answer happens in the action.
#[component]
pub fn RetryButton(
    #[prop(into)] transfer: Signal<Option<TransferRecord>>,
    feed: SharingFeed,
) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let toasts = expect_context::<Toasts>();
    let retry = Action::new_local(move |failed: &TransferRecord| {
        let client = context.client_untracked();
        let failed = failed.clone();
        async move {
            let package = failed
                .package_name
                .clone()
                .unwrap_or_else(|| failed.package_id.clone());
            let org = failed
                .target_org_name
                .clone()
                .unwrap_or_else(|| failed.target_ims_org_id.clone());
            let words = [("package", package.as_str()), ("org", org.as_str())];
            match transfers::retry(&client, &failed).await {
                Ok(records) => match records.into_iter().next() {
                    Some(started) => {
                        let mut retried = failed;
                        retried.retried_by = Some(started.id);
                        feed.list.patch(retried, transfer_id);
                        // The new share joins the list where the view puts it.
                        feed.list.reload();
                        toasts.show(tf(k::RETRY_STARTED, &words), ToastVariant::Positive);
                    }
                    None => toasts.show(tf(k::RETRY_DROPPED, &words), ToastVariant::Negative),
                },
                Err(error) => toasts.show(
                    format!("{} {}", tf(k::RETRY_FAILED, &words), error.user_message()),
                    ToastVariant::Negative,
                ),
            }
        }
    });
    let org_id = Memo::new(move |_| context.0.with(|c| c.org_id.clone()));
    move || {
        transfer
            .get()
            .filter(|record| org_id.with(|org| retryable(record, org)))
            .map(|record| {
                let package = record
                    .package_name
                    .clone()
                    .unwrap_or_else(|| record.package_id.clone());
                let org = record
                    .target_org_name
                    .clone()
                    .unwrap_or_else(|| record.target_ims_org_id.clone());
                let label = Signal::derive(move || {
                    tf(k::RETRY_LABEL, &[("package", &package), ("org", &org)])
                });
                view! {
                    <button
                        type="button"
                        class="action retry-share"
                        aria-label=label
                        disabled=move || retry.pending().get()
                        on:click=move |_| {
                            if !retry.pending().get_untracked() {
                                retry.dispatch(record.clone());
                            }
                        }
                    >
                        {move || t(if retry.pending().get() { k::RETRYING } else { k::RETRY })}
                    </button>
                }
            })
    }
}
