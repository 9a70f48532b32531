//! What every request handler shares.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::Transaction;
use tokio::sync::Notify;

use crate::clock::now_ms;
use crate::config::ServerConfig;
use crate::db::{bench_seed, Db, OpenError};
use crate::demo;
use crate::error::ApiError;
use crate::test_hooks::TestHooks;
use crate::worker;

#[derive(Clone)]
pub struct AppState {
    db: Db,
    static_dir: Option<PathBuf>,
    step: Duration,
    /// Tells the worker that new work was created.
    wake: Arc<Notify>,
    worker_started: Arc<AtomicBool>,
    test_hooks: Option<Arc<TestHooks>>,
}

impl AppState {
    /// Opens the database (migrating it) and loads the demo data when asked to.
    pub fn open(config: &ServerConfig) -> Result<AppState, OpenError> {
        let db = Db::open(config.db_path.as_deref())?;
        if config.demo {
            if db.call_blocking(demo::load_into_empty)? {
                tracing::info!("loaded the demo directory and packages");
            } else {
                tracing::info!("database already has data; demo data not loaded");
            }
        }
        Ok(AppState {
            db,
            static_dir: config.static_dir.clone(),
            step: Duration::from_millis(config.step_ms),
            wake: Arc::new(Notify::new()),
            worker_started: Arc::new(AtomicBool::new(false)),
            test_hooks: None,
        })
    }

    /// Enables the local test endpoints `/_local/requests` and `/_local/faults` (what
    /// `exim-server --test-hooks` does); see the crate documentation for their formats.
    pub fn with_test_hooks(mut self) -> AppState {
        self.test_hooks = Some(Arc::new(TestHooks::default()));
        self
    }

    /// Whether [`AppState::with_test_hooks`] was called.
    pub fn test_hooks_enabled(&self) -> bool {
        self.test_hooks.is_some()
    }

    pub(crate) fn test_hooks(&self) -> Option<Arc<TestHooks>> {
        self.test_hooks.clone()
    }

    /// For benchmarks: adds `count` finished transfers between the demo orgs (mostly Acme to
    /// its partners, a tenth the other way), spread over the past year. Needs the demo
    /// directory (`ServerConfig::demo`).
    pub fn seed_benchmark_transfers(&self, count: usize) -> Result<(), OpenError> {
        let targets = [demo::GLOBEX, demo::INITECH, demo::UMBRELLA];
        self.db.call_blocking(|conn| {
            bench_seed::seed_transfers(conn, demo::ACME, &targets, count, now_ms())
        })?;
        Ok(())
    }

    /// For benchmarks: adds `count` published private packages of Acme in `acme-sandbox`, named
    /// `{name_prefix} 001`…, that the Acme admin may share.
    pub fn seed_benchmark_packages(
        &self,
        name_prefix: &str,
        count: usize,
    ) -> Result<(), OpenError> {
        let name_prefix = name_prefix.to_string();
        self.db.call_blocking(move |conn| {
            bench_seed::seed_shareable_packages(
                conn,
                demo::ACME,
                "acme-sandbox",
                &name_prefix,
                count,
                now_ms(),
            )
        })?;
        Ok(())
    }

    /// Adds `count` synthetic jobs of Acme, for benchmarks of the jobs list.
    pub fn seed_benchmark_jobs(&self, count: usize) -> Result<(), OpenError> {
        self.db
            .call_blocking(|conn| bench_seed::seed_jobs(conn, demo::ACME, count, now_ms()))?;
        Ok(())
    }

    /// Pause between steps of simulated asynchronous work.
    pub fn step_interval(&self) -> Duration {
        self.step
    }

    pub(crate) fn step_ms(&self) -> i64 {
        i64::try_from(self.step.as_millis()).unwrap_or(i64::MAX)
    }

    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    /// Runs request work in one database transaction; a refusal rolls everything back.
    pub(crate) async fn transaction<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.db.transaction(work).await
    }

    pub(crate) fn static_dir(&self) -> Option<&Path> {
        self.static_dir.as_deref()
    }

    /// Starts the worker that advances this state's asynchronous work (publishing, imports,
    /// transfers) one step per `step_ms`; without it, such work stays where it was created.
    /// Once per state and its clones: later calls do nothing. Must be called inside a tokio
    /// runtime, on which the worker runs until the runtime shuts down.
    pub fn start_worker(&self) {
        if self.worker_started.swap(true, Ordering::SeqCst) {
            return;
        }
        worker::spawn(self.db.clone(), self.wake.clone(), self.step_ms());
    }

    /// Lets the worker see new work before its next scheduled check.
    pub(crate) fn wake_worker(&self) {
        self.wake.notify_one();
    }
}
