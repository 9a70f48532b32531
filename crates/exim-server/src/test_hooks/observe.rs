//! The middleware on API routes: counts each request, then applies an armed fault if one
//! matches.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{MatchedPath, OriginalUri, Request, State};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::faults::FaultSpec;
use super::severed_body::severed_response;
use super::state::TestHooks;
use crate::error::{service_error, ApiError, GatewayFailure};

/// Our error number for injected faults: `EXIM-9<status>-<status>`.
const INJECTED_CODE_BASE: u16 = 9000;

pub async fn observe(
    State(hooks): State<Arc<TestHooks>>,
    request: Request,
    next: Next,
) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|matched| matched.as_str().to_string());
    // Inside the nested API router the URI lacks the `/data/foundation` prefix.
    let uri = request
        .extensions()
        .get::<OriginalUri>()
        .map_or_else(|| request.uri().clone(), |original| original.0.clone());
    let path = uri.path().to_string();
    let method = request.method().clone();
    hooks.counts.count(format!(
        "{method} {}",
        route.as_deref().unwrap_or(path.as_str())
    ));
    match hooks.faults.take(&method, &uri, route.as_deref()) {
        Some(fault) => inject(fault, request, next).await,
        None => next.run(request).await,
    }
}

async fn inject(fault: FaultSpec, request: Request, next: Next) -> Response {
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    if fault.drop {
        return severed_response();
    }
    let Some(code) = fault.status.and_then(|raw| StatusCode::from_u16(raw).ok()) else {
        return next.run(request).await;
    };
    let mut response = if code == StatusCode::UNAUTHORIZED {
        ApiError::Gateway(GatewayFailure::InvalidToken).into_response()
    } else {
        let title = fault.title.clone().unwrap_or_else(|| {
            format!(
                "{} (injected by /_local/faults)",
                code.canonical_reason().unwrap_or("Error")
            )
        });
        service_error(code, INJECTED_CODE_BASE + code.as_u16(), title)
    };
    let retry_after = fault
        .retry_after
        .or((code == StatusCode::TOO_MANY_REQUESTS).then_some(1));
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}
