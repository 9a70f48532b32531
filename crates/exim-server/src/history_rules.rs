//! A package's history (local extension, `GET /exim/packages/{id}/history`) from what is
//! recorded about it: its changes, its transfers and, for a received copy, where it came
//! from. Pure: the handler reads the records, this orders and words them.

use std::cmp::Reverse;

use exim_api::{
    HistoryAction, HistoryEntry, HistoryOrganization, Package, PackageVisibility,
    TransferRequestType,
};

use crate::db::package_history::{change, PackageTransfer, RecordedChange};

/// The package's history, newest first; events of the same moment in the order they
/// happened, reversed.
pub fn history(
    package: &Package,
    received_by_name: Option<String>,
    changes: Vec<RecordedChange>,
    transfers: Vec<PackageTransfer>,
) -> Vec<HistoryEntry> {
    let mut entries: Vec<HistoryEntry> = Vec::new();
    if let Some(from) = &package.received_from {
        let mut entry = HistoryEntry::new(
            HistoryAction::Received,
            package.created_date.unwrap_or_default(),
            package.created_by.clone().unwrap_or_default(),
        );
        entry.by_name = received_by_name;
        entry.organization = Some(HistoryOrganization {
            ims_org_id: from.ims_org_id.clone(),
            name: from.org_name.clone(),
        });
        entry.transfer_id = from.transfer_id.clone();
        entries.push(entry);
    }
    // The copy's creation is the RECEIVED entry above.
    entries.extend(
        changes
            .into_iter()
            .filter(|recorded| recorded.what != change::COPY)
            .map(change_entry),
    );
    entries.extend(transfers.into_iter().map(transfer_entry));
    let mut ordered: Vec<(usize, HistoryEntry)> = entries.into_iter().enumerate().collect();
    ordered.sort_by_key(|(sequence, entry)| Reverse((entry.at, *sequence)));
    ordered.into_iter().map(|(_, entry)| entry).collect()
}

fn change_entry(recorded: RecordedChange) -> HistoryEntry {
    let details = recorded.details;
    let action = match recorded.what.as_str() {
        change::CREATE => HistoryAction::Created,
        change::ADD => HistoryAction::ArtifactsAdded,
        change::DELETE => HistoryAction::ArtifactsRemoved,
        change::UPDATE => HistoryAction::Updated,
        change::VISIBILITY => match details.visibility {
            Some(PackageVisibility::Public) => HistoryAction::MadePublic,
            Some(PackageVisibility::Private) => HistoryAction::MadePrivate,
            // Recorded before details were: which way is unknown.
            _ => HistoryAction::Other(recorded.what.clone()),
        },
        change::PUBLISH => HistoryAction::PublishRequested,
        change::PUBLISHED => HistoryAction::Published,
        change::PUBLISH_FAILED => HistoryAction::PublishFailed,
        other => HistoryAction::Other(other.to_string()),
    };
    let mut entry = HistoryEntry::new(action, recorded.at, recorded.by);
    entry.by_name = recorded.by_name;
    entry.artifacts = details.artifacts;
    entry.name = details.name;
    entry.message = details.message;
    entry.job_id = details.job_id;
    entry
}

fn transfer_entry(transfer: PackageTransfer) -> HistoryEntry {
    let action = match transfer.request_type {
        TransferRequestType::Public => HistoryAction::Copied,
        _ => HistoryAction::Shared,
    };
    let mut entry = HistoryEntry::new(action, transfer.created, transfer.initiated_by);
    entry.by_name = transfer.initiated_by_name;
    entry.organization = Some(HistoryOrganization {
        ims_org_id: transfer.target_org,
        name: Some(transfer.target_org_name),
    });
    entry.transfer_id = Some(transfer.id);
    entry.status = Some(transfer.status);
    entry
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::package_history::ChangeDetails;
    use exim_api::TransferStatus;

    fn recorded(what: &str, at: i64, details: ChangeDetails) -> RecordedChange {
        RecordedChange {
            what: what.into(),
            at,
            by: "u".into(),
            by_name: None,
            details,
        }
    }

    fn package() -> Package {
        serde_json::from_value(serde_json::json!({"id": "p", "name": "P"})).unwrap()
    }

    #[test]
    fn entries_come_newest_first_and_same_moment_in_reverse_order() {
        let public = ChangeDetails {
            visibility: Some(PackageVisibility::Public),
            ..ChangeDetails::default()
        };
        let changes = vec![
            recorded(change::CREATE, 10, ChangeDetails::default()),
            recorded(change::PUBLISH, 20, ChangeDetails::default()),
            recorded(change::PUBLISHED, 20, ChangeDetails::default()),
            recorded(change::VISIBILITY, 30, public),
            recorded(change::VISIBILITY, 40, ChangeDetails::default()),
        ];
        let transfers = vec![PackageTransfer {
            id: "t".into(),
            request_type: TransferRequestType::Private,
            target_org: "o".into(),
            target_org_name: "Org".into(),
            status: TransferStatus::Pending,
            created: 35,
            initiated_by: "u".into(),
            initiated_by_name: None,
        }];
        let actions: Vec<String> = history(&package(), None, changes, transfers)
            .into_iter()
            .map(|entry| entry.action.to_string())
            .collect();
        assert_eq!(
            actions,
            [
                "VISIBILITY",
                "SHARED",
                "MADE_PUBLIC",
                "PUBLISHED",
                "PUBLISH_REQUESTED",
                "CREATED"
            ]
        );
    }
}
