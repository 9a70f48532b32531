//! `GET|DELETE /_local/requests`: API requests counted per route.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

use crate::clock::now_ms;

pub struct RequestCounts {
    inner: Mutex<Counted>,
}

struct Counted {
    since: i64,
    per_route: BTreeMap<String, u64>,
}

impl Default for RequestCounts {
    fn default() -> Self {
        RequestCounts {
            inner: Mutex::new(Counted {
                since: now_ms(),
                per_route: BTreeMap::new(),
            }),
        }
    }
}

impl RequestCounts {
    /// Counts one request to `route` (`"<METHOD> <pattern>"`).
    pub fn count(&self, route: String) {
        let mut counted = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        *counted.per_route.entry(route).or_default() += 1;
    }
}

/// `{"since": <epoch ms>, "total": <n>, "routes": {"GET /data/foundation/...": <n>, ...}}`
#[derive(Serialize)]
pub struct RequestReport {
    since: i64,
    total: u64,
    routes: BTreeMap<String, u64>,
}

pub async fn report(State(counts): State<Arc<RequestCounts>>) -> Json<RequestReport> {
    let counted = counts.inner.lock().unwrap_or_else(PoisonError::into_inner);
    Json(RequestReport {
        since: counted.since,
        total: counted.per_route.values().sum(),
        routes: counted.per_route.clone(),
    })
}

pub async fn reset(State(counts): State<Arc<RequestCounts>>) -> StatusCode {
    let mut counted = counts.inner.lock().unwrap_or_else(PoisonError::into_inner);
    counted.since = now_ms();
    counted.per_route.clear();
    StatusCode::NO_CONTENT
}
