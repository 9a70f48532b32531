//! `POST /access-control/acl/effective-policies`: which of the asked permissions the caller
//! holds. Held permissions map to `["*"]`; others are left out, as Access Control does.

use axum::Json;
use exim_api::EffectivePoliciesResponse;

use crate::auth::Caller;
use crate::directory::permissions::PATH_PREFIX;
use crate::extract::ApiJson;

pub async fn effective_policies(
    caller: Caller,
    ApiJson(paths): ApiJson<Vec<String>>,
) -> Json<EffectivePoliciesResponse> {
    let policies = paths
        .into_iter()
        .filter(|path| {
            path.strip_prefix(PATH_PREFIX)
                .is_some_and(|permission| caller.user.holds(permission))
        })
        .map(|path| (path, vec!["*".to_string()]))
        .collect();
    Json(EffectivePoliciesResponse { policies })
}
