//! The results of a bulk share: one row per package × organization, painted as each package's
//! answer arrives, and the way to Sharing status showing exactly the shares it started.

use leptos::prelude::*;

use super::outcome::{PackageShare, Result};
use crate::i18n::keys::bulk_share as k;
use crate::i18n::{t, tr};
use crate::state::list_query::UrlQuery;
use crate::state::partner_filter::Partner;
use crate::state::transfer_query::TransferQuery;

#[component]
pub fn BulkShareResults(
    shares: Signal<Vec<PackageShare>>,
    orgs: Vec<Partner>,
    sending: Signal<bool>,
) -> impl IntoView {
    let rows = move || {
        shares.with(|shares| {
            shares
                .iter()
                .flat_map(|share| {
                    share
                        .results(&orgs)
                        .map(|(org, result)| result_row(&share.package.name, &org.name, result))
                        .collect::<Vec<_>>()
                })
                .collect_view()
        })
    };
    // Once every package is answered: Sharing status narrowed to the transfers Platform
    // created, not to every share these packages ever had.
    let started = move || {
        shares.with(|shares| {
            shares
                .iter()
                .flat_map(PackageShare::started_ids)
                .collect::<Vec<_>>()
        })
    };
    let onward = move || {
        if sending.get() {
            return None;
        }
        let shares = started();
        Some(if shares.is_empty() {
            view! { <p class="muted" id="bulk-share-none-started">{tr(k::NONE_STARTED)}</p> }
                .into_any()
        } else {
            let query = TransferQuery {
                shares,
                ..TransferQuery::default()
            };
            let href = format!("/sharing{}", query.to_url());
            view! { <a class="button" id="bulk-share-status" href=href>{tr(k::SEE_STATUS)}</a> }
                .into_any()
        })
    };
    view! {
        <p role="status" class="bulk-progress" id="bulk-share-progress" tabindex="-1">
            {move || t(if sending.get() { k::SENDING_ALL } else { k::ALL_ANSWERED })}
        </p>
        <div class="bulk-results">
            <table class="data-table" id="bulk-share-results">
                <caption class="visually-hidden">{tr(k::RESULTS_CAPTION)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(k::COLUMN_PACKAGE)}</th>
                        <th scope="col">{tr(k::COLUMN_ORG)}</th>
                        <th scope="col">{tr(k::COLUMN_RESULT)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {onward}
    }
}

fn result_row(package: &str, org: &str, result: Result) -> impl IntoView {
    let (class, words, detail) = match result {
        Result::Sending => ("notice", t(k::RESULT_SENDING), None),
        Result::Started => ("positive", t(k::RESULT_STARTED), None),
        Result::Dropped => ("negative", t(k::RESULT_DROPPED), Some(t(k::DROPPED_REASON))),
        Result::Failed(error) => ("negative", t(k::RESULT_FAILED), Some(error.user_message())),
    };
    view! {
        <tr class="bulk-result">
            <td>{package.to_string()}</td>
            <td>{org.to_string()}</td>
            <td>
                <span class=format!("status-light {class}")>{words}</span>
                {detail.map(|text| view! { <small class="result-detail">{text}</small> })}
            </td>
        </tr>
    }
}
