//! What the generated keys are made of, and `{placeholder}` filling. Pure, so it is tested
//! natively.

/// A message without a count: `t(keys::packages::TITLE)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(pub(crate) u16);

/// A message whose words depend on a count ("1 share" / "2 shares"): `tn(key, n, &[])`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural(pub(crate) u16);

/// Separates a plural's forms, and a form's category from its text, in packed messages
/// (see `build.rs`): "one␟{count} share␞other␟{count} shares".
const FORM_SEPARATOR: char = '\u{1e}';
const CATEGORY_SEPARATOR: char = '\u{1f}';

/// The form of a packed plural message for a CLDR category ("one", "few"…), else "other".
pub fn plural_form<'a>(packed: &'a str, category: &str) -> &'a str {
    let forms = || {
        packed
            .split(FORM_SEPARATOR)
            .filter_map(|form| form.split_once(CATEGORY_SEPARATOR))
    };
    let find = |wanted: &str| forms().find(|(c, _)| *c == wanted).map(|(_, text)| text);
    find(category).or_else(|| find("other")).unwrap_or(packed)
}

/// Plural forms packed as `plural_form` reads them.
pub fn pack_forms<'a>(forms: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut packed = String::new();
    for (category, text) in forms {
        if !packed.is_empty() {
            packed.push(FORM_SEPARATOR);
        }
        packed.push_str(category);
        packed.push(CATEGORY_SEPARATOR);
        packed.push_str(text);
    }
    packed
}

/// Replaces each `{name}` with its value; a placeholder without a value stays as it is.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((args.iter().find(|(n, _)| *n == &after[..close])?.1, close)));
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms_fall_back_to_other() {
        let packed =
            pack_forms([("one", "{count} share"), ("other", "{count} shares")].into_iter());
        assert_eq!(plural_form(&packed, "one"), "{count} share");
        assert_eq!(plural_form(&packed, "few"), "{count} shares");
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(
            fill(
                "Shared with {org} ({count})",
                &[("count", "2"), ("org", "Acme")]
            ),
            "Shared with Acme (2)"
        );
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
        assert_eq!(fill("no value {here}", &[]), "no value {here}");
        assert_eq!(fill("brace { alone", &[("alone", "x")]), "brace { alone");
        assert_eq!(fill("Umlaut {ä} ok", &[("ä", "ü")]), "Umlaut ü ok");
    }
}
