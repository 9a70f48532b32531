//! Wire types of exim-server's local extensions (README "exim-server's local extensions"):
//! Platform documents no example of them, so these examples are ours. Each must read into its
//! type and write back to the same JSON.

use exim_api::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn round_trip<T: DeserializeOwned + Serialize>(example: Value) -> T {
    let typed: T = serde_json::from_value(example.clone()).expect("reads");
    assert_eq!(serde_json::to_value(&typed).expect("writes"), example);
    typed
}

#[test]
fn a_page_of_sandbox_objects_round_trips() {
    let page: PagedResponse<ArtifactRef> = round_trip(json!({
        "totalElements": 3,
        "currentPage": 1,
        "totalPages": 2,
        "hasPreviousPage": true,
        "hasNextPage": false,
        "data": [
            {"id": "4f0c2a4e-1d1b-4c55-9a3e-0c2b1f6f7a10", "type": "JOURNEY",
             "title": "Spring sale journey"}
        ]
    }));
    assert_eq!(page.data[0].title.as_deref(), Some("Spring sale journey"));
}

#[test]
fn a_package_history_round_trips_with_every_kind_of_entry() {
    let history: PackageHistory = round_trip(json!({"data": [
        {"action": "SHARED", "at": 1795374587711_i64, "by": "acme-admin@AdobeID",
         "byName": "Avery Acme (admin)",
         "organization": {"imsOrgId": "745F37C35E4B776E0A49421B@AdobeOrg", "name": "Globex Corp"},
         "transferId": "0fe588dc4af64f9f98396cb6b49afb6c", "status": "IN_PROGRESS"},
        {"action": "PUBLISH_FAILED", "at": 1795374580000_i64, "by": "acme-admin@AdobeID",
         "message": "1 artifact was not found in sandbox acme-sandbox: JOURNEY j-1",
         "jobId": "dd0b89579d554d07a814a620a44f9e43"},
        {"action": "UPDATED", "at": 1795374570000_i64, "by": "acme-admin@AdobeID",
         "name": "Spring sale"},
        {"action": "ARTIFACTS_ADDED", "at": 1795374560000_i64, "by": "acme-admin@AdobeID",
         "artifacts": [{"id": "j-1", "type": "JOURNEY", "title": "Spring sale journey"}]},
        {"action": "ARCHIVED", "at": 1795374550000_i64, "by": "acme-admin@AdobeID"}
    ]}));
    assert_eq!(history.data[0].action, HistoryAction::Shared);
    assert_eq!(history.data[0].status, Some(TransferStatus::InProgress));
    assert_eq!(
        history.data[4].action,
        HistoryAction::Other("ARCHIVED".into())
    );
}

#[test]
fn a_failed_job_carries_its_error_message() {
    let job: JobDetails = round_trip(json!({
        "id": "0fe588dc4af64f9f98396cb6b49afb6c",
        "name": "Spring sale",
        "requestType": "EXPORT",
        "jobStatus": "FAILED",
        "completedTasks": [{"taskType": "POST", "taskStatus": "FAILED",
            "artifact": {"id": "j-1", "type": "JOURNEY", "found": false, "count": 0,
                "messages": [{"status": "FAILED", "attempt": 1,
                              "message": "Not found in sandbox acme-sandbox"}]}}],
        "errorMessage": "1 artifact was not found in sandbox acme-sandbox: JOURNEY j-1"
    }));
    assert!(job.error_message.unwrap().contains("JOURNEY j-1"));
}
