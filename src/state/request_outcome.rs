//! The answer to a `bulkCreate`, per organization and in the order the user entered them.

use exim_api::{BulkCreateResponse, FailedHandshakeRequest};

use crate::i18n::keys::partners as k;
use crate::i18n::{t, tf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestOutcome {
    pub org_id: String,
    /// `Ok` when the request was made, else why not (Platform's reason, labelled as its own).
    pub result: Result<(), String>,
}

/// One outcome per org sent. An org the answer does not mention is reported as such rather
/// than assumed sent.
pub fn outcomes(sent: &[String], response: &BulkCreateResponse) -> Vec<RequestOutcome> {
    sent.iter()
        .map(|org_id| {
            let result = if response.successful_requests.contains_key(org_id) {
                Ok(())
            } else if let Some(failure) = response.failed_requests.get(org_id) {
                Err(failure_reason(failure))
            } else {
                Err(t(k::NOT_MENTIONED))
            };
            RequestOutcome {
                org_id: org_id.clone(),
                result,
            }
        })
        .collect()
}

/// Platform reserves the shape of a failure; show its message, else its code, else all of it,
/// as it sent it.
fn failure_reason(failure: &FailedHandshakeRequest) -> String {
    let message = failure.error_message.as_deref().map(str::trim);
    let code = failure.error_code.as_deref().map(str::trim);
    let said = match (message, code) {
        (Some(message), Some(code)) if !message.is_empty() && !code.is_empty() => {
            format!("{message} ({code})")
        }
        (Some(message), _) if !message.is_empty() => message.to_string(),
        (_, Some(code)) if !code.is_empty() => code.to_string(),
        _ if !failure.extra.is_empty() => {
            serde_json::Value::Object(failure.extra.clone()).to_string()
        }
        _ => return t(k::NO_REASON),
    };
    tf(k::PLATFORM_MESSAGE, &[("message", &said)])
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOBEX: &str = "745F37C35E4B776E0A49421B@AdobeOrg";
    const UMBRELLA: &str = "C0FA10B6661FDE6F0A494023@AdobeOrg";
    const UNKNOWN: &str = "000000000000000000000000@AdobeOrg";
    const MISSING: &str = "111111111111111111111111@AdobeOrg";

    #[test]
    fn each_org_gets_its_result_in_the_order_sent() {
        let response: BulkCreateResponse = serde_json::from_value(serde_json::json!({
            "successfulRequests": {
                GLOBEX: {
                    "id": "6c2ee3780fee4fbd9344e84ed2cb3fdf",
                    "sourceIMSOrgId": "2E63197465A811E70A494213@AdobeOrg",
                    "targetIMSOrgId": GLOBEX,
                    "status": "APPROVAL_PENDING",
                    "linkingId": "fbbd61b7-e4f9-410d-856d-187dff4bbcb5"
                }
            },
            "failedRequests": {
                UNKNOWN: {"errorCode": "UNKNOWN_ORG", "errorMessage": "Organization is not known"},
                UMBRELLA: {"detail": "reserved shape"}
            }
        }))
        .unwrap();
        let sent = [UNKNOWN, GLOBEX, UMBRELLA, MISSING].map(String::from);
        let results: Vec<Result<(), String>> = outcomes(&sent, &response)
            .into_iter()
            .map(|o| o.result)
            .collect();
        assert_eq!(
            results,
            vec![
                Err("Organization is not known (UNKNOWN_ORG)".to_string()),
                Ok(()),
                Err(r#"{"detail":"reserved shape"}"#.to_string()),
                Err("The server's answer did not mention this organization.".to_string()),
            ]
        );
    }

    #[test]
    fn a_failure_with_only_a_code_or_nothing_still_says_something() {
        let code_only = FailedHandshakeRequest {
            error_code: Some("REQUEST_EXISTS".into()),
            ..Default::default()
        };
        assert_eq!(failure_reason(&code_only), "REQUEST_EXISTS");
        assert_eq!(
            failure_reason(&FailedHandshakeRequest::default()),
            "Refused without a reason."
        );
    }
}
