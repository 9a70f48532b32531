//! Authoring packages: which changes a package allows in its state for this user, and the
//! checks of what a user types (name, description, artifacts, expiry). Every button, tooltip
//! and form of the authoring screens asks this module, so they and the tests agree; the checks
//! mirror exim-server's own (`validate.rs`, `package_rules.rs`) so a message shows next to the
//! field before a request is sent.

use exim_api::{ArtifactRef, DependentObject, Package, PackageStatus, PackageType};

use crate::i18n::keys::authoring as k;
use crate::i18n::{number, t, tf};

/// Longest package name the API accepts, in characters.
pub const MAX_NAME_CHARS: usize = 256;
/// Longest description the API accepts, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 4096;
/// Longest artifact id or title the API accepts, in characters.
pub const MAX_ARTIFACT_CHARS: usize = 256;
/// Most artifacts one request may name.
pub const MAX_ARTIFACTS_PER_REQUEST: usize = 500;
/// Days a published package lives when the user does not say (the API's default).
pub const DEFAULT_EXPIRY_DAYS: u32 = 90;
/// Longest lifetime the API accepts, in days. The API also accepts 0, which would publish a
/// package that has already expired; the console asks for at least one day.
pub const MAX_EXPIRY_DAYS: u32 = 36_500;

/// Artifact types a package may hold (the API's list).
pub const ARTIFACT_TYPES: &[&str] = &[
    "JOURNEY",
    "PROFILE_SEGMENT",
    "PROFILE_MERGE",
    "REGISTRY_SCHEMA",
    "REGISTRY_CLASS",
    "REGISTRY_MIXIN",
    "REGISTRY_DATATYPE",
    "REGISTRY_DESCRIPTOR",
    "ID_NAMESPACE",
    "IDENTITY_NAMESPACE",
    "CATALOG_DATASET",
    "DULE_CONSENT_POLICY",
    "DULE_GOVERNANCE_POLICY",
    "FLOW",
    "MAPPING_SET",
    "MESSAGE",
    "PRESET",
    "CAMPAIGN",
    "CUSTOM_ACTION",
    "CONTENT_TEMPLATE",
    "FRAGMENT",
    "CHANNEL_CONFIGURATION",
    "DECISIONING_OBJECT",
];

/// Why an authoring action is not offered on a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthoringBlock {
    /// The user may not manage packages.
    NoPermission,
    /// Publishing is under way; nothing changes until it ends.
    Publishing,
    /// Published packages are immutable.
    Published,
    /// A FULL package copies the whole sandbox and lists no artifacts.
    FullPackage,
    /// A PARTIAL package needs artifacts before it can be published.
    NoArtifacts,
}

impl AuthoringBlock {
    /// The sentence shown on the disabled control, in the user's language.
    pub fn explanation(self) -> String {
        t(match self {
            AuthoringBlock::NoPermission => k::BLOCK_NO_PERMISSION,
            AuthoringBlock::Publishing => k::BLOCK_PUBLISHING,
            AuthoringBlock::Published => k::BLOCK_PUBLISHED,
            AuthoringBlock::FullPackage => k::BLOCK_FULL_PACKAGE,
            AuthoringBlock::NoArtifacts => k::BLOCK_NO_ARTIFACTS,
        })
    }
}

fn status(package: &Package) -> PackageStatus {
    package.status.clone().unwrap_or(PackageStatus::Draft)
}

/// Whether the package is still a draft the API lets change (DRAFT or PUBLISH_FAILED).
fn ensure_changeable(package: &Package, can_manage: bool) -> Result<(), AuthoringBlock> {
    if !can_manage {
        return Err(AuthoringBlock::NoPermission);
    }
    match status(package) {
        PackageStatus::Draft | PackageStatus::PublishFailed => Ok(()),
        PackageStatus::PublishInProgress => Err(AuthoringBlock::Publishing),
        _ => Err(AuthoringBlock::Published),
    }
}

/// Renaming and redescribing (`PUT /packages` UPDATE).
pub fn edit_details_eligibility(package: &Package, can_manage: bool) -> Result<(), AuthoringBlock> {
    ensure_changeable(package, can_manage)
}

/// Adding and removing artifacts (`PUT /packages` ADD / DELETE).
pub fn edit_artifacts_eligibility(
    package: &Package,
    can_manage: bool,
) -> Result<(), AuthoringBlock> {
    ensure_changeable(package, can_manage)?;
    if package.package_type == Some(PackageType::Full) {
        return Err(AuthoringBlock::FullPackage);
    }
    Ok(())
}

/// Publishing (`GET /packages/{id}/export`), also the retry after a failed publish.
pub fn publish_eligibility(package: &Package, can_manage: bool) -> Result<(), AuthoringBlock> {
    ensure_changeable(package, can_manage)?;
    if package.package_type != Some(PackageType::Full) && package.artifact_count() == 0 {
        return Err(AuthoringBlock::NoArtifacts);
    }
    Ok(())
}

/// Deleting (`DELETE /packages/{id}`). The API also refuses while the package's transfers
/// run; only it knows, so that refusal is shown as it comes.
pub fn delete_eligibility(package: &Package, can_manage: bool) -> Result<(), AuthoringBlock> {
    if !can_manage {
        return Err(AuthoringBlock::NoPermission);
    }
    if status(package) == PackageStatus::PublishInProgress {
        return Err(AuthoringBlock::Publishing);
    }
    Ok(())
}

/// A published package may be in use by partners and imports: deleting it asks the user to
/// type its name, a draft only to confirm.
pub fn delete_needs_typed_name(package: &Package) -> bool {
    status(package) == PackageStatus::Published
}

/// While publishing runs, the package page follows it.
pub fn is_publishing(package: &Package) -> bool {
    status(package) == PackageStatus::PublishInProgress
}

/// Whether the package holds an artifact with this id.
pub fn holds(package: &Package, id: &str) -> bool {
    package
        .artifacts_list
        .as_ref()
        .is_some_and(|artifacts| artifacts.iter().any(|artifact| artifact.id == id))
}

/// The dependencies at any depth of the tree that the package does not hold, each once, in
/// the order they first appear: what "Add all missing dependencies" sends.
pub fn missing_dependencies(package: &Package, tree: &[DependentObject]) -> Vec<ArtifactRef> {
    fn walk(package: &Package, nodes: &[DependentObject], missing: &mut Vec<ArtifactRef>) {
        for node in nodes {
            if !holds(package, &node.id) && missing.iter().all(|known| known.id != node.id) {
                missing.push(ArtifactRef {
                    id: node.id.clone(),
                    artifact_type: node.artifact_type.clone(),
                    title: node.title.clone(),
                });
            }
            walk(
                package,
                node.children.as_deref().unwrap_or_default(),
                missing,
            );
        }
    }
    let mut missing = Vec::new();
    walk(package, tree, &mut missing);
    missing
}

/// What is wrong with a value the user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
    NameBlank,
    NameTooLong {
        length: usize,
    },
    DescriptionTooLong {
        length: usize,
    },
    TypeMissing,
    UnknownType(String),
    IdBlank,
    IdTooLong {
        length: usize,
    },
    /// The id holds a space, a control character or a character no Platform id uses.
    IdMalformed(char),
    TitleTooLong {
        length: usize,
    },
    /// The same artifact is already chosen.
    Duplicate(String),
    /// The artifact is in the package already.
    AlreadyInPackage(String),
    /// A pasted line that is neither `TYPE ID [title]` nor part of a JSON array.
    UnreadableLine,
    /// A pasted JSON array that does not parse as `[{"id", "type", "title"?}]`.
    UnreadableJson(String),
    TooManyArtifacts {
        count: usize,
    },
    ExpiryNotANumber,
    ExpiryTooShort,
    ExpiryTooLong,
    /// A production package's name typed to confirm its deletion does not match.
    ConfirmationMismatch,
}

impl InputProblem {
    /// The message shown next to the field, in the user's language.
    pub fn explanation(&self) -> String {
        let max = |value: usize| number(value as u64);
        match self {
            InputProblem::NameBlank => t(k::NAME_BLANK),
            InputProblem::NameTooLong { length } => tf(
                k::NAME_TOO_LONG,
                &[("length", &max(*length)), ("max", &max(MAX_NAME_CHARS))],
            ),
            InputProblem::DescriptionTooLong { length } => tf(
                k::DESCRIPTION_TOO_LONG,
                &[
                    ("length", &max(*length)),
                    ("max", &max(MAX_DESCRIPTION_CHARS)),
                ],
            ),
            InputProblem::TypeMissing => t(k::TYPE_MISSING),
            InputProblem::UnknownType(raw) => tf(k::TYPE_UNKNOWN, &[("type", raw)]),
            InputProblem::IdBlank => t(k::ID_BLANK),
            InputProblem::IdTooLong { length } => tf(
                k::ID_TOO_LONG,
                &[("length", &max(*length)), ("max", &max(MAX_ARTIFACT_CHARS))],
            ),
            InputProblem::IdMalformed(character) => {
                let shown = if character.is_whitespace() || character.is_control() {
                    t(k::ID_SPACE)
                } else {
                    format!("“{character}”")
                };
                tf(k::ID_MALFORMED, &[("character", &shown)])
            }
            InputProblem::TitleTooLong { length } => tf(
                k::TITLE_TOO_LONG,
                &[("length", &max(*length)), ("max", &max(MAX_ARTIFACT_CHARS))],
            ),
            InputProblem::Duplicate(id) => tf(k::ARTIFACT_DUPLICATE, &[("id", id)]),
            InputProblem::AlreadyInPackage(id) => tf(k::ARTIFACT_IN_PACKAGE, &[("id", id)]),
            InputProblem::UnreadableLine => t(k::LINE_UNREADABLE),
            InputProblem::UnreadableJson(reason) => tf(k::JSON_UNREADABLE, &[("reason", reason)]),
            InputProblem::TooManyArtifacts { count } => tf(
                k::TOO_MANY_ARTIFACTS,
                &[
                    ("count", &max(*count)),
                    ("max", &max(MAX_ARTIFACTS_PER_REQUEST)),
                ],
            ),
            InputProblem::ExpiryNotANumber => t(k::EXPIRY_NOT_A_NUMBER),
            InputProblem::ExpiryTooShort => t(k::EXPIRY_TOO_SHORT),
            InputProblem::ExpiryTooLong => tf(
                k::EXPIRY_TOO_LONG,
                &[("max", &max(MAX_EXPIRY_DAYS as usize))],
            ),
            InputProblem::ConfirmationMismatch => t(k::CONFIRMATION_MISMATCH),
        }
    }
}

/// A package name: required, trimmed, at most [`MAX_NAME_CHARS`] characters. Markup is just
/// text: the API stores it and the console escapes it.
pub fn check_name(raw: &str) -> Result<String, InputProblem> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(InputProblem::NameBlank);
    }
    let length = name.chars().count();
    if length > MAX_NAME_CHARS {
        return Err(InputProblem::NameTooLong { length });
    }
    Ok(name.to_string())
}

/// A description: optional (blank is none), at most [`MAX_DESCRIPTION_CHARS`] characters.
pub fn check_description(raw: &str) -> Result<Option<String>, InputProblem> {
    let length = raw.chars().count();
    if length > MAX_DESCRIPTION_CHARS {
        return Err(InputProblem::DescriptionTooLong { length });
    }
    Ok(Some(raw.trim().to_string()).filter(|text| !text.is_empty()))
}

/// The artifact type, matched case-insensitively against [`ARTIFACT_TYPES`].
pub fn check_type(raw: &str) -> Result<&'static str, InputProblem> {
    let wanted = raw.trim().to_ascii_uppercase();
    if wanted.is_empty() {
        return Err(InputProblem::TypeMissing);
    }
    ARTIFACT_TYPES
        .iter()
        .copied()
        .find(|known| *known == wanted)
        .ok_or_else(|| InputProblem::UnknownType(raw.trim().to_string()))
}

/// Characters Platform's ids use: UUIDs, hexadecimal ids and `https://ns.adobe.com/…` URIs.
fn is_id_character(character: char) -> bool {
    character.is_ascii_alphanumeric() || "-_.:/@#%+~=".contains(character)
}

/// An artifact id: required, at most [`MAX_ARTIFACT_CHARS`] characters, no spaces or markup.
pub fn check_id(raw: &str) -> Result<String, InputProblem> {
    let id = raw.trim();
    if id.is_empty() {
        return Err(InputProblem::IdBlank);
    }
    let length = id.chars().count();
    if length > MAX_ARTIFACT_CHARS {
        return Err(InputProblem::IdTooLong { length });
    }
    if let Some(bad) = id.chars().find(|&c| !is_id_character(c)) {
        return Err(InputProblem::IdMalformed(bad));
    }
    Ok(id.to_string())
}

/// One artifact typed or pasted by the user; a blank title is no title.
pub fn check_artifact(
    artifact_type: &str,
    id: &str,
    title: &str,
) -> Result<ArtifactRef, InputProblem> {
    let artifact_type = check_type(artifact_type)?;
    let id = check_id(id)?;
    let title = title.trim();
    let length = title.chars().count();
    if length > MAX_ARTIFACT_CHARS {
        return Err(InputProblem::TitleTooLong { length });
    }
    Ok(ArtifactRef {
        id,
        artifact_type: artifact_type.to_string(),
        title: Some(title.to_string()).filter(|title| !title.is_empty()),
    })
}

/// A problem in a pasted list, on its 1-based line (or entry, for JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListProblem {
    pub line: usize,
    pub problem: InputProblem,
}

/// What a pasted list holds: the artifacts that read well and the problems of the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PastedList {
    /// Each artifact that reads well, with its 1-based line (or entry, for JSON).
    pub artifacts: Vec<(usize, ArtifactRef)>,
    /// Whether the text was a JSON array (problems then name entries, not lines).
    pub json: bool,
    pub problems: Vec<ListProblem>,
}

/// Reads a pasted list: a JSON array of `{"id", "type", "title"?}` (as the API takes it, or
/// as another tool exports it), or one artifact per line as `TYPE ID [title…]`, separated by
/// spaces, tabs or commas. Blank lines are skipped; a repeated id is a problem of its line.
pub fn parse_artifact_list(text: &str) -> PastedList {
    let trimmed = text.trim();
    if trimmed.starts_with('[') {
        return parse_json_list(trimmed);
    }
    let mut list = PastedList::default();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (artifact_type, rest) = next_field(line);
        let (id, title) = next_field(rest);
        if id.is_empty() {
            list.problems.push(ListProblem {
                line: index + 1,
                problem: InputProblem::UnreadableLine,
            });
            continue;
        }
        list.push(index + 1, check_artifact(artifact_type, id, title));
    }
    list
}

/// The first field of a pasted line and the rest after its separators (spaces, tabs, commas).
fn next_field(line: &str) -> (&str, &str) {
    let is_separator = |c: char| c == ',' || c.is_whitespace();
    let line = line.trim_start_matches(is_separator);
    let end = line.find(is_separator).unwrap_or(line.len());
    (&line[..end], line[end..].trim_start_matches(is_separator))
}

fn parse_json_list(text: &str) -> PastedList {
    let mut list = PastedList {
        json: true,
        ..PastedList::default()
    };
    match serde_json::from_str::<Vec<ArtifactRef>>(text) {
        Ok(entries) => {
            for (index, entry) in entries.into_iter().enumerate() {
                let title = entry.title.unwrap_or_default();
                list.push(
                    index + 1,
                    check_artifact(&entry.artifact_type, &entry.id, &title),
                );
            }
        }
        Err(error) => list.problems.push(ListProblem {
            line: error.line(),
            problem: InputProblem::UnreadableJson(error.to_string()),
        }),
    }
    list
}

impl PastedList {
    fn push(&mut self, line: usize, checked: Result<ArtifactRef, InputProblem>) {
        let problem = match checked {
            Ok(artifact)
                if self
                    .artifacts
                    .iter()
                    .any(|(_, known)| known.id == artifact.id) =>
            {
                InputProblem::Duplicate(artifact.id)
            }
            Ok(artifact) => {
                self.artifacts.push((line, artifact));
                return;
            }
            Err(problem) => problem,
        };
        self.problems.push(ListProblem { line, problem });
    }
}

/// Adds `artifact` to the chosen ones unless an artifact with its id is chosen already or is
/// in the package (`held`, the ids of its artifacts; empty while creating one).
pub fn add_artifact(
    chosen: &mut Vec<ArtifactRef>,
    held: &[String],
    artifact: ArtifactRef,
) -> Result<(), InputProblem> {
    if held.contains(&artifact.id) {
        return Err(InputProblem::AlreadyInPackage(artifact.id));
    }
    if chosen.iter().any(|known| known.id == artifact.id) {
        return Err(InputProblem::Duplicate(artifact.id));
    }
    if chosen.len() >= MAX_ARTIFACTS_PER_REQUEST {
        return Err(InputProblem::TooManyArtifacts {
            count: chosen.len() + 1,
        });
    }
    chosen.push(artifact);
    Ok(())
}

/// Days until a package expires after publishing: a whole number from 1 to
/// [`MAX_EXPIRY_DAYS`].
pub fn check_expiry_days(raw: &str) -> Result<u32, InputProblem> {
    let raw = raw.trim();
    match raw.parse::<i64>() {
        Ok(days) if days < 1 => Err(InputProblem::ExpiryTooShort),
        Ok(days) if days > i64::from(MAX_EXPIRY_DAYS) => Err(InputProblem::ExpiryTooLong),
        Ok(days) => Ok(days as u32),
        Err(_) if raw.starts_with('-') && raw[1..].chars().all(|c| c.is_ascii_digit()) => {
            Err(InputProblem::ExpiryTooShort)
        }
        Err(_) => Err(InputProblem::ExpiryNotANumber),
    }
}

/// Whether the name typed to confirm a deletion is the package's (surrounding spaces aside).
pub fn check_confirmation(package_name: &str, typed: &str) -> Result<(), InputProblem> {
    if typed.trim() == package_name.trim() {
        Ok(())
    } else {
        Err(InputProblem::ConfirmationMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(status: PackageStatus, package_type: PackageType, artifacts: usize) -> Package {
        let artifacts: Vec<_> = (0..artifacts)
            .map(|index| serde_json::json!({"id": format!("a{index}"), "type": "JOURNEY"}))
            .collect();
        let mut package: Package = serde_json::from_value(serde_json::json!({
            "id": "p1", "name": "Spring", "artifactsList": artifacts
        }))
        .expect("a minimal package");
        package.status = Some(status);
        package.package_type = Some(package_type);
        package
    }

    #[test]
    fn drafts_and_failed_publishes_can_change_published_packages_cannot() {
        for status in [PackageStatus::Draft, PackageStatus::PublishFailed] {
            let draft = package(status, PackageType::Partial, 1);
            assert_eq!(edit_details_eligibility(&draft, true), Ok(()));
            assert_eq!(edit_artifacts_eligibility(&draft, true), Ok(()));
            assert_eq!(publish_eligibility(&draft, true), Ok(()));
            assert_eq!(delete_eligibility(&draft, true), Ok(()));
            assert!(!delete_needs_typed_name(&draft));
        }
        let published = package(PackageStatus::Published, PackageType::Partial, 1);
        assert_eq!(
            edit_details_eligibility(&published, true),
            Err(AuthoringBlock::Published)
        );
        assert_eq!(
            publish_eligibility(&published, true),
            Err(AuthoringBlock::Published)
        );
        assert_eq!(delete_eligibility(&published, true), Ok(()));
        assert!(delete_needs_typed_name(&published));
    }

    #[test]
    fn publishing_blocks_every_change_and_the_delete() {
        let publishing = package(PackageStatus::PublishInProgress, PackageType::Partial, 1);
        assert_eq!(
            edit_artifacts_eligibility(&publishing, true),
            Err(AuthoringBlock::Publishing)
        );
        assert_eq!(
            delete_eligibility(&publishing, true),
            Err(AuthoringBlock::Publishing)
        );
    }

    #[test]
    fn a_viewer_is_offered_nothing() {
        let draft = package(PackageStatus::Draft, PackageType::Partial, 1);
        for result in [
            edit_details_eligibility(&draft, false),
            edit_artifacts_eligibility(&draft, false),
            publish_eligibility(&draft, false),
            delete_eligibility(&draft, false),
        ] {
            assert_eq!(result, Err(AuthoringBlock::NoPermission));
        }
    }

    #[test]
    fn an_empty_partial_package_cannot_be_published_a_full_one_can() {
        let empty = package(PackageStatus::Draft, PackageType::Partial, 0);
        assert_eq!(
            publish_eligibility(&empty, true),
            Err(AuthoringBlock::NoArtifacts)
        );
        let full = package(PackageStatus::Draft, PackageType::Full, 0);
        assert_eq!(publish_eligibility(&full, true), Ok(()));
        assert_eq!(
            edit_artifacts_eligibility(&full, true),
            Err(AuthoringBlock::FullPackage)
        );
    }

    #[test]
    fn missing_dependencies_are_found_at_any_depth_once() {
        let draft = package(PackageStatus::Draft, PackageType::Partial, 1);
        let node = |id: &str, children: Vec<DependentObject>| DependentObject {
            id: id.into(),
            title: Some(format!("t-{id}")),
            artifact_type: "PROFILE_SEGMENT".into(),
            children: Some(children),
        };
        let tree = vec![
            node(
                "a0",
                vec![node("s1", vec![node("c1", vec![]), node("a0", vec![])])],
            ),
            node("m1", vec![node("s1", vec![])]),
        ];
        let missing: Vec<String> = missing_dependencies(&draft, &tree)
            .into_iter()
            .map(|artifact| artifact.id)
            .collect();
        assert_eq!(missing, vec!["s1", "c1", "m1"]);
        assert!(is_publishing(&package(
            PackageStatus::PublishInProgress,
            PackageType::Partial,
            1
        )));
    }

    #[test]
    fn names_are_required_trimmed_and_bounded_markup_is_text() {
        assert_eq!(check_name("  Spring  "), Ok("Spring".into()));
        assert_eq!(check_name("   "), Err(InputProblem::NameBlank));
        assert_eq!(check_name(&"é".repeat(256)).map(|n| n.len()), Ok(512));
        assert_eq!(
            check_name(&"x".repeat(10_000)),
            Err(InputProblem::NameTooLong { length: 10_000 })
        );
        let markup = "<img src=x onerror=alert(1)>";
        assert_eq!(check_name(markup), Ok(markup.into()));
        assert_eq!(check_description("  "), Ok(None));
        assert!(check_description(&"d".repeat(4097)).is_err());
    }

    #[test]
    fn artifacts_are_checked_for_type_and_id_format() {
        let artifact = check_artifact("journey", " 1a2b-3c ", "  Welcome ").unwrap();
        assert_eq!(artifact.artifact_type, "JOURNEY");
        assert_eq!(artifact.id, "1a2b-3c");
        assert_eq!(artifact.title.as_deref(), Some("Welcome"));
        assert_eq!(check_artifact("JOURNEY", "x", " ").unwrap().title, None);
        assert!(check_id("https://ns.adobe.com/acme/schemas/7c1e9f").is_ok());
        assert_eq!(
            check_artifact("SPACESHIP", "x", ""),
            Err(InputProblem::UnknownType("SPACESHIP".into()))
        );
        assert_eq!(check_type(" "), Err(InputProblem::TypeMissing));
        assert_eq!(check_id(" "), Err(InputProblem::IdBlank));
        assert_eq!(check_id("a b"), Err(InputProblem::IdMalformed(' ')));
        assert_eq!(check_id("<img>"), Err(InputProblem::IdMalformed('<')));
        assert_eq!(
            check_id(&"a".repeat(257)),
            Err(InputProblem::IdTooLong { length: 257 })
        );
    }

    #[test]
    fn pasted_lines_give_artifacts_and_problems_by_line() {
        let list = parse_artifact_list(
            "JOURNEY 11-aa Spring sale journey\n\nPROFILE_SEGMENT,22-bb,Spring shoppers\n\
             SPACESHIP 33\nJOURNEY 11-aa again\nlonely\n",
        );
        assert_eq!(list.artifacts.len(), 2);
        assert_eq!(
            list.artifacts[0].1.title.as_deref(),
            Some("Spring sale journey")
        );
        assert_eq!(list.artifacts[1].0, 3);
        assert_eq!(
            list.artifacts[1].1.title.as_deref(),
            Some("Spring shoppers")
        );
        assert_eq!(
            list.problems,
            vec![
                ListProblem {
                    line: 4,
                    problem: InputProblem::UnknownType("SPACESHIP".into())
                },
                ListProblem {
                    line: 5,
                    problem: InputProblem::Duplicate("11-aa".into())
                },
                ListProblem {
                    line: 6,
                    problem: InputProblem::UnreadableLine
                },
            ]
        );
    }

    #[test]
    fn pasted_json_arrays_are_read_entry_by_entry() {
        let list = parse_artifact_list(
            r#"[{"id":"11","type":"journey","title":"A"},{"id":"a b","type":"JOURNEY"}]"#,
        );
        assert_eq!(list.artifacts.len(), 1);
        assert!(list.json);
        assert_eq!(list.problems[0].line, 2);
        let broken = parse_artifact_list(r#"[{"id": "11", "type": }]"#);
        assert!(matches!(
            broken.problems[0].problem,
            InputProblem::UnreadableJson(_)
        ));
    }

    #[test]
    fn the_same_artifact_is_chosen_once() {
        let mut chosen = Vec::new();
        let artifact = check_artifact("JOURNEY", "11", "").unwrap();
        assert_eq!(add_artifact(&mut chosen, &[], artifact.clone()), Ok(()));
        assert_eq!(
            add_artifact(&mut chosen, &[], artifact),
            Err(InputProblem::Duplicate("11".into()))
        );
        let held = check_artifact("JOURNEY", "22", "").unwrap();
        assert_eq!(
            add_artifact(&mut chosen, &["22".to_string()], held),
            Err(InputProblem::AlreadyInPackage("22".into()))
        );
        assert_eq!(chosen.len(), 1);
    }

    #[test]
    fn expiry_is_a_whole_number_of_days_from_one() {
        assert_eq!(check_expiry_days(" 90 "), Ok(90));
        assert_eq!(check_expiry_days("0"), Err(InputProblem::ExpiryTooShort));
        assert_eq!(check_expiry_days("-5"), Err(InputProblem::ExpiryTooShort));
        assert_eq!(check_expiry_days("36501"), Err(InputProblem::ExpiryTooLong));
        assert_eq!(
            check_expiry_days("ninety"),
            Err(InputProblem::ExpiryNotANumber)
        );
        assert_eq!(check_expiry_days(""), Err(InputProblem::ExpiryNotANumber));
    }

    #[test]
    fn a_deletion_is_confirmed_by_the_exact_name() {
        assert_eq!(check_confirmation("Spring", " Spring "), Ok(()));
        assert_eq!(
            check_confirmation("Spring", "spring"),
            Err(InputProblem::ConfirmationMismatch)
        );
    }
}
