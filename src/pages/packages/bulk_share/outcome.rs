//! What became of one package of a bulk share, and of each of its target organizations.

use exim_api::{Package, TransferRecord};

use crate::api::ApiError;
use crate::state::partner_filter::Partner;

/// One package's `POST /transfer`: not answered yet, answered with the records Platform
/// created, or refused.
#[derive(Clone, PartialEq)]
pub enum Answer {
    Sending,
    Answered(Vec<TransferRecord>),
    Failed(ApiError),
}

/// One package × organization of the results.
#[derive(Clone, PartialEq)]
pub enum Result {
    Sending,
    /// Platform created this transfer; its id is what Sharing status shows.
    Started,
    /// Platform answered for the package but created no transfer to this organization.
    Dropped,
    Failed(ApiError),
}

#[derive(Clone, PartialEq)]
pub struct PackageShare {
    pub package: Package,
    pub answer: Answer,
}

impl PackageShare {
    /// The ids of the transfers Platform created for this package.
    pub fn started_ids(&self) -> Vec<String> {
        match &self.answer {
            Answer::Answered(records) => records.iter().map(|r| r.id.clone()).collect(),
            Answer::Sending | Answer::Failed(_) => Vec::new(),
        }
    }

    /// Each chosen organization with what happened to it, in the order they were chosen.
    pub fn results<'a>(
        &'a self,
        orgs: &'a [Partner],
    ) -> impl Iterator<Item = (&'a Partner, Result)> {
        orgs.iter().map(move |org| {
            let result = match &self.answer {
                Answer::Sending => Result::Sending,
                Answer::Failed(error) => Result::Failed(error.clone()),
                Answer::Answered(records) => {
                    if records.iter().any(|r| r.target_ims_org_id == org.org_id) {
                        Result::Started
                    } else {
                        Result::Dropped
                    }
                }
            };
            (org, result)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner(org_id: &str) -> Partner {
        Partner {
            org_id: org_id.into(),
            name: org_id.into(),
        }
    }

    fn record_to(org_id: &str) -> TransferRecord {
        serde_json::from_value(serde_json::json!({
            "id": "t1", "createdDate": 0, "sourceIMSOrgId": "S@AdobeOrg",
            "targetIMSOrgId": org_id, "packageId": "p1", "status": "PENDING", "initiatedBy": "u", "requestType": "PRIVATE"
        }))
        .expect("a minimal transfer record")
    }

    #[test]
    fn an_organization_without_a_record_in_the_answer_was_dropped() {
        let orgs = [partner("A@AdobeOrg"), partner("B@AdobeOrg")];
        let share = PackageShare {
            package: serde_json::from_value(serde_json::json!({"id": "p1", "name": "n"}))
                .expect("a minimal package"),
            answer: Answer::Answered(vec![record_to("B@AdobeOrg")]),
        };
        let results: Vec<Result> = share.results(&orgs).map(|(_, r)| r).collect();
        assert!(results == [Result::Dropped, Result::Started]);
    }
}
