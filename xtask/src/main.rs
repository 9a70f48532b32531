//! `cargo xtask dev` runs the app against the local server with demo data;
//! `cargo xtask test` runs every check and test. Both install what a fresh machine lacks.

mod bench;
mod dev;
mod process;
mod sizes;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  dev    install missing tools, start exim-server --demo on 127.0.0.1:8081 and
         trunk serve on http://127.0.0.1:8080 (Ctrl-C stops both)
  test   fmt, clippy (host and wasm32), cargo test --workspace (browser tests included),
         trunk build --release; ends with 'N passed, N failed'
  bench [server]
         performance budgets; server: /transfer/list p50/p95 over 100,000 transfers";

fn main() -> ExitCode {
    let command = std::env::args().nth(1);
    let result = match command.as_deref() {
        Some("dev") => dev::run_dev(),
        Some("test") => test::run_all(),
        Some("bench") => bench::run_bench(std::env::args().nth(2).as_deref()),
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

/// The workspace root (the parent of this crate).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}
