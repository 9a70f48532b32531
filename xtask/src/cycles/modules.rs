//! A crate's module tree as files: which file holds which module, found from the crate root
//! by following `mod name;` declarations the way rustc does without `#[path]`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::tokens::{tokenize, Kind, Token};

/// A crate's source files by path relative to its `src/`, with their text.
pub type Sources = BTreeMap<PathBuf, String>;

/// A module's path from the crate root: `["pages", "packages"]`; the root is `[]`.
pub type ModulePath = Vec<String>;

pub struct ModuleTree {
    files: BTreeMap<ModulePath, PathBuf>,
}

impl ModuleTree {
    /// The modules reachable from `root` (`lib.rs` or `main.rs`). A declared module whose file
    /// is missing (behind `#[path]`, or generated) is left out.
    pub fn discover(sources: &Sources, root: &Path) -> ModuleTree {
        let mut files = BTreeMap::new();
        let mut pending = vec![(ModulePath::new(), root.to_path_buf())];
        while let Some((module, file)) = pending.pop() {
            let Some(text) = sources.get(&file) else {
                continue;
            };
            let dir = child_dir(&file, module.is_empty());
            for name in declared_modules(&tokenize(text)) {
                let candidates = [
                    dir.join(format!("{name}.rs")),
                    dir.join(&name).join("mod.rs"),
                ];
                if let Some(child) = candidates.into_iter().find(|c| sources.contains_key(c)) {
                    let mut path = module.clone();
                    path.push(name);
                    pending.push((path, child));
                }
            }
            files.insert(module, file);
        }
        ModuleTree { files }
    }

    pub fn modules(&self) -> impl Iterator<Item = (&ModulePath, &PathBuf)> {
        self.files.iter()
    }

    /// The file of the longest prefix of `path` that is a file module (at worst the root).
    pub fn file_of(&self, path: &[String]) -> &Path {
        (0..=path.len())
            .rev()
            .find_map(|len| self.files.get(&path[..len]))
            .map(PathBuf::as_path)
            .unwrap_or_else(|| Path::new(""))
    }

    /// The file modules declared directly in `module`.
    pub fn children(&self, module: &[String]) -> Vec<String> {
        self.files
            .keys()
            .filter(|path| path.len() == module.len() + 1 && path.starts_with(module))
            .filter_map(|path| path.last().cloned())
            .collect()
    }
}

/// Where the files of `file`'s child modules live: beside a crate root or `mod.rs`, otherwise
/// in the folder named after the file (`a/b.rs` → `a/b/`).
fn child_dir(file: &Path, is_root: bool) -> PathBuf {
    let parent = file.parent().unwrap_or(Path::new("")).to_path_buf();
    let stem = file.file_stem().unwrap_or_default();
    if is_root || stem == "mod" {
        parent
    } else {
        parent.join(stem)
    }
}

/// `mod name;` at the top level of a file (not the inline `mod name { … }`).
fn declared_modules(tokens: &[Token]) -> Vec<String> {
    let mut depth = 0usize;
    let mut names = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        match &token.kind {
            Kind::Punct('{') => depth += 1,
            Kind::Punct('}') => depth = depth.saturating_sub(1),
            Kind::Ident(keyword) if keyword == "mod" && depth == 0 => {
                if let (Some(Kind::Ident(name)), Some(true)) = (
                    tokens.get(index + 1).map(|t| &t.kind),
                    tokens.get(index + 2).map(|t| t.is_punct(';')),
                ) {
                    names.push(name.clone());
                }
            }
            _ => {}
        }
    }
    names
}

#[cfg(test)]
pub fn sources(files: &[(&str, &str)]) -> Sources {
    files
        .iter()
        .map(|(path, text)| (PathBuf::from(path), text.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(segments: &[&str]) -> ModulePath {
        segments.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn files_are_found_as_rustc_finds_them() {
        let sources = sources(&[
            (
                "lib.rs",
                "mod a; pub mod b; #[cfg(test)] mod c; mod inline { mod x; }",
            ),
            ("a.rs", "mod deep;"),
            ("a/deep.rs", ""),
            ("b/mod.rs", "pub(crate) mod leaf;"),
            ("b/leaf.rs", ""),
            ("orphan.rs", ""),
        ]);
        let tree = ModuleTree::discover(&sources, Path::new("lib.rs"));
        let found: Vec<_> = tree
            .modules()
            .map(|(module, file)| (module.join("::"), file.display().to_string()))
            .collect();
        assert_eq!(
            found,
            [
                ("", "lib.rs"),
                ("a", "a.rs"),
                ("a::deep", "a/deep.rs"),
                ("b", "b/mod.rs"),
                ("b::leaf", "b/leaf.rs"),
            ]
            .map(|(m, f)| (m.to_string(), f.to_string()))
        );
        assert_eq!(tree.children(&[]), ["a", "b"]);
    }

    #[test]
    fn a_path_belongs_to_the_file_of_its_longest_module_prefix() {
        let sources = sources(&[
            ("main.rs", "mod a;"),
            ("a/mod.rs", "mod b;"),
            ("a/b.rs", ""),
        ]);
        let tree = ModuleTree::discover(&sources, Path::new("main.rs"));
        assert_eq!(
            tree.file_of(&path(&["a", "b", "Item"])),
            Path::new("a/b.rs")
        );
        assert_eq!(
            tree.file_of(&path(&["a", "Thing", "new"])),
            Path::new("a/mod.rs")
        );
        assert_eq!(tree.file_of(&path(&["helper"])), Path::new("main.rs"));
    }
}
