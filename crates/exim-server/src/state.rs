//! What every request handler shares.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::ServerConfig;
use crate::db::{Db, OpenError};
use crate::demo;

#[derive(Clone)]
pub struct AppState {
    db: Db,
    static_dir: Option<PathBuf>,
    step: Duration,
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
        })
    }

    /// Pause between steps of simulated asynchronous work.
    pub fn step_interval(&self) -> Duration {
        self.step
    }

    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    pub(crate) fn static_dir(&self) -> Option<&Path> {
        self.static_dir.as_deref()
    }
}
