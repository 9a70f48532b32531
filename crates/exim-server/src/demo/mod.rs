//! The demo (api-notes §14), loaded with `--demo` into an empty database: its directory,
//! packages, partnerships and transfers, one submodule each. Ids and dates are derived
//! deterministically so that tests and screenshots are the same on every machine.

mod dates;
mod directory;
mod ids;
mod object_dependencies;
mod packages;
mod partnerships;
mod sandbox_objects;
mod transfers;

use rusqlite::Connection;

use crate::db::directory::is_empty;
use directory::{ORGS, USERS};

pub use directory::{ACME, GLOBEX, INITECH, UMBRELLA};

/// A demo sign-in, as printed at startup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoToken {
    pub token: &'static str,
    pub ims_org_id: &'static str,
    pub org_name: &'static str,
    /// The Access Control permissions the user holds.
    pub permissions: &'static [&'static str],
}

/// Every demo token with its org and permissions.
pub fn demo_tokens() -> Vec<DemoToken> {
    USERS
        .iter()
        .map(|user| DemoToken {
            token: user.token,
            ims_org_id: user.ims_org_id,
            org_name: ORGS
                .iter()
                .find(|org| org.ims_org_id == user.ims_org_id)
                .map_or("", |org| org.name),
            permissions: user.permissions,
        })
        .collect()
}

/// Loads the demo into an empty database; a database with any org is left untouched.
/// Returns whether the demo was loaded.
pub fn load_into_empty(conn: &mut Connection) -> rusqlite::Result<bool> {
    let tx = conn.transaction()?;
    if !is_empty(&tx)? {
        return Ok(false);
    }
    directory::load(&tx)?;
    packages::load(&tx)?;
    sandbox_objects::load(&tx)?;
    object_dependencies::load(&tx)?;
    partnerships::load(&tx)?;
    transfers::load(&tx)?;
    tx.commit()?;
    Ok(true)
}
