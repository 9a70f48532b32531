//! A sort order as the API writes it: `field` ascending, `-field` descending.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    pub field: String,
    pub descending: bool,
}

impl Sort {
    pub fn ascending(field: &str) -> Self {
        Sort {
            field: field.to_string(),
            descending: false,
        }
    }

    pub fn descending(field: &str) -> Self {
        Sort {
            field: field.to_string(),
            descending: true,
        }
    }

    /// `-name` or `name` (a leading `+` is accepted too).
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let (descending, field) = match raw.strip_prefix('-') {
            Some(field) => (true, field),
            None => (false, raw.strip_prefix('+').unwrap_or(raw)),
        };
        (!field.is_empty()).then(|| Sort {
            field: field.to_string(),
            descending,
        })
    }

    pub fn to_param(&self) -> String {
        if self.descending {
            format!("-{}", self.field)
        } else {
            self.field.clone()
        }
    }

    /// Clicking a column header: the same column flips, another column starts ascending.
    pub fn toggled_by(&self, field: &str) -> Sort {
        if self.field == field {
            Sort {
                field: self.field.clone(),
                descending: !self.descending,
            }
        } else {
            Sort::ascending(field)
        }
    }

    /// The `aria-sort` value of a column header.
    pub fn aria_for(&self, field: &str) -> &'static str {
        match (self.field == field, self.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_directions() {
        assert_eq!(
            Sort::parse("-createdDate"),
            Some(Sort::descending("createdDate"))
        );
        assert_eq!(Sort::parse("+name"), Some(Sort::ascending("name")));
        assert_eq!(Sort::parse("-"), None);
    }

    #[test]
    fn toggling_flips_the_same_column_and_starts_others_ascending() {
        let sort = Sort::ascending("name");
        assert_eq!(sort.toggled_by("name"), Sort::descending("name"));
        assert_eq!(sort.toggled_by("status"), Sort::ascending("status"));
        assert_eq!(Sort::descending("name").aria_for("name"), "descending");
        assert_eq!(sort.aria_for("status"), "none");
    }
}
