//! Autosuggest of the partner picker: which approved partners match what was typed.

/// An organization that can be chosen as a share target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub org_id: String,
    pub name: String,
}

/// Partners whose name or org ID contains `typed` (case-insensitive), not yet selected.
pub fn suggestions<'a>(
    partners: &'a [Partner],
    selected: &[Partner],
    typed: &str,
) -> Vec<&'a Partner> {
    let typed = typed.trim().to_lowercase();
    partners
        .iter()
        .filter(|partner| !selected.iter().any(|s| s.org_id == partner.org_id))
        .filter(|partner| {
            typed.is_empty()
                || partner.name.to_lowercase().contains(&typed)
                || partner.org_id.to_lowercase().contains(&typed)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner(org_id: &str, name: &str) -> Partner {
        Partner {
            org_id: org_id.into(),
            name: name.into(),
        }
    }

    #[test]
    fn matches_by_name_or_id_and_hides_selected() {
        let all = [
            partner("745F37C35E4B776E0A49421B@AdobeOrg", "Globex Corp"),
            partner("C0FA10B6661FDE6F0A494023@AdobeOrg", "Umbrella Group"),
        ];
        assert_eq!(suggestions(&all, &[], "glob").len(), 1);
        assert_eq!(
            suggestions(&all, &[], "c0fa")
                .first()
                .map(|p| p.name.as_str()),
            Some("Umbrella Group")
        );
        assert_eq!(suggestions(&all, &[all[0].clone()], "").len(), 1);
        assert!(suggestions(&all, &[], "initech").is_empty());
    }
}
