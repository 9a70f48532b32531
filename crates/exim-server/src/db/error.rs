//! How the database fails: while opening it (startup) and while serving a request.

use std::fmt;
use std::path::PathBuf;

/// A failure while serving a request from the database.
#[derive(Debug)]
pub enum DbError {
    Sqlite(rusqlite::Error),
    WorkerPanicked,
}

impl From<rusqlite::Error> for DbError {
    fn from(error: rusqlite::Error) -> Self {
        DbError::Sqlite(error)
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Sqlite(error) => write!(f, "database error: {error}"),
            DbError::WorkerPanicked => f.write_str("database work panicked"),
        }
    }
}

impl std::error::Error for DbError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DbError::Sqlite(error) => Some(error),
            DbError::WorkerPanicked => None,
        }
    }
}

/// Why the server's state could not be opened.
#[derive(Debug)]
pub enum OpenError {
    CreateDirectory {
        path: PathBuf,
        source: std::io::Error,
    },
    Sqlite(rusqlite::Error),
    /// The file was migrated by a newer server; opening it could corrupt it.
    SchemaTooNew {
        found: i64,
        supported: i64,
    },
}

impl From<rusqlite::Error> for OpenError {
    fn from(error: rusqlite::Error) -> Self {
        OpenError::Sqlite(error)
    }
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::CreateDirectory { path, source } => {
                write!(f, "cannot create directory {}: {source}", path.display())
            }
            OpenError::Sqlite(error) => write!(f, "cannot open the database: {error}"),
            OpenError::SchemaTooNew { found, supported } => write!(
                f,
                "the database schema is version {found} but this server knows only up to {supported}"
            ),
        }
    }
}

impl std::error::Error for OpenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OpenError::CreateDirectory { source, .. } => Some(source),
            OpenError::Sqlite(error) => Some(error),
            OpenError::SchemaTooNew { .. } => None,
        }
    }
}
