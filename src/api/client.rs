//! HTTP plumbing: the four Platform headers, JSON in and out, errors mapped to `ApiError`.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use crate::state::connection::Connection;

/// A client bound to one connection. Cheap to clone; build a new one when the connection changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiClient {
    connection: Connection,
}

impl ApiClient {
    pub fn new(connection: Connection) -> Self {
        ApiClient { connection }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.connection.base_url.trim_end_matches('/'), path)
    }

    /// Adds the headers Platform requires on every call. The token travels only in the
    /// Authorization header, never in the URL.
    fn with_headers(&self, builder: RequestBuilder) -> RequestBuilder {
        let connection = &self.connection;
        builder
            .header(
                "Authorization",
                &format!("Bearer {}", connection.access_token.trim()),
            )
            .header(exim_api::headers::API_KEY, connection.api_key.trim())
            .header(exim_api::headers::ORG_ID, connection.org_id.trim())
            .header(exim_api::headers::SANDBOX_NAME, connection.sandbox.trim())
            .header("Accept", "application/json")
    }

    /// `GET path?query` and decode the JSON answer. Repeated keys (e.g. `property`) are kept.
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ApiError> {
        let builder = Request::get(&self.url(path))
            .query(query.iter().map(|(key, value)| (*key, value.as_str())));
        let response = self
            .with_headers(builder)
            .send()
            .await
            .map_err(|error| ApiError::Network(error.to_string()))?;
        decode(response).await
    }

    /// `POST path` with a JSON body and decode the JSON answer.
    pub async fn post_json<B: serde::Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.send_json(Request::post(&self.url(path)), body).await
    }

    /// `PUT path` with a JSON body and decode the JSON answer.
    pub async fn put_json<B: serde::Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.send_json(Request::put(&self.url(path)), body).await
    }

    async fn send_json<B: serde::Serialize, T: DeserializeOwned>(
        &self,
        builder: RequestBuilder,
        body: &B,
    ) -> Result<T, ApiError> {
        let request = self
            .with_headers(builder)
            .json(body)
            .map_err(|error| ApiError::Decode(error.to_string()))?;
        let response = request
            .send()
            .await
            .map_err(|error| ApiError::Network(error.to_string()))?;
        decode(response).await
    }
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let body = response
        .text()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    if !(200..300).contains(&status) {
        return Err(ApiError::from_http(status, &body, retry_after.as_deref()));
    }
    serde_json::from_str(&body).map_err(|error| ApiError::Decode(error.to_string()))
}
