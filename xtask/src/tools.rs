//! Installs exactly the tool versions the build needs, and only when missing or wrong.

use std::process::Command;

use crate::process::{output_of, project_root, run, tool_path, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything `trunk build` / `trunk serve` need.
pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_npm_tools()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()
}

fn ensure_wasm_target() -> Result {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    run(
        "install the wasm32 target",
        Command::new("rustup").args(["target", "add", WASM_TARGET]),
    )
}

/// wasm-opt (binaryen 132) and axe-core, pinned in package-lock.json.
fn ensure_npm_tools() -> Result {
    let root = project_root();
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    let axe = root.join("node_modules/axe-core/axe.min.js");
    let wasm_opt_ok =
        output_of(&wasm_opt, &["--version"]).is_some_and(|version| version.contains("version_132"));
    if wasm_opt_ok && axe.exists() {
        return Ok(());
    }
    run(
        "install npm tools (binaryen 132, axe-core)",
        Command::new("npm").args(["ci", "--no-audit", "--no-fund"]),
    )
}

fn ensure_trunk() -> Result {
    let version = output_of(cargo_bin("trunk"), &["--version"]).unwrap_or_default();
    if version.ends_with(TRUNK_VERSION) {
        return Ok(());
    }
    run(
        &format!("install trunk {TRUNK_VERSION} (takes several minutes, once)"),
        Command::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]),
    )
}

/// wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, or the build breaks.
fn ensure_wasm_bindgen() -> Result {
    let wanted = locked_version("wasm-bindgen")?;
    let version = output_of(cargo_bin("wasm-bindgen"), &["--version"]).unwrap_or_default();
    if version.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    // Without --locked: one of its locked dependencies is no longer on the registry.
    run(
        &format!("install wasm-bindgen-cli {wanted} (takes a few minutes, once)"),
        Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]),
    )
}

/// Chromium and its driver for the browser tests, from Debian's packages.
pub fn ensure_chromium() -> Result {
    let present = |path: &str| std::path::Path::new(path).exists();
    if present(CHROMIUM) && present(CHROMEDRIVER) {
        return Ok(());
    }
    let installed = run("apt-get update", Command::new("apt-get").arg("update")).and_then(|()| {
        run(
            "install chromium and chromium-driver",
            Command::new("apt-get").args(["install", "-y", "chromium", "chromium-driver"]),
        )
    });
    match installed {
        Ok(()) if present(CHROMIUM) && present(CHROMEDRIVER) => Ok(()),
        _ => Err(format!(
            "the browser tests need {CHROMIUM} and {CHROMEDRIVER} and they could not be installed.\n\
             Install them with: sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
        )),
    }
}

/// The version of a package as pinned in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let marker = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&marker)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + marker.len();
    let end = lock[start..].find('"').map(|len| start + len);
    end.map(|end| lock[start..end].to_string())
        .ok_or_else(|| format!("malformed Cargo.lock entry for {package}"))
}

/// A command that finds the pinned tools first.
pub fn command(program: &str) -> Command {
    let mut command = Command::new(program);
    command.env("PATH", tool_path());
    command
}

fn cargo_bin(name: &str) -> std::path::PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| std::path::PathBuf::from(home).join(".cargo"))
        })
        .unwrap_or_default();
    home.join("bin").join(name)
}
