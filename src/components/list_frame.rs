//! The one way a table is loaded and shown: [`use_list`] fetches pages of rows, recovering from
//! passing failures (and polling while the page says so), and [`ListFrame`] renders its state —
//! loading, error with recovery, empty, or the rows with their pagination.
//!
//! A failed refresh keeps the rows shown. Rows are keyed by id by the table itself (`<For>`);
//! a row's changing parts read [`ListData::row`], so a refresh or a patch after a write
//! re-renders those cells only.

use std::future::Future;

use exim_api::PagedResponse;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::inline_alert::ErrorAlert;
use crate::components::pagination::Pagination;
use crate::components::refresh::{use_polled_read, Refresh};
use crate::i18n::catalog::{Plural, Text};
use crate::i18n::keys::common as k;
use crate::state::list_query::Paging;

/// A list's pages as fetched, and its refresh schedule.
pub struct ListData<T: Send + Sync + 'static> {
    fetched: LocalResource<Result<PagedResponse<T>, ApiError>>,
    /// The rows shown: the last page that loaded, kept through a failed refresh.
    shown: Memo<Option<PagedResponse<T>>>,
    loading: RwSignal<bool>,
    pub refresh: Refresh,
}

impl<T: Send + Sync + 'static> Clone for ListData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for ListData<T> {}

/// Fetches a list with `fetch`, again whenever what `fetch` reads changes (the view, the
/// connection). A passing failure is retried with the back-off; while `keep_polling` says so
/// of the rows, the list is fetched again every few seconds.
pub fn use_list<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
    keep_polling: fn(&[T]) -> bool,
) -> ListData<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    Fut: Future<Output = Result<PagedResponse<T>, ApiError>> + 'static,
{
    let (fetched, refresh, loading) = use_polled_read(fetch, move |page: &PagedResponse<T>| {
        keep_polling(&page.data)
    });
    let shown = Memo::new(move |previous: Option<&Option<PagedResponse<T>>>| {
        fetched.with(|outcome| match outcome {
            Some(Ok(page)) => Some(page.clone()),
            _ => previous.cloned().flatten(),
        })
    });
    ListData {
        fetched,
        shown,
        loading,
        refresh,
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> ListData<T> {
    /// What the frame shows.
    pub fn state(self) -> Signal<ListState> {
        let state = Memo::new(move |_| {
            let error = self
                .fetched
                .with(|outcome| outcome.as_ref().and_then(|o| o.as_ref().err().cloned()));
            let rows = self
                .shown
                .with(|page| page.as_ref().map(|p| (p.data.is_empty(), p.total_elements)));
            ListState {
                error,
                rows: match rows {
                    None => Rows::NotYet,
                    Some((true, _)) => Rows::None,
                    Some((false, total)) => Rows::Some(total),
                },
            }
        });
        state.into()
    }

    /// True while a request is under way (first load, another view, a refresh or a retry).
    pub fn loading(self) -> Signal<bool> {
        self.loading.into()
    }

    /// True while another view loads and the old rows are still shown.
    pub fn updating(self) -> Signal<bool> {
        Signal::derive(move || self.loading.get() && self.shown.with(Option::is_some))
    }

    /// The ids of the rows shown, in order: what a keyed `<For>` iterates.
    pub fn ids(self, id_of: fn(&T) -> &str) -> Memo<Vec<String>> {
        Memo::new(move |_| {
            self.shown.with(|page| {
                page.as_ref()
                    .map(|p| p.data.iter().map(|row| id_of(row).to_string()).collect())
                    .unwrap_or_default()
            })
        })
    }

    /// Reads one row as shown now, without subscribing: a row's fixed facts.
    pub fn row_untracked(self, id: &str, id_of: fn(&T) -> &str) -> Option<T> {
        self.shown
            .with_untracked(|page| find_row(page, id, id_of).cloned())
    }

    /// What `pick` takes from one row, updated when it changes: a row's changing parts.
    pub fn row<U>(self, id: String, id_of: fn(&T) -> &str, pick: fn(&T) -> U) -> Memo<Option<U>>
    where
        U: PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| self.shown.with(|page| find_row(page, &id, id_of).map(pick)))
    }

    /// One row as shown now, if it is on the page. Reactive.
    pub fn find(self, id: &str, id_of: fn(&T) -> &str) -> Option<T> {
        self.shown.with(|page| find_row(page, id, id_of).cloned())
    }

    /// True once the first answer came, rows or an error. Reactive.
    pub fn settled(self) -> bool {
        self.fetched.with(Option::is_some)
    }

    /// All rows shown now. Reactive.
    pub fn rows(self) -> Vec<T> {
        self.shown
            .with(|page| page.as_ref().map(|p| p.data.clone()).unwrap_or_default())
    }

    /// Replaces a row with the server's answer to a write, where it is shown.
    pub fn patch(self, updated: T, id_of: fn(&T) -> &str) {
        self.fetched.update(|outcome| {
            if let Some(Ok(page)) = outcome {
                if let Some(row) = page
                    .data
                    .iter_mut()
                    .find(|row| id_of(row) == id_of(&updated))
                {
                    *row = updated;
                }
            }
        });
    }

    /// Takes a row out of the page shown (a write moved it out of this list), and out of the
    /// count.
    pub fn remove(self, id: &str, id_of: fn(&T) -> &str) {
        self.fetched.update(|outcome| {
            if let Some(Ok(page)) = outcome {
                let before = page.data.len();
                page.data.retain(|row| id_of(row) != id);
                let removed = (before - page.data.len()) as u64;
                page.total_elements = page.total_elements.saturating_sub(removed);
            }
        });
    }

    /// Fetches the list again now (after a write elsewhere changed it).
    pub fn reload(self) {
        self.fetched.refetch();
    }
}

fn find_row<'a, T>(
    page: &'a Option<PagedResponse<T>>,
    id: &str,
    id_of: fn(&T) -> &str,
) -> Option<&'a T> {
    page.as_ref()?.data.iter().find(|row| id_of(row) == id)
}

/// The state of a list, independent of its rows' type.
#[derive(Debug, Clone, PartialEq)]
pub struct ListState {
    /// The last request failed.
    pub error: Option<ApiError>,
    pub rows: Rows,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rows {
    /// Nothing loaded yet.
    NotYet,
    /// Loaded: no rows.
    None,
    /// Loaded: some rows, of this many in all pages.
    Some(u64),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Loading,
    Failed,
    Empty,
    Rows,
}

/// Loading, error with recovery, empty state, or the rows (`children`, the table) and their
/// pagination. The table is built once and keeps its rows' DOM while pages refresh.
#[component]
pub fn ListFrame(
    #[prop(into)] state: Signal<ListState>,
    refresh: Refresh,
    #[prop(into)] paging: Signal<Paging>,
    #[prop(into)] on_paging: Callback<Paging>,
    /// What the rows are, with their count ("{count} packages").
    noun: Plural,
    /// Names the pagination when a screen has more than one list.
    #[prop(optional)]
    pagination_label: Option<Text>,
    /// Shown until the first page arrives.
    #[prop(into)]
    loading: ViewFn,
    /// Shown when the view has no rows.
    #[prop(into)]
    empty: ViewFn,
    /// When true, a failed refresh with rows shown is left to the screen's status bar.
    #[prop(optional)]
    errors_elsewhere: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let rows = Memo::new(move |_| state.with(|s| s.rows));
    let error = Memo::new(move |_| state.with(|s| s.error.clone()));
    // Only a change of what is shown rebuilds the body: a new total or a refresh does not.
    let shape = Memo::new(move |_| match rows.get() {
        Rows::NotYet if error.with(Option::is_some) => Shape::Failed,
        Rows::NotYet => Shape::Loading,
        Rows::None => Shape::Empty,
        Rows::Some(_) => Shape::Rows,
    });
    let total = Signal::derive(move || match rows.get() {
        Rows::Some(total) => total,
        _ => 0,
    });
    let alert = move || {
        let error = error.get()?;
        let quiet = errors_elsewhere && shape.get() == Shape::Rows;
        (!quiet).then(|| {
            view! {
                <ErrorAlert error on_retry=Callback::new(move |()| refresh.retry_now()) recovery=refresh />
            }
        })
    };
    let body = move || match shape.get() {
        Shape::Failed => ().into_any(),
        Shape::Loading => loading.run(),
        Shape::Empty => empty.run(),
        Shape::Rows => {
            let children = children.clone();
            view! {
                {children()}
                <Pagination paging total on_paging noun label=pagination_label.unwrap_or(k::PAGES) />
            }
            .into_any()
        }
    };
    view! {
        {alert}
        {body}
    }
}
