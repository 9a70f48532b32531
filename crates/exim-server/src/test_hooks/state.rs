//! What the hooks share: the request counts and the armed faults, one set per server state.
//! The middleware records into both; each `/_local` endpoint works on one.

use std::sync::Arc;

use super::faults::ArmedFaults;
use super::requests::RequestCounts;

#[derive(Default)]
pub struct TestHooks {
    pub(super) counts: Arc<RequestCounts>,
    pub(super) faults: Arc<ArmedFaults>,
}
