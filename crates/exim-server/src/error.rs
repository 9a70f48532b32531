//! The errors the API answers with, in Platform's two body shapes: the gateway's
//! `{error_code, message}` for authentication and the service's `{type, title, status, report}`
//! for everything else.

use axum::extract::Request;
use axum::http::header::CONTENT_LENGTH;
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use exim_api::{headers, ErrorReport, GatewayError, PlatformError, TenantInfo};

use crate::db::DbError;
use crate::request_headers::header;

/// Every way a request can fail.
#[derive(Debug)]
pub enum ApiError {
    /// Refused by the API gateway before reaching the service.
    Gateway(GatewayFailure),
    /// A query parameter (`property`, `orderby`, `start`, `limit`) is malformed.
    InvalidQuery(String),
    /// The request body is missing, not JSON, or not the expected shape.
    InvalidBody(String),
    /// A path parameter cannot be decoded.
    InvalidPath(String),
    /// `x-sandbox-name` is missing or names no sandbox of the org.
    InvalidSandbox(String),
    /// The request is well-formed but asks for something the rules refuse (a field value, a
    /// target org without partnership, ...).
    Invalid(String),
    /// The caller lacks the Access Control permission the operation needs.
    Forbidden(&'static str),
    /// The object does not exist for the caller (other orgs' objects included).
    NotFound(Resource, String),
    /// The object is in a state that does not allow the change (publish twice, approve twice).
    Conflict(String),
    RouteNotFound(String),
    MethodNotAllowed(String),
    /// Something broke on our side; details are logged, not sent.
    Internal,
}

/// The kinds of objects a request can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Package,
    Handshake,
    Transfer,
    Job,
}

impl Resource {
    fn name(self) -> &'static str {
        match self {
            Resource::Package => "Package",
            Resource::Handshake => "Partnership request",
            Resource::Transfer => "Transfer",
            Resource::Job => "Job",
        }
    }

    /// Our error number for "not found", one per resource.
    fn not_found_code(self) -> u16 {
        match self {
            Resource::Package => 2404,
            Resource::Handshake => 3404,
            Resource::Transfer => 4404,
            Resource::Job => 6404,
        }
    }
}

/// The gateway's authentication refusals (api-notes §8, §14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GatewayFailure {
    InvalidToken,
    MissingApiKey,
    InvalidApiKey,
    MissingOrgHeader,
    InvalidProfile,
}

impl GatewayFailure {
    fn status(self) -> StatusCode {
        match self {
            GatewayFailure::InvalidToken => StatusCode::UNAUTHORIZED,
            GatewayFailure::MissingApiKey
            | GatewayFailure::InvalidApiKey
            | GatewayFailure::InvalidProfile => StatusCode::FORBIDDEN,
            GatewayFailure::MissingOrgHeader => StatusCode::BAD_REQUEST,
        }
    }

    fn body(self) -> GatewayError {
        let (error_code, message) = match self {
            GatewayFailure::InvalidToken => ("401013", "Oauth token is not valid"),
            GatewayFailure::MissingApiKey => ("403000", "Api Key is required"),
            GatewayFailure::InvalidApiKey => ("403003", "Api Key is invalid"),
            GatewayFailure::MissingOrgHeader => ("400003", "Missing header"),
            GatewayFailure::InvalidProfile => ("403025", "Profile is not valid"),
        };
        GatewayError {
            error_code: error_code.into(),
            message: message.into(),
        }
    }
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::Gateway(failure) => failure.status(),
            ApiError::InvalidQuery(_)
            | ApiError::InvalidBody(_)
            | ApiError::InvalidPath(_)
            | ApiError::InvalidSandbox(_)
            | ApiError::Invalid(_) => StatusCode::BAD_REQUEST,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(..) | ApiError::RouteNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Marks a response as a service error so that [`with_tenant_info`] can complete its report.
#[derive(Clone)]
struct ServiceError(PlatformError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        // `code` is our number in `EXIM-<code>-<status>`, stable so that clients can match it.
        let (code, title) = match self {
            ApiError::Gateway(failure) => return (status, Json(failure.body())).into_response(),
            ApiError::InvalidQuery(message) => (1001, message),
            ApiError::InvalidBody(message) => (1002, message),
            ApiError::InvalidPath(message) => (1003, message),
            ApiError::InvalidSandbox(message) => (1004, message),
            ApiError::Invalid(message) => (1400, message),
            ApiError::Forbidden(permission) => (
                1403,
                format!(
                    "The user does not hold the '{permission}' permission this operation needs"
                ),
            ),
            ApiError::NotFound(resource, id) => (
                resource.not_found_code(),
                format!("{} {id} not found", resource.name()),
            ),
            ApiError::Conflict(message) => (1409, message),
            ApiError::RouteNotFound(path) => (1404, format!("No resource at {path}")),
            ApiError::MethodNotAllowed(method) => (
                1405,
                format!("Method {method} is not allowed on this resource"),
            ),
            ApiError::Internal => (5000, "Internal server error".to_string()),
        };
        service_error(status, code, title)
    }
}

/// A service error response `{type, title, status}`; [`with_tenant_info`] adds its `report`.
/// `code` is our number in `EXIM-<code>-<status>`.
pub fn service_error(status: StatusCode, code: u16, title: String) -> Response {
    let body = PlatformError {
        error_type: format!(
            "http://ns.adobe.com/aep/errors/EXIM-{code}-{}",
            status.as_u16()
        ),
        title,
        status: status.as_u16(),
        detail: None,
        report: None,
        extra: Default::default(),
    };
    let mut response = (status, Json(&body)).into_response();
    response.extensions_mut().insert(ServiceError(body));
    response
}

impl From<DbError> for ApiError {
    fn from(error: DbError) -> Self {
        tracing::error!(%error, "request failed in the database");
        ApiError::Internal
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        ApiError::from(DbError::Sqlite(error))
    }
}

/// Middleware: Platform reports the tenant a service error happened in. Handlers and
/// extractor rejections do not see the request headers, so the report is added here.
pub async fn with_tenant_info(request: Request, next: Next) -> Response {
    let tenant = tenant_info(request.headers());
    let mut response = next.run(request).await;
    match response.extensions_mut().remove::<ServiceError>() {
        Some(ServiceError(mut body)) => {
            body.report = Some(ErrorReport {
                tenant_info: Some(tenant),
                additional_context: None,
            });
            // Keep the original headers (`Retry-After`, ...) around the completed body.
            let headers = std::mem::take(response.headers_mut());
            let mut completed = (response.status(), Json(body)).into_response();
            for (name, value) in &headers {
                if name != CONTENT_LENGTH {
                    completed
                        .headers_mut()
                        .entry(name)
                        .or_insert_with(|| value.clone());
                }
            }
            completed
        }
        None => response,
    }
}

fn tenant_info(request_headers: &HeaderMap) -> TenantInfo {
    let value = |name| header(request_headers, name).map(str::to_string);
    TenantInfo {
        sandbox_name: value(headers::SANDBOX_NAME),
        sandbox_id: None,
        ims_org_id: value(headers::ORG_ID),
    }
}
