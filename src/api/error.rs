//! One error type for every way a call can fail, with the message a user should read.

use exim_api::{GatewayError, PlatformError};

use crate::i18n::keys::common as k;
use crate::i18n::{t, tf};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API gateway refused the call (auth): `{error_code, message}`.
    Gateway {
        status: u16,
        code: String,
        message: String,
    },
    /// The service refused the call: `{type, title, status, ...}`.
    Service {
        status: u16,
        title: String,
        detail: Option<String>,
    },
    /// An error status whose body is neither known shape.
    Http { status: u16, body: String },
    /// The request never got an answer (offline, DNS, CORS, server down).
    Network(String),
    /// A success status whose body did not match the expected shape.
    Decode(String),
    /// 429: Platform is throttling this client. `retry_after_secs` is its `Retry-After`
    /// header, when it sent one and the browser let us read it (cross-origin, Platform must
    /// expose the header).
    Throttled {
        retry_after_secs: Option<u32>,
        cause: Box<ApiError>,
    },
}

impl ApiError {
    /// Builds the error for a non-success response from its status and body text.
    pub fn from_response(status: u16, body: &str) -> Self {
        if let Ok(gateway) = serde_json::from_str::<GatewayError>(body) {
            return ApiError::Gateway {
                status,
                code: gateway.error_code,
                message: gateway.message,
            };
        }
        if let Ok(service) = serde_json::from_str::<PlatformError>(body) {
            return ApiError::Service {
                status,
                title: service.title,
                detail: service.detail,
            };
        }
        let excerpt: String = body.trim().chars().take(300).collect();
        ApiError::Http {
            status,
            body: excerpt,
        }
    }

    /// The error for a non-success response, reading `Retry-After` (seconds) on a 429.
    pub fn from_http(status: u16, body: &str, retry_after: Option<&str>) -> Self {
        let error = ApiError::from_response(status, body);
        if status != 429 {
            return error;
        }
        ApiError::Throttled {
            retry_after_secs: retry_after.and_then(|value| value.trim().parse().ok()),
            cause: Box::new(error),
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Gateway { status, .. }
            | ApiError::Service { status, .. }
            | ApiError::Http { status, .. } => Some(*status),
            ApiError::Throttled { .. } => Some(429),
            ApiError::Network(_) | ApiError::Decode(_) => None,
        }
    }

    /// Whether the same read may well succeed if simply sent again later: the network
    /// dropped, Platform throttled us, or it had a server-side problem. Authentication,
    /// permission and validation refusals do not pass by themselves.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network(_) => true,
            _ => self
                .status()
                .is_some_and(|status| status == 429 || status >= 500),
        }
    }

    /// How long Platform asked us to wait before the next call, when it said.
    pub fn retry_after_secs(&self) -> Option<u32> {
        match self {
            ApiError::Throttled {
                retry_after_secs, ..
            } => *retry_after_secs,
            _ => None,
        }
    }

    /// What the server said, if it said anything.
    pub fn server_message(&self) -> Option<String> {
        match self {
            ApiError::Gateway { code, message, .. } => Some(format!("{message} ({code})")),
            ApiError::Service { title, detail, .. } => Some(match detail {
                Some(detail) if !detail.is_empty() => format!("{title} — {detail}"),
                _ => title.clone(),
            }),
            ApiError::Http { body, .. } if !body.is_empty() => Some(body.clone()),
            ApiError::Throttled { cause, .. } => cause.server_message(),
            _ => None,
        }
    }

    /// A heading for an alert about this error.
    pub fn headline(&self) -> String {
        t(match self.status() {
            Some(401) => k::ERROR_401_TITLE,
            Some(403) => k::ERROR_403_TITLE,
            Some(404) => k::ERROR_404_TITLE,
            Some(409) => k::ERROR_409_TITLE,
            Some(429) => k::ERROR_429_TITLE,
            Some(status) if status >= 500 => k::ERROR_5XX_TITLE,
            Some(_) => k::ERROR_REFUSED_TITLE,
            None => match self {
                ApiError::Decode(_) => k::ERROR_DECODE_TITLE,
                _ => k::ERROR_NETWORK_TITLE,
            },
        })
    }

    /// A full sentence saying what happened and what to do, then what the server said (as it
    /// said it: Platform's messages are not translated).
    pub fn user_message(&self) -> String {
        let ours = match self {
            ApiError::Network(_) => t(k::ERROR_NETWORK),
            ApiError::Decode(reason) => tf(k::ERROR_DECODE, &[("reason", reason)]),
            _ => match self.status() {
                Some(401) => t(k::ERROR_401),
                Some(403) => t(k::ERROR_403),
                Some(429) => match self.retry_after_secs() {
                    Some(seconds) => tf(k::ERROR_429_WAIT, &[("seconds", &seconds.to_string())]),
                    None => t(k::ERROR_429),
                },
                Some(status) if status >= 500 => {
                    tf(k::ERROR_5XX, &[("status", &status.to_string())])
                }
                Some(status) => tf(k::ERROR_STATUS, &[("status", &status.to_string())]),
                None => String::new(),
            },
        };
        let said = self
            .server_message()
            .map(|text| tf(k::SERVER_SAID, &[("text", &text)]));
        match (ours.is_empty(), said) {
            (_, None) => ours,
            (true, Some(said)) => said,
            (false, Some(said)) => format!("{ours} {said}"),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.headline(), self.user_message())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_bodies_keep_their_code() {
        let error = ApiError::from_response(
            401,
            r#"{"error_code":"401013","message":"Oauth token is not valid"}"#,
        );
        assert_eq!(
            error,
            ApiError::Gateway {
                status: 401,
                code: "401013".into(),
                message: "Oauth token is not valid".into()
            }
        );
        assert_eq!(
            error.headline(),
            "Your session expired or the token is invalid"
        );
        assert!(error
            .user_message()
            .contains("Oauth token is not valid (401013)"));
    }

    #[test]
    fn service_bodies_use_their_title() {
        let error = ApiError::from_response(
            404,
            r#"{"type":"http://ns.adobe.com/aep/errors/EXIM-1404-404","title":"Package abc not found","status":404}"#,
        );
        assert_eq!(error.status(), Some(404));
        assert!(error.user_message().contains("Package abc not found"));
    }

    #[test]
    fn unknown_bodies_are_quoted_briefly() {
        let body = "x".repeat(1000);
        match ApiError::from_response(502, &body) {
            ApiError::Http { status, body } => {
                assert_eq!(status, 502);
                assert_eq!(body.len(), 300);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn throttling_says_how_long_platform_asked_to_wait() {
        let body = r#"{"type":"x","title":"Slow down","status":429}"#;
        let error = ApiError::from_http(429, body, Some("30"));
        assert_eq!(error.status(), Some(429));
        assert_eq!(error.retry_after_secs(), Some(30));
        assert_eq!(error.headline(), "Too many requests");
        assert_eq!(
            error.user_message(),
            "Platform asked to wait 30 s before trying again. The server said: Slow down"
        );
        let unsaid = ApiError::from_http(429, body, None);
        assert_eq!(unsaid.retry_after_secs(), None);
        assert!(unsaid
            .user_message()
            .starts_with("Wait a moment, then retry."));
        // Other statuses ignore the header.
        assert_eq!(
            ApiError::from_http(503, body, Some("30")).retry_after_secs(),
            None
        );
    }

    #[test]
    fn only_passing_failures_are_transient() {
        let service = |status| ApiError::from_response(status, r#"{"title":"t","status":1}"#);
        assert!(ApiError::Network("Failed to fetch".into()).is_transient());
        assert!(ApiError::from_http(429, "", None).is_transient());
        assert!(service(500).is_transient());
        assert!(service(503).is_transient());
        for status in [400, 401, 403, 404, 409] {
            assert!(!service(status).is_transient(), "{status}");
        }
        assert!(!ApiError::Decode("missing field".into()).is_transient());
    }

    #[test]
    fn network_errors_say_what_to_check() {
        let error = ApiError::Network("Failed to fetch".into());
        assert_eq!(error.headline(), "Couldn't reach the server");
        assert!(error.user_message().contains("base URL"));
    }
}
