//! `POST|GET|DELETE /_local/faults`: faults armed for the next requests matching a method and
//! a path pattern.
//!
//! Body of `POST /_local/faults` (answered with 201 and the armed fault):
//!
//! ```json
//! {"method": "GET", "path": "/data/foundation/exim/transfer/list", "times": 2,
//!  "status": 429, "retryAfter": 3, "title": "Slow down", "delayMs": 0, "drop": false}
//! ```
//!
//! - `path`: the request path without query. A segment `*` (or a route parameter such as
//!   `{id}`) matches any one segment; a final `**` matches any rest. The route pattern itself
//!   (`/data/foundation/exim/packages/{id}`) therefore works as written.
//! - `method`: optional, any method when absent.
//! - `query`: optional, one `name=value` the request's query must hold as sent (e.g.
//!   `start=3600`, the 37th page of 100), for a fault on one page of many.
//! - `times`: how many matching requests the fault applies to (default 1).
//! - Then, in this order: wait `delayMs`; drop the connection mid-answer if `drop`; answer `status`
//!   (400–599) with Platform's error body (`title` optional; `Retry-After: retryAfter`
//!   seconds, default 1 for 429). Without `drop` and `status` the request then proceeds
//!   normally (a pure delay).

use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::extract::ApiJson;

/// Longest accepted delay: enough for any timeout test, short of hanging a suite.
const MAX_DELAY_MS: u64 = 120_000;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    #[serde(default = "one")]
    pub times: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default)]
    pub delay_ms: u64,
    #[serde(default)]
    pub drop: bool,
}

fn one() -> u32 {
    1
}

/// A fault as listed: its spec, a sequence number and how many requests it still applies to.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArmedFault {
    pub id: u64,
    pub remaining: u32,
    #[serde(flatten)]
    pub spec: FaultSpec,
}

#[derive(Default)]
pub struct ArmedFaults {
    inner: Mutex<Armed>,
}

#[derive(Default)]
struct Armed {
    next_id: u64,
    faults: Vec<ArmedFault>,
}

impl ArmedFaults {
    /// The first armed fault matching the request, used up by one.
    pub fn take(&self, method: &Method, uri: &Uri, route: Option<&str>) -> Option<FaultSpec> {
        let mut armed = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let index = armed
            .faults
            .iter()
            .position(|fault| fault.spec.matches(method, uri, route))?;
        let fault = &mut armed.faults[index];
        fault.remaining -= 1;
        let spec = fault.spec.clone();
        if fault.remaining == 0 {
            armed.faults.remove(index);
        }
        Some(spec)
    }
}

impl FaultSpec {
    fn matches(&self, method: &Method, uri: &Uri, route: Option<&str>) -> bool {
        let method_matches = self
            .method
            .as_deref()
            .is_none_or(|wanted| wanted.eq_ignore_ascii_case(method.as_str()));
        let query_matches = self.query.as_deref().is_none_or(|wanted| {
            uri.query()
                .is_some_and(|query| query.split('&').any(|pair| pair == wanted))
        });
        method_matches
            && query_matches
            && (route == Some(self.path.as_str()) || path_matches(&self.path, uri.path()))
    }

    fn check(&self) -> Result<(), String> {
        if !self.path.starts_with('/') {
            return Err("path must start with '/'".into());
        }
        if let Some(method) = &self.method {
            Method::from_bytes(method.as_bytes())
                .map_err(|_| format!("method '{method}' is not an HTTP method"))?;
        }
        if self.times == 0 {
            return Err("times must be at least 1".into());
        }
        if let Some(status) = self.status {
            if !(400..=599).contains(&status) {
                return Err(format!("status {status} is not an error status (400-599)"));
            }
        }
        if self.delay_ms > MAX_DELAY_MS {
            return Err(format!("delayMs must be at most {MAX_DELAY_MS}"));
        }
        match (self.status.is_some(), self.drop, self.delay_ms > 0) {
            (true, true, _) => {
                Err("a fault either drops the connection or answers a status".into())
            }
            (false, false, false) => Err("a fault needs status, drop or delayMs".into()),
            _ => Ok(()),
        }
    }
}

/// Segment-wise match: `*` and `{name}` match one segment, a final `**` any rest.
fn path_matches(pattern: &str, path: &str) -> bool {
    let mut wanted = pattern.trim_end_matches('/').split('/');
    let mut given = path.trim_end_matches('/').split('/');
    loop {
        match (wanted.next(), given.next()) {
            (Some("**"), _) => return wanted.next().is_none(),
            (None, None) => return true,
            (Some(segment), Some(actual)) => {
                let any = segment == "*" || (segment.starts_with('{') && segment.ends_with('}'));
                if !any && segment != actual {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

pub async fn arm(
    State(faults): State<Arc<ArmedFaults>>,
    ApiJson(spec): ApiJson<FaultSpec>,
) -> Result<(StatusCode, Json<ArmedFault>), ApiError> {
    spec.check().map_err(ApiError::Invalid)?;
    let mut armed = faults.inner.lock().unwrap_or_else(PoisonError::into_inner);
    armed.next_id += 1;
    let fault = ArmedFault {
        id: armed.next_id,
        remaining: spec.times,
        spec,
    };
    armed.faults.push(fault.clone());
    Ok((StatusCode::CREATED, Json(fault)))
}

#[derive(Serialize)]
pub struct FaultList {
    faults: Vec<ArmedFault>,
}

pub async fn list(State(faults): State<Arc<ArmedFaults>>) -> Json<FaultList> {
    let armed = faults.inner.lock().unwrap_or_else(PoisonError::into_inner);
    Json(FaultList {
        faults: armed.faults.clone(),
    })
}

pub async fn disarm_all(State(faults): State<Arc<ArmedFaults>>) -> StatusCode {
    faults
        .inner
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .faults
        .clear();
    StatusCode::NO_CONTENT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_pins_a_fault_to_one_page() {
        let spec: FaultSpec = serde_json::from_value(serde_json::json!({
            "path": "/data/foundation/exim/transfer/list", "query": "start=3600", "status": 500,
        }))
        .expect("a fault spec");
        let get = |uri: &str| spec.matches(&Method::GET, &uri.parse().expect("a URI"), None);
        assert!(get(
            "/data/foundation/exim/transfer/list?orderBy=-createdDate&start=3600&limit=100"
        ));
        assert!(!get(
            "/data/foundation/exim/transfer/list?start=36000&limit=100"
        ));
        assert!(!get(
            "/data/foundation/exim/transfer/list?start=3500&limit=100"
        ));
        assert!(!get("/data/foundation/exim/transfer/list"));
    }

    #[test]
    fn patterns_match_segment_wise() {
        let list = "/data/foundation/exim/transfer/list";
        assert!(path_matches(list, list));
        assert!(path_matches("/data/foundation/exim/transfer/*", list));
        assert!(path_matches(
            "/data/foundation/exim/transfer/{transferId}",
            list
        ));
        assert!(path_matches("/data/foundation/exim/**", list));
        assert!(path_matches("/data/**", "/data/foundation"));
        assert!(!path_matches("/data/foundation/exim/transfer", list));
        assert!(!path_matches("/data/foundation/exim/*", list));
        assert!(!path_matches("/data/foundation/exim/handshake/list", list));
    }
}
