//! A list's view kept in the URL: read it as a memo, show another one by navigating.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::state::list_query::UrlQuery;

/// The current view of a screen and the ways to change it.
pub struct UrlView<Q: UrlQuery> {
    pub query: Memo<Q>,
    /// Shows another view as a new history entry (Back returns to this one).
    pub show: Callback<Q>,
    /// Shows another view in place of this one (typing a search, for instance).
    pub replace: Callback<Q>,
}

impl<Q: UrlQuery> Clone for UrlView<Q> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q: UrlQuery> Copy for UrlView<Q> {}

/// The view of the current path as `Q`, following Back/Forward and links.
pub fn use_url_query<Q: UrlQuery>() -> UrlView<Q> {
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(|map| Q::from_url(&|key| map.get(key))));
    let location = use_location();
    let navigate = use_navigate();
    let go = move |next: Q, replace: bool| {
        let path = location.pathname.get_untracked();
        navigate(
            &format!("{path}{}", next.to_url()),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let show = {
        let go = go.clone();
        Callback::new(move |next| go(next, false))
    };
    UrlView {
        query,
        show,
        replace: Callback::new(move |next| go(next, true)),
    }
}
