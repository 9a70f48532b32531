//! Orgs, users (with their tokens and permissions) and sandboxes.

use rusqlite::{params, Connection, OptionalExtension, Row};

use exim_api::{SandboxState, SandboxType};

use crate::directory::{Org, Sandbox, User};

pub fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM orgs)", [], |row| {
        row.get(0)
    })
}

pub fn insert_org(conn: &Connection, org: &Org) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO orgs (ims_org_id, name, region, tenant_id) VALUES (?1, ?2, ?3, ?4)",
        params![org.ims_org_id, org.name, org.region, org.tenant_id],
    )?;
    Ok(())
}

pub fn insert_user(conn: &Connection, user: &User, token: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO users (id, token, ims_org_id, display_name) VALUES (?1, ?2, ?3, ?4)",
        params![user.id, token, user.ims_org_id, user.display_name],
    )?;
    let mut insert_permission =
        conn.prepare_cached("INSERT INTO user_permissions (user_id, permission) VALUES (?1, ?2)")?;
    for permission in &user.permissions {
        insert_permission.execute(params![user.id, permission])?;
    }
    Ok(())
}

pub fn insert_sandbox(conn: &Connection, sandbox: &Sandbox) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sandboxes (id, ims_org_id, name, title, sandbox_type, is_default, state,
                                created_date, modified_date, created_by, modified_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            sandbox.id,
            sandbox.ims_org_id,
            sandbox.name,
            sandbox.title,
            sandbox.sandbox_type.as_str(),
            sandbox.is_default,
            sandbox.state.as_str(),
            sandbox.created_date,
            sandbox.modified_date,
            sandbox.created_by,
            sandbox.modified_by,
        ],
    )?;
    Ok(())
}

/// The user holding `token`, with their org.
pub fn find_user_by_token(conn: &Connection, token: &str) -> rusqlite::Result<Option<(User, Org)>> {
    let found = conn
        .prepare_cached(
            "SELECT u.id, u.ims_org_id, u.display_name, o.name, o.region, o.tenant_id
             FROM users u JOIN orgs o ON o.ims_org_id = u.ims_org_id
             WHERE u.token = ?1",
        )?
        .query_row([token], |row| {
            let user = User {
                id: row.get(0)?,
                ims_org_id: row.get(1)?,
                display_name: row.get(2)?,
                permissions: Vec::new(),
            };
            let org = Org {
                ims_org_id: user.ims_org_id.clone(),
                name: row.get(3)?,
                region: row.get(4)?,
                tenant_id: row.get(5)?,
            };
            Ok((user, org))
        })
        .optional()?;
    let Some((mut user, org)) = found else {
        return Ok(None);
    };
    user.permissions = permissions_of(conn, &user.id)?;
    Ok(Some((user, org)))
}

/// The permissions a user holds now (none for an unknown user).
pub fn permissions_of(conn: &Connection, user_id: &str) -> rusqlite::Result<Vec<String>> {
    conn.prepare_cached(
        "SELECT permission FROM user_permissions WHERE user_id = ?1 ORDER BY permission",
    )?
    .query_map([user_id], |row| row.get(0))?
    .collect()
}

const SANDBOX_COLUMNS: &str = "id, ims_org_id, name, title, sandbox_type, is_default, state,
                               created_date, modified_date, created_by, modified_by";

pub fn find_sandbox(
    conn: &Connection,
    ims_org_id: &str,
    name: &str,
) -> rusqlite::Result<Option<Sandbox>> {
    conn.prepare_cached(&format!(
        "SELECT {SANDBOX_COLUMNS} FROM sandboxes WHERE ims_org_id = ?1 AND name = ?2"
    ))?
    .query_row([ims_org_id, name], sandbox_from_row)
    .optional()
}

/// The org's sandboxes, the default (production) one first.
pub fn list_sandboxes(conn: &Connection, ims_org_id: &str) -> rusqlite::Result<Vec<Sandbox>> {
    conn.prepare_cached(&format!(
        "SELECT {SANDBOX_COLUMNS} FROM sandboxes WHERE ims_org_id = ?1
         ORDER BY is_default DESC, name"
    ))?
    .query_map([ims_org_id], sandbox_from_row)?
    .collect()
}

fn sandbox_from_row(row: &Row<'_>) -> rusqlite::Result<Sandbox> {
    Ok(Sandbox {
        id: row.get(0)?,
        ims_org_id: row.get(1)?,
        name: row.get(2)?,
        title: row.get(3)?,
        sandbox_type: SandboxType::parse(&row.get::<_, String>(4)?),
        is_default: row.get(5)?,
        state: SandboxState::parse(&row.get::<_, String>(6)?),
        created_date: row.get(7)?,
        modified_date: row.get(8)?,
        created_by: row.get(9)?,
        modified_by: row.get(10)?,
    })
}

/// The org with this IMS org id.
pub fn find_org(conn: &Connection, ims_org_id: &str) -> rusqlite::Result<Option<Org>> {
    conn.prepare_cached(
        "SELECT ims_org_id, name, region, tenant_id FROM orgs WHERE ims_org_id = ?1",
    )?
    .query_row([ims_org_id], |row| {
        Ok(Org {
            ims_org_id: row.get(0)?,
            name: row.get(1)?,
            region: row.get(2)?,
            tenant_id: row.get(3)?,
        })
    })
    .optional()
}
