//! The places where Platform's wire is odd, checked field by field on the documented examples
//! (a round trip alone would not notice a field that silently lands in an `extra` map).

use std::path::Path;

use exim_api::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

fn fixture<T: DeserializeOwned>(file: &str) -> T {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn requests_say_artifacts_and_responses_say_artifacts_list() {
    let request: CreatePackageRequest = fixture("packages_create.request.json");
    assert_eq!(
        request.artifacts.as_ref().unwrap()[0].artifact_type,
        "PROFILE_SEGMENT"
    );
    assert!(keys(&serde_json::to_value(&request).unwrap()).contains(&"artifacts"));

    let package: Package = fixture("packages_create.response.json");
    assert_eq!(package.artifact_count(), 1);
    assert!(!package.extra.contains_key("artifactsList"));
    assert!(keys(&serde_json::to_value(&package).unwrap()).contains(&"artifactsList"));
}

#[test]
fn unmodelled_package_fields_are_kept_in_extra() {
    let created: Package = fixture("packages_create.response.json");
    let mut extra: Vec<&str> = created.extra.keys().map(String::as_str).collect();
    extra.sort_unstable();
    assert_eq!(extra, ["requestId", "tenantId", "userId"]);

    let public: Package = fixture("packages_make_public.response.json");
    assert_eq!(public.extra.get("schemaMapping"), Some(&json!({})));
    assert_eq!(public.source_sandbox.unwrap().empty, Some(false));
    assert_eq!(public.package_visibility, Some(PackageVisibility::Public));
}

#[test]
fn the_action_request_says_linking_id_in_capitals_and_records_do_not() {
    let request: HandshakeActionRequest = fixture("handshake_action.request.json");
    assert_eq!(request.linking_id, "96e325cd387348f2baa27aafb0d291db");
    assert_eq!(request.status, HandshakeStatus::Approved);
    assert_eq!(request.target_ims_org_details.region, "va7");
    assert!(keys(&serde_json::to_value(&request).unwrap()).contains(&"linkingID"));

    let record: HandshakeRecord = fixture("handshake_action.response.json");
    assert_eq!(record.linking_id, "fbbd61b7-e4f9-410d-856d-187dff4bbcb5");
    assert!(keys(&serde_json::to_value(&record).unwrap()).contains(&"linkingId"));

    let wrong_casing = json!({
        "linkingId": "x",
        "status": "APPROVED",
        "reason": "Done",
        "targetIMSOrgDetails": {"id": "a@AdobeOrg", "name": "a", "region": "va7"}
    });
    assert!(serde_json::from_value::<HandshakeActionRequest>(wrong_casing).is_err());
}

#[test]
fn handshake_names_differ_between_bulk_create_and_later_records() {
    let bulk: BulkCreateResponse = fixture("handshake_bulk_create.response.json");
    let created = &bulk.successful_requests["acme@AdobeOrg"];
    assert_eq!(
        created.source_ims_org_name.as_deref(),
        Some("{SOURCE_NAME}")
    );
    assert_eq!(created.source_org_name, None);
    assert_eq!(created.status, HandshakeStatus::ApprovalPending);
    assert_eq!(created.target_region, None);
    assert!(bulk.failed_requests.is_empty());

    let approved: HandshakeRecord = fixture("handshake_action.response.json");
    assert_eq!(approved.source_org_name.as_deref(), Some("{SOURCE_ORG}"));
    assert_eq!(approved.target_org_name.as_deref(), Some("{TARGET_ORG}"));
    assert_eq!(approved.target_region.as_deref(), Some("va7"));
}

#[test]
fn status_history_stays_a_string_on_the_wire() {
    let record: HandshakeRecord = fixture("handshake_action.response.json");
    let written = serde_json::to_value(&record).unwrap();
    assert!(written["statusHistory"].is_string());
    assert_eq!(record.parsed_status_history().unwrap().len(), 2);
}

#[test]
fn jobs_say_source_sand_box_with_a_capital_b() {
    let jobs: PagedResponse<PackageJob> = fixture("packages_jobs.response.json");
    let job = &jobs.data[0];
    assert_eq!(job.source_sandbox.as_deref(), Some("acme-sandbox"));
    assert_eq!(job.target_sandbox.as_deref(), Some("poc"));
    assert_eq!(job.job_status, JobStatus::Success);
    assert_eq!(job.job_type, JobType::New);
    assert!(keys(&serde_json::to_value(job).unwrap()).contains(&"sourceSandBox"));

    let lower_b = json!({
        "id": "1", "name": "n", "updated": 1, "created": 1,
        "jobType": "NEW", "jobStatus": "SUCCESS", "sourceSandbox": "acme-sandbox"
    });
    let misspelt: PackageJob = serde_json::from_value(lower_b).unwrap();
    assert_eq!(misspelt.source_sandbox, None);
}

#[test]
fn transfer_lists_keep_present_null_paging_and_metadata() {
    let list: PagedResponse<TransferRecord> = fixture("transfer_list.response.json");
    assert_eq!(list.next_page, Some(None));
    assert_eq!(list.page_size, Some(None));
    let details = list.data[0].transfer_details.as_ref().unwrap();
    assert_eq!(
        details.messages.last().unwrap(),
        "Finished with status: COMPLETED"
    );
    assert_eq!(details.additional_metadata, None);
    assert_eq!(list.data[0].completed_time, Some(1726129077000));

    let fresh = TransferDetails::default();
    assert_eq!(
        serde_json::to_value(fresh).unwrap(),
        json!({"messages": [], "additionalMetadata": null})
    );
}

#[test]
fn a_pull_request_is_the_copied_payload() {
    let payload: CopyPayloadResponse = fixture("packages_payload.response.json");
    let pulled: PullRequest = payload.clone();
    assert_eq!(pulled.package_id, "575e86f794324af4ba4ce0dc3887dade");

    let public: TransferRecord = fixture("transfer_pull_request.response.json");
    assert_eq!(public.request_type, TransferRequestType::Public);
    assert_eq!(public.status, TransferStatus::Pending);
    assert_eq!(
        public.pipeline_message_id.as_deref(),
        Some("aebcb05f-aa65-4a4e-9f56-e20bed0803d9")
    );
}

#[test]
fn conflict_artifacts_keep_their_messages_apart_from_extra() {
    let conflicts: Vec<ImportConflict> = fixture("packages_import_conflicts.response.json");
    let first = &conflicts[0];
    assert_eq!(first.artifact.artifact.artifact_type, "REGISTRY_SCHEMA");
    assert!(first.artifact.artifact.extra.is_empty());
    assert_eq!(first.artifact.messages.as_ref().unwrap()[0].status, "FOUND");
    assert_eq!(first.suggestion_list.len(), 2);
    assert!(first
        .parent_id
        .ends_with("20121c2110bb2c6a585baabe5f82994577da1f7d0628234c"));
}

#[test]
fn unknown_enum_values_are_kept() {
    let record: HandshakeRecord = serde_json::from_value(json!({
        "id": "1", "sourceIMSOrgId": "a", "targetIMSOrgId": "b",
        "status": "REVOKED", "linkingId": "l"
    }))
    .unwrap();
    assert_eq!(record.status, HandshakeStatus::Other("REVOKED".into()));
    assert_eq!(serde_json::to_value(&record).unwrap()["status"], "REVOKED");

    let status: TransferStatus = serde_json::from_value(json!("PAUSED")).unwrap();
    assert_eq!(status.as_str(), "PAUSED");
    let state: SandboxState = serde_json::from_value(json!("archived")).unwrap();
    assert_eq!(state, SandboxState::Other("archived".into()));
    assert_eq!(
        SandboxState::parse("DE-PROVISIONING"),
        SandboxState::DeProvisioning
    );
}

#[test]
fn openapi_lower_case_visibility_is_kept_but_still_means_private() {
    let package: Package = fixture("packages_lookup.response.openapi.json");
    assert_eq!(
        package.package_visibility,
        Some(PackageVisibility::Other("private".into()))
    );
    assert_eq!(package.visibility(), PackageVisibility::Private);
}

#[test]
fn sandboxes_accept_the_schema_spelling_etag_and_write_e_tag() {
    let sandbox: Sandbox = serde_json::from_value(json!({
        "name": "prod", "title": "Production", "etag": 3
    }))
    .unwrap();
    assert_eq!(sandbox.e_tag, Some(3));
    assert_eq!(
        serde_json::to_value(&sandbox).unwrap(),
        json!({"name": "prod", "title": "Production", "eTag": 3})
    );

    let list: SandboxList = fixture("sandboxes_list.response.openapi.json");
    assert_eq!(list.sandboxes[0].state, Some(SandboxState::Active));
    assert_eq!(
        list.sandboxes[0].sandbox_type,
        Some(SandboxType::Development)
    );
}

#[test]
fn update_request_builder_sets_only_id_and_action() {
    let request = UpdatePackageRequest {
        package_visibility: Some(PackageVisibility::Public),
        ..UpdatePackageRequest::new("673264e41f8b49229d61467a1a94a907", PackageAction::Update)
    };
    let documented: UpdatePackageRequest = fixture("packages_make_public.request.json");
    assert_eq!(request, documented);
}
