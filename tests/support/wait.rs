//! Every wait of the browser tests and the app benchmark, and the only place that lets time
//! pass: until a state appears ([`until`], [`until_some`], [`eventually`]), while nothing may
//! happen ([`assert_steady_for`]), and over a fixed window when the window itself is what is
//! measured ([`observe_window`], [`repeat_through_window`]).
//!
//! The benchmark includes this file on its own, so it depends on nothing else in `support`.

use std::future::Future;
use std::time::Duration;

use thirtyfour::error::{WebDriverError, WebDriverErrorInner, WebDriverResult};
use tokio::time::Instant;

/// How long any expected state may take to appear.
pub const PATIENCE: Duration = Duration::from_secs(15);
/// How often a state is looked at again while waiting for it.
const LOOK_EVERY: Duration = Duration::from_millis(50);
/// How often a state that must not change is looked at again: often enough to report a change
/// when it happens, rarely enough not to load the page being watched.
const CHECK_STEADY_EVERY: Duration = Duration::from_millis(250);

/// Looks until `accept` takes what `look` sees, for at most `patience`, and returns it. A look
/// that fails (an element replaced by a re-render, a script run mid-navigation) is tried again;
/// giving up reports the last thing seen and the last error.
pub async fn until<T, F, Fut>(
    what: &str,
    patience: Duration,
    look: F,
    accept: impl FnMut(&T) -> bool,
) -> WebDriverResult<T>
where
    T: std::fmt::Debug,
    F: FnMut() -> Fut,
    Fut: Future<Output = WebDriverResult<T>>,
{
    patiently(what, patience, look, accept, |seen| {
        format!("the last look saw {seen:#?}")
    })
    .await
}

/// Looks until `look` finds something, for at most `patience`, and returns it; giving up
/// reports the last error.
pub async fn until_some<T, F, Fut>(what: &str, patience: Duration, look: F) -> WebDriverResult<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = WebDriverResult<Option<T>>>,
{
    let found = patiently(what, patience, look, Option::is_some, |_| {
        "no look found it".into()
    })
    .await?;
    Ok(found.expect("only a look that found something is accepted"))
}

/// Waits until `check` holds, for at most [`PATIENCE`]; giving up reports the last error.
pub async fn eventually<F, Fut>(what: &str, check: F) -> WebDriverResult<()>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = WebDriverResult<bool>>,
{
    patiently(
        what,
        PATIENCE,
        check,
        |held| *held,
        |_| "it never held".into(),
    )
    .await
    .map(drop)
}

/// The loop behind the waits for a state; `describe` says what a look that was not accepted saw.
async fn patiently<T, F, Fut>(
    what: &str,
    patience: Duration,
    mut look: F,
    mut accept: impl FnMut(&T) -> bool,
    describe: impl Fn(&T) -> String,
) -> WebDriverResult<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = WebDriverResult<T>>,
{
    let deadline = Instant::now() + patience;
    let mut last_seen = None;
    let mut last_error = None;
    loop {
        match look().await {
            Ok(seen) if accept(&seen) => return Ok(seen),
            Ok(seen) => last_seen = Some(describe(&seen)),
            Err(error) => last_error = Some(error.to_string()),
        }
        if Instant::now() >= deadline {
            let seen = last_seen.unwrap_or_else(|| "every look failed".into());
            let error =
                last_error.map_or(String::new(), |error| format!("; the last error: {error}"));
            return Err(WebDriverError::from_inner(WebDriverErrorInner::Timeout(
                format!("gave up after {patience:?} waiting for {what}: {seen}{error}"),
            )));
        }
        tokio::time::sleep(LOOK_EVERY).await;
    }
}

/// Asserts that what `look` sees stays the same for the whole `window` (nothing is sent, nothing
/// retried), and returns it; fails as soon as it changes, saying when.
pub async fn assert_steady_for<T, E, F, Fut>(
    window: Duration,
    what: &str,
    mut look: F,
) -> Result<T, E>
where
    T: PartialEq + std::fmt::Debug,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let start = Instant::now();
    let before = look().await?;
    while start.elapsed() < window {
        tokio::time::sleep(CHECK_STEADY_EVERY.min(window.saturating_sub(start.elapsed()))).await;
        let now = look().await?;
        assert!(
            now == before,
            "{what}: {before:?} became {now:?} {:.1} s into a {window:?} window",
            start.elapsed().as_secs_f64()
        );
    }
    Ok(before)
}

/// Reads `read` at the start and at the end of a fixed `window` and returns both readings. For
/// rates (requests per window), where the window is what is measured: there is no state to
/// wait for.
pub async fn observe_window<T, E, F, Fut>(window: Duration, mut read: F) -> Result<(T, T), E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let start = read().await?;
    tokio::time::sleep(window).await;
    Ok((start, read().await?))
}

/// Runs `act` at the start of every `period` that fits in a fixed `window`, then lets the rest
/// of the window pass; returns how many times it ran. For a steady load over a measured time.
#[allow(
    dead_code,
    reason = "the app benchmark's soak; no test keeps a load going"
)]
pub async fn repeat_through_window<E, F, Fut>(
    window: Duration,
    period: Duration,
    mut act: F,
) -> Result<u32, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), E>>,
{
    let end = Instant::now() + window;
    let mut times = 0;
    while Instant::now() + period <= end {
        let next = Instant::now() + period;
        act().await?;
        times += 1;
        tokio::time::sleep_until(next).await;
    }
    tokio::time::sleep_until(end).await;
    Ok(times)
}
