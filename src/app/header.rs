//! The header: brand, the connected organization, and the sandbox switcher.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::language_switch::LanguageSwitch;
use crate::i18n::keys::common as k;
use crate::i18n::tr;
use crate::session::{ConnectionContext, SandboxList};

/// Brand, the connected org, and the sandbox switcher.
#[component]
pub fn AppHeader() -> impl IntoView {
    let ConnectionContext(connection) = expect_context::<ConnectionContext>();
    // Partnerships belong to the organization: there the sandbox changes nothing, so the
    // header says so instead of offering a choice that does nothing.
    let pathname = use_location().pathname;
    let org_wide = Memo::new(move |_| pathname.with(|path| path.starts_with("/partners")));
    // Until the list loads, only the configured sandbox is offered.
    let sandbox_list = expect_context::<SandboxList>();
    let options = move || {
        let current = connection.with(|c| c.sandbox.clone());
        let mut choices: Vec<(String, String)> = sandbox_list
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|sandbox| {
                let label = if sandbox.title.is_empty() || sandbox.title == sandbox.name {
                    sandbox.name.clone()
                } else {
                    format!("{} ({})", sandbox.title, sandbox.name)
                };
                (sandbox.name, label)
            })
            .collect();
        // The configured sandbox stays selectable even when the list failed or lacks it.
        if !choices.iter().any(|(name, _)| *name == current) {
            choices.insert(0, (current.clone(), current.clone()));
        }
        choices
            .into_iter()
            .map(|(name, label)| {
                let selected = name == current;
                view! { <option value=name selected=selected>{label}</option> }
            })
            .collect_view()
    };

    view! {
        <header class="app-header">
            <a class="brand" href="/packages">
                <img src="/favicon.svg" alt="" />
                {tr(k::BRAND)}
            </a>
            <div class="context">
                <span>
                    {tr(k::ORGANIZATION_LABEL)}" "
                    <span class="org-name">{move || connection.with(|c| c.org_label().to_string())}</span>
                </span>
                <Show
                    when=move || !org_wide.get()
                    fallback=|| view! { <span class="org-wide">{tr(k::SANDBOX_ORG_WIDE)}</span> }
                >
                    <label>
                        {tr(k::SANDBOX)}
                        <select
                            id="sandbox-select"
                            on:change=move |ev| {
                                let name = event_target_value(&ev);
                                connection.update(|c| c.sandbox = name);
                            }
                        >
                            {options}
                        </select>
                    </label>
                </Show>
                <LanguageSwitch />
            </div>
        </header>
    }
}
