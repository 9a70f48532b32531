//! Package details (`/packages/:id`): metadata, artifacts, and the same actions as the inventory.

use exim_api::Package;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::actions::{
    share_block_reason, PackageActionButtons, PackageActionDialogs, PackageActions,
};
use crate::components::date_cell::DateTime;
use crate::components::inline_alert::ErrorAlert;
use crate::components::status_light::StatusLight;
use crate::i18n::keys::packages as k;
use crate::i18n::{number, tf, tr};
use crate::pages::authoring::draft::{
    DraftArtifacts, DraftAuthoring, DraftButtons, DraftDependencies, DraftDialogs, DraftState,
};
use crate::pages::authoring::{AddArtifacts, HistoryRead, PackageHistoryPanel};
use crate::session::PermissionsContext;

#[component]
pub fn PackageDetailsPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // The package, followed live while it is being published.
    let authoring = DraftAuthoring::new(id);
    let followed = authoring.followed;
    let (details, recovery) = (followed.read, followed.refresh);
    // A change made here replaces the shown package; a deleted one leaves for the list.
    let navigate = use_navigate();
    let actions = PackageActions::new(
        Callback::new(move |package: Package| followed.replace(package)),
        Callback::new(move |_id: String| navigate("/packages", Default::default())),
    );
    // The history is read again whenever the package's version changes.
    let version = Memo::new(move |_| followed.shown.with(|p| p.as_ref().and_then(|p| p.version)));
    let history = HistoryRead::new(id, version);
    let loaded = Memo::new(move |_| followed.shown.with(Option::is_some));
    let package = Signal::from(followed.shown);

    view! {
        <p class="breadcrumb"><a href="/packages">{tr(k::TITLE)}</a></p>
        <Transition fallback=|| view! { <p class="loading" aria-busy="true">{tr(k::LOADING_PACKAGE)}</p> }>
            {move || {
                if loaded.get() {
                    return Some(view! { <PackageDetails package actions authoring history /> }.into_any());
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
        <DraftDialogs authoring />
    }
}

#[component]
fn PackageDetails(
    package: Signal<Option<Package>>,
    actions: PackageActions,
    authoring: DraftAuthoring,
    history: HistoryRead,
) -> impl IntoView {
    let permissions = expect_context::<PermissionsContext>();
    let can_manage = Signal::derive(move || permissions.get().is_some_and(|p| p.manage_packages));
    move || {
        let package = package.get()?;
        let may_manage = can_manage.get();
        let share_note = share_block_reason(&package);
        let status = package.status_text();
        let sandbox = package.source_sandbox_name();
        let text = |value: Option<String>| {
            value
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "—".to_string())
        };
        let artifact_count = package.artifact_count() as u64;
        Some(view! {
            <div class="page-header">
                <h1 class="wrap-anywhere">{package.name.clone()}</h1>
                <div class="header-actions">
                    <DraftButtons package=package.clone() authoring can_manage=may_manage />
                    <PackageActionButtons package=package.clone() actions can_manage />
                </div>
            </div>
            {share_note.map(|note| view! { <p class="note">{note}</p> })}
            <DraftState
                package=package.clone()
                authoring
                can_manage=may_manage
                failure_reason=Signal::derive(move || history.publish_failure())
            />
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
                        <h2 id="artifacts-heading" tabindex="-1">{Signal::derive(move || tf(k::ARTIFACTS_HEADING, &[("count", &number(artifact_count))]))}</h2>
                        <AddArtifacts package=package.clone() can_manage=may_manage on_updated=move |added: Package| authoring.followed.replace(added) />
                    </div>
                    <DraftArtifacts package=package.clone() authoring can_manage=may_manage />
                </section>
            </div>
            <DraftDependencies package=package.clone() authoring can_manage=may_manage />
            <PackageHistoryPanel read=history />
        })
    }
}
