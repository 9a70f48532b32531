//! One error type for every way a call can fail, with the message a user should read.

use exim_api::{GatewayError, PlatformError};

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

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Gateway { status, .. }
            | ApiError::Service { status, .. }
            | ApiError::Http { status, .. } => Some(*status),
            ApiError::Network(_) | ApiError::Decode(_) => None,
        }
    }

    /// What the server said, if it said anything.
    fn server_message(&self) -> Option<String> {
        match self {
            ApiError::Gateway { code, message, .. } => Some(format!("{message} ({code})")),
            ApiError::Service { title, detail, .. } => Some(match detail {
                Some(detail) if !detail.is_empty() => format!("{title} — {detail}"),
                _ => title.clone(),
            }),
            ApiError::Http { body, .. } if !body.is_empty() => Some(body.clone()),
            _ => None,
        }
    }

    /// A heading for an alert about this error.
    pub fn headline(&self) -> &'static str {
        match self.status() {
            Some(401) => "Your session expired or the token is invalid",
            Some(403) => "You don't have permission",
            Some(404) => "Not found",
            Some(409) => "Conflict",
            Some(429) => "Too many requests",
            Some(status) if status >= 500 => "Platform had a problem",
            Some(_) => "The request was refused",
            None => match self {
                ApiError::Decode(_) => "Unexpected answer from the server",
                _ => "Couldn't reach the server",
            },
        }
    }

    /// A full sentence saying what happened and what to do.
    pub fn user_message(&self) -> String {
        let server = self.server_message();
        let said = server
            .as_deref()
            .map(|text| format!(" The server said: {text}"))
            .unwrap_or_default();
        match self {
            ApiError::Network(_) => {
                "Check your network and the base URL in Connection, then retry.".to_string()
            }
            ApiError::Decode(reason) => format!("The response could not be read: {reason}"),
            _ => match self.status() {
                Some(401) => format!("Open Connection and sign in again.{said}"),
                Some(403) => format!("Your access doesn't allow this.{said}"),
                Some(429) => format!("Wait a moment, then retry.{said}"),
                Some(status) if status >= 500 => format!("Status {status}. Retry shortly.{said}"),
                Some(status) => format!("Status {status}.{said}"),
                None => said.trim().to_string(),
            },
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
    fn network_errors_say_what_to_check() {
        let error = ApiError::Network("Failed to fetch".into());
        assert_eq!(error.headline(), "Couldn't reach the server");
        assert!(error.user_message().contains("base URL"));
    }
}
