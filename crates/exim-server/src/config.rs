//! How a server instance is set up.

use std::path::PathBuf;

/// Default pause between steps of simulated asynchronous work (publishing, transfers).
pub const DEFAULT_STEP_MS: u64 = 1500;

#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// SQLite file; `None` keeps everything in memory (tests).
    pub db_path: Option<PathBuf>,
    /// Load the demo directory and packages when the database is empty.
    pub demo: bool,
    /// A built app to serve beside the API.
    pub static_dir: Option<PathBuf>,
    /// Milliseconds between steps of simulated asynchronous work.
    pub step_ms: u64,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            db_path: None,
            demo: false,
            static_dir: None,
            step_ms: DEFAULT_STEP_MS,
        }
    }
}
