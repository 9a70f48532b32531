//! What the generated keys are made of, and `{placeholder}` filling. Pure, so it is tested
//! natively.

/// A message without a count: `t(keys::packages::TITLE)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(pub(crate) u16);

/// A message whose words depend on a count ("1 share" / "2 shares"): `tn(key, n, &[])`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural(pub(crate) u16);

/// A compiled-in message.
#[derive(Debug)]
pub enum Entry<'a> {
    Text(&'a str),
    /// Forms by CLDR plural category ("one", "other"…); "other" is always there.
    Plural(&'a [(&'a str, &'a str)]),
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
