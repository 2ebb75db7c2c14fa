//! The page's clock: monotonic, so that a step of the wall clock (NTP, a
//! clock set by hand) neither ages nor judges anything shown; OMS's own
//! clock, from its answers' `Date`, corrects it (see `ClockOffset`).

/// Milliseconds since the epoch, as the page's monotonic clock reads them:
/// the time the page opened plus the time since.
pub(crate) fn now_ms() -> i64 {
    match web_sys::window().and_then(|w| w.performance()) {
        Some(p) => (p.time_origin() + p.now()) as i64,
        None => js_sys::Date::now() as i64,
    }
}

/// The wall clock minus the page's clock: it moves when the wall clock is
/// stepped, or when the monotonic clock stood still (a sleep).
pub(crate) fn wall_gap_ms() -> i64 {
    js_sys::Date::now() as i64 - now_ms()
}
