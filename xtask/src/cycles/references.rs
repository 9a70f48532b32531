//! The paths into the crate that a file refers to, made absolute: `crate::a::b`, `super::x`,
//! `self::child::y` and `child::z` (a module the file declares), in `use` items or anywhere in
//! code, with grouped `use` trees expanded. Whatever the path names after its module (a type,
//! a function, a glob) is kept: the module tree decides which prefix is a file.

use super::modules::ModulePath;
use crate::tokens::{Kind, Token};

#[derive(Debug, PartialEq)]
pub struct Reference {
    /// From the crate root, e.g. `["pages", "packages", "PackagesPage"]`.
    pub path: ModulePath,
    /// Where the path's last segment is written.
    pub line: usize,
}

/// The references in a file whose module is `module` and which declares the file modules
/// `children`. Inside an inline `mod name { … }` paths are relative to that inline module,
/// which belongs to the same file.
pub fn references(tokens: &[Token], module: &[String], children: &[String]) -> Vec<Reference> {
    let mut found = Vec::new();
    let mut scope = module.to_vec();
    // Brace depth at which each inline module opened.
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0;
    let mut pending_inline = None;
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        match &token.kind {
            Kind::Punct('{') => {
                depth += 1;
                if let Some(name) = pending_inline.take() {
                    scope.push(name);
                    inline.push(depth);
                }
            }
            Kind::Punct('}') => {
                if inline.last() == Some(&depth) {
                    inline.pop();
                    scope.pop();
                }
                depth -= usize::from(depth > 0);
            }
            Kind::Ident(keyword) if keyword == "mod" => {
                if let (Some(Kind::Ident(name)), Some(true)) = (
                    tokens.get(index + 1).map(|t| &t.kind),
                    tokens.get(index + 2).map(|t| t.is_punct('{')),
                ) {
                    pending_inline = Some(name.clone());
                }
            }
            Kind::Ident(first)
                if starts_path(tokens, index, first, inline.is_empty(), children) =>
            {
                let mut end = index;
                for (relative, line) in use_tree(tokens, &mut end) {
                    if let Some(path) = absolute(&scope, &relative) {
                        found.push(Reference { path, line });
                    }
                }
                index = end;
                continue;
            }
            _ => {}
        }
        index += 1;
    }
    found
}

/// `crate`, `super`, `self` or a declared child module, followed by `::`, and not itself the
/// tail of a longer path, a field or method (`x.child::<T>()`), or a `pub(in crate::a)`.
fn starts_path(
    tokens: &[Token],
    index: usize,
    first: &str,
    at_file_scope: bool,
    children: &[String],
) -> bool {
    let is_start = matches!(first, "crate" | "super" | "self")
        || (at_file_scope && children.iter().any(|child| child == first));
    let followed = tokens
        .get(index + 1)
        .is_some_and(|t| t.kind == Kind::PathSep);
    let before = |back: usize| index.checked_sub(back).map(|at| &tokens[at]);
    let continues = before(1).is_some_and(|t| t.kind == Kind::PathSep || t.is_punct('.'));
    let visibility =
        before(1).is_some_and(|t| t.is_ident("in")) && before(2).is_some_and(|t| t.is_punct('('));
    is_start && followed && !continues && !visibility
}

/// Reads `a::b::{c, d::{e, self}, f::*}` from `tokens[*at]`, leaving `*at` after it; returns
/// each expanded path with the line of its last segment.
fn use_tree(tokens: &[Token], at: &mut usize) -> Vec<(Vec<String>, usize)> {
    let mut prefix = Vec::new();
    let mut line = tokens.get(*at).map_or(0, |t| t.line);
    while let Some(token) = tokens.get(*at) {
        match &token.kind {
            Kind::Ident(segment) => {
                prefix.push(segment.clone());
                line = token.line;
                *at += 1;
                if tokens.get(*at).map(|t| &t.kind) != Some(&Kind::PathSep) {
                    break;
                }
                *at += 1;
            }
            Kind::Punct('*') => {
                *at += 1;
                break;
            }
            Kind::Punct('{') => {
                *at += 1;
                let mut paths = Vec::new();
                while let Some(token) = tokens.get(*at) {
                    if token.is_punct('}') {
                        *at += 1;
                        break;
                    }
                    if token.is_punct(',') {
                        *at += 1;
                        continue;
                    }
                    let before = *at;
                    for (tail, line) in use_tree(tokens, at) {
                        paths.push(([prefix.clone(), tail].concat(), line));
                    }
                    // Not a use tree (`crate::a::{` cannot be anything else, but be safe).
                    if *at == before {
                        *at += 1;
                    }
                }
                return paths;
            }
            _ => break,
        }
    }
    vec![(prefix, line)]
}

/// `relative` from the module `scope`, from the crate root; None for a path that leaves it.
fn absolute(scope: &[String], relative: &[String]) -> Option<ModulePath> {
    let (first, rest) = relative.split_first()?;
    let mut path = match first.as_str() {
        "crate" => Vec::new(),
        "self" => scope.to_vec(),
        "super" => scope.split_last()?.1.to_vec(),
        child => [scope, &[child.to_string()]].concat(),
    };
    for segment in rest {
        match segment.as_str() {
            // `super::super::x`, or `self` closing a group: `use a::{self, b}`.
            "super" => {
                path.pop()?;
            }
            "self" => {}
            _ => path.push(segment.clone()),
        }
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn found(source: &str, module: &[&str], children: &[&str]) -> Vec<(String, usize)> {
        let module: Vec<String> = module.iter().map(|s| s.to_string()).collect();
        let children: Vec<String> = children.iter().map(|s| s.to_string()).collect();
        references(&tokenize(source), &module, &children)
            .into_iter()
            .map(|r| (r.path.join("::"), r.line))
            .collect()
    }

    fn paths(source: &str, module: &[&str], children: &[&str]) -> Vec<String> {
        found(source, module, children)
            .into_iter()
            .map(|(path, _)| path)
            .collect()
    }

    #[test]
    fn grouped_uses_expand_to_each_path_with_its_line() {
        let source = "use crate::{a::X,\n  b::{Y, c::Z, self},\n  d::*};";
        assert_eq!(
            found(source, &[], &[]),
            [
                ("a::X".to_string(), 1),
                ("b::Y".to_string(), 2),
                ("b::c::Z".to_string(), 2),
                ("b".to_string(), 2),
                ("d".to_string(), 3),
            ]
        );
    }

    #[test]
    fn super_self_and_children_are_relative_to_the_module() {
        let source = "use super::X; use super::sibling::Y; use super::super::top::Z;
                      pub use child::W; fn f() { self::child::g(); other::h(); }";
        assert_eq!(
            paths(source, &["a", "b"], &["child"]),
            [
                "a::X",
                "a::sibling::Y",
                "top::Z",
                "a::b::child::W",
                "a::b::child::g"
            ]
        );
    }

    #[test]
    fn paths_in_code_count_and_their_tails_do_not() {
        let source = "fn f() -> crate::api::Error { let x = crate::state::parse(1);
                      leptos::child::X; x.child::<u8>(); crate::a::Foo::<T>::new() }";
        assert_eq!(
            paths(source, &[], &["child"]),
            ["api::Error", "state::parse", "a::Foo"]
        );
    }

    #[test]
    fn a_bare_declaration_and_visibility_are_not_references() {
        let source =
            "mod child; pub(crate) fn f() {} pub(in crate::a) fn g() {} pub(super) fn h() {}";
        assert!(paths(source, &["a", "b"], &["child"]).is_empty());
    }

    #[test]
    fn inline_modules_shift_super_and_self() {
        let source = "fn f() { super::up(); }
                      #[cfg(test)] mod tests { use super::*; use super::child::Fixture; }
                      fn g() { child::h(); }";
        assert_eq!(
            paths(source, &["a"], &["child"]),
            ["up", "a", "a::child::Fixture", "a::child::h"]
        );
    }

    #[test]
    fn comments_and_strings_name_nothing() {
        let source = "// use crate::a;\nconst S: &str = \"crate::b::c\";";
        assert!(paths(source, &[], &[]).is_empty());
    }
}
