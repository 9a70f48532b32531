//! `cargo xtask strings`, also a step of `cargo xtask test`: the app's `view!` macros hold no
//! words. Every user-visible string comes from the catalog (`locales/`), where `build.rs` makes
//! sure every language has it.
//!
//! A string literal with a letter in it is a finding when it is a text child of an element (or
//! inside the Rust block that makes one), or the value of an attribute people read or hear:
//! `title`, `aria-label`, `placeholder`, `alt`, `label`… Values of other attributes (`class`,
//! `id`, `href`, `type`, `field`…) are names, not words, and pass. So do literals that cannot
//! be words: without letters outside `{placeholders}` (`" "`, `"—"`, `"{org}"`), or a single
//! lowercase ASCII token (`"org"` naming a placeholder, `"/sharing/{}"`, `"row-{id}"`).

use std::path::{Path, PathBuf};

use crate::process::{project_root, Result};
use crate::tokens::{tokenize, Kind, Token};

/// Attributes whose values are shown or announced.
const READ_ATTRIBUTES: &[&str] = &[
    "title",
    "aria-label",
    "aria-description",
    "aria-placeholder",
    "aria-roledescription",
    "aria-valuetext",
    "placeholder",
    "alt",
    "label",
];

pub fn check() -> Result {
    println!("\n==> words in views (every one must come from locales/)");
    let root = project_root();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files)?;
    let mut findings = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file)
            .map_err(|e| format!("could not read {}: {e}", file.display()))?;
        let shown = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        for (line, text) in hard_coded_words(&source) {
            findings.push(format!("{shown}:{line}: \"{text}\""));
        }
    }
    if findings.is_empty() {
        println!("no hard-coded words in view!");
        return Ok(());
    }
    for finding in &findings {
        println!("{finding}");
    }
    Err(format!(
        "{} hard-coded string(s) in view!: move them to locales/en and locales/de",
        findings.len()
    ))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("could not list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

/// (line, text) of each literal in a `view!` that people would read.
pub fn hard_coded_words(source: &str) -> Vec<(usize, String)> {
    let tokens = tokenize(source);
    let views = views(&tokens);
    let mut found = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        let Kind::Str(text) = &token.kind else {
            continue;
        };
        if !could_be_words(text) {
            continue;
        }
        // The innermost view holding it: an inner view's own text is its own children.
        let innermost = views
            .iter()
            .filter(|(open, close)| *open < index && index < *close)
            .max_by_key(|(open, _)| *open);
        if let Some((open, _)) = innermost {
            if is_read(&tokens, index, *open) {
                found.push((token.line, text.clone()));
            }
        }
    }
    found
}

/// Whether a literal can hold words: letters outside `{placeholders}`, and more than one
/// lowercase ASCII token.
fn could_be_words(text: &str) -> bool {
    let mut outside = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let name_like = outside
        .chars()
        .all(|c| !c.is_whitespace() && c.is_ascii() && !c.is_ascii_uppercase());
    outside.chars().any(char::is_alphabetic) && !name_like
}

/// The (opening, closing) bracket positions of each `view! { … }`.
fn views(tokens: &[Token]) -> Vec<(usize, usize)> {
    (0..tokens.len().saturating_sub(2))
        .filter(|&i| {
            tokens[i].is_ident("view")
                && tokens[i + 1].is_punct('!')
                && (tokens[i + 2].is_punct('{') || tokens[i + 2].is_punct('('))
        })
        .filter_map(|i| Some((i + 2, closing(tokens, i + 2)?)))
        .collect()
}

fn pair(open: char) -> Option<char> {
    match open {
        '{' => Some('}'),
        '(' => Some(')'),
        '[' => Some(']'),
        _ => None,
    }
}

fn closing(tokens: &[Token], open: usize) -> Option<usize> {
    let Kind::Punct(opener) = tokens[open].kind else {
        return None;
    };
    let closer = pair(opener)?;
    let mut depth = 0;
    for (index, token) in tokens.iter().enumerate().skip(open) {
        if token.is_punct(opener) {
            depth += 1;
        } else if token.is_punct(closer) {
            depth -= 1;
            if depth == 0 {
                return Some(index);
            }
        }
    }
    None
}

fn opening(tokens: &[Token], close: usize, opener: char, closer: char) -> usize {
    let mut depth = 0;
    for index in (0..=close).rev() {
        if tokens[index].is_punct(closer) {
            depth += 1;
        } else if tokens[index].is_punct(opener) {
            depth -= 1;
            if depth == 0 {
                return index;
            }
        }
    }
    0
}

/// Walks back from the literal to what it belongs to: an attribute (`name=`), or an element
/// (`>`) or the view itself, whose text it then is. Earlier blocks are skipped whole; the
/// blocks the literal is inside are walked out of.
fn is_read(tokens: &[Token], literal: usize, view_open: usize) -> bool {
    let mut at = literal;
    while at > view_open + 1 {
        at -= 1;
        let Kind::Punct(c) = tokens[at].kind else {
            continue;
        };
        let before = tokens.get(at.wrapping_sub(1)).map(|t| &t.kind);
        let after = tokens.get(at + 1).map(|t| &t.kind);
        match c {
            '}' => at = opening(tokens, at, '{', '}'),
            ')' => at = opening(tokens, at, '(', ')'),
            ']' => at = opening(tokens, at, '[', ']'),
            // `==`, `=>`, `<=`, `>=`, `!=`, `+=`…: an operator, not an attribute.
            '=' if matches!(after, Some(Kind::Punct('=' | '>')))
                || matches!(before, Some(Kind::Punct(_))) => {}
            // `let x = "…"` inside a block has no attribute name: keep walking to what the
            // block is.
            '=' => {
                if let Some(name) = attribute_name(tokens, at) {
                    return READ_ATTRIBUTES.contains(&name.as_str());
                }
            }
            // `->` and `=>` are not tags.
            '>' if matches!(before, Some(Kind::Punct('-' | '='))) => {}
            '>' | '<' => return true,
            _ => {}
        }
    }
    // A direct child of the view.
    true
}

/// The attribute named before the `=` at `equals` (`aria-label`, `on:click`), or None for a
/// `let` binding.
fn attribute_name(tokens: &[Token], equals: usize) -> Option<String> {
    let mut start = equals.checked_sub(1)?;
    let Kind::Ident(_) = tokens[start].kind else {
        return None;
    };
    while start >= 2
        && (tokens[start - 1].is_punct('-') || tokens[start - 1].is_punct(':'))
        && matches!(tokens[start - 2].kind, Kind::Ident(_))
    {
        start -= 2;
    }
    let binding = start
        .checked_sub(1)
        .is_some_and(|i| tokens[i].is_ident("let") || tokens[i].is_ident("mut"));
    if binding {
        return None;
    }
    Some(
        tokens[start..equals]
            .iter()
            .map(|token| match &token.kind {
                Kind::Ident(name) => name.as_str(),
                Kind::Punct('-') => "-",
                _ => ":",
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::hard_coded_words;

    fn words(source: &str) -> Vec<String> {
        hard_coded_words(source)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    #[test]
    fn text_children_and_read_attributes_are_found() {
        let source = r#"
            view! {
                <h1>"Packages"</h1>
                <button aria-label="Close dialog" title=format!("Close {}", x)>"×"</button>
                <input placeholder="Search" />
                <span>{move || busy.get().then_some("Updating…")}</span>
                <p>{format!("{org} is ready", org = name)}</p>
                "Loose text"
            }
        "#;
        assert_eq!(
            words(source),
            [
                "Packages",
                "Close dialog",
                "Close {}",
                "Search",
                "Updating…",
                "{org} is ready",
                "Loose text"
            ]
        );
    }

    #[test]
    fn names_and_symbols_pass() {
        let source = r#"
            view! {
                <div class="table-wrap" id=format!("row-{id}") role="status" aria-live="polite">
                    <a href="/packages" class=move || if on { "active" } else { "idle" }>{tr(k::TITLE)}</a>
                    <th class=match v { A => "positive", _ => "neutral" }>" · "</th>
                    <SortHeader field="name" title=k::NAME sort on_sort />
                    <p>{"—"}{tf(k::READY, &[("org", &name)])}{format!("{a}, {b}")}</p>
                    <a href=format!("/sharing/{}", id)>{tr(k::OPEN)}</a>
                </div>
            }
            let outside = "Words outside a view are not this check's business";
        "#;
        assert_eq!(words(source), Vec::<String>::new());
    }

    #[test]
    fn inner_views_and_let_bindings_are_judged_by_where_they_end_up() {
        let source = r#"
            view! {
                <div class="x">
                    {move || {
                        let label = "Retry";
                        view! { <button class="primary">{label}"Now"</button> }
                    }}
                    {(a >= b).then(|| "Greater")}
                </div>
            }
        "#;
        assert_eq!(words(source), ["Retry", "Now", "Greater"]);
    }
}
