//! When reads run again: one scheduler for the whole app.
//!
//! Every read that refreshes itself (Sharing status while shares run) or recovers from a passing
//! failure registers a [`Refresh`]. The [`Scheduler`] keeps one clock (a signal updated once a
//! second, for countdowns and "Updated 12 s ago") and one timer, armed for the earliest due
//! refresh of all of them. Nothing runs while the tab is hidden; coming back runs what fell due.

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;
use web_sys::VisibilityState;

use crate::api::ApiError;
use crate::i18n::keys::common as k;
use crate::i18n::{number, t, tf, tr};
use crate::state::polling::{backoff_ms, POLL_INTERVAL_MS};

fn wall_clock_ms() -> f64 {
    js_sys::Date::now()
}

/// The app's clock and timer. Provided once by the shell with [`Scheduler::provide`].
#[derive(Clone, Copy)]
pub struct Scheduler {
    /// Wall-clock milliseconds, updated every second while the tab is visible.
    now: RwSignal<f64>,
    visible: Signal<bool>,
    refreshes: StoredValue<Vec<Refresh>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    next_id: StoredValue<u64>,
}

impl Scheduler {
    pub fn provide() {
        let visibility = use_document_visibility();
        let visible = Signal::derive(move || visibility.get() == VisibilityState::Visible);
        let scheduler = Scheduler {
            now: RwSignal::new(wall_clock_ms()),
            visible,
            refreshes: StoredValue::new(Vec::new()),
            timer: StoredValue::new(None),
            next_id: StoredValue::new(0),
        };
        use_interval_fn(
            move || {
                if visible.get_untracked() {
                    scheduler.now.set(wall_clock_ms());
                }
            },
            1_000,
        );
        // Hidden: the timer is dropped. Visible again: what fell due meanwhile runs at once.
        Effect::new(move |_| {
            if visible.get() {
                scheduler.run_due();
            } else {
                scheduler.disarm();
            }
        });
        provide_context(scheduler);
    }

    fn disarm(self) {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }

    /// Arms the one timer for the earliest refresh due, if any.
    fn rearm(self) {
        self.disarm();
        if !self.visible.get_untracked() {
            return;
        }
        let earliest = self.refreshes.with_value(|all| {
            all.iter()
                .filter_map(|refresh| refresh.next_due())
                .reduce(f64::min)
        });
        let Some(at) = earliest else { return };
        let wait = Duration::from_millis((at - wall_clock_ms()).max(0.0) as u64);
        let timer = set_timeout_with_handle(move || self.run_due(), wait).ok();
        self.timer.set_value(timer);
    }

    /// Runs every refresh that is due now, then arms the timer for the next.
    fn run_due(self) {
        let now = wall_clock_ms();
        self.now.set(now);
        let due: Vec<Refresh> = self.refreshes.with_value(|all| {
            all.iter()
                .copied()
                .filter(|refresh| refresh.next_due().is_some_and(|at| at <= now))
                .collect()
        });
        for refresh in due {
            refresh.due.set(None);
            refresh.refresh.run(());
        }
        self.rearm();
    }

    fn register(self, refresh: Refresh) {
        self.refreshes.update_value(|all| all.push(refresh));
        on_cleanup(move || {
            self.refreshes
                .try_update_value(|all| all.retain(|other| other.id != refresh.id));
        });
    }
}

/// One read's refresh schedule: when it runs again, how many tries failed, whether the user
/// paused it. The owner records each load's outcome; `refresh` runs when the next one is due.
#[derive(Clone, Copy)]
pub struct Refresh {
    id: u64,
    scheduler: Scheduler,
    last_success: RwSignal<Option<f64>>,
    failures: RwSignal<u32>,
    /// When the next refresh is due; None when nothing needs refreshing.
    due: RwSignal<Option<f64>>,
    paused: RwSignal<bool>,
    /// The last load failed in a way that does not pass by itself: wait for the user.
    halted: RwSignal<bool>,
    refresh: Callback<()>,
}

impl Refresh {
    pub fn new(refresh: Callback<()>) -> Self {
        let scheduler = expect_context::<Scheduler>();
        let id = scheduler.next_id.get_value();
        scheduler.next_id.set_value(id + 1);
        let schedule = Refresh {
            id,
            scheduler,
            last_success: RwSignal::new(None),
            failures: RwSignal::new(0),
            due: RwSignal::new(None),
            paused: RwSignal::new(false),
            halted: RwSignal::new(false),
            refresh,
        };
        scheduler.register(schedule);
        schedule
    }

    /// When this refresh should run, unless paused or already running.
    fn next_due(self) -> Option<f64> {
        if self.paused.try_get_untracked()? {
            return None;
        }
        self.due.try_get_untracked().flatten()
    }

    fn schedule(self, due: Option<f64>) {
        self.due.set(due);
        self.scheduler.rearm();
    }

    /// A load succeeded; keep refreshing only while something is still running.
    pub fn succeeded(&self, keep_going: bool) {
        let now = wall_clock_ms();
        self.scheduler.now.set(now);
        self.last_success.set(Some(now));
        self.failures.set(0);
        self.halted.set(false);
        self.schedule(keep_going.then_some(now + POLL_INTERVAL_MS));
    }

    /// A load failed; try again after the back-off delay, or after the wait Platform asked
    /// for (`Retry-After`) when it said.
    pub fn failed(&self, retry_after_secs: Option<u32>) {
        let now = wall_clock_ms();
        let failures = self.failures.get_untracked() + 1;
        let delay = retry_after_secs.map_or(backoff_ms(failures), |s| f64::from(s) * 1000.0);
        self.scheduler.now.set(now);
        self.failures.set(failures);
        self.halted.set(false);
        self.schedule(Some(now + delay));
    }

    /// A load failed in a way that will not pass by itself (sign-in, permission, not found):
    /// no more tries until the user asks for one.
    pub fn halted(&self) {
        self.failures.update(|n| *n += 1);
        self.halted.set(true);
        self.schedule(None);
    }

    /// Records a load's outcome: success keeps refreshing while `keep_going`; a passing
    /// failure is retried after the back-off; any other failure halts.
    pub fn record(&self, error: Option<&ApiError>, keep_going: bool) {
        match error {
            None => self.succeeded(keep_going),
            Some(error) if error.is_transient() => self.failed(error.retry_after_secs()),
            Some(_) => self.halted(),
        }
    }

    /// After a failure, whole seconds until the next try (0 while it is under way);
    /// None when the last load succeeded. Reactive.
    pub fn seconds_until_retry(&self) -> Option<u64> {
        if self.failures.get() == 0 || self.halted.get() {
            return None;
        }
        let wait = self
            .due
            .get()
            .map_or(0.0, |at| (at - self.scheduler.now.get()) / 1000.0);
        Some(wait.ceil().max(0.0) as u64)
    }

    pub fn retry_now(&self) {
        self.halted.set(false);
        self.schedule(None);
        self.refresh.run(());
    }

    fn toggle_pause(&self) {
        self.paused.update(|paused| *paused = !*paused);
        self.scheduler.rearm();
    }
}

/// A one-off read (details, a dialog's list, the sandbox list) fetched with `fetch`, again
/// whenever what `fetch` reads changes. When it fails for a passing reason (see
/// [`ApiError::is_transient`]) it is fetched again by itself, with the back-off; other failures
/// wait for the user's Retry. Writes never go through this: they must not repeat.
pub fn use_read<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
) -> (LocalResource<Result<T, ApiError>>, Refresh)
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let (read, refresh, _) = use_polled_read(fetch, |_| false);
    (read, refresh)
}

/// Like [`use_read`], and fetched again every few seconds while `keep_polling` says so of the
/// answer. The flag is true while a request is under way.
pub fn use_polled_read<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
    keep_polling: impl Fn(&T) -> bool + 'static,
) -> (LocalResource<Result<T, ApiError>>, Refresh, RwSignal<bool>)
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let reloads = RwSignal::new(0_u64);
    let loading = RwSignal::new(false);
    let refresh = Refresh::new(Callback::new(move |()| reloads.update(|n| *n += 1)));
    let keep_polling = std::rc::Rc::new(keep_polling);
    let read = LocalResource::new(move || {
        reloads.track();
        let request = fetch();
        let keep_polling = keep_polling.clone();
        async move {
            loading.set(true);
            let result = request.await;
            loading.set(false);
            let polling = result.as_ref().is_ok_and(|answer| keep_polling(answer));
            refresh.record(result.as_ref().err(), polling);
            result
        }
    });
    (read, refresh, loading)
}

/// "<problem> — retrying in 5 s", or "— retrying now" while the retry is under way.
pub fn retry_sentence(problem: &str, wait: u64) -> String {
    match wait {
        0 => tf(k::RETRYING_NOW, &[("problem", problem)]),
        _ => tf(
            k::RETRYING_IN,
            &[("problem", problem), ("seconds", &number(wait))],
        ),
    }
}

/// "Updated 12 s ago", the refresh problem with its countdown and Retry now, and Pause/Resume.
#[component]
pub fn LiveStatusBar(
    refresh: Refresh,
    #[prop(into)] loading: Signal<bool>,
    /// What went wrong with the last refresh, e.g. "Platform had a problem".
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// When true, the page shows the problem itself (an alert where the rows would be): it is
    /// not said twice, with two Retry buttons.
    #[prop(optional, into)]
    shown_elsewhere: Signal<bool>,
) -> impl IntoView {
    let now = refresh.scheduler.now;
    let updated = move || {
        if loading.get() {
            return Some(t(k::UPDATING));
        }
        refresh.last_success.get().map(|at| {
            let ago = ((now.get() - at) / 1000.0).floor().max(0.0) as u64;
            if ago < 2 {
                t(k::UPDATED_JUST_NOW)
            } else {
                tf(k::UPDATED_AGO, &[("seconds", &number(ago))])
            }
        })
    };
    let problem = move || {
        if shown_elsewhere.get() {
            return None;
        }
        let what = match problem.get() {
            Some(problem) => tf(k::REFRESH_FAILED_BECAUSE, &[("problem", &problem)]),
            None => t(k::REFRESH_FAILED),
        };
        let sentence = match refresh.seconds_until_retry() {
            Some(wait) => retry_sentence(&what, wait),
            None if refresh.halted.get() => what,
            None => return None,
        };
        Some({
            view! {
                <span class="refresh-problem" role="alert">{sentence}</span>
                <button type="button" class="action" on:click=move |_| refresh.retry_now()>{tr(k::RETRY_NOW)}</button>
            }
        })
    };
    let running = move || refresh.due.get().is_some() || refresh.failures.get() > 0;
    view! {
        <div class="live-status">
            <span class="updated" aria-busy=move || loading.get().to_string()>{updated}</span>
            {problem}
            <Show when=running>
                <button
                    type="button"
                    class="action"
                    id="live-toggle"
                    aria-pressed=move || refresh.paused.get().to_string()
                    on:click=move |_| refresh.toggle_pause()
                >
                    {Signal::derive(move || t(if refresh.paused.get() { k::RESUME_UPDATES } else { k::PAUSE_UPDATES }))}
                </button>
            </Show>
        </div>
    }
}
