//! The widget's clock: the time, moved on every second.

use leptos::prelude::*;
use std::time::Duration;

/// Milliseconds since the epoch, from the browser.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The time in ms since the epoch, updated every second for as long as the
/// current reactive owner lives.
pub fn use_now() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    if let Ok(ticker) =
        set_interval_with_handle(move || set_now.set(now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || ticker.clear());
    }
    now
}
