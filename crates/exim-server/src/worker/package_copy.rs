//! The target org's own copy of a transferred package (api-notes §14): a new id, PUBLISHED
//! and PRIVATE, in the target org's production sandbox, named like the original (with a
//! number when the name is taken).

use exim_api::{PackageStatus, PackageVisibility, ReceivedFrom};
use rusqlite::Connection;

use crate::clock::DAY_MS;
use crate::db::directory::list_sandboxes;
use crate::db::package_history::{change, ChangeDetails};
use crate::db::packages::{
    find_any_package, insert_package, name_in_use, record_creation, Change, NewPackage,
};
use crate::db::transfers::DueTransfer;
use crate::ids::new_record_id;
use crate::package_rules::{self, DEFAULT_LIFETIME_DAYS};
use crate::validate::MAX_NAME_CHARS;

/// Creates the copy and returns its id; `None` when the source package is gone.
pub fn copy_for_target(
    conn: &Connection,
    transfer: &DueTransfer,
    now: i64,
) -> rusqlite::Result<Option<String>> {
    let Some(original) = find_any_package(conn, &transfer.package_id)? else {
        return Ok(None);
    };
    // The default sandbox is listed first.
    let Some(sandbox) = list_sandboxes(conn, &transfer.target_org)?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    let id = new_record_id();
    let name = free_name(conn, &transfer.target_org, &original.name)?;
    let artifacts = original
        .artifacts_list
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|mut artifact| {
            artifact.found = Some(true);
            artifact.count = Some(1);
            artifact
        })
        .collect();
    insert_package(
        conn,
        &NewPackage {
            id: id.clone(),
            ims_org_id: transfer.target_org.clone(),
            sandbox_name: sandbox.name,
            version: 0,
            name,
            description: original.description.clone(),
            package_type: package_rules::package_type_of(&original),
            status: PackageStatus::Published,
            visibility: Some(PackageVisibility::Private),
            created_date: now,
            modified_date: now,
            created_by: transfer.initiated_by.clone(),
            modified_by: transfer.initiated_by.clone(),
            expiry: Some(now + DEFAULT_LIFETIME_DAYS * DAY_MS),
            publish_date: Some(now),
            artifacts,
            received_from: Some(ReceivedFrom {
                ims_org_id: transfer.source_org.clone(),
                org_name: None,
                package_id: Some(original.id.clone()),
                transfer_id: Some(transfer.id.clone()),
            }),
        },
    )?;
    record_creation(
        conn,
        &id,
        &Change {
            what: change::COPY,
            at: now,
            by: &transfer.initiated_by,
            details: ChangeDetails::default(),
        },
    )?;
    Ok(Some(id))
}

/// `name`, or `name (2)`, `name (3)`, … — the first the org does not use yet.
fn free_name(conn: &Connection, org: &str, name: &str) -> rusqlite::Result<String> {
    if !name_in_use(conn, org, name, None)? {
        return Ok(name.to_string());
    }
    let mut number = 2;
    loop {
        let suffix = format!(" ({number})");
        let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
        let candidate: String = name.chars().take(room).collect::<String>() + &suffix;
        if !name_in_use(conn, org, &candidate, None)? {
            return Ok(candidate);
        }
        number += 1;
    }
}
