//! HTTP plumbing: the four Platform headers, JSON in and out, errors mapped to `ApiError`.
//!
//! One non-generic transport ([`ApiClient::send`]) does the request and the error mapping and
//! returns the body text; only the final `serde_json` conversions are generic. Every generic
//! async function is compiled once per type it is used with, so keeping the await points out
//! of them keeps the wasm small.

use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::AbortSignal;

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

    /// `GET path?query` and decode the JSON answer. Repeated keys (e.g. `property`) are kept.
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ApiError> {
        let builder = Request::get(&self.url(path))
            .query(query.iter().map(|(key, value)| (*key, value.as_str())));
        decode(&self.send(builder, None).await?)
    }

    /// [`Self::get_json`] that `abort` can end while it runs (Cancel of a long export): an
    /// aborted request fails as a network error.
    pub async fn get_json_abortable<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        abort: Option<&AbortSignal>,
    ) -> Result<T, ApiError> {
        let builder = Request::get(&self.url(path))
            .query(query.iter().map(|(key, value)| (*key, value.as_str())))
            .abort_signal(abort);
        decode(&self.send(builder, None).await?)
    }

    /// `POST path` with a JSON body and decode the JSON answer.
    pub async fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let body = encode(body)?;
        decode(
            &self
                .send(Request::post(&self.url(path)), Some(body))
                .await?,
        )
    }

    /// `PUT path` with a JSON body and decode the JSON answer.
    pub async fn put_json<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let body = encode(body)?;
        decode(&self.send(Request::put(&self.url(path)), Some(body)).await?)
    }

    /// `DELETE path` and decode the JSON answer.
    pub async fn delete_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode(&self.send(Request::delete(&self.url(path)), None).await?)
    }

    /// Sends the request with the headers Platform requires on every call and returns the body
    /// of a 2xx answer; any other answer becomes an [`ApiError`]. The token travels only in the
    /// Authorization header, never in the URL.
    async fn send(
        &self,
        builder: RequestBuilder,
        json: Option<String>,
    ) -> Result<String, ApiError> {
        let connection = &self.connection;
        let builder = builder
            .header(
                "Authorization",
                &format!("Bearer {}", connection.access_token.trim()),
            )
            .header(exim_api::headers::API_KEY, connection.api_key.trim())
            .header(exim_api::headers::ORG_ID, connection.org_id.trim())
            .header(exim_api::headers::SANDBOX_NAME, connection.sandbox.trim())
            .header("Accept", "application/json");
        let request = match json {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json),
            None => builder.build(),
        }
        .map_err(|error| ApiError::Network(error.to_string()))?;
        let response = request
            .send()
            .await
            .map_err(|error| ApiError::Network(error.to_string()))?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after");
        let body = response
            .text()
            .await
            .map_err(|error| ApiError::Network(error.to_string()))?;
        if !(200..300).contains(&status) {
            return Err(ApiError::from_http(status, &body, retry_after.as_deref()));
        }
        Ok(body)
    }
}

fn encode<B: Serialize>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|error| ApiError::Decode(error.to_string()))
}

fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|error| ApiError::Decode(error.to_string()))
}
