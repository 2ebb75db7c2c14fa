//! The browser's clock.

/// Milliseconds since the epoch, from the browser.
pub(crate) fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}
