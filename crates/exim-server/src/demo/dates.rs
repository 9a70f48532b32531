//! Demo dates, fixed rather than relative to today, so that screenshots and tests are the same
//! on every day.

/// 2026-10-01T09:00:00Z: every demo date is an offset from this instant.
pub const BASE_MS: i64 = 1_790_845_200_000;
pub const HOUR_MS: i64 = 3_600_000;
pub const DAY_MS: i64 = 24 * HOUR_MS;
