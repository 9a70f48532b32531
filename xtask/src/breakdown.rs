//! Where the release wasm's bytes go: function bytes by crate, our crates' largest functions,
//! and the data segments, for `cargo xtask bench` (and `bench size`).
//!
//! Read from the module wasm-bindgen writes during `trunk build --release`
//! (`target/wasm-bindgen/release/sandbox-share_bg.wasm`), which is what wasm-opt then shrinks
//! into `dist/`. It still has its `name` section: the release profile strips debug info only,
//! and wasm-bindgen keeps the names (demangled) unless told otherwise; wasm-opt drops them.
//! Not cargo's own output (`target/wasm32-unknown-unknown/release/sandbox-share.wasm`): that
//! one also holds wasm-bindgen's descriptor functions, which wasm-bindgen runs at build time
//! and removes, with all the code only they use.

mod module;
mod symbol;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::process::{project_root, Result};
use module::Module;

/// Crate names as they appear in symbols.
pub const OUR_CRATES: &[&str] = &["sandbox_share", "exim_api"];
/// Crates listed by name in the report; the rest are summed in one line.
const LISTED_CRATES: usize = 15;
const TOP_FUNCTIONS: usize = 20;
/// Functions the name section does not name.
const UNNAMED: &str = "(unnamed)";
/// Named, but not a Rust path: C and `#[no_mangle]` symbols (`memcpy`, `__wbindgen_malloc`).
const NOT_RUST: &str = "(other: not a Rust path)";

pub struct Breakdown {
    /// The module read, from the workspace root.
    pub source: PathBuf,
    pub file_bytes: usize,
    pub code_bytes: usize,
    pub data_bytes: usize,
    pub custom_bytes: usize,
    /// The code of cargo's output, before wasm-bindgen removed its descriptors.
    pub before_bindgen_code_bytes: Option<usize>,
    /// Function bytes by crate, largest first (with [`UNNAMED`] and [`NOT_RUST`] among them).
    pub crates: Vec<(String, usize)>,
    /// Our crates' largest functions: demangled name without hash, crate, bytes.
    pub top_functions: Vec<(String, String, usize)>,
}

impl Breakdown {
    /// The app's release module, as the last `trunk build --release` left it before wasm-opt;
    /// with the code size of cargo's output beside it, when it can be read.
    pub fn of_release_app() -> Result<Breakdown> {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| project_root().join("target"));
        let path = target.join("wasm-bindgen/release/sandbox-share_bg.wasm");
        let bytes = std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        let source = path.strip_prefix(project_root()).unwrap_or(&path);
        let mut breakdown = Breakdown::of(&bytes, source)?;
        let cargo_output = target.join("wasm32-unknown-unknown/release/sandbox-share.wasm");
        breakdown.before_bindgen_code_bytes = std::fs::read(cargo_output)
            .ok()
            .and_then(|bytes| Module::read(&bytes).ok())
            .map(|module| module.code_bytes());
        Ok(breakdown)
    }

    fn of(wasm: &[u8], source: &Path) -> Result<Breakdown> {
        let module = Module::read(wasm)?;
        if !module.has_function_names() {
            return Err(format!(
                "{} has no function names (a `name` section): is the release profile stripping symbols?",
                source.display()
            ));
        }
        let functions: Vec<(Option<String>, usize)> = module
            .functions
            .iter()
            .map(|function| (function.name.as_deref().map(readable), function.bytes))
            .collect();
        let (crates, top_functions) = group(&functions);
        Ok(Breakdown {
            source: source.to_path_buf(),
            file_bytes: module.file_bytes,
            code_bytes: module.code_bytes(),
            data_bytes: module.data_bytes,
            custom_bytes: module.custom_sections.iter().map(|(_, bytes)| bytes).sum(),
            before_bindgen_code_bytes: None,
            crates,
            top_functions,
        })
    }

    fn percent_of_code(&self, bytes: usize) -> f64 {
        bytes as f64 / self.code_bytes.max(1) as f64 * 100.0
    }

    /// The crates listed by name: the largest, and wherever they rank ours and the functions
    /// without a crate.
    fn listed_crates(&self) -> impl Iterator<Item = &(String, usize)> {
        self.crates.iter().enumerate().filter_map(|(rank, entry)| {
            let name = entry.0.as_str();
            let always = OUR_CRATES.contains(&name) || [UNNAMED, NOT_RUST].contains(&name);
            (rank < LISTED_CRATES || always).then_some(entry)
        })
    }

    fn unlisted(&self) -> (usize, usize) {
        let listed: Vec<&String> = self.listed_crates().map(|(name, _)| name).collect();
        let rest: Vec<usize> = self
            .crates
            .iter()
            .filter(|(name, _)| !listed.contains(&name))
            .map(|(_, bytes)| *bytes)
            .collect();
        (rest.len(), rest.iter().sum())
    }

    /// The overview paragraph: what was read, and how it relates to the shipped wasm.
    fn overview(&self, shipped: Option<Shipped>) -> String {
        let mut text = format!(
            "Read from `{}`, the module wasm-bindgen writes and wasm-opt then shrinks (dropping \
             the function names): {} in all, of which code (function bodies) {}, data segments \
             (`.rodata`, statics) {}, custom sections (names, producers; never downloaded) {}.",
            self.source.display(),
            kb(self.file_bytes),
            kb(self.code_bytes),
            kb(self.data_bytes),
            kb(self.custom_bytes),
        );
        if let Some(before) = self.before_bindgen_code_bytes {
            let _ = write!(
                text,
                " Cargo's output before wasm-bindgen has {} of code: the difference is \
                 wasm-bindgen's descriptor functions, run at build time and removed, and what \
                 only they use.",
                kb(before)
            );
        }
        if let Some(shipped) = shipped {
            let executable = self.code_bytes + self.data_bytes;
            let _ = write!(
                text,
                " The first visit downloads it after wasm-opt: {} raw, {} gzip -9, that is \
                 {:.2} gzip bytes per byte of code and data here. A crate's share of code \
                 carries over roughly to the gzip figure; its bytes here do not (wasm-opt \
                 shrinks some code more than other, and gzip compresses it unevenly).",
                kb(shipped.raw),
                kb(shipped.gzip),
                shipped.gzip as f64 / executable.max(1) as f64,
            );
        }
        text
    }

    pub fn markdown(&self, shipped: Option<Shipped>) -> String {
        let mut out = format!(
            "\n## Where the wasm bytes go\n\n{}\n\n",
            self.overview(shipped)
        );
        out += "Function bytes by crate: a function belongs to the crate of its path; an impl \
                method `<A as B>::f` to `A`'s crate, unless `A` is from `core`/`alloc`/`std` or \
                not a path (`&T`, a tuple, a type parameter), or `B` is ours: then `B`'s; drop \
                glue to the dropped type's crate.\n\n";
        out += "| Crate | Bytes | % of code |\n|---|---:|---:|\n";
        for (name, bytes) in self.listed_crates() {
            let _ = writeln!(
                out,
                "| {name} | {} | {:.1} % |",
                kb(*bytes),
                self.percent_of_code(*bytes)
            );
        }
        let (count, bytes) = self.unlisted();
        if count > 0 {
            let _ = writeln!(
                out,
                "| {count} other crates | {} | {:.1} % |",
                kb(bytes),
                self.percent_of_code(bytes)
            );
        }
        let _ = writeln!(out, "| **code** | **{}** | 100 % |", kb(self.code_bytes));
        let _ = writeln!(out, "| data segments | {} | |", kb(self.data_bytes));
        let _ = write!(
            out,
            "\nOur largest functions ({}):\n\n| # | Function | Bytes |\n|---:|---|---:|\n",
            OUR_CRATES.join(", ")
        );
        for (rank, (name, _, bytes)) in self.top_functions.iter().enumerate() {
            let name = name.replace('|', "\\|");
            let _ = writeln!(out, "| {} | `{name}` | {} |", rank + 1, bytes);
        }
        out
    }

    /// A short version for the terminal: the crates and our ten largest functions.
    pub fn text(&self) -> String {
        let mut out = format!(
            "\nWhere the wasm bytes go ({}; code {}, data {})\n",
            self.source.display(),
            kb(self.code_bytes),
            kb(self.data_bytes)
        );
        for (name, bytes) in self.listed_crates() {
            let share = self.percent_of_code(*bytes);
            let _ = writeln!(out, "  {name:<40} {:>12} {share:>6.1} %", kb(*bytes));
        }
        let (count, bytes) = self.unlisted();
        if count > 0 {
            let share = self.percent_of_code(bytes);
            let name = format!("{count} other crates");
            let _ = writeln!(out, "  {name:<40} {:>12} {share:>6.1} %", kb(bytes));
        }
        out += "  our largest functions:\n";
        for (name, _, bytes) in self.top_functions.iter().take(10) {
            let _ = writeln!(out, "  {bytes:>8}  {name}");
        }
        out
    }

    pub fn json(&self, shipped: Option<Shipped>) -> Value {
        json!({
            "source": self.source.display().to_string(),
            "file_bytes": self.file_bytes,
            "code_bytes": self.code_bytes,
            "data_bytes": self.data_bytes,
            "custom_section_bytes": self.custom_bytes,
            "code_bytes_before_wasm_bindgen": self.before_bindgen_code_bytes,
            "shipped_wasm": shipped.map(|s| json!({"raw_bytes": s.raw, "gzip_bytes": s.gzip})),
            "crates": self.crates.iter().map(|(name, bytes)| json!({
                "crate": name,
                "bytes": bytes,
                "percent_of_code": self.percent_of_code(*bytes),
            })).collect::<Vec<_>>(),
            "top_functions": self.top_functions.iter().map(|(name, krate, bytes)| json!({
                "function": name,
                "crate": krate,
                "bytes": bytes,
            })).collect::<Vec<_>>(),
        })
    }
}

/// The wasm as downloaded: after wasm-bindgen and wasm-opt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shipped {
    pub raw: usize,
    pub gzip: usize,
}

/// A function's name as a person reads it. A mangled Rust symbol is demangled without its
/// hash. wasm-bindgen demangles names itself but keeps what identifies them:
/// `core::fmt::write::h0123456789abcdef` (legacy symbols), crate disambiguators
/// `core[c5930c85a12de822]::fmt::write` (v0 symbols: the precompiled standard library), and a
/// counter after a repeated name (`…::fmt[2]`); those are dropped. Anything else stays as it is.
fn readable(name: &str) -> String {
    if let Ok(symbol) = rustc_demangle::try_demangle(name) {
        return format!("{symbol:#}");
    }
    let mut text = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after_identifier = rest[..open]
            .chars()
            .next_back()
            .is_some_and(|c| c == '_' || c.is_alphanumeric());
        let hex = rest[open + 1..]
            .find(']')
            .map(|len| &rest[open + 1..open + 1 + len])
            .filter(|hex| {
                (1..=16).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit())
            });
        match hex {
            Some(hex) if after_identifier => {
                text += &rest[..open];
                rest = &rest[open + hex.len() + 2..];
            }
            _ => {
                text += &rest[..=open];
                rest = &rest[open + 1..];
            }
        }
    }
    text += rest;
    match text.rsplit_once("::h") {
        Some((path, hash)) if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
            path.to_string()
        }
        _ => text,
    }
}

/// Function bytes by crate (largest first), and our crates' largest functions.
#[allow(clippy::type_complexity)]
fn group(
    functions: &[(Option<String>, usize)],
) -> (Vec<(String, usize)>, Vec<(String, String, usize)>) {
    let mut crates: Vec<(String, usize)> = Vec::new();
    let mut ours = Vec::new();
    for (name, bytes) in functions {
        let owner = match name {
            None => UNNAMED.to_string(),
            Some(name) => symbol::crate_of(name, OUR_CRATES).unwrap_or(NOT_RUST.to_string()),
        };
        if let (Some(name), true) = (name, OUR_CRATES.contains(&owner.as_str())) {
            ours.push((name.clone(), owner.clone(), *bytes));
        }
        match crates.iter_mut().find(|(known, _)| *known == owner) {
            Some((_, total)) => *total += bytes,
            None => crates.push((owner, *bytes)),
        }
    }
    crates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ours.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    ours.truncate(TOP_FUNCTIONS);
    (crates, ours)
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn functions(list: &[(Option<&str>, usize)]) -> Vec<(Option<String>, usize)> {
        list.iter()
            .map(|(name, bytes)| (name.map(str::to_string), *bytes))
            .collect()
    }

    #[test]
    fn bytes_are_summed_by_crate_and_ours_ranked() {
        let (crates, top) = group(&functions(&[
            (Some("leptos::mount::mount_to_body"), 300),
            (
                Some("<alloc::string::String as leptos::IntoView>::into_view"),
                200,
            ),
            (Some("sandbox_share::pages::packages::PackagesPage"), 400),
            (
                Some("core::ptr::drop_in_place<exim_api::TransferRecord>"),
                50,
            ),
            (
                Some("<exim_api::TransferRecord as serde::de::Deserialize>::deserialize"),
                450,
            ),
            (Some("memcpy"), 70),
            (None, 30),
        ]));
        assert_eq!(
            crates,
            [
                ("exim_api".to_string(), 500),
                ("leptos".to_string(), 500),
                ("sandbox_share".to_string(), 400),
                (NOT_RUST.to_string(), 70),
                (UNNAMED.to_string(), 30),
            ]
        );
        let names: Vec<(&str, usize)> = top
            .iter()
            .map(|(name, _, bytes)| (name.as_str(), *bytes))
            .collect();
        assert_eq!(
            names,
            [
                (
                    "<exim_api::TransferRecord as serde::de::Deserialize>::deserialize",
                    450
                ),
                ("sandbox_share::pages::packages::PackagesPage", 400),
                ("core::ptr::drop_in_place<exim_api::TransferRecord>", 50),
            ]
        );
    }

    #[test]
    fn names_are_read_without_their_hash() {
        assert_eq!(
            readable("_ZN4core3fmt5write17h0123456789abcdefE"),
            "core::fmt::write"
        );
        assert_eq!(
            readable("core::fmt::write::h0123456789abcdef"),
            "core::fmt::write"
        );
        assert_eq!(
            readable("<&T as core::fmt::Debug>::fmt::h0123456789abcdef[2]"),
            "<&T as core::fmt::Debug>::fmt"
        );
        assert_eq!(
            readable("<core[c5930c85a12de822]::str::pattern::StrSearcher>::new"),
            "<core::str::pattern::StrSearcher>::new"
        );
        assert_eq!(
            readable("<[T] as core::fmt::Debug>::fmt"),
            "<[T] as core::fmt::Debug>::fmt"
        );
        assert_eq!(readable("<[u8; 4]>::len[3]"), "<[u8; 4]>::len");
        assert_eq!(readable("memcpy"), "memcpy");
        assert_eq!(
            readable("sandbox_share::hash::h12"),
            "sandbox_share::hash::h12"
        );
    }

    #[test]
    fn a_module_without_names_is_refused() {
        // The smallest module: one function, no name section.
        let wasm = b"\0asm\x01\0\0\0\x01\x04\x01\x60\0\0\x03\x02\x01\0\x0a\x04\x01\x02\0\x0b";
        let refused = Breakdown::of(wasm, Path::new("app.wasm"));
        assert!(refused.is_err_and(|error| error.contains("no function names")));
    }

    #[test]
    fn the_report_lists_ours_even_when_small() {
        let mut crates: Vec<(String, usize)> = (0..20)
            .map(|i| (format!("crate{i:02}"), 1000 - i))
            .collect();
        crates.push(("exim_api".into(), 1));
        crates.push((NOT_RUST.into(), 1));
        let breakdown = Breakdown {
            source: "app.wasm".into(),
            file_bytes: 30_000,
            code_bytes: crates.iter().map(|(_, b)| b).sum(),
            data_bytes: 5_000,
            custom_bytes: 1_000,
            before_bindgen_code_bytes: Some(40_000),
            crates,
            top_functions: vec![("exim_api::f".into(), "exim_api".into(), 1)],
        };
        let markdown = breakdown.markdown(Some(Shipped {
            raw: 20_000,
            gzip: 8_000,
        }));
        assert!(markdown.contains("| crate14 |"));
        assert!(!markdown.contains("| crate15 |"));
        assert!(markdown.contains("| exim_api | 0.0 KB | 0.0 % |"));
        assert!(markdown.contains("| 5 other crates |"));
        assert!(markdown.contains(&format!("| {NOT_RUST} |")));
        assert!(markdown.contains("| 1 | `exim_api::f` | 1 |"));
        assert!(markdown.contains("8.0 KB gzip -9"));
        assert!(markdown.contains("before wasm-bindgen has 40.0 KB of code"));
    }
}
