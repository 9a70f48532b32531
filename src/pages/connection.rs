//! The Connection panel: choose a local demo user or connect to Adobe Experience Platform.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::toast::Toasts;
use crate::i18n::catalog::Text;
use crate::i18n::keys::connection as k;
use crate::i18n::{t, tr};
use crate::session::ConnectionContext;
use crate::state::connection::{Connection, Field, FieldError, DEMO_PROFILES, PLATFORM_PROFILE_ID};

#[component]
pub fn ConnectionPage() -> impl IntoView {
    let ConnectionContext(connection) = expect_context::<ConnectionContext>();
    let current = connection.get_untracked();
    let selected = RwSignal::new(current.profile_id.clone());
    // What the user typed for Platform survives switching to a demo profile and back.
    let platform_draft = RwSignal::new(if current.is_platform() {
        current
    } else {
        Connection::platform()
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let navigate = use_navigate();
    let toasts = expect_context::<Toasts>();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = selected.get_untracked();
        let next = match DEMO_PROFILES.iter().find(|p| p.token == chosen) {
            Some(profile) => Connection::demo(profile),
            None => {
                let draft = platform_draft.get_untracked();
                let problems = draft.validate();
                if !problems.is_empty() {
                    errors.set(problems);
                    return;
                }
                draft
            }
        };
        errors.set(Vec::new());
        // Another organization or user: the notifications were the previous identity's.
        if connection.with_untracked(|current| !current.same_identity(&next)) {
            toasts.clear();
        }
        connection.set(next);
        navigate("/packages", Default::default());
    };
    // Back to the first demo profile. Saving it (app.rs) overwrites the connection kept in
    // sessionStorage and removes a remembered one from localStorage; the draft goes too, so no
    // copy of the token stays in memory.
    let disconnect = move |_| {
        let demo = Connection::default();
        toasts.clear();
        selected.set(demo.profile_id.clone());
        connection.set(demo);
        platform_draft.set(Connection::platform());
        errors.set(Vec::new());
    };

    view! {
        <div class="page-header">
            <h1>{tr(k::TITLE)}</h1>
            // "Connected to ‹org› in sandbox ‹sandbox›": the same order in every language so far.
            <p>
                {tr(k::CONNECTED_TO)}" "
                <strong>{move || connection.with(|c| c.org_label().to_string())}</strong>
                " "{tr(k::IN_SANDBOX)}" "
                <strong>{move || connection.with(|c| c.sandbox.clone())}</strong>
            </p>
            <Show when=move || connection.with(Connection::is_platform)>
                <button type="button" id="disconnect-button" on:click=disconnect>
                    {tr(k::DISCONNECT)}
                </button>
            </Show>
        </div>
        <form class="panel" on:submit=on_submit novalidate>
            <fieldset>
                <legend>{tr(k::LOCAL_DEMO)}</legend>
                <div class="profile-list">
                    {DEMO_PROFILES
                        .iter()
                        .map(|profile| view! {
                            <ProfileOption
                                id=profile.token
                                label=Signal::derive(move || profile.label())
                                detail=profile.org_id.to_string()
                                selected
                            />
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr(k::PLATFORM)}</legend>
                <div class="profile-list">
                    <ProfileOption
                        id=PLATFORM_PROFILE_ID
                        label=tr(k::PLATFORM)
                        detail=tr(k::PLATFORM_DETAIL)
                        selected
                    />
                </div>
            </fieldset>
            <Show when=move || selected.get() == PLATFORM_PROFILE_ID>
                <PlatformFields draft=platform_draft errors />
            </Show>
            <div class="actions">
                <button type="submit" class="primary" id="connect-button">{tr(k::CONNECT)}</button>
            </div>
        </form>
    }
}

/// One radio of the profile choice.
#[component]
fn ProfileOption(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] detail: Signal<String>,
    selected: RwSignal<String>,
) -> impl IntoView {
    let input_id = format!("profile-{id}");
    let label_for = input_id.clone();
    view! {
        <label class="profile-option" for=label_for>
            <input
                type="radio"
                name="profile"
                id=input_id
                value=id
                prop:checked=move || selected.get() == id
                on:change=move |_| selected.set(id.to_string())
            />
            <span>{label}<small>{detail}</small></span>
        </label>
    }
}

/// The fields of a real Platform connection.
#[component]
fn PlatformFields(draft: RwSignal<Connection>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <div class="platform-fields">
            <TextField draft errors field=Field::BaseUrl label=k::BASE_URL input_type="url"
                read=|c| c.base_url.clone() write=|c, v| c.base_url = v />
            <TextField draft errors field=Field::ApiKey label=k::API_KEY input_type="text"
                read=|c| c.api_key.clone() write=|c, v| c.api_key = v />
            <TextField draft errors field=Field::OrgId label=k::ORG_ID input_type="text"
                read=|c| c.org_id.clone() write=|c, v| c.org_id = v />
            <TextField draft errors field=Field::Sandbox label=k::SANDBOX input_type="text"
                read=|c| c.sandbox.clone() write=|c, v| c.sandbox = v />
            <TextField draft errors field=Field::AccessToken label=k::ACCESS_TOKEN input_type="password"
                read=|c| c.access_token.clone() write=|c, v| c.access_token = v />
            <label class="checkbox">
                <input
                    type="checkbox"
                    id="remember"
                    prop:checked=move || draft.with(|c| c.remember)
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        draft.update(|c| c.remember = checked);
                    }
                />
                {tr(k::REMEMBER)}
            </label>
        </div>
    }
}

/// A labelled input bound to one field of the draft, showing that field's error.
#[component]
fn TextField(
    draft: RwSignal<Connection>,
    errors: RwSignal<Vec<FieldError>>,
    field: Field,
    label: Text,
    input_type: &'static str,
    read: fn(&Connection) -> String,
    write: fn(&mut Connection, String),
) -> impl IntoView {
    let id = format!("field-{field:?}").to_lowercase();
    let label_for = id.clone();
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    let message =
        move || errors.with(|all| all.iter().find(|e| e.field == field).map(|e| t(e.message)));
    view! {
        <div class="field">
            <label for=label_for>{tr(label)}</label>
            <input
                type=input_type
                id=id
                autocomplete="off"
                prop:value=move || draft.with(read)
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    draft.update(|c| write(c, value));
                }
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=described_by
            />
            <span class="error" id=error_id>{message}</span>
        </div>
    }
}
