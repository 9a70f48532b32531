//! Step 2: what the import will do with each object, from the API's impact look-up and
//! preflight (and what each object depends on), with a choice of an existing object for each
//! conflict.

use std::collections::BTreeMap;

use exim_api::{ImportConflict, Package, PreflightResponse};
use futures_util::future::join;
use leptos::prelude::*;

use super::preview_row::PreviewRow;
use crate::api::{imports, ApiError};
use crate::components::inline_alert::ErrorAlert;
use crate::components::refresh::{use_read, Refresh};
use crate::components::url_query::UrlView;
use crate::i18n::keys::sandbox_import as k;
use crate::i18n::{number, t, tf, tr};
use crate::session::ConnectionContext;
use crate::state::import_plan::{
    artifact_refs, dependencies_by_object, missing_permissions, plan, totals, ImportQuery,
    ImportStep, Outcome, PlannedObject,
};

/// What the API says about the import, which the plan needs whole: the impact look-up and
/// the preflight, read at once as one resource (one retry for both; fewer bytes).
#[derive(Clone)]
struct ImportFacts {
    conflicts: Vec<ImportConflict>,
    preflight: PreflightResponse,
}

/// The reads behind the plan and the plan itself, shared by the preview and the confirmation.
#[derive(Clone, Copy)]
pub struct ImportPlan {
    facts: LocalResource<Result<ImportFacts, ApiError>>,
    recovery: Refresh,
    /// One row per object; None until the facts are read.
    pub rows: Memo<Option<Vec<PlannedObject>>>,
    /// The objects' ids once read: changes with a new answer, not with a choice, so that a
    /// choice does not rebuild the table (and lose the focus).
    shape: Memo<Option<Vec<String>>>,
    /// What each object depends on; informative, so its failure blocks nothing.
    dependencies: LocalResource<Result<BTreeMap<String, Vec<String>>, ApiError>>,
}

pub fn use_import_plan(
    package: &Package,
    sandbox: String,
    url: UrlView<ImportQuery>,
) -> ImportPlan {
    let context = expect_context::<ConnectionContext>();
    let package_id = package.id.clone();
    let (dependencies, _) = {
        let id = package_id.clone();
        let artifacts = artifact_refs(package.artifacts_list.as_deref().unwrap_or_default());
        use_read(move || {
            let client = context.client();
            let (id, artifacts) = (id.clone(), artifacts.clone());
            async move {
                imports::dependencies(&client, &id, &artifacts)
                    .await
                    .map(|objects| dependencies_by_object(&objects))
            }
        })
    };
    let (facts, recovery) = use_read(move || {
        let client = context.client();
        let (id, sandbox) = (package_id.clone(), sandbox.clone());
        async move {
            let (conflicts, preflight) = join(
                imports::impact(&client, &id, &sandbox),
                imports::preflight(&client, &id, &sandbox),
            )
            .await;
            Ok(ImportFacts {
                conflicts: conflicts?,
                preflight: preflight?,
            })
        }
    });
    let rows = Memo::new(move |_| {
        facts.with(|facts| {
            let facts = facts.as_ref()?.as_ref().ok()?;
            Some(
                url.query
                    .with(|q| plan(&facts.conflicts, Some(&facts.preflight), &q.choices)),
            )
        })
    });
    let shape = Memo::new(move |_| {
        rows.with(|rows| {
            rows.as_ref()
                .map(|rows| rows.iter().map(|row| row.artifact.id.clone()).collect())
        })
    });
    ImportPlan {
        facts,
        recovery,
        rows,
        shape,
        dependencies,
    }
}

impl ImportPlan {
    /// The failed read with its retry, for an alert in place of the rows.
    fn problem(self) -> Option<(ApiError, Callback<()>, Refresh)> {
        let error = self.facts.get()?.err()?;
        let facts = self.facts;
        Some((
            error,
            Callback::new(move |()| facts.refetch()),
            self.recovery,
        ))
    }

    /// What an object depends on, once known ("Postal address (REGISTRY_DATATYPE)", …).
    pub fn dependencies_of(self, artifact_id: String) -> Signal<Vec<String>> {
        let dependencies = self.dependencies;
        Signal::derive(move || {
            dependencies
                .get()
                .and_then(Result::ok)
                .and_then(|all| all.get(&artifact_id).cloned())
                .unwrap_or_default()
        })
    }

    /// Why the dependencies could not be listed, for a note under the table.
    pub fn dependencies_problem(self) -> Option<String> {
        self.dependencies
            .get()
            .and_then(Result::err)
            .map(|error| error.user_message())
    }

    pub fn blocked(self) -> bool {
        self.rows
            .with(|rows| rows.as_ref().is_some_and(|rows| totals(rows).blocked > 0))
    }

    /// Loading, a failed read, or the view of the rows.
    pub fn render<V: IntoView + 'static>(
        self,
        sandbox: String,
        ready: impl Fn(Vec<PlannedObject>) -> V + Send + Sync + 'static,
    ) -> impl IntoView {
        move || {
            if let Some((error, on_retry, recovery)) = self.problem() {
                return view! { <ErrorAlert error on_retry recovery /> }.into_any();
            }
            match self.shape.get().and(self.rows.get_untracked()) {
                Some(rows) => ready(rows).into_any(),
                None => {
                    let sandbox = sandbox.clone();
                    view! {
                        <p class="loading" aria-busy="true">
                            {Signal::derive(move || tf(k::PREVIEW_LOADING, &[("sandbox", &sandbox)]))}
                        </p>
                    }
                    .into_any()
                }
            }
        }
    }
}

/// "4 created, 1 reused, 0 replaced by your choice, 1 blocked".
pub fn totals_sentence(rows: &[PlannedObject]) -> String {
    let totals = totals(rows);
    tf(
        k::TOTALS,
        &[
            ("created", &number(totals.created as u64)),
            ("reused", &number(totals.reused as u64)),
            ("replaced", &number(totals.replaced as u64)),
            ("blocked", &number(totals.blocked as u64)),
        ],
    )
}

/// Why the import cannot go on, and what to ask an admin for.
#[component]
pub fn BlockedAlert(rows: Vec<PlannedObject>) -> impl IntoView {
    let count = totals(&rows).blocked;
    (count > 0).then(|| {
        let permissions = missing_permissions(&rows).join("; ");
        view! {
            <div class="inline-alert negative" id="import-blocked-alert">
                <h2>{tr(k::BLOCKED_HEADING)}</h2>
                <p>{Signal::derive(move || tf(k::BLOCKED_TEXT, &[("count", &number(count as u64)), ("permissions", &permissions)]))}</p>
            </div>
        }
    })
}

#[component]
pub fn PreviewStep(sandbox: String, plan: ImportPlan, url: UrlView<ImportQuery>) -> impl IntoView {
    let heading = {
        let sandbox = sandbox.clone();
        Signal::derive(move || tf(k::PREVIEW_HEADING, &[("sandbox", &sandbox)]))
    };
    let next = move |_| {
        if !plan.blocked() && plan.rows.with_untracked(Option::is_some) {
            url.show
                .run(url.query.get_untracked().at(ImportStep::Confirm));
        }
    };
    let back = move |_| {
        url.show
            .run(url.query.get_untracked().at(ImportStep::Sandbox))
    };
    // The table is built once per answer; a choice changes only the cells that depend on it.
    let table = plan.render(sandbox, move |rows: Vec<PlannedObject>| {
        if rows.is_empty() {
            return view! { <p class="muted">{tr(k::NO_OBJECTS)}</p> }.into_any();
        }
        view! {
            <div class="scroll-x" tabindex="0" role="group" aria-labelledby="preview-heading">
                <table class="data-table" id="impact-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(k::COL_OBJECT)}</th>
                            <th scope="col">{tr(k::COL_OUTCOME)}</th>
                            <th scope="col">{tr(k::COL_CHOICE)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let id = row.artifact.id.clone();
                            let outcome = Signal::derive(move || {
                                plan.rows.with(|rows| {
                                    rows.iter()
                                        .flatten()
                                        .find(|r| r.artifact.id == id)
                                        .map_or(Outcome::Created, |r| r.outcome.clone())
                                })
                            });
                            let depends_on = plan.dependencies_of(row.artifact.id.clone());
                            view! { <PreviewRow row outcome depends_on url /> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    });
    let summary = move || {
        plan.rows.get().map(|rows| {
            view! {
                <p class="import-totals" id="import-totals">{totals_sentence(&rows)}</p>
                <BlockedAlert rows />
            }
        })
    };
    let can_go_on = move || plan.rows.with(Option::is_some) && !plan.blocked();
    view! {
        <section class="panel import-step" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{heading}</h2>
            {summary}
            {table}
            {move || plan.dependencies_problem().map(|problem| view! {
                <p class="muted" id="dependencies-problem">{tf(k::DEPENDENCIES_FAILED, &[("problem", &problem)])}</p>
            })}
            <div class="actions">
                <button type="button" on:click=back>{tr(k::BACK)}</button>
                <button
                    type="button"
                    class="primary"
                    id="import-next"
                    aria-disabled=move || (!can_go_on()).to_string()
                    aria-describedby="import-totals"
                    on:click=next
                >
                    {tr(k::NEXT_CONFIRM)}
                </button>
            </div>
            {move || (plan.rows.with(Option::is_some) && plan.blocked()).then(|| view! {
                <p class="help">{t(k::BLOCKED_NEXT)}</p>
            })}
        </section>
    }
}
