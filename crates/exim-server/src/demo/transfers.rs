//! The demo transfers (api-notes §14): finished shares from Acme to its partner Globex (two
//! completed, one failed with its error details) and a completed public pull by Initech.
//! Completed transfers come with the target org's copy of the package, as the worker makes.

use exim_api::{
    PackageStatus, PackageVisibility, ReceivedFrom, TransferRequestType, TransferStatus,
};
use rusqlite::Connection;

use super::dates::{BASE_MS, HOUR_MS};
use super::directory::{user_of, ACME, GLOBEX, INITECH, ORGS};
use super::ids::{hex_id, uuid};
use super::packages::{demo_package, PACKAGES};
use crate::db::packages::insert_package;
use crate::db::transfers::{insert_transfer, record_step, NewTransfer, Step};
use crate::worker::transfers::{blob_failure, BLOB_STEP, PROGRESS};

struct DemoTransfer {
    request_type: TransferRequestType,
    source: &'static str,
    target: &'static str,
    package_name: &'static str,
    created_hours_before_base: i64,
    status: TransferStatus,
}

const TRANSFERS: &[DemoTransfer] = &[
    DemoTransfer {
        request_type: TransferRequestType::Private,
        source: ACME,
        target: GLOBEX,
        package_name: "Loyalty tier segments",
        created_hours_before_base: 300,
        status: TransferStatus::Completed,
    },
    DemoTransfer {
        request_type: TransferRequestType::Private,
        source: ACME,
        target: GLOBEX,
        package_name: "Broken journey bundle",
        created_hours_before_base: 200,
        status: TransferStatus::Failed,
    },
    DemoTransfer {
        request_type: TransferRequestType::Private,
        source: ACME,
        target: GLOBEX,
        package_name: "Customer profile schema",
        created_hours_before_base: 100,
        status: TransferStatus::Completed,
    },
    DemoTransfer {
        request_type: TransferRequestType::Public,
        source: ACME,
        target: INITECH,
        package_name: "Spring sale journeys",
        created_hours_before_base: 80,
        status: TransferStatus::Completed,
    },
];

/// How long a demo transfer took: one step per progress message, a few seconds each.
const DURATION_MS: i64 = 24_000;

pub fn load(conn: &Connection) -> rusqlite::Result<()> {
    TRANSFERS
        .iter()
        .try_for_each(|transfer| insert(conn, transfer))
}

fn insert(conn: &Connection, transfer: &DemoTransfer) -> rusqlite::Result<()> {
    let Some(original) = PACKAGES
        .iter()
        .find(|package| {
            package.ims_org_id == transfer.source && package.name == transfer.package_name
        })
        .map(demo_package)
    else {
        return Ok(());
    };
    let seed = format!(
        "transfer/{}/{}/{}",
        transfer.source, transfer.target, transfer.package_name
    );
    let id = hex_id(&seed);
    let created = BASE_MS - transfer.created_hours_before_base * HOUR_MS;
    let finished = created + DURATION_MS;
    let initiator = match transfer.request_type {
        TransferRequestType::Public => user_of(transfer.target),
        _ => user_of(transfer.source),
    };
    let org_name = |org: &str| {
        ORGS.iter()
            .find(|o| o.ims_org_id == org)
            .map_or("", |o| o.name)
    };
    insert_transfer(
        conn,
        &NewTransfer {
            id: &id,
            request_type: &transfer.request_type,
            source_org: transfer.source,
            source_org_name: org_name(transfer.source),
            target_org: transfer.target,
            target_org_name: org_name(transfer.target),
            package_id: &original.id,
            package_name: &original.name,
            created,
            initiated_by: initiator.id,
            pipeline_message_id: (transfer.request_type == TransferRequestType::Public)
                .then(|| uuid(&seed))
                .as_deref(),
            first_step_at: None,
            retry_of: None,
        },
    )?;

    let completed = transfer.status == TransferStatus::Completed;
    let mut messages: Vec<String> = PROGRESS
        .iter()
        .take_while(|&&message| completed || message != BLOB_STEP)
        .map(|&message| message.to_string())
        .collect();
    messages.push(format!("Finished with status: {}", transfer.status));
    let copy_id = completed.then(|| hex_id(&format!("copy/{seed}")));
    if let Some(copy_id) = &copy_id {
        let mut copy = original.clone();
        copy.id = copy_id.clone();
        copy.ims_org_id = transfer.target.into();
        copy.sandbox_name = "prod".into();
        copy.version = 0;
        copy.status = PackageStatus::Published;
        copy.visibility = Some(PackageVisibility::Private);
        copy.created_date = finished;
        copy.modified_date = finished;
        copy.created_by = initiator.id.into();
        copy.modified_by = initiator.id.into();
        copy.publish_date = Some(finished);
        // The demo's copies live as long as their originals (see LIVE_EXPIRY_DAYS).
        copy.expiry = original.expiry;
        copy.received_from = Some(ReceivedFrom {
            ims_org_id: transfer.source.into(),
            org_name: None,
            package_id: Some(original.id.clone()),
            transfer_id: Some(id.clone()),
        });
        insert_package(conn, &copy)?;
    }
    let details = (!completed).then(|| blob_failure(&original.name).to_string());
    record_step(
        conn,
        &id,
        &Step {
            status: &transfer.status,
            messages: &messages,
            at: finished,
            next_step_at: None,
            completed_time: Some(finished),
            additional_metadata: details,
            copied_package_id: copy_id.as_deref(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_transfer_names_a_published_demo_package_of_its_source() {
        for transfer in TRANSFERS {
            let package = PACKAGES
                .iter()
                .find(|p| p.ims_org_id == transfer.source && p.name == transfer.package_name);
            assert!(
                package.is_some_and(|p| p.status == PackageStatus::Published),
                "{}",
                transfer.package_name
            );
        }
    }
}
