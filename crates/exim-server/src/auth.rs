//! The API gateway's checks, as extractors: who is calling, for which org and sandbox.
//! Tokens are compared and looked up but never logged.

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use exim_api::headers;

use crate::db::directory;
use crate::directory::permissions::{MANAGE_PACKAGE, PACKAGE_SHARE};
use crate::directory::{Org, User};
use crate::error::{ApiError, GatewayFailure};
use crate::request_headers::header;
use crate::state::AppState;

/// The only API key this server accepts.
pub const LOCAL_API_KEY: &str = "sandbox-share-local";

/// A caller that passed the gateway: valid token, API key and org header. Used where
/// `x-sandbox-name` does not matter (listing the sandboxes to choose from).
#[derive(Debug, Clone)]
pub struct OrgCaller {
    pub org: Org,
    pub user: User,
}

/// A caller that passed the gateway and whose `x-sandbox-name` names one of its org's
/// sandboxes.
#[derive(Debug, Clone)]
pub struct Caller {
    pub org: Org,
    pub user: User,
    /// The sandbox named by `x-sandbox-name`; new packages default to it.
    pub sandbox: String,
}

impl FromRequestParts<AppState> for OrgCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        use GatewayFailure::*;
        let token = bearer_token(&parts.headers).ok_or(ApiError::Gateway(InvalidToken))?;
        match header(&parts.headers, headers::API_KEY) {
            None => return Err(ApiError::Gateway(MissingApiKey)),
            Some(key) if key != LOCAL_API_KEY => return Err(ApiError::Gateway(InvalidApiKey)),
            Some(_) => {}
        }
        let org_id = header(&parts.headers, headers::ORG_ID)
            .ok_or(ApiError::Gateway(MissingOrgHeader))?
            .to_string();

        let token = token.to_string();
        let found = state
            .db()
            .call(move |conn| directory::find_user_by_token(conn, &token))
            .await?;
        match found {
            Some((user, org)) if org.ims_org_id == org_id => Ok(OrgCaller { org, user }),
            // Unknown tokens and tokens of another org look the same, as at Platform's gateway.
            _ => Err(ApiError::Gateway(InvalidProfile)),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let OrgCaller { org, user } = OrgCaller::from_request_parts(parts, state).await?;
        let Some(name) = header(&parts.headers, headers::SANDBOX_NAME) else {
            return Err(ApiError::InvalidSandbox(format!(
                "Missing header {}",
                headers::SANDBOX_NAME
            )));
        };
        let name = name.to_string();
        let (org_id, lookup_name) = (org.ims_org_id.clone(), name.clone());
        let found = state
            .db()
            .call(move |conn| directory::find_sandbox(conn, &org_id, &lookup_name))
            .await?;
        match found {
            Some(_) => Ok(Caller {
                org,
                user,
                sandbox: name,
            }),
            None => Err(ApiError::InvalidSandbox(format!(
                "Sandbox '{name}' does not exist in organization {}",
                org.ims_org_id
            ))),
        }
    }
}

/// An Access Control permission an operation needs.
pub trait Permission {
    const NAME: &'static str;
}

/// Creating, changing, publishing and importing packages.
pub struct ManagePackage;

impl Permission for ManagePackage {
    const NAME: &'static str = MANAGE_PACKAGE;
}

/// Partnerships and sharing packages with other orgs.
pub struct PackageShare;

impl Permission for PackageShare {
    const NAME: &'static str = PACKAGE_SHARE;
}

/// A [`Caller`] who holds permission `P`. As an extractor it refuses others with 403 before
/// the request body is read, so a refused write never depends on its body.
pub struct Permitted<P> {
    pub caller: Caller,
    permission: PhantomData<P>,
}

impl<P: Permission> FromRequestParts<AppState> for Permitted<P> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        if !caller.user.holds(P::NAME) {
            return Err(ApiError::Forbidden(P::NAME));
        }
        Ok(Permitted {
            caller,
            permission: PhantomData,
        })
    }
}

/// The token of an `Authorization: Bearer <token>` header, if there is a non-blank one.
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = header(headers, AUTHORIZATION.as_str())?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}
