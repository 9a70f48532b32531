//! `cargo xtask test`: every check and test, ending with one `N passed, N failed` line.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::process::{project_root, run, tool_path, Result};
use crate::{cycles, sizes, tools, view_strings};

pub fn run_all() -> Result {
    // First: it reads sources only, so a cycle shows in a second, not after the build.
    cycles::check()?;
    view_strings::check()?;
    tools::ensure_build_tools()?;
    tools::ensure_chromium()?;

    run(
        "cargo fmt --check",
        Command::new("cargo").args(["fmt", "--all", "--", "--check"]),
    )?;
    run(
        "cargo clippy (host, whole workspace)",
        Command::new("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run(
        "cargo clippy (wasm32, the app)",
        Command::new("cargo").args([
            "clippy",
            "--package",
            "sandbox-share",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // The browser tests serve this build, so it comes before `cargo test`.
    run(
        "trunk build --release",
        tools::command("trunk").args(["build", "--release"]),
    )?;

    let counts = cargo_test()?;
    sizes::report(&project_root().join("dist"))?;
    println!("\n{} passed, {} failed", counts.passed, counts.failed);
    if counts.failed > 0 {
        return Err(format!("{} test(s) failed", counts.failed));
    }
    if counts.passed == 0 {
        return Err("no test ran".to_string());
    }
    Ok(())
}

#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
}

/// Runs `cargo test --workspace`, echoing its output and adding up every `test result:` line.
fn cargo_test() -> Result<Counts> {
    println!("\n==> cargo test --workspace (unit, server, golden and browser tests)");
    let mut child = Command::new("cargo")
        .args(["test", "--workspace"])
        .current_dir(project_root())
        .env("PATH", tool_path())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start cargo test: {error}"))?;
    let mut counts = Counts::default();
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|error| format!("reading cargo test output: {error}"))?;
        println!("{line}");
        if let Some(result) = line.strip_prefix("test result: ") {
            counts.passed += count_before(result, " passed");
            counts.failed += count_before(result, " failed");
        }
    }
    let status = child.wait().map_err(|error| error.to_string())?;
    if !status.success() && counts.failed == 0 {
        // A build error or a crashed test binary: nothing was counted as failed, yet it failed.
        counts.failed += 1;
        eprintln!("cargo test failed before reporting results ({status})");
    }
    Ok(counts)
}

/// In `ok. 12 passed; 0 failed; ...`, the number before `label`.
fn count_before(result: &str, label: &str) -> u64 {
    result
        .split(';')
        .find_map(|part| part.trim().strip_suffix(label.trim_start()).map(str::trim))
        .map(|number| number.rsplit(' ').next().unwrap_or(number))
        .and_then(|number| number.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::count_before;

    #[test]
    fn reads_counts_from_a_result_line() {
        let line =
            "ok. 12 passed; 3 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(count_before(line, " passed"), 12);
        assert_eq!(count_before(line, " failed"), 3);
        assert_eq!(count_before("FAILED. 0 passed; 2 failed;", " failed"), 2);
    }
}
