//! A partnership's history as a timeline, oldest first.

use exim_api::HandshakeRecord;
use leptos::prelude::*;

use crate::i18n::keys::partners as k;
use crate::i18n::{date_time, exact_time, tf, tr};
use crate::state::history::timeline;

#[component]
pub fn PartnershipHistory(record: HandshakeRecord, #[prop(into)] partner: String) -> impl IntoView {
    let label = Signal::derive(move || tf(k::HISTORY_LABEL, &[("org", &partner)]));
    // Built again when the language changes: the actions are in words.
    let body = move || {
        match timeline(&record) {
        Err(_) => view! {
            <p class="history-unavailable">
                <strong>{tr(k::HISTORY_UNAVAILABLE)}</strong>
                " "
                {tr(k::HISTORY_UNREADABLE)}
            </p>
        }
        .into_any(),
        Ok(entries) if entries.is_empty() => {
            view! { <p class="muted">{tr(k::HISTORY_EMPTY)}</p> }.into_any()
        }
        Ok(entries) => view! {
            <ol class="timeline">
                {entries
                    .into_iter()
                    .map(|entry| {
                        let actor = match &entry.person {
                            Some(person) => format!("{person}, {}", entry.organization),
                            None => entry.organization.clone(),
                        };
                        view! {
                            <li>
                                <span class=format!("timeline-marker {}", entry.light.class()) aria-hidden="true"></span>
                                <div>
                                    <strong>{entry.what.clone()}</strong>
                                    " "
                                    {tf(k::HISTORY_BY, &[("actor", &actor)])}
                                    " · "
                                    <time title=Signal::derive(move || exact_time(entry.at))>{Signal::derive(move || date_time(entry.at))}</time>
                                    {entry.reason.clone().map(|reason| view! {
                                        <p class="reason">{tf(k::HISTORY_REASON, &[("reason", &reason)])}</p>
                                    })}
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any(),
    }
    };
    view! {
        <section class="history" aria-label=label>
            {body}
        </section>
    }
}
