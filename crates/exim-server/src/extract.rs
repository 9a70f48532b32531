//! Extractors whose rejections answer with Platform's error body instead of axum's plain text.

use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::Json;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::query::{parse_list_query, ListField, ListQuery};

/// A JSON request body.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(ApiError::InvalidBody(rejection.body_text())),
        }
    }
}

/// Path parameters.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => Err(ApiError::InvalidPath(rejection.body_text())),
        }
    }
}

/// The `property`, `orderby`, `start` and `limit` parameters of a list.
pub struct ListParams<F>(pub ListQuery<F>);

impl<F: ListField + Send + Sync, S: Send + Sync> FromRequestParts<S> for ListParams<F> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        parse_list_query(parts.uri.query().unwrap_or_default())
            .map(ListParams)
            .map_err(|error| ApiError::InvalidQuery(error.0))
    }
}

/// The first value of query parameter `name` (matched case-insensitively), decoded.
pub fn query_value(raw_query: Option<&str>, name: &str) -> Option<String> {
    form_urlencoded::parse(raw_query.unwrap_or_default().as_bytes())
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.into_owned())
}
