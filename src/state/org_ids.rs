//! The org IDs of a new partnership request: a pasted list split into entries, each one
//! normalized and checked before anything is sent.

use std::collections::{HashMap, HashSet};

use exim_api::{HandshakeRecord, HandshakeStatus};

use crate::i18n::keys::partners as k;
use crate::i18n::{number, t, tf};

const SUFFIX: &str = "@AdobeOrg";
const HEX_LENGTH: usize = 24;

/// Why a text is not an IMS org ID (`^[0-9A-F]{24}@AdobeOrg$`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgIdFormatError {
    Empty,
    MissingSuffix,
    NotHex(char),
    WrongLength(usize),
}

impl OrgIdFormatError {
    pub fn message(&self) -> String {
        match self {
            OrgIdFormatError::Empty => t(k::ORG_ID_EMPTY),
            OrgIdFormatError::MissingSuffix => t(k::ORG_ID_SUFFIX),
            OrgIdFormatError::NotHex(character) => {
                tf(k::ORG_ID_NOT_HEX, &[("character", &character.to_string())])
            }
            OrgIdFormatError::WrongLength(found) => tf(
                k::ORG_ID_LENGTH,
                &[
                    ("expected", &number(HEX_LENGTH as u64)),
                    ("found", &number(*found as u64)),
                ],
            ),
        }
    }
}

/// The org ID as Platform writes it: surrounding spaces dropped, hex digits upper-cased and
/// the suffix spelled `@AdobeOrg` (people often type it in lower case).
pub fn normalize_org_id(raw: &str) -> Result<String, OrgIdFormatError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(OrgIdFormatError::Empty);
    }
    let split = text.len().checked_sub(SUFFIX.len());
    let hex = match split {
        Some(at) if text.is_char_boundary(at) && text[at..].eq_ignore_ascii_case(SUFFIX) => {
            &text[..at]
        }
        _ => return Err(OrgIdFormatError::MissingSuffix),
    };
    if let Some(bad) = hex.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(OrgIdFormatError::NotHex(bad));
    }
    if hex.len() != HEX_LENGTH {
        return Err(OrgIdFormatError::WrongLength(hex.len()));
    }
    Ok(format!("{}{SUFFIX}", hex.to_ascii_uppercase()))
}

/// Splits a typed or pasted list into entries. Commas, semicolons, spaces and new lines
/// separate; quotes and brackets around an entry are dropped so that a JSON array pastes too.
pub fn split_org_list(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(|token| token.trim_matches(|c| matches!(c, '"' | '\'' | '[' | ']')))
        .filter(|token| !token.is_empty())
        .map(str::to_string)
        .collect()
}

/// Why one entry will not be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    Format(OrgIdFormatError),
    OwnOrg,
    AlreadyPending,
    AlreadyPartner,
    Duplicate,
}

impl EntryProblem {
    pub fn message(&self) -> String {
        match self {
            EntryProblem::Format(error) => error.message(),
            EntryProblem::OwnOrg => t(k::OWN_ORG),
            EntryProblem::AlreadyPending => t(k::ALREADY_PENDING),
            EntryProblem::AlreadyPartner => t(k::ALREADY_PARTNER),
            EntryProblem::Duplicate => t(k::DUPLICATE),
        }
    }
}

/// What an entry is checked against: who we are and the requests we already made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestContext {
    pub own_org_id: String,
    /// Target org ID → status, for our outgoing requests that are pending or approved.
    pub active_outgoing: HashMap<String, HandshakeStatus>,
}

impl RequestContext {
    /// Built from our outgoing requests; rejected and cancelled ones do not block a new one.
    pub fn new(own_org_id: &str, outgoing: &[HandshakeRecord]) -> Self {
        let active_outgoing = outgoing
            .iter()
            .filter(|record| {
                matches!(
                    record.status,
                    HandshakeStatus::ApprovalPending | HandshakeStatus::Approved
                )
            })
            .map(|record| {
                let target = normalize_org_id(&record.target_ims_org_id)
                    .unwrap_or_else(|_| record.target_ims_org_id.clone());
                (target, record.status.clone())
            })
            .collect();
        RequestContext {
            own_org_id: normalize_org_id(own_org_id).unwrap_or_else(|_| own_org_id.to_string()),
            active_outgoing,
        }
    }
}

/// Checks every entry: the normalized org ID, or why it will not be sent. Later copies of an
/// org ID are the duplicates; the first one stays valid.
pub fn check_entries(
    entries: &[String],
    context: &RequestContext,
) -> Vec<Result<String, EntryProblem>> {
    let mut seen = HashSet::new();
    entries
        .iter()
        .map(|entry| {
            let org_id = normalize_org_id(entry).map_err(EntryProblem::Format)?;
            if org_id == context.own_org_id {
                return Err(EntryProblem::OwnOrg);
            }
            match context.active_outgoing.get(&org_id) {
                Some(HandshakeStatus::Approved) => return Err(EntryProblem::AlreadyPartner),
                Some(_) => return Err(EntryProblem::AlreadyPending),
                None => {}
            }
            if !seen.insert(org_id.clone()) {
                return Err(EntryProblem::Duplicate);
            }
            Ok(org_id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";
    const UMBRELLA: &str = "C0FA10B6661FDE6F0A494023@AdobeOrg";
    const INITECH: &str = "2E63197465A811E70A494213@AdobeOrg";
    const ACME: &str = "5C1328435BF324E90A49402A@AdobeOrg";

    fn record(target: &str, status: HandshakeStatus) -> HandshakeRecord {
        serde_json::from_value(serde_json::json!({
            "id": "6c2ee3780fee4fbd9344e84ed2cb3fdf",
            "sourceIMSOrgId": INITECH,
            "targetIMSOrgId": target,
            "status": status,
            "linkingId": "fbbd61b7-e4f9-410d-856d-187dff4bbcb5"
        }))
        .unwrap()
    }

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn valid_ids_are_kept_as_platform_writes_them() {
        assert_eq!(normalize_org_id(GLOBEX), Ok(GLOBEX.to_string()));
        assert_eq!(
            normalize_org_id("  745f37c35e4b776e0a49421b@adobeorg "),
            Ok(GLOBEX.to_string())
        );
    }

    #[test]
    fn each_format_problem_has_its_own_message() {
        assert_eq!(normalize_org_id("  "), Err(OrgIdFormatError::Empty));
        assert_eq!(
            normalize_org_id("745F37C35E4B776E0A49421B"),
            Err(OrgIdFormatError::MissingSuffix)
        );
        assert_eq!(
            normalize_org_id("745F37C35E4B776E0A49421G@AdobeOrg"),
            Err(OrgIdFormatError::NotHex('G'))
        );
        assert_eq!(
            normalize_org_id("745F37C35E4B776E0A4942@AdobeOrg"),
            Err(OrgIdFormatError::WrongLength(22))
        );
        assert_eq!(
            normalize_org_id("@AdobeOrg"),
            Err(OrgIdFormatError::WrongLength(0))
        );
        assert!(OrgIdFormatError::WrongLength(22)
            .message()
            .contains("this one has 22"));
        assert!(OrgIdFormatError::NotHex('G').message().contains("“G”"));
    }

    #[test]
    fn multibyte_text_is_refused_without_panicking() {
        assert_eq!(
            normalize_org_id("éé@AdobeOrg"),
            Err(OrgIdFormatError::NotHex('é'))
        );
        assert_eq!(
            normalize_org_id("日本語"),
            Err(OrgIdFormatError::MissingSuffix)
        );
    }

    #[test]
    fn lists_split_on_commas_spaces_semicolons_and_new_lines() {
        let pasted = format!("{GLOBEX}, {UMBRELLA}\n\n{INITECH};{ACME}\t x ");
        assert_eq!(
            split_org_list(&pasted),
            strings(&[GLOBEX, UMBRELLA, INITECH, ACME, "x"])
        );
        assert!(split_org_list(" ,\n ; ").is_empty());
    }

    #[test]
    fn a_pasted_json_array_gives_its_ids() {
        let pasted = format!(r#"["{GLOBEX}", '{UMBRELLA}']"#);
        assert_eq!(split_org_list(&pasted), strings(&[GLOBEX, UMBRELLA]));
    }

    #[test]
    fn entries_are_checked_for_self_partners_pending_and_duplicates() {
        let context = RequestContext::new(
            INITECH,
            &[
                record(GLOBEX, HandshakeStatus::Approved),
                record(UMBRELLA, HandshakeStatus::ApprovalPending),
                record(ACME, HandshakeStatus::Rejected),
            ],
        );
        let entries = strings(&[
            ACME,
            "5c1328435bf324e90a49402a@AdobeOrg",
            GLOBEX,
            UMBRELLA,
            INITECH,
            "nonsense",
        ]);
        assert_eq!(
            check_entries(&entries, &context),
            vec![
                Ok(ACME.to_string()),
                Err(EntryProblem::Duplicate),
                Err(EntryProblem::AlreadyPartner),
                Err(EntryProblem::AlreadyPending),
                Err(EntryProblem::OwnOrg),
                Err(EntryProblem::Format(OrgIdFormatError::MissingSuffix)),
            ]
        );
    }

    #[test]
    fn cancelled_and_rejected_requests_can_be_made_again() {
        let context = RequestContext::new(
            INITECH,
            &[
                record(GLOBEX, HandshakeStatus::Cancelled),
                record(UMBRELLA, HandshakeStatus::Rejected),
            ],
        );
        assert_eq!(
            check_entries(&strings(&[GLOBEX, UMBRELLA]), &context),
            vec![Ok(GLOBEX.to_string()), Ok(UMBRELLA.to_string())]
        );
    }

    #[test]
    fn own_org_is_recognized_whatever_its_case() {
        let context = RequestContext::new(&INITECH.to_ascii_lowercase(), &[]);
        assert_eq!(
            check_entries(&strings(&[INITECH]), &context),
            vec![Err(EntryProblem::OwnOrg)]
        );
    }

    #[test]
    fn every_problem_reads_as_a_sentence() {
        for problem in [
            EntryProblem::OwnOrg,
            EntryProblem::AlreadyPending,
            EntryProblem::AlreadyPartner,
            EntryProblem::Duplicate,
            EntryProblem::Format(OrgIdFormatError::Empty),
        ] {
            let message = problem.message();
            assert!(message.ends_with('.'), "{message}");
        }
    }
}
