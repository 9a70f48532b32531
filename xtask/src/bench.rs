//! `cargo xtask bench [server|app|size] [--soak-secs N] [--poll-secs N] [--fail-on-miss]`: the
//! performance budgets, measured and reported (never asserted in timed tests).
//!
//! - `server`: exim-server's `/transfer/list` p50/p95 over 100,000 transfers (the `exim-bench`
//!   example, release build).
//! - `app`: the release build's bytes (raw, gzip -9, brotli 11) and where the wasm's go, then
//!   the `app` bench target in headless Chromium against the release exim-server: Packages
//!   load times, 100-row Sharing Status pages (and the same rows in plain DOM code), a
//!   partner page's first page, the CSV export, polling rates, a soak and a bulk share.
//! - `size`: only the release build's bytes and where the wasm's go, without a browser.
//!
//! The report is printed and written to `target/bench/report.md` and `report.json`. The exit
//! status is non-zero when a measurement could not be made, or with `--fail-on-miss` when a
//! budget is missed.

mod bytes;
mod options;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::breakdown::{Breakdown, Shipped};
use crate::budgets::{self, SERVER};
use crate::process::{output_of, project_root, run, Result};
use crate::report::{self, Row, Verdict};
use crate::{ratios, tools};
use options::Options;

pub fn run_bench(args: &[String]) -> Result {
    let options = Options::parse(args)?;
    let out = project_root().join("target").join("bench");
    std::fs::create_dir_all(&out).map_err(|error| format!("{}: {error}", out.display()))?;

    let mut results = Results::default();
    let mut wasm = None;
    if options.size {
        wasm = release_app(&options, &out, &mut results);
    }
    if options.server {
        results.add("server", server(&out));
    }
    let Results { mut rows, failures } = results;
    rows.extend(ratios::ratios(&rows));
    rows.sort_by_key(|row| budgets::section_rank(&row.section));

    let title = title(&options);
    println!("\n==> {title}");
    print!("{}", report::text_table(&rows));
    let mut markdown = report::markdown(&title, &rows, &failures);
    let mut json = report::json(&title, &rows, &failures);
    if let Some((breakdown, shipped)) = &wasm {
        print!("{}", breakdown.text());
        markdown += &breakdown.markdown(*shipped);
        json["wasm_breakdown"] = breakdown.json(*shipped);
    }
    println!("\n{}", report::summary(&rows, &failures));
    write(&out.join("report.md"), &markdown)?;
    write(&out.join("report.json"), &format!("{json:#}\n"))?;
    println!("(also in target/bench/report.md and report.json)");

    if !failures.is_empty() {
        return Err(format!("{} part(s) could not be measured", failures.len()));
    }
    let missed = rows
        .iter()
        .filter(|row| matches!(row.verdict(), Some(Verdict::Missed { .. })))
        .count();
    if options.fail_on_miss && missed > 0 {
        return Err(format!("{missed} budget(s) missed (--fail-on-miss)"));
    }
    Ok(())
}

fn title(options: &Options) -> String {
    let mut commit = output_of("git", &["rev-parse", "--short", "HEAD"]).unwrap_or_default();
    if output_of("git", &["status", "--porcelain"]).is_some_and(|changes| !changes.is_empty()) {
        commit += " with uncommitted changes";
    }
    let date = output_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default();
    let mut title = format!("Sandbox Share benchmark, {date}, commit {commit}");
    if options.app {
        title += &format!(
            ", polling windows {} s, soak {} s",
            options.poll_secs, options.soak_secs
        );
    }
    title
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}

/// exim-bench over 100,000 transfers; one p50 and one p95 row per scenario.
fn server(out: &Path) -> Result<Vec<Row>> {
    let json = fresh(out.join("server.json"))?;
    run(
        "exim-server: /transfer/list latency over 100,000 transfers",
        Command::new("cargo")
            .args([
                "run",
                "--release",
                "--package",
                "exim-server",
                "--example",
                "exim-bench",
                "--",
                "--transfers",
                "100000",
                "--json",
            ])
            .arg(&json),
    )?;
    let scenarios = read_json(&json)?;
    let mut rows = Vec::new();
    for (index, scenario) in scenarios.iter().enumerate() {
        let name = scenario["scenario"].as_str().unwrap_or("?");
        for quantile in ["p50", "p95"] {
            let value = scenario[format!("{quantile}_ms")].as_f64().ok_or(format!(
                "{}: no {quantile}_ms in {scenario}",
                json.display()
            ))?;
            rows.push(Row::new(
                format!("server.{index}.{quantile}_ms"),
                SERVER,
                format!("{name}: {quantile}"),
                value,
                "ms",
            ));
        }
    }
    Ok(rows)
}

#[derive(Default)]
struct Results {
    rows: Vec<Row>,
    /// What could not be measured, and why.
    failures: Vec<String>,
}

impl Results {
    fn add(&mut self, part: &str, result: Result<Vec<Row>>) {
        match result {
            Ok(measured) => self.rows.extend(measured),
            Err(error) => self.failures.push(format!("{part}: {error}")),
        }
    }
}

/// The release build, its bytes and where the wasm's go; then, for `app`, the browser
/// measurements. Returns the breakdown, with the shipped wasm's size when it could be read.
fn release_app(
    options: &Options,
    out: &Path,
    results: &mut Results,
) -> Option<(Breakdown, Option<Shipped>)> {
    let built = tools::ensure_build_tools().and_then(|()| {
        run(
            "trunk build --release",
            tools::command("trunk").args(["build", "--release"]),
        )
    });
    if let Err(error) = built {
        results.failures.push(format!("app: {error}"));
        return None;
    }
    let dist = project_root().join("dist");
    results.add("bytes", bytes::first_visit(&dist));
    results.add("bytes", bytes::languages(&dist));
    let breakdown = Breakdown::of_release_app()
        .map_err(|error| results.failures.push(format!("wasm breakdown: {error}")))
        .ok();
    if options.app {
        results.add("app", browser(options, out));
    }
    breakdown.map(|breakdown| (breakdown, bytes::shipped_wasm(&dist).ok()))
}

/// The release exim-server, then the `app` bench target in headless Chromium against it.
fn browser(options: &Options, out: &Path) -> Result<Vec<Row>> {
    tools::ensure_chromium()?;
    run(
        "build the release exim-server",
        Command::new("cargo").args([
            "build",
            "--release",
            "--package",
            "exim-server",
            "--bin",
            "exim-server",
        ]),
    )?;
    let json = fresh(out.join("app.json"))?;
    let server = project_root().join("target/release/exim-server");
    run(
        "the app in headless Chromium (benches/app)",
        Command::new("cargo")
            .args(["bench", "--profile", "dev", "--bench", "app", "--"])
            .args(["--soak-secs", &options.soak_secs.to_string()])
            .args(["--poll-secs", &options.poll_secs.to_string()])
            .arg("--json")
            .arg(&json)
            .arg("--server")
            .arg(&server),
    )?;
    let mut rows = Vec::new();
    for measured in read_json(&json)? {
        let text = |key: &str| measured[key].as_str().unwrap_or_default().to_string();
        let value = measured["value"]
            .as_f64()
            .ok_or(format!("{}: no value in {measured}", json.display()))?;
        rows.push(Row::new(
            text("id"),
            &text("section"),
            text("label"),
            value,
            &text("unit"),
        ));
    }
    Ok(rows)
}

/// `path`, with any result of an earlier run removed so that it is never read by mistake.
fn fresh(path: PathBuf) -> Result<PathBuf> {
    match std::fs::remove_file(&path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("{}: {error}", path.display()))
        }
        _ => Ok(path),
    }
}

fn read_json(path: &Path) -> Result<Vec<serde_json::Value>> {
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))?;
    serde_json::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))
}
