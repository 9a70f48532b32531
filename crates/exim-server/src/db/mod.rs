//! SQLite storage. Every SQL statement of the server lives under this module.

pub mod bench_seed;
pub mod directory;
mod error;
mod filter_sql;
pub mod handshakes;
pub mod import_results;
pub mod jobs;
mod migrations;
pub mod package_history;
pub mod packages;
mod page_window;
pub mod sandbox_objects;
pub mod transfers;

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, Transaction};

pub use error::{DbError, OpenError};

/// The shared connection. SQLite serializes writers anyway, and one connection keeps an
/// in-memory database alive for the whole process.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating when needed) the database file, or an in-memory database for `None`,
    /// and brings its schema up to date.
    pub fn open(path: Option<&Path>) -> Result<Db, OpenError> {
        let mut conn = match path {
            Some(path) => {
                create_parent_directory(path)?;
                let conn = Connection::open(path)?;
                // WAL lets readers (a second server, the sqlite3 shell) work during writes.
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| {
                    row.get::<_, String>(0)
                })?;
                conn.pragma_update(None, "synchronous", "NORMAL")?;
                conn
            }
            None => Connection::open_in_memory()?,
        };
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        migrations::apply(&mut conn)?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs database work on the blocking thread pool so that it never stalls the runtime.
    pub async fn call<T, F>(&self, work: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.call_blocking(work))
            .await
            .map_err(|_| DbError::WorkerPanicked)?
            .map_err(DbError::Sqlite)
    }

    /// Runs database work on the current thread; for startup, outside request handling.
    pub fn call_blocking<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        work(&mut self.lock())
    }

    /// Runs `work` in one transaction on the blocking thread pool: committed when `work`
    /// succeeds, rolled back when it fails, so a refused request changes nothing.
    pub async fn transaction<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&Transaction<'_>) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.transaction_blocking(work))
            .await
            .map_err(|_| E::from(DbError::WorkerPanicked))?
    }

    /// [`Db::transaction`] on the current thread.
    pub fn transaction_blocking<T, E>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let mut conn = self.lock();
        let tx = conn
            .transaction()
            .map_err(|error| E::from(DbError::Sqlite(error)))?;
        let value = work(&tx)?;
        tx.commit()
            .map_err(|error| E::from(DbError::Sqlite(error)))?;
        Ok(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic in earlier work cannot leave the connection half-written: an open
        // transaction rolls back when dropped, so the poisoned guard is safe to reuse.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn create_parent_directory(path: &Path) -> Result<(), OpenError> {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => {
            std::fs::create_dir_all(parent).map_err(|source| OpenError::CreateDirectory {
                path: parent.to_path_buf(),
                source,
            })
        }
        _ => Ok(()),
    }
}
