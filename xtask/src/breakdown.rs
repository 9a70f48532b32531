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
mod names;
mod render;
mod symbol;

use std::path::{Path, PathBuf};

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
            .map(|function| {
                (
                    function.name.as_deref().map(names::readable),
                    function.bytes,
                )
            })
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
}

/// The wasm as downloaded: after wasm-bindgen and wasm-opt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shipped {
    pub raw: usize,
    pub gzip: usize,
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
    fn a_module_without_names_is_refused() {
        // The smallest module: one function, no name section.
        let wasm = b"\0asm\x01\0\0\0\x01\x04\x01\x60\0\0\x03\x02\x01\0\x0a\x04\x01\x02\0\x0b";
        let refused = Breakdown::of(wasm, Path::new("app.wasm"));
        assert!(refused.is_err_and(|error| error.contains("no function names")));
    }
}
