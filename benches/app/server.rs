//! The server under measurement: the release `exim-server` binary with test hooks, serving
//! `dist/` from a temporary database that holds the demo data, 100,000 transfers and 50
//! packages to share in bulk.
//!
//! The transfers are seeded in-process first (through the library, as the server benchmark
//! does); the binary then opens the same database, whose demo data is already there.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use exim_server::{AppState, ServerConfig};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::page::Result;

pub const SEEDED_TRANSFERS: usize = 100_000;
/// Published private packages of Acme for the bulk share, named `{BULK_PREFIX} 001`….
pub const BULK_PACKAGES: usize = 50;
pub const BULK_PREFIX: &str = "Bulk share benchmark";

pub struct Server {
    pub base_url: String,
    _process: Child,
    _database: tempfile::TempDir,
}

impl Server {
    pub async fn start(binary: &Path, step_ms: u64) -> Result<Server> {
        let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
        if !dist.join("index.html").exists() {
            return Err(format!(
                "no release build in {}: run `trunk build --release`",
                dist.display()
            )
            .into());
        }
        if !binary.exists() {
            return Err(format!(
                "{} is missing: run `cargo build --release -p exim-server`",
                binary.display()
            )
            .into());
        }
        let database = tempfile::tempdir()?;
        let db_path = database.path().join("bench.sqlite3");
        let state = AppState::open(&ServerConfig {
            db_path: Some(db_path.clone()),
            demo: true,
            ..ServerConfig::default()
        })?;
        state.seed_benchmark_transfers(SEEDED_TRANSFERS)?;
        state.seed_benchmark_packages(BULK_PREFIX, BULK_PACKAGES)?;
        drop(state);

        let mut process = Command::new(binary)
            .arg("--addr=127.0.0.1:0")
            .arg(format!("--db={}", db_path.display()))
            .arg(format!("--static-dir={}", dist.display()))
            .arg(format!("--step-ms={step_ms}"))
            .arg("--test-hooks")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", binary.display()))?;
        let mut lines = BufReader::new(process.stdout.take().expect("stdout is piped")).lines();
        let listening = tokio::time::timeout(Duration::from_secs(30), async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(rest) = line.strip_prefix("exim-server listening on ") {
                    return rest.split_whitespace().next().map(str::to_string);
                }
            }
            None
        })
        .await
        .ok()
        .flatten()
        .ok_or("exim-server did not say where it listens")?;
        // Keep reading so that the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        println!("exim-server (release, step {step_ms} ms) at {listening} with {SEEDED_TRANSFERS} seeded transfers");
        Ok(Server {
            base_url: listening,
            _process: process,
            _database: database,
        })
    }
}
