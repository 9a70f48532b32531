//! `POST /access-control/acl/effective-policies`: which of the asked permissions the caller
//! holds. Held permissions map to `["*"]`; others are left out, as Access Control does.

use std::collections::BTreeMap;

use axum::Json;
use serde::Serialize;

use crate::auth::Caller;
use crate::directory::permissions::PATH_PREFIX;
use crate::extract::ApiJson;

#[derive(Debug, Serialize)]
pub struct EffectivePolicies {
    policies: BTreeMap<String, Vec<&'static str>>,
}

pub async fn effective_policies(
    caller: Caller,
    ApiJson(paths): ApiJson<Vec<String>>,
) -> Json<EffectivePolicies> {
    let policies = paths
        .into_iter()
        .filter(|path| {
            path.strip_prefix(PATH_PREFIX)
                .is_some_and(|permission| caller.user.holds(permission))
        })
        .map(|path| (path, vec!["*"]))
        .collect();
    Json(EffectivePolicies { policies })
}
