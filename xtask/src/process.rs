//! Running commands with a visible echo and a readable failure.

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of this crate), where every command runs.
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Prints the step, runs it in the project root, and fails with its name if it fails.
pub fn run(description: &str, command: &mut Command) -> Result {
    println!("\n==> {description}");
    let status = command
        .current_dir(project_root())
        .status()
        .map_err(|error| {
            format!(
                "{description}: could not start {:?}: {error}",
                command.get_program()
            )
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{description} failed ({status})"))
    }
}

/// The trimmed standard output of a command, or None when it cannot run or fails.
pub fn output_of(program: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// PATH with `node_modules/.bin` and `~/.cargo/bin` first, so the pinned tools are found.
pub fn tool_path() -> String {
    let root = project_root();
    let mut entries = vec![root.join("node_modules").join(".bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME").or_else(|| {
        std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo").into_os_string())
    }) {
        entries.push(Path::new(&home).join("bin"));
    }
    let existing = std::env::var_os("PATH").unwrap_or_default();
    entries.extend(std::env::split_paths(&existing));
    std::env::join_paths(entries)
        .expect("PATH entries contain no separator")
        .to_string_lossy()
        .into_owned()
}
