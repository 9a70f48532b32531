//! Live refresh of a list: every 5 s while something runs, never while the tab is hidden or the
//! user paused, backing off after failures, with a status bar that says what is going on.

use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;
use web_sys::VisibilityState;

use crate::api::ApiError;
use crate::state::polling::{backoff_ms, POLL_INTERVAL_MS};

/// Schedules refreshes. The owner calls [`LiveRefresh::succeeded`] or [`LiveRefresh::failed`]
/// after each load; `refresh` is run when the next one is due.
#[derive(Clone, Copy)]
pub struct LiveRefresh {
    /// Wall-clock milliseconds, updated every second (drives the countdowns too).
    now: RwSignal<f64>,
    last_success: RwSignal<Option<f64>>,
    failures: RwSignal<u32>,
    /// When the next refresh is due; None when nothing needs refreshing.
    due: RwSignal<Option<f64>>,
    paused: RwSignal<bool>,
    /// The last load failed in a way that does not pass by itself: wait for the user.
    halted: RwSignal<bool>,
    refresh: Callback<()>,
}

fn wall_clock_ms() -> f64 {
    js_sys::Date::now()
}

impl LiveRefresh {
    pub fn new(refresh: Callback<()>) -> Self {
        let live = LiveRefresh {
            now: RwSignal::new(wall_clock_ms()),
            last_success: RwSignal::new(None),
            failures: RwSignal::new(0),
            due: RwSignal::new(None),
            paused: RwSignal::new(false),
            halted: RwSignal::new(false),
            refresh,
        };
        let visibility = use_document_visibility();
        let visible = move || visibility.get_untracked() == VisibilityState::Visible;
        use_interval_fn(
            move || {
                live.now.set(wall_clock_ms());
                if visible() {
                    live.refresh_if_due();
                }
            },
            1_000,
        );
        // Coming back to the tab catches up at once instead of waiting for the next tick.
        Effect::new(move |_| {
            if visibility.get() == VisibilityState::Visible {
                live.now.set(wall_clock_ms());
                live.refresh_if_due();
            }
        });
        live
    }

    fn refresh_if_due(self) {
        let due = self.due.get_untracked();
        if !self.paused.get_untracked() && due.is_some_and(|at| at <= self.now.get_untracked()) {
            self.due.set(None);
            self.refresh.run(());
        }
    }

    /// A load succeeded; keep refreshing only while something is still running.
    pub fn succeeded(&self, keep_going: bool) {
        let now = wall_clock_ms();
        self.now.set(now);
        self.last_success.set(Some(now));
        self.failures.set(0);
        self.halted.set(false);
        self.due.set(keep_going.then_some(now + POLL_INTERVAL_MS));
    }

    /// A load failed; try again after the back-off delay, or after the wait Platform asked
    /// for (`Retry-After`) when it said.
    pub fn failed(&self, retry_after_secs: Option<u32>) {
        let now = wall_clock_ms();
        let failures = self.failures.get_untracked() + 1;
        let delay = retry_after_secs.map_or(backoff_ms(failures), |s| f64::from(s) * 1000.0);
        self.now.set(now);
        self.failures.set(failures);
        self.halted.set(false);
        self.due.set(Some(now + delay));
    }

    /// A load failed in a way that will not pass by itself (sign-in, permission, not found):
    /// no more tries until the user asks for one.
    pub fn halted(&self) {
        self.failures.update(|n| *n += 1);
        self.due.set(None);
        self.halted.set(true);
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
            .map_or(0.0, |at| (at - self.now.get()) / 1000.0);
        Some(wait.ceil().max(0.0) as u64)
    }

    /// Watches a one-off read: when it fails for a passing reason (see
    /// [`ApiError::is_transient`]) it is fetched again by itself, with the back-off; other
    /// failures wait for the user's Retry. Writes never go through this: they must not repeat.
    pub fn recovering<T: 'static>(read: LocalResource<Result<T, ApiError>>) -> LiveRefresh {
        let live = LiveRefresh::new(Callback::new(move |()| read.refetch()));
        Effect::new(move |_| {
            read.with(|outcome| {
                if let Some(outcome) = outcome {
                    live.record(outcome.as_ref().err(), false);
                }
            })
        });
        live
    }

    pub fn retry_now(&self) {
        self.due.set(None);
        self.halted.set(false);
        self.refresh.run(());
    }
}

/// "<problem> — retrying in 5 s", or "— retrying now" while the retry is under way.
pub fn retry_sentence(problem: &str, wait: u64) -> String {
    match wait {
        0 => format!("{problem} — retrying now"),
        _ => format!("{problem} — retrying in {wait} s"),
    }
}

/// "Updated 12 s ago", the refresh problem with its countdown and Retry now, and Pause/Resume.
#[component]
pub fn LiveStatusBar(
    live: LiveRefresh,
    loading: RwSignal<bool>,
    /// What went wrong with the last refresh, e.g. "Platform had a problem".
    #[prop(into)]
    problem: Signal<Option<String>>,
) -> impl IntoView {
    let updated = move || {
        if loading.get() {
            return Some("Updating…".to_string());
        }
        live.last_success.get().map(|at| {
            let ago = ((live.now.get() - at) / 1000.0).floor().max(0.0) as u64;
            if ago < 2 {
                "Updated just now".to_string()
            } else {
                format!("Updated {ago} s ago")
            }
        })
    };
    let problem = move || {
        let what = match problem.get() {
            Some(problem) => format!("Couldn't refresh: {problem}"),
            None => "Couldn't refresh".to_string(),
        };
        let sentence = match live.seconds_until_retry() {
            Some(wait) => retry_sentence(&what, wait),
            None if live.halted.get() => what,
            None => return None,
        };
        Some({
            view! {
                <span class="refresh-problem" role="alert">{sentence}</span>
                <button type="button" class="action" on:click=move |_| live.retry_now()>"Retry now"</button>
            }
        })
    };
    let running = move || live.due.get().is_some() || live.failures.get() > 0;
    view! {
        <div class="live-status">
            <span class="updated" aria-busy=move || loading.get().to_string()>{updated}</span>
            {problem}
            <Show when=running>
                <button
                    type="button"
                    class="action"
                    id="live-toggle"
                    aria-pressed=move || live.paused.get().to_string()
                    on:click=move |_| live.paused.update(|p| *p = !*p)
                >
                    {move || if live.paused.get() { "Resume updates" } else { "Pause updates" }}
                </button>
            </Show>
        </div>
    }
}
