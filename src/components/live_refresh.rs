//! Live refresh of a list: every 5 s while something runs, never while the tab is hidden or the
//! user paused, backing off after failures, with a status bar that says what is going on.

use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;
use web_sys::VisibilityState;

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
        self.due.set(keep_going.then_some(now + POLL_INTERVAL_MS));
    }

    /// A load failed; try again after the back-off delay.
    pub fn failed(&self) {
        let now = wall_clock_ms();
        let failures = self.failures.get_untracked() + 1;
        self.now.set(now);
        self.failures.set(failures);
        self.due.set(Some(now + backoff_ms(failures)));
    }

    fn retry_now(&self) {
        self.due.set(None);
        self.refresh.run(());
    }
}

/// "Updated 12 s ago", the refresh problem with its countdown and Retry now, and Pause/Resume.
#[component]
pub fn LiveStatusBar(live: LiveRefresh) -> impl IntoView {
    let seconds_until = move |at: f64| ((at - live.now.get()) / 1000.0).ceil().max(0.0) as u64;
    let updated = move || {
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
        (live.failures.get() > 0).then(|| {
            let wait = live.due.get().map(seconds_until).unwrap_or(0);
            view! {
                <span class="refresh-problem" role="alert">
                    {format!("Couldn't refresh — retrying in {wait} s")}
                </span>
                <button type="button" class="action" on:click=move |_| live.retry_now()>"Retry now"</button>
            }
        })
    };
    let running = move || live.due.get().is_some() || live.failures.get() > 0;
    view! {
        <div class="live-status">
            <span class="updated">{updated}</span>
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
