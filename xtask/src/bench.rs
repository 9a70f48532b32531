//! `cargo xtask bench`: performance budgets, measured, never asserted in timed tests.
//!
//! `server` (the only part so far): latency of `GET /exim/transfer/list` over 100,000
//! transfers, for a first page, deep pages, a status filter and a package-name search; fails
//! when a p95 exceeds 15 ms.

use std::process::Command;

use crate::process::{run, Result};

const P95_BUDGET_MS: &str = "15";

pub fn run_bench(part: Option<&str>) -> Result {
    match part.unwrap_or("server") {
        "server" => server(),
        other => Err(format!("unknown benchmark '{other}'; available: server")),
    }
}

fn server() -> Result {
    run(
        "exim-server: /transfer/list latency over 100,000 transfers (p95 budget 15 ms)",
        Command::new("cargo").args([
            "run",
            "--release",
            "--package",
            "exim-server",
            "--example",
            "exim-bench",
            "--",
            "--transfers",
            "100000",
            "--fail-above-ms",
            P95_BUDGET_MS,
        ]),
    )
}
