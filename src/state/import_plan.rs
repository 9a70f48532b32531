//! An import of a package into a sandbox as the user plans it, and what it will do.
//!
//! [`ImportQuery`] keeps every choice in the URL (target sandbox, step, which existing object
//! replaces which artifact, the job's name and description, the job once submitted), so that
//! reload and Back keep them. [`plan`] combines the API's impact look-up (`GET …/{id}/import`)
//! and preflight (`GET …/preflight/{id}`) with those choices into one outcome per object.

use std::collections::BTreeMap;

use exim_api::{Artifact, ArtifactRef, DependentObject, ImportConflict, PreflightResponse};

use super::list_query::UrlQuery;
use super::url::{decode, encode};

/// The steps of the import, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportStep {
    #[default]
    Sandbox,
    Preview,
    Confirm,
}

impl ImportStep {
    pub const ALL: [ImportStep; 3] = [
        ImportStep::Sandbox,
        ImportStep::Preview,
        ImportStep::Confirm,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ImportStep::Sandbox => "sandbox",
            ImportStep::Preview => "preview",
            ImportStep::Confirm => "confirm",
        }
    }

    fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|step| step.as_str() == raw)
    }
}

/// The import page's state in the URL (`/packages/:id/import?to=…&step=…`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportQuery {
    /// The target sandbox's name.
    pub sandbox: Option<String>,
    pub step: ImportStep,
    /// Artifact id → id of the existing object chosen instead of it ("Use existing").
    pub choices: BTreeMap<String, String>,
    /// The job's name and description when the user changed the defaults.
    pub name: Option<String>,
    pub description: Option<String>,
    /// The submitted job being followed.
    pub job: Option<String>,
}

impl ImportQuery {
    /// The step actually shown: a later step needs a sandbox.
    pub fn shown_step(&self) -> ImportStep {
        match self.sandbox {
            None => ImportStep::Sandbox,
            Some(_) => self.step,
        }
    }

    pub fn at(&self, step: ImportStep) -> Self {
        ImportQuery {
            step,
            ..self.clone()
        }
    }

    /// Another sandbox: choices made for the old one no longer apply.
    pub fn with_sandbox(&self, sandbox: String) -> Self {
        if self.sandbox.as_deref() == Some(sandbox.as_str()) {
            return self.clone();
        }
        ImportQuery {
            sandbox: Some(sandbox),
            choices: BTreeMap::new(),
            ..self.clone()
        }
    }

    /// `None` chooses the default for the artifact again.
    pub fn with_choice(&self, artifact_id: &str, object_id: Option<String>) -> Self {
        let mut next = self.clone();
        match object_id {
            Some(object) => next.choices.insert(artifact_id.to_string(), object),
            None => next.choices.remove(artifact_id),
        };
        next
    }
}

impl UrlQuery for ImportQuery {
    fn from_url(get: &dyn Fn(&str) -> Option<String>) -> Self {
        let text = |key: &str| get(key).filter(|value| !value.trim().is_empty());
        let choices = get("use")
            .map(|raw| {
                raw.split(',')
                    .filter_map(|pair| pair.split_once('='))
                    .map(|(artifact, object)| (decode(artifact), decode(object)))
                    .filter(|(artifact, object)| !artifact.is_empty() && !object.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        ImportQuery {
            sandbox: text("to"),
            step: get("step")
                .and_then(|raw| ImportStep::parse(&raw))
                .unwrap_or_default(),
            choices,
            name: get("name"),
            description: get("description"),
            job: text("job"),
        }
    }

    fn url_params(&self) -> Vec<(String, String)> {
        let mut params = Vec::new();
        let mut push = |key: &str, value: String| params.push((key.to_string(), value));
        if let Some(sandbox) = &self.sandbox {
            push("to", sandbox.clone());
        }
        if self.step != ImportStep::Sandbox {
            push("step", self.step.as_str().to_string());
        }
        if !self.choices.is_empty() {
            // Ids are encoded inside the value so that `,` and `=` in them stay unambiguous.
            let pairs: Vec<String> = self
                .choices
                .iter()
                .map(|(artifact, object)| format!("{}={}", encode(artifact), encode(object)))
                .collect();
            push("use", pairs.join(","));
        }
        if let Some(name) = &self.name {
            push("name", name.clone());
        }
        if let Some(description) = &self.description {
            push("description", description.clone());
        }
        if let Some(job) = &self.job {
            push("job", job.clone());
        }
        params
    }
}

/// What the import will do with one object.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new object is made in the target sandbox.
    Created,
    /// An object of the same type and name exists there; Platform uses it instead.
    Reused(Artifact),
    /// The user chose this existing object instead.
    Replaced(Artifact),
    /// The user may not create it: the missing permissions, as "Journey: read, write".
    Blocked(Vec<String>),
}

/// An object's name as shown: its title, or its id when it has none.
pub fn title_of(artifact: &Artifact) -> String {
    artifact
        .title
        .clone()
        .unwrap_or_else(|| artifact.id.clone())
}

/// One object of the package with what will happen to it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedObject {
    pub artifact: Artifact,
    /// Existing objects of the same type in the target sandbox, best first.
    pub suggestions: Vec<Artifact>,
    pub outcome: Outcome,
}

impl PlannedObject {
    /// The suggestion that has the artifact's own name, which Platform reuses by default.
    pub fn same_name(&self) -> Option<&Artifact> {
        same_name(&self.artifact, &self.suggestions)
    }
}

fn same_name<'a>(artifact: &Artifact, suggestions: &'a [Artifact]) -> Option<&'a Artifact> {
    let title = artifact.title.as_deref()?.trim();
    suggestions.iter().find(|candidate| {
        candidate
            .title
            .as_deref()
            .is_some_and(|other| other.trim().eq_ignore_ascii_case(title))
    })
}

/// One row per object of the impact look-up, in its order. A choice naming an object that is
/// not among the suggestions (an old URL) is ignored. Without a preflight answer nothing is
/// known to be blocked.
pub fn plan(
    conflicts: &[ImportConflict],
    preflight: Option<&PreflightResponse>,
    choices: &BTreeMap<String, String>,
) -> Vec<PlannedObject> {
    conflicts
        .iter()
        .map(|conflict| {
            let artifact = conflict.artifact.artifact.clone();
            let suggestions = conflict.suggestion_list.clone();
            let chosen = choices
                .get(&artifact.id)
                .and_then(|id| suggestions.iter().find(|s| &s.id == id));
            let missing = preflight.and_then(|answer| {
                answer
                    .permission_response
                    .iter()
                    .find(|check| check.artifact_id == artifact.id && !check.creation_allowed)
                    .map(|check| {
                        check
                            .missing_permissions
                            .resources
                            .iter()
                            .map(|resource| {
                                format!(
                                    "{}: {}",
                                    resource.palm_resource_type,
                                    resource.resource_permissions.join(", ")
                                )
                            })
                            .collect::<Vec<_>>()
                    })
            });
            let outcome = match (chosen, same_name(&artifact, &suggestions), missing) {
                (Some(object), _, _) => Outcome::Replaced(object.clone()),
                (None, Some(object), _) => Outcome::Reused(object.clone()),
                (None, None, Some(missing)) => Outcome::Blocked(missing),
                (None, None, None) => Outcome::Created,
            };
            PlannedObject {
                artifact,
                suggestions,
                outcome,
            }
        })
        .collect()
}

/// How many objects each outcome has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub created: usize,
    pub reused: usize,
    pub replaced: usize,
    pub blocked: usize,
}

pub fn totals(plan: &[PlannedObject]) -> Totals {
    let mut totals = Totals::default();
    for object in plan {
        match object.outcome {
            Outcome::Created => totals.created += 1,
            Outcome::Reused(_) => totals.reused += 1,
            Outcome::Replaced(_) => totals.replaced += 1,
            Outcome::Blocked(_) => totals.blocked += 1,
        }
    }
    totals
}

/// Every missing permission of the blocked objects, once each, for "ask an admin for …".
pub fn missing_permissions(plan: &[PlannedObject]) -> Vec<String> {
    let mut all: Vec<String> = plan
        .iter()
        .filter_map(|object| match &object.outcome {
            Outcome::Blocked(missing) => Some(missing.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    all.sort();
    all.dedup();
    all
}

/// The `alternatives` of the submit request: each replaced artifact and its chosen object.
pub fn alternatives(plan: &[PlannedObject]) -> BTreeMap<String, ArtifactRef> {
    plan.iter()
        .filter_map(|object| match &object.outcome {
            Outcome::Replaced(chosen) => Some((
                object.artifact.id.clone(),
                ArtifactRef {
                    id: chosen.id.clone(),
                    artifact_type: chosen.artifact_type.clone(),
                    title: chosen.title.clone(),
                },
            )),
            _ => None,
        })
        .collect()
}

/// For each object, what it depends on, as "Postal address (REGISTRY_DATATYPE)": from the
/// answer of `POST /packages/{id}/children`, direct dependencies only.
pub fn dependencies_by_object(objects: &[DependentObject]) -> BTreeMap<String, Vec<String>> {
    objects
        .iter()
        .map(|object| {
            let needs = object
                .children
                .iter()
                .flatten()
                .map(|child| {
                    let title = child.title.as_deref().unwrap_or(&child.id);
                    format!("{title} ({})", child.artifact_type)
                })
                .collect();
            (object.id.clone(), needs)
        })
        .collect()
}

/// The package's artifacts as `POST /packages/{id}/children` takes them.
pub fn artifact_refs(artifacts: &[Artifact]) -> Vec<ArtifactRef> {
    artifacts
        .iter()
        .map(|artifact| ArtifactRef {
            id: artifact.id.clone(),
            artifact_type: artifact.artifact_type.clone(),
            title: artifact.title.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn artifact(id: &str, kind: &str, title: &str) -> Artifact {
        serde_json::from_value(serde_json::json!({"id": id, "type": kind, "title": title})).unwrap()
    }

    fn conflict(of: Artifact, suggestions: Vec<Artifact>) -> ImportConflict {
        serde_json::from_value(serde_json::json!({
            "artifact": of,
            "suggestionList": suggestions,
            "parentID": "org::sandbox::x",
        }))
        .unwrap()
    }

    fn preflight_missing_journey(artifact_id: &str) -> PreflightResponse {
        serde_json::from_value(serde_json::json!({
            "packageID": "p", "targetSandboxName": "dev",
            "permissionResponse": [{
                "artifactID": artifact_id, "artifactType": "JOURNEY", "creationAllowed": false,
                "requiredPermissions": {"resources": []},
                "missingPermissions": {"resources": [
                    {"palmResourceType": "Journey", "resourcePermissions": ["read", "write"]}
                ]}
            }]
        }))
        .unwrap()
    }

    fn sample() -> Vec<ImportConflict> {
        vec![
            conflict(
                artifact("s1", "PROFILE_SEGMENT", "Spring sale audience"),
                vec![
                    artifact("x1", "PROFILE_SEGMENT", "spring sale audience"),
                    artifact("x2", "PROFILE_SEGMENT", "Spring audience"),
                ],
            ),
            conflict(
                artifact("m1", "MAPPING_SET", "Orders mapping"),
                vec![artifact("x3", "MAPPING_SET", "Orders mapping (old)")],
            ),
            conflict(artifact("j1", "JOURNEY", "Welcome journey"), vec![]),
        ]
    }

    #[test]
    fn same_named_objects_are_reused_others_created_and_unpermitted_ones_blocked() {
        let preflight = preflight_missing_journey("j1");
        let plan = plan(&sample(), Some(&preflight), &BTreeMap::new());
        assert_eq!(
            plan[0].outcome,
            Outcome::Reused(artifact("x1", "PROFILE_SEGMENT", "spring sale audience"))
        );
        assert_eq!(plan[1].outcome, Outcome::Created);
        assert_eq!(
            plan[2].outcome,
            Outcome::Blocked(vec!["Journey: read, write".into()])
        );
        assert_eq!(
            totals(&plan),
            Totals {
                created: 1,
                reused: 1,
                replaced: 0,
                blocked: 1
            }
        );
        assert_eq!(missing_permissions(&plan), vec!["Journey: read, write"]);
        assert!(alternatives(&plan).is_empty());
    }

    #[test]
    fn a_chosen_object_replaces_the_artifact_and_becomes_an_alternative() {
        let choices = BTreeMap::from([("m1".to_string(), "x3".to_string())]);
        let plan = plan(&sample(), None, &choices);
        assert_eq!(
            plan[1].outcome,
            Outcome::Replaced(artifact("x3", "MAPPING_SET", "Orders mapping (old)"))
        );
        let alternatives = alternatives(&plan);
        assert_eq!(alternatives.len(), 1);
        assert_eq!(alternatives["m1"].id, "x3");
        assert_eq!(alternatives["m1"].artifact_type, "MAPPING_SET");
    }

    #[test]
    fn a_choice_not_among_the_suggestions_is_ignored() {
        let choices = BTreeMap::from([("m1".to_string(), "gone".to_string())]);
        assert_eq!(plan(&sample(), None, &choices)[1].outcome, Outcome::Created);
    }

    #[test]
    fn choosing_an_existing_object_unblocks_an_unpermitted_one() {
        let mut conflicts = sample();
        conflicts[2] = conflict(
            artifact("j1", "JOURNEY", "Welcome journey"),
            vec![artifact("x9", "JOURNEY", "Welcome journey v2")],
        );
        let preflight = preflight_missing_journey("j1");
        let choices = BTreeMap::from([("j1".to_string(), "x9".to_string())]);
        let plan = plan(&conflicts, Some(&preflight), &choices);
        assert!(matches!(plan[2].outcome, Outcome::Replaced(_)));
        assert_eq!(totals(&plan).blocked, 0);
    }

    #[test]
    fn each_object_lists_what_it_depends_on() {
        let answer: Vec<DependentObject> = serde_json::from_value(serde_json::json!([
            {"id": "schema", "type": "REGISTRY_SCHEMA", "title": "Profile", "children": [
                {"id": "dt", "type": "REGISTRY_DATATYPE", "title": "Postal address"},
                {"id": "ns", "type": "ID_NAMESPACE"}
            ]},
            {"id": "dt", "type": "REGISTRY_DATATYPE", "title": "Postal address", "children": []}
        ]))
        .unwrap();
        let needs = dependencies_by_object(&answer);
        assert_eq!(
            needs["schema"],
            vec!["Postal address (REGISTRY_DATATYPE)", "ns (ID_NAMESPACE)"]
        );
        assert!(needs["dt"].is_empty());
    }

    fn parse(pairs: &[(&str, &str)]) -> ImportQuery {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ImportQuery::from_url(&|key| map.get(key).cloned())
    }

    #[test]
    fn every_choice_survives_the_url() {
        let query = ImportQuery {
            sandbox: Some("globex-stage".into()),
            step: ImportStep::Confirm,
            choices: BTreeMap::from([
                (
                    "https://ns.adobe.com/a,b=c".to_string(),
                    "x=1,2".to_string(),
                ),
                ("m1".to_string(), "x3".to_string()),
            ]),
            name: Some("Spring & summer".into()),
            description: Some(String::new()),
            job: None,
        };
        let url = query.to_url();
        let pairs = crate::state::url::parse_query_string(&url);
        let borrowed: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(parse(&borrowed), query);
    }

    #[test]
    fn later_steps_need_a_sandbox_and_a_new_sandbox_drops_old_choices() {
        let query = parse(&[("step", "confirm")]);
        assert_eq!(query.shown_step(), ImportStep::Sandbox);
        let chosen = parse(&[("to", "dev"), ("step", "preview"), ("use", "a=b")]);
        assert_eq!(chosen.shown_step(), ImportStep::Preview);
        assert_eq!(chosen.with_sandbox("dev".into()).choices.len(), 1);
        assert!(chosen.with_sandbox("stage".into()).choices.is_empty());
        assert_eq!(parse(&[("step", "nonsense")]).step, ImportStep::Sandbox);
    }
}
