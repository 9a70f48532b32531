//! `cargo xtask bench [server|app] [--soak-secs N] [--poll-secs N] [--fail-on-miss]`: the
//! performance budgets, measured and reported (never asserted in timed tests).
//!
//! - `server`: exim-server's `/transfer/list` p50/p95 over 100,000 transfers (the `exim-bench`
//!   example, release build).
//! - `app`: the release build's bytes (raw, gzip -9, brotli 11), then the `app` bench target
//!   in headless Chromium against the release exim-server: Packages load times, 100-row
//!   Sharing Status pages, polling rates and a soak.
//!
//! The report is printed and written to `target/bench/report.md` and `report.json`. The exit
//! status is non-zero when a measurement could not be made, or with `--fail-on-miss` when a
//! budget is missed.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::budgets::{self, BYTES, SERVER};
use crate::process::{output_of, project_root, run, Result};
use crate::report::{self, Row, Verdict};
use crate::{sizes, tools};

#[derive(Debug, PartialEq)]
struct Options {
    server: bool,
    app: bool,
    soak_secs: u64,
    poll_secs: u64,
    fail_on_miss: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            server: true,
            app: true,
            soak_secs: 600,
            poll_secs: 30,
            fail_on_miss: false,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut seconds = |flag: &str| -> Result<u64> {
                let value = args
                    .next()
                    .ok_or(format!("{flag} needs a number of seconds"))?;
                match value.parse() {
                    Ok(secs) if secs > 0 => Ok(secs),
                    _ => Err(format!("{flag}: '{value}' is not a number of seconds")),
                }
            };
            match arg.as_str() {
                "server" => options.app = false,
                "app" => options.server = false,
                "--soak-secs" => options.soak_secs = seconds("--soak-secs")?,
                "--poll-secs" => options.poll_secs = seconds("--poll-secs")?,
                "--fail-on-miss" => options.fail_on_miss = true,
                other => return Err(format!("bench: unknown argument '{other}'")),
            }
        }
        if !options.server && !options.app {
            return Err("bench: choose one of server or app (or neither, for both)".into());
        }
        Ok(options)
    }
}

pub fn run_bench(args: &[String]) -> Result {
    let options = Options::parse(args)?;
    let out = project_root().join("target").join("bench");
    std::fs::create_dir_all(&out).map_err(|error| format!("{}: {error}", out.display()))?;

    let mut rows = Vec::new();
    let mut failures = Vec::new();
    let mut measure = |part: &str, result: Result<Vec<Row>>| match result {
        Ok(measured) => rows.extend(measured),
        Err(error) => failures.push(format!("{part}: {error}")),
    };
    if options.app {
        measure("app", app(&options, &out));
    }
    if options.server {
        measure("server", server(&out));
    }
    rows.sort_by_key(|row| budgets::section_rank(&row.section));

    let title = title(&options);
    println!("\n==> {title}");
    print!("{}", report::text_table(&rows));
    let summary = report::summary(&rows, &failures);
    println!("\n{summary}");
    write(
        &out.join("report.md"),
        &report::markdown(&title, &rows, &failures),
    )?;
    let json = report::json(&title, &rows, &failures);
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
            rows.push(row(
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

/// The release build's bytes, then the browser measurements.
fn app(options: &Options, out: &Path) -> Result<Vec<Row>> {
    tools::ensure_build_tools()?;
    tools::ensure_chromium()?;
    run(
        "trunk build --release",
        tools::command("trunk").args(["build", "--release"]),
    )?;
    let mut rows = bytes(&project_root().join("dist"))?;
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
    for measured in read_json(&json)? {
        let text = |key: &str| measured[key].as_str().unwrap_or_default().to_string();
        let value = measured["value"]
            .as_f64()
            .ok_or(format!("{}: no value in {measured}", json.display()))?;
        rows.push(row(
            text("id"),
            &text("section"),
            text("label"),
            value,
            &text("unit"),
        ));
    }
    Ok(rows)
}

/// How many bytes some content takes in one encoding.
type Encoded = fn(&[u8]) -> Result<usize>;

/// `(id key, label, size)` of each encoding a first visit may download.
const ENCODINGS: [(&str, &str, Encoded); 3] = [
    ("raw", "raw", |bytes| Ok(bytes.len())),
    ("gzip", "gzip -9", sizes::gzip_len),
    ("brotli", "brotli 11", sizes::brotli_len),
];

/// Raw, gzip -9 and brotli 11 sizes of the `.wasm`, `.js` and `.css` files (each kind
/// summed: the CSS is one small file per widget), and their totals.
fn bytes(dist: &Path) -> Result<Vec<Row>> {
    let mut kinds: Vec<(String, usize, [usize; 3])> = Vec::new();
    for path in sizes::downloaded_files(dist)? {
        let content =
            std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        let kind = path
            .extension()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let index = match kinds.iter().position(|(known, _, _)| *known == kind) {
            Some(index) => index,
            None => {
                kinds.push((kind, 0, [0; 3]));
                kinds.len() - 1
            }
        };
        let (_, files, sizes) = &mut kinds[index];
        *files += 1;
        for ((_, _, size), total) in ENCODINGS.iter().zip(sizes.iter_mut()) {
            *total += size(&content)?;
        }
    }
    if kinds.is_empty() {
        return Err(format!("no .wasm, .js or .css in {}", dist.display()));
    }
    let mut rows = Vec::new();
    let mut totals = [0usize; 3];
    for (kind, files, sizes) in &kinds {
        let what = match files {
            1 => format!(".{kind}"),
            _ => format!(".{kind} ({files} files)"),
        };
        for ((key, label, _), (size, total)) in ENCODINGS.iter().zip(sizes.iter().zip(&mut totals))
        {
            *total += size;
            rows.push(row(
                format!("bytes.{kind}.{key}"),
                BYTES,
                format!("{what}, {label}"),
                kb(*size),
                "KB",
            ));
        }
    }
    for ((key, label, _), total) in ENCODINGS.iter().zip(totals) {
        rows.push(row(
            format!("bytes.total.{key}"),
            BYTES,
            format!("total, {label}"),
            kb(total),
            "KB",
        ));
    }
    Ok(rows)
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

fn row(id: String, section: &str, label: String, value: f64, unit: &str) -> Row {
    Row {
        budget: budgets::budget(&id),
        id,
        section: section.to_string(),
        label,
        value,
        unit: unit.to_string(),
    }
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

#[cfg(test)]
mod tests {
    use super::{bytes, Options};

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(&args.iter().map(|arg| arg.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn everything_by_default_with_a_ten_minute_soak() {
        let options = parse(&[]).unwrap();
        assert!(options.server && options.app && !options.fail_on_miss);
        assert_eq!((options.soak_secs, options.poll_secs), (600, 30));
    }

    #[test]
    fn a_part_and_options_in_any_order() {
        let options = parse(&["--soak-secs", "60", "app", "--fail-on-miss"]).unwrap();
        assert!(options.app && !options.server && options.fail_on_miss);
        assert_eq!(options.soak_secs, 60);
        assert!(parse(&["server"]).is_ok_and(|o| o.server && !o.app));
    }

    #[test]
    fn bad_arguments_are_refused() {
        assert!(parse(&["--poll-secs"]).is_err());
        assert!(parse(&["--poll-secs", "0"]).is_err());
        assert!(parse(&["--soak-secs", "ten"]).is_err());
        assert!(parse(&["client"]).is_err());
        assert!(parse(&["server", "app"]).is_err());
    }

    #[test]
    fn bytes_are_summed_per_kind_of_file_and_in_total() {
        let dist = std::env::temp_dir().join(format!("xtask-bytes-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        for (name, size) in [
            ("app.wasm", 3000),
            ("a.css", 1000),
            ("b.css", 500),
            ("index.html", 9),
        ] {
            std::fs::write(dist.join(name), vec![b'x'; size]).unwrap();
        }
        let rows = bytes(&dist);
        std::fs::remove_dir_all(&dist).unwrap();
        let rows = rows.unwrap();
        let value = |label: &str| {
            rows.iter()
                .find(|row| row.label == label)
                .map(|row| row.value)
        };
        assert_eq!(value(".css (2 files), raw"), Some(1.5));
        assert_eq!(value(".wasm, raw"), Some(3.0));
        assert_eq!(value("total, raw"), Some(4.5));
        let gzip = rows
            .iter()
            .find(|row| row.id == "bytes.total.gzip")
            .unwrap();
        assert_eq!(gzip.budget, Some(200.0));
        assert!(gzip.value < 4.5, "repeated bytes compress");
        assert_eq!(rows.len(), 9);
    }
}
