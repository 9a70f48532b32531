//! `cargo xtask cycles`, also the first step of `cargo xtask test`: no source file of a crate
//! refers to a file that refers back to it, directly or through others.
//!
//! The nodes are a crate's files (an inline `mod tests { … }` belongs to its file). A file
//! depends on another when it names a path into it — `crate::a::b::X`, `super::X`,
//! `self::child::X`, `child::X`, in a `use` or anywhere in code — resolved to the file of the
//! longest module prefix that is a file. Declaring `mod child;` is not a dependency;
//! `pub use child::X` is. Every cycle is reported with its files and one shortest loop, each
//! step with the line that makes it.
//!
//! A crate's binary root and its library are separate crates: `main.rs` naming the library by
//! its crate name cannot make a cycle (the library cannot name the binary), so it is not read.

mod graph;
mod modules;
mod references;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::process::{project_root, Result};
use graph::Graph;
use modules::{ModuleTree, Sources};

/// Each crate checked: its name and its `src/`, from the workspace root.
const CRATES: &[(&str, &str)] = &[
    ("sandbox-share", "src"),
    ("exim-api", "crates/exim-api/src"),
    ("exim-server", "crates/exim-server/src"),
    ("xtask", "xtask/src"),
];
const CRATE_ROOTS: &[&str] = &["lib.rs", "main.rs"];

pub fn check() -> Result {
    println!("\n==> module cycles");
    let mut failed = Vec::new();
    for (name, dir) in CRATES {
        let sources = load(&project_root().join(dir))?;
        let cycles = cycles_in(&sources);
        if cycles.is_empty() {
            println!("{name}: no cycle");
            continue;
        }
        let count = match cycles.len() {
            1 => "1 cycle".to_string(),
            many => format!("{many} cycles"),
        };
        println!("{name} ({dir}/): {count}");
        for cycle in &cycles {
            print!("{}", describe(cycle, dir, &sources));
        }
        failed.push(format!("{name} {count}"));
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("module cycles: {}", failed.join(", ")))
    }
}

/// One step of a loop: `from` names a path into `to` on `line`.
#[derive(Debug, Clone, PartialEq)]
struct Edge {
    from: PathBuf,
    to: PathBuf,
    line: usize,
}

#[derive(Debug, PartialEq)]
struct Cycle {
    files: Vec<PathBuf>,
    /// A shortest loop through the first file, back to it.
    steps: Vec<Edge>,
}

fn cycles_in(sources: &Sources) -> Vec<Cycle> {
    let edges = dependencies(sources);
    let files: Vec<&PathBuf> = sources.keys().collect();
    let node = |file: &PathBuf| files.binary_search(&file).ok();
    let mut graph = Graph {
        edges: vec![Vec::new(); files.len()],
    };
    for edge in &edges {
        if let (Some(from), Some(to)) = (node(&edge.from), node(&edge.to)) {
            graph.edges[from].push(to);
        }
    }
    graph
        .cycles()
        .into_iter()
        .map(|component| {
            let path = graph.shortest_loop(component[0], &component);
            let steps = path
                .windows(2)
                .filter_map(|pair| {
                    edges
                        .iter()
                        .find(|e| e.from == *files[pair[0]] && e.to == *files[pair[1]])
                        .cloned()
                })
                .collect();
            Cycle {
                files: component.iter().map(|&n| files[n].clone()).collect(),
                steps,
            }
        })
        .collect()
}

/// Every file-to-file dependency of a crate, once, with the first line that makes it.
fn dependencies(sources: &Sources) -> Vec<Edge> {
    let mut first_line: BTreeMap<(PathBuf, PathBuf), usize> = BTreeMap::new();
    for root in CRATE_ROOTS {
        let tree = ModuleTree::discover(sources, Path::new(root));
        for (module, file) in tree.modules() {
            let tokens = crate::tokens::tokenize(&sources[file]);
            let children = tree.children(module);
            for reference in references::references(&tokens, module, &children) {
                let target = tree.file_of(&reference.path);
                if target != file {
                    let line = first_line
                        .entry((file.clone(), target.to_path_buf()))
                        .or_insert(reference.line);
                    *line = (*line).min(reference.line);
                }
            }
        }
    }
    first_line
        .into_iter()
        .map(|((from, to), line)| Edge { from, to, line })
        .collect()
}

fn describe(cycle: &Cycle, dir: &str, sources: &Sources) -> String {
    let name = |file: &Path| file.display().to_string();
    let files: Vec<String> = cycle.files.iter().map(|file| name(file)).collect();
    let mut text = format!("  cycle of {} files:\n", files.len());
    text += &wrap(&files, "    ", 100);
    let mut path: Vec<String> = cycle.steps.iter().map(|step| name(&step.from)).collect();
    path.extend(cycle.steps.first().map(|step| name(&step.from)));
    text += &format!("  for example {}:\n", path.join(" → "));
    let places: Vec<String> = cycle
        .steps
        .iter()
        .map(|step| format!("{dir}/{}:{}", name(&step.from), step.line))
        .collect();
    let width = places.iter().map(|place| place.chars().count()).max();
    for (step, place) in cycle.steps.iter().zip(&places) {
        let code = sources[&step.from]
            .lines()
            .nth(step.line - 1)
            .unwrap_or_default()
            .trim();
        text += &format!("    {place:<width$}  {code}\n", width = width.unwrap_or(0));
    }
    text
}

/// `items` comma-separated in lines of at most `columns` characters (or one item).
fn wrap(items: &[String], indent: &str, columns: usize) -> String {
    let mut text = String::new();
    let mut line = String::from(indent);
    for (index, item) in items.iter().enumerate() {
        let item = match index + 1 == items.len() {
            true => item.clone(),
            false => format!("{item},"),
        };
        if line.len() > indent.len() && line.len() + 1 + item.len() > columns {
            text += line.trim_end();
            text.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line += &item;
    }
    text + &line + "\n"
}

/// The `.rs` files under `dir`, by path relative to it.
fn load(dir: &Path) -> Result<Sources> {
    let mut sources = Sources::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|error| format!("{}: {error}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|error| format!("{}: {error}", folder.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path)
                    .map_err(|error| format!("{}: {error}", path.display()))?;
                let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
                sources.insert(relative, text);
            }
        }
    }
    Ok(sources)
}

#[cfg(test)]
mod tests {
    use super::modules::sources;
    use super::*;

    fn names(files: &[PathBuf]) -> Vec<String> {
        files.iter().map(|f| f.display().to_string()).collect()
    }

    #[test]
    fn a_crate_without_back_references_has_no_cycle() {
        let sources = sources(&[
            ("lib.rs", "mod app; mod pages; mod state; pub use app::App;"),
            ("app.rs", "use crate::pages::home::Home;"),
            ("pages/mod.rs", "pub mod home;"),
            (
                "pages/home.rs",
                "use crate::state::Query; use super::super::state::x;",
            ),
            (
                "state.rs",
                "pub struct Query; #[cfg(test)] mod tests { use super::*; }",
            ),
        ]);
        assert_eq!(cycles_in(&sources), []);
    }

    #[test]
    fn each_cycle_lists_its_files_and_a_loop_with_lines() {
        let sources = sources(&[
            ("main.rs", "mod app;\nmod pages;\nmod error;\nmod auth;"),
            ("app.rs", "use crate::pages::{\n    home::Home,\n};"),
            ("pages/mod.rs", "pub mod home;"),
            (
                "pages/home.rs",
                "// crate::app\n\nfn f() { crate::app::shell(); }",
            ),
            ("error.rs", "use crate::auth::Denied;"),
            ("auth.rs", "fn f() -> crate::error::ApiError { todo!() }"),
        ]);
        let cycles = cycles_in(&sources);
        assert_eq!(cycles.len(), 2);
        assert_eq!(names(&cycles[0].files), ["app.rs", "pages/home.rs"]);
        assert_eq!(
            cycles[0].steps,
            [
                Edge {
                    from: "app.rs".into(),
                    to: "pages/home.rs".into(),
                    line: 2
                },
                Edge {
                    from: "pages/home.rs".into(),
                    to: "app.rs".into(),
                    line: 3
                },
            ]
        );
        assert_eq!(names(&cycles[1].files), ["auth.rs", "error.rs"]);
        let text = describe(&cycles[0], "src", &sources);
        assert!(text.contains("for example app.rs → pages/home.rs → app.rs"));
        assert!(text.contains("src/pages/home.rs:3"));
        assert!(text.contains("fn f() { crate::app::shell(); }"));
    }

    #[test]
    fn re_exporting_a_child_that_names_its_parent_is_a_cycle() {
        let sources = sources(&[
            ("lib.rs", "mod a;"),
            ("a.rs", "mod b;\npub use b::Thing;\npub struct Base;"),
            ("a/b.rs", "use super::Base;\npub struct Thing(Base);"),
        ]);
        let cycles = cycles_in(&sources);
        // Paths sort by component: the folder `a/` before `a.rs`.
        assert_eq!(names(&cycles[0].files), ["a/b.rs", "a.rs"]);
    }

    #[test]
    fn the_checked_crates_exist() {
        for (_, dir) in CRATES {
            let sources = load(&project_root().join(dir)).unwrap();
            assert!(
                CRATE_ROOTS
                    .iter()
                    .any(|root| sources.contains_key(Path::new(root))),
                "{dir} has no lib.rs or main.rs"
            );
        }
    }
}
