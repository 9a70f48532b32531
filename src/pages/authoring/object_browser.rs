//! Choosing artifacts from the objects of the package's sandbox, searchable by name or ID and
//! filterable by type. The list is an exim-server extension (`GET /sandbox-objects`); a server
//! without it (Platform) gets a note pointing to the other ways of choosing.

use exim_api::ArtifactRef;
use leptos::prelude::*;

use super::chosen_artifacts::ChosenArtifacts;
use crate::api::authoring::{sandbox_objects, ObjectQuery};
use crate::components::inline_alert::ErrorAlert;
use crate::components::pagination::Pagination;
use crate::components::refresh::use_read;
use crate::components::search_box::SearchBox;
use crate::i18n::keys::authoring as k;
use crate::i18n::{tf, tr};
use crate::session::ConnectionContext;
use crate::state::authoring_rules::ARTIFACT_TYPES;
use crate::state::list_query::Paging;

const PAGE_SIZE: u32 = 10;

#[component]
pub fn ObjectBrowser(picker: ChosenArtifacts, sandbox: String) -> impl IntoView {
    let context = expect_context::<ConnectionContext>();
    let search = RwSignal::new(String::new());
    let artifact_type = RwSignal::new(String::new());
    let paging = RwSignal::new(Paging::first(PAGE_SIZE));
    let caption_sandbox = sandbox.clone();
    let (objects, recovery) = use_read(move || {
        let client = context.client();
        let Paging { page, size } = paging.get();
        let query = ObjectQuery {
            sandbox: sandbox.clone(),
            artifact_type: artifact_type.get(),
            search: search.get(),
            start: u64::from(page.saturating_sub(1)) * u64::from(size),
            limit: u64::from(size),
        };
        async move { sandbox_objects(&client, &query).await }
    });
    let total = Signal::derive(move || {
        objects
            .get()
            .and_then(|result| result.ok())
            .map_or(0, |page| page.total_elements)
    });
    let caption = Signal::derive(move || tf(k::OBJECTS_CAPTION, &[("sandbox", &caption_sandbox)]));
    let list = move || {
        objects.get().map(|result| match result {
            // Not offered by this server: Platform lists objects through other services.
            Err(error) if matches!(error.status(), Some(404 | 405 | 501)) => view! {
                <div class="inline-alert info" id="objects-unavailable"><p>{tr(k::OBJECTS_UNAVAILABLE)}</p></div>
            }
            .into_any(),
            Err(error) => view! {
                <ErrorAlert error on_retry=Callback::new(move |()| objects.refetch()) recovery />
            }
            .into_any(),
            Ok(page) if page.data.is_empty() => {
                view! { <p class="muted" id="objects-empty">{tr(k::OBJECTS_EMPTY)}</p> }.into_any()
            }
            Ok(page) => view! {
                <div class="scroll-x" tabindex="0" role="group" aria-labelledby="objects-caption">
                    <table class="data-table" id="objects-table">
                        <caption id="objects-caption" class="visually-hidden">{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr(k::COL_TITLE)}</th>
                                <th scope="col">{tr(k::COL_TYPE)}</th>
                                <th scope="col">{tr(k::COL_ID)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page.data.into_iter().enumerate().map(|(index, object)| {
                                view! { <ObjectRow picker object index /> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pagination
                    paging=paging
                    total
                    on_paging=Callback::new(move |next| paging.set(next))
                    noun=k::OBJECTS_COUNT
                />
            }
            .into_any(),
        })
    };
    view! {
        <div class="object-browser">
            <div class="toolbar object-filters">
                <SearchBox
                    id="objects-search"
                    label=k::SEARCH_LABEL
                    placeholder=k::SEARCH_PLACEHOLDER
                    current=search
                    on_search=Callback::new(move |text| {
                        search.set(text);
                        paging.update(|paging| paging.page = 1);
                    })
                />
                <div class="field">
                    <label for="objects-type">{tr(k::TYPE_FILTER)}</label>
                    <select
                        id="objects-type"
                        prop:value=move || artifact_type.get()
                        on:change=move |ev| {
                            artifact_type.set(event_target_value(&ev));
                            paging.update(|paging| paging.page = 1);
                        }
                    >
                        <option value="">{tr(k::ALL_TYPES)}</option>
                        {ARTIFACT_TYPES.iter().map(|name| view! { <option value=*name>{*name}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <Transition fallback=|| view! { <p class="loading" aria-busy="true">{tr(k::OBJECTS_LOADING)}</p> }>
                {list}
            </Transition>
        </div>
    }
}

/// One object: its title labels the checkbox that chooses it; an object the package holds is
/// shown chosen and cannot be chosen again.
#[component]
fn ObjectRow(picker: ChosenArtifacts, object: ArtifactRef, index: usize) -> impl IntoView {
    let checkbox_id = format!("object-{index}");
    let id = object.id.clone();
    let held = picker.is_held(&id);
    let checked = {
        let id = id.clone();
        move || held || picker.is_chosen(&id)
    };
    let title = object.title.clone().unwrap_or_else(|| object.id.clone());
    let toggle = {
        let object = object.clone();
        move |ev: leptos::ev::Event| {
            if event_target_checked(&ev) {
                // Only an over-long list can refuse it; the chosen table says how many there are.
                let _ = picker.offer(object.clone());
            } else {
                picker.remove(&object.id);
            }
        }
    };
    view! {
        <tr>
            <td class="object-choice">
                <input type="checkbox" id=checkbox_id.clone() prop:checked=checked disabled=held on:change=toggle />
                <label for=checkbox_id class="wrap-anywhere">{title}</label>
                {held.then(|| view! { <span class="muted in-package">{tr(k::IN_PACKAGE)}</span> })}
            </td>
            <td>{object.artifact_type.clone()}</td>
            <td><code class="truncate" title=object.id.clone()>{object.id.clone()}</code></td>
        </tr>
    }
}
