//! Synthetic transfers, jobs and packages for benchmarks: many records of the demo orgs,
//! inserted in one transaction. Deterministic, so that runs compare.

use exim_api::{
    Artifact, PackageStatus, PackageType, PackageVisibility, TransferRequestType, TransferStatus,
};
use rusqlite::{params, Connection};
use serde_json::Map;

use super::directory::find_org;
use super::packages::{insert_package, NewPackage};
use crate::directory::Org;

const WORDS: &[&str] = &[
    "Loyalty",
    "Spring",
    "Holiday",
    "Onboarding",
    "Win-back",
    "Consent",
    "Catalog",
    "Store",
    "Regional",
    "Premium",
    "Churn",
    "Birthday",
    "Referral",
    "Cart",
    "Newsletter",
    "Survey",
];
const KINDS: &[&str] = &[
    "journeys", "segments", "schemas", "policies", "datasets", "flows",
];
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Inserts `count` finished transfers: most from `source_org` to the `targets`, the rest
/// from the first target to `source_org`, spread over the year before `now`.
pub fn seed_transfers(
    conn: &mut Connection,
    source_org: &str,
    targets: &[&str],
    count: usize,
    now: i64,
) -> rusqlite::Result<()> {
    let source = find_org(conn, source_org)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    let targets = targets
        .iter()
        .map(|id| find_org(conn, id)?.ok_or(rusqlite::Error::QueryReturnedNoRows))
        .collect::<rusqlite::Result<Vec<Org>>>()?;
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO transfers (id, request_type, source_org, source_org_name, target_org,
                                    target_org_name, package_id, package_name, status, version,
                                    created_date, modified_date, created_by, modified_by,
                                    initiated_by, completed_time, messages, step)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 8, ?10, ?11, ?12, ?12, ?12, ?11, ?13, 8)",
        )?;
        let mut random = Lcg(0x5eed);
        let year_ms = 365 * DAY_MS;
        for index in 0..count {
            let target = &targets[index % targets.len()];
            let (from, to) = if index % 10 == 9 {
                (target, &source)
            } else {
                (&source, target)
            };
            let package = random.next() % 400;
            let name = format!(
                "{} {} {package:03}",
                WORDS[package as usize % WORDS.len()],
                KINDS[package as usize % KINDS.len()]
            );
            let failed = random.next() % 5 == 0;
            let status = if failed {
                TransferStatus::Failed
            } else {
                TransferStatus::Completed
            };
            let created = now - (random.next() % year_ms as u64) as i64;
            let request_type = if index % 7 == 0 {
                TransferRequestType::Public
            } else {
                TransferRequestType::Private
            };
            insert.execute(params![
                format!("{:032x}", 0xbe9c_0000_0000u64 + index as u64),
                request_type.as_str(),
                from.ims_org_id,
                from.name,
                to.ims_org_id,
                to.name,
                format!("{package:032x}"),
                name,
                status.as_str(),
                created,
                created + 12_000,
                "bench@AdobeID",
                format!("[\"Finished with status: {status}\"]"),
            ])?;
        }
    }
    tx.commit()?;
    // A server that has run for a while reads from the database file, not from a WAL full
    // of freshly written pages.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
}

/// Inserts `count` jobs of `ims_org_id` spread over the year before `now`: two thirds EXPORT
/// and one third IMPORT, mostly SUCCESS, some FAILED, a few still PENDING or IN_PROGRESS
/// (without a due step: the worker leaves them alone), named like their packages.
pub fn seed_jobs(
    conn: &mut Connection,
    ims_org_id: &str,
    count: usize,
    now: i64,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO jobs (id, ims_org_id, package_id, request_type, job_type, job_status,
                               name, package_type, source_sandbox, target_sandbox,
                               correlation_id, created, updated, created_by, step)
             VALUES (?1, ?2, ?3, ?4, 'NEW', ?5, ?6, 'PARTIAL', 'acme-sandbox', ?7, ?8, ?9,
                     ?10, 'bench@AdobeID', 2)",
        )?;
        let mut random = Lcg(0x10b5);
        let year_ms = 365 * DAY_MS;
        for index in 0..count {
            let package = random.next() % 400;
            let name = format!(
                "{} {} {package:03}",
                WORDS[package as usize % WORDS.len()],
                KINDS[package as usize % KINDS.len()]
            );
            let import = index % 3 == 2;
            let status = match random.next() % 20 {
                0..=2 => "FAILED",
                3 => "PENDING",
                4 => "IN_PROGRESS",
                _ => "SUCCESS",
            };
            let created = now - (random.next() % year_ms as u64) as i64;
            insert.execute(params![
                format!("{:032x}", 0x10b0_0000_0000u64 + index as u64),
                ims_org_id,
                format!("{package:032x}"),
                if import { "IMPORT" } else { "EXPORT" },
                status,
                name,
                import.then_some("acme-dev"),
                format!("00000000-0000-4000-8000-{index:012x}"),
                created,
                created + 3_000,
            ])?;
        }
    }
    tx.commit()?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
}

/// Inserts `count` published private packages of `ims_org_id` in `sandbox`, each with one
/// audience: packages that may be shared, named `{name_prefix} 001`, `… 002`, …
pub fn seed_shareable_packages(
    conn: &mut Connection,
    ims_org_id: &str,
    sandbox: &str,
    name_prefix: &str,
    count: usize,
    now: i64,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for index in 1..=count {
        let id = format!("{:032x}", 0xb01c_0000_0000u64 + index as u64);
        let name = format!("{name_prefix} {index:03}");
        insert_package(
            &tx,
            &NewPackage {
                id: id.clone(),
                ims_org_id: ims_org_id.to_string(),
                sandbox_name: sandbox.to_string(),
                version: 2,
                name: name.clone(),
                description: Some("Published for the bulk share benchmark".to_string()),
                package_type: PackageType::Partial,
                status: PackageStatus::Published,
                visibility: Some(PackageVisibility::Private),
                created_date: now - DAY_MS,
                modified_date: now - DAY_MS / 2,
                created_by: "bench@AdobeID".to_string(),
                modified_by: "bench@AdobeID".to_string(),
                expiry: Some(now + 90 * DAY_MS),
                publish_date: Some(now - DAY_MS / 2),
                artifacts: vec![Artifact {
                    id: format!("{id}-audience"),
                    artifact_type: "PROFILE_SEGMENT".to_string(),
                    title: Some(format!("{name} audience")),
                    found: Some(true),
                    count: Some(1),
                    extra: Map::new(),
                }],
                received_from: None,
            },
        )?;
    }
    tx.commit()
}

/// A small deterministic pseudo-random sequence (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}
