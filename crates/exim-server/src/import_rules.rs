//! What an import may do and what it suggests: where a package may be imported, which
//! objects of the target sandbox resemble an artifact (best first), which `alternatives` a
//! submit may name, and what the IMPORT job does with each artifact. Pure functions; the
//! handlers and the worker apply them inside their transactions.

use std::collections::BTreeMap;

use exim_api::{Artifact, ArtifactRef, ObjectOutcome, Package, ResourcePermissions};

use crate::artifact_model::describe_resources;
use crate::error::ApiError;
use crate::validate::shorten;

/// Most suggestions per artifact.
pub const MAX_SUGGESTIONS: usize = 10;

/// Titles scoring below this are not similar enough to suggest.
pub const SIMILARITY_THRESHOLD: f64 = 0.5;

/// An object living in a sandbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxObject {
    pub id: String,
    pub artifact_type: String,
    pub title: String,
}

/// How alike two titles are, from 0 (nothing in common) to 1 (equal ignoring case).
///
/// The better of two measures on the lower-cased titles:
/// - shared words (Dice coefficient on the sets of alphanumeric words):
///   `2 × |common| / (|a| + |b|)`; "Spring sale audience" vs "Spring audience" = 0.8;
/// - characters (normalized Levenshtein): `1 − distance / longer length`; catches typos
///   and joined words ("Winback" vs "Win-back") that share no whole word.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
    if a == b {
        return 1.0;
    }
    shared_words(&a, &b).max(same_characters(&a, &b))
}

fn words(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

fn shared_words(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|word| b.contains(word)).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

fn same_characters(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 0.0;
    }
    1.0 - levenshtein(&a, &b) as f64 / longer as f64
}

/// Edits (insert, delete, substitute one character) that turn `a` into `b`.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The candidates (objects of the artifact's type in the target sandbox) worth suggesting for
/// `artifact`, best first: equal titles (ignoring case) first, then by [`similarity`] above
/// [`SIMILARITY_THRESHOLD`], ties by title and id; at most [`MAX_SUGGESTIONS`].
pub fn rank_suggestions(artifact: &Artifact, candidates: Vec<SandboxObject>) -> Vec<SandboxObject> {
    let title = artifact.title.as_deref().unwrap_or(&artifact.id);
    let mut scored: Vec<(f64, SandboxObject)> = candidates
        .into_iter()
        .filter(|candidate| candidate.artifact_type == artifact.artifact_type)
        .map(|candidate| (similarity(title, &candidate.title), candidate))
        .filter(|(score, _)| *score >= SIMILARITY_THRESHOLD)
        .collect();
    scored.sort_by(|(score_a, a), (score_b, b)| {
        score_b
            .total_cmp(score_a)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.cmp(&b.id))
    });
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, candidate)| candidate)
        .collect()
}

/// A package may be imported into another sandbox of its org, once PUBLISHED and until it
/// expires.
/// `field` names the request's target sandbox (`targetSandbox`, `destinationSandbox`).
pub fn ensure_importable(
    package: &Package,
    field: &str,
    target_sandbox: &str,
    now: i64,
) -> Result<(), ApiError> {
    crate::package_rules::ensure_published(package, "imported")?;
    if package.expiry.is_some_and(|expiry| expiry <= now) {
        return Err(ApiError::Invalid(format!(
            "Package {} expired; expired packages cannot be imported",
            package.id
        )));
    }
    if package
        .source_sandbox
        .as_ref()
        .is_some_and(|sandbox| sandbox.name == target_sandbox)
    {
        return Err(ApiError::Invalid(format!(
            "{field} '{target_sandbox}' is the package's own sandbox; import it into another sandbox"
        )));
    }
    Ok(())
}

/// Checks a submit's `alternatives` against the package and the target sandbox: each key is
/// an artifact of the package, each value an object of the target sandbox of the same type.
/// `find` looks an object up by id in the target sandbox. Returns source id → object.
pub fn checked_alternatives(
    package: &Package,
    target_sandbox: &str,
    requested: &BTreeMap<String, ArtifactRef>,
    mut find: impl FnMut(&str) -> Result<Option<SandboxObject>, ApiError>,
) -> Result<BTreeMap<String, SandboxObject>, ApiError> {
    let artifacts = package.artifacts_list.as_deref().unwrap_or_default();
    let mut checked = BTreeMap::new();
    for (source_id, alternative) in requested {
        let source_id = source_id.trim();
        let alternative_id = alternative.id.trim();
        let Some(artifact) = artifacts.iter().find(|artifact| artifact.id == source_id) else {
            return Err(ApiError::Invalid(format!(
                "alternatives names {}, which is not an artifact of package {}",
                shorten(source_id),
                package.id
            )));
        };
        let Some(object) = find(alternative_id)? else {
            return Err(ApiError::Invalid(format!(
                "alternative {} for artifact {source_id} is not in sandbox {target_sandbox}",
                shorten(alternative_id)
            )));
        };
        if object.artifact_type != artifact.artifact_type {
            return Err(ApiError::Invalid(format!(
                "alternative {} for artifact {source_id} is a {}; {source_id} is a {}",
                object.id, object.artifact_type, artifact.artifact_type
            )));
        }
        let named_type = alternative.artifact_type.trim();
        if !named_type.is_empty() && !named_type.eq_ignore_ascii_case(&object.artifact_type) {
            return Err(ApiError::Invalid(format!(
                "alternative {} for artifact {source_id} is a {}, not a {}",
                object.id,
                object.artifact_type,
                shorten(named_type)
            )));
        }
        checked.insert(source_id.to_string(), object);
    }
    Ok(checked)
}

/// What an IMPORT job does with one artifact, in order of precedence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ObjectPlan {
    /// The caller chose this object in `alternatives`.
    Replace(String),
    /// The target sandbox already holds an object of the same type and title (Platform's
    /// documented behaviour): that one is used.
    Reuse(String),
    /// The job's creator may not create objects of this type.
    Refuse(String),
    /// A new object is made.
    Create,
}

pub fn plan_object(
    artifact: &Artifact,
    alternative: Option<&str>,
    same_title: Option<&str>,
    missing: &[ResourcePermissions],
) -> ObjectPlan {
    if let Some(id) = alternative {
        return ObjectPlan::Replace(id.to_string());
    }
    if let Some(id) = same_title {
        return ObjectPlan::Reuse(id.to_string());
    }
    if !missing.is_empty() {
        return ObjectPlan::Refuse(format!(
            "Cannot create {} {}: missing permission {}",
            artifact.artifact_type,
            artifact.title.as_deref().unwrap_or(&artifact.id),
            describe_resources(missing)
        ));
    }
    ObjectPlan::Create
}

impl ObjectPlan {
    pub fn outcome(&self) -> ObjectOutcome {
        match self {
            ObjectPlan::Replace(_) => ObjectOutcome::Replaced,
            ObjectPlan::Reuse(_) => ObjectOutcome::Reused,
            ObjectPlan::Refuse(_) => ObjectOutcome::Failed,
            ObjectPlan::Create => ObjectOutcome::Created,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    fn artifact(title: &str) -> Artifact {
        Artifact {
            id: "a1".into(),
            artifact_type: "PROFILE_SEGMENT".into(),
            title: Some(title.into()),
            found: None,
            count: None,
            extra: Map::new(),
        }
    }

    fn object(id: &str, artifact_type: &str, title: &str) -> SandboxObject {
        SandboxObject {
            id: id.into(),
            artifact_type: artifact_type.into(),
            title: title.into(),
        }
    }

    #[test]
    fn similarity_scores_words_and_characters() {
        assert_eq!(similarity("Spring sale audience", "SPRING SALE AUDIENCE"), 1.0);
        assert!((similarity("Spring sale audience", "Spring audience") - 0.8).abs() < 1e-9);
        assert!(similarity("Spring sale audience", "Spring sale audience (copy)") > 0.8);
        assert!(similarity("Winback", "Win-back") > 0.8);
        assert!(similarity("Spring sale audience", "Loyalty gold members") < SIMILARITY_THRESHOLD);
        assert_eq!(levenshtein(&['a', 'b'], &['b']), 1);
    }

    #[test]
    fn suggestions_put_the_same_title_first_and_drop_other_types_and_strangers() {
        let ranked = rank_suggestions(
            &artifact("Spring sale audience"),
            vec![
                object("3", "PROFILE_SEGMENT", "Spring audience"),
                object("2", "PROFILE_SEGMENT", "Spring sale audience (copy)"),
                object("1", "PROFILE_SEGMENT", "spring sale audience"),
                object("4", "JOURNEY", "Spring sale audience"),
                object("5", "PROFILE_SEGMENT", "Loyalty gold members"),
            ],
        );
        let ids: Vec<&str> = ranked.iter().map(|object| object.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
    }

    #[test]
    fn suggestions_are_capped() {
        let candidates = (0..15)
            .map(|n| object(&n.to_string(), "PROFILE_SEGMENT", &format!("Loyalty members {n}")))
            .collect();
        assert_eq!(
            rank_suggestions(&artifact("Loyalty members"), candidates).len(),
            MAX_SUGGESTIONS
        );
    }

    #[test]
    fn plans_prefer_the_choice_then_the_same_title_then_permissions() {
        let journey = artifact("Welcome");
        let missing = crate::artifact_model::missing_resources("JOURNEY", &[]);
        assert_eq!(
            plan_object(&journey, Some("x"), Some("y"), &missing),
            ObjectPlan::Replace("x".into())
        );
        assert_eq!(
            plan_object(&journey, None, Some("y"), &missing),
            ObjectPlan::Reuse("y".into())
        );
        assert!(matches!(
            plan_object(&journey, None, None, &missing),
            ObjectPlan::Refuse(message) if message.contains("Journey (read, write)")
        ));
        assert_eq!(plan_object(&journey, None, None, &[]), ObjectPlan::Create);
    }
}
