//! `cargo xtask dev` runs the app against the local server with demo data;
//! `cargo xtask test` runs every check and test. Both install what a fresh machine lacks.
//! `cargo xtask bench` measures the performance budgets.

mod bench;
mod breakdown;
mod budgets;
mod cycles;
mod dev;
mod process;
mod ratios;
mod report;
mod sizes;
mod test;
mod tokens;
mod tools;
mod view_strings;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  dev    install missing tools, start exim-server --demo on 127.0.0.1:8081 and
         trunk serve on http://127.0.0.1:8080 (Ctrl-C stops both)
  cycles the module cycle check alone: no source file refers to one that refers back to it
  strings the check that no view! holds a hard-coded word (all come from locales/)
  test   module cycles, words in views, fmt, clippy (host and wasm32), cargo test --workspace (browser
         tests included), trunk build --release; ends with 'N passed, N failed'
  bench [server|app|size] [--soak-secs N] [--poll-secs N] [--fail-on-miss]
         performance budgets, reported in target/bench/report.md and report.json:
           server  /transfer/list p50/p95 over 100,000 transfers
           app     release bytes (raw, gzip -9, brotli 11) and where the wasm's go (by crate,
                   our largest functions); in headless Chromium against the release
                   exim-server: Packages load time (cold, warm), 100-row Sharing Status pages
                   against the same rows in plain DOM code, polling requests/min (windows of
                   --poll-secs, default 30) and a soak (--soak-secs, default 600)
           size    only the release bytes and where the wasm's go, without a browser
         without a part, server and app; exits non-zero only when something could not be
         measured, or with --fail-on-miss when a budget is missed";

fn main() -> ExitCode {
    let command = std::env::args().nth(1);
    let result = match command.as_deref() {
        Some("dev") => dev::run_dev(),
        Some("cycles") => cycles::check(),
        Some("strings") => view_strings::check(),
        Some("test") => test::run_all(),
        Some("bench") => bench::run_bench(&std::env::args().skip(2).collect::<Vec<_>>()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}
