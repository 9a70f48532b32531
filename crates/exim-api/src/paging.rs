//! The paged envelope every exim list returns.

use serde::{Deserialize, Serialize};

/// One page of a list. `nextPage` and `pageSize` appear (as null) only on handshake and
/// transfer lists, so they are kept only when sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PagedResponse<T> {
    pub total_elements: u64,
    pub current_page: u64,
    pub total_pages: u64,
    pub has_previous_page: bool,
    pub has_next_page: bool,
    pub data: Vec<T>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::paging::present_null"
    )]
    pub next_page: Option<Option<u64>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::paging::present_null"
    )]
    pub page_size: Option<Option<u64>>,
}

/// Tells "absent" (`None`) from "present but null" (`Some(None)`).
pub(crate) mod present_null {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer, T: Serialize>(
        value: &Option<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}
