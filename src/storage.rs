//! Where the connection is kept between page loads.
//!
//! By default only sessionStorage (gone when the tab closes), so the access token never lands
//! in localStorage unless the user ticks "Remember on this device".

use web_sys::Storage;

use crate::state::connection::Connection;

const KEY: &str = "sandbox-share.connection";

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read(storage: Option<Storage>) -> Option<Connection> {
    let raw = storage?.get_item(KEY).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

/// The saved connection (this tab's first, then a remembered one), or the first demo profile.
pub fn load_connection() -> Connection {
    read(session())
        .or_else(|| read(local()))
        .unwrap_or_default()
}

/// Saves the connection where its `remember` flag allows, and removes it from the other place.
pub fn save_connection(connection: &Connection) {
    let Ok(raw) = serde_json::to_string(connection) else {
        return;
    };
    let (keep, clear) = if connection.remember {
        (local(), session())
    } else {
        (session(), local())
    };
    if let Some(storage) = keep {
        let _ = storage.set_item(KEY, &raw);
    }
    if let Some(storage) = clear {
        let _ = storage.remove_item(KEY);
    }
}
