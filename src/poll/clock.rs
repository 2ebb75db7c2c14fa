//! The page's clock: the time, moved on every second by one ticker shared
//! by every widget on the page (not one timer each).

use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;

/// Milliseconds since the epoch, from the browser.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The shared clock while anyone uses it.
struct PageClock {
    now: ArcRwSignal<i64>,
    users: usize,
    ticker: Option<IntervalHandle>,
}

thread_local! {
    static PAGE_CLOCK: RefCell<Option<PageClock>> = const { RefCell::new(None) };
}

/// The time in ms since the epoch, updated every second for as long as the
/// current reactive owner lives. Every caller reads the same ticker: it
/// starts with the first and stops with the last.
pub fn use_now() -> ReadSignal<i64> {
    let now = PAGE_CLOCK.with(|clock| {
        let mut clock = clock.borrow_mut();
        let clock = clock.get_or_insert_with(|| {
            let now = ArcRwSignal::new(now_ms());
            let writer = now.clone();
            let ticker =
                set_interval_with_handle(move || writer.set(now_ms()), Duration::from_secs(1)).ok();
            PageClock {
                now,
                users: 0,
                ticker,
            }
        });
        clock.users += 1;
        clock.now.clone()
    });
    on_cleanup(|| {
        PAGE_CLOCK.with(|clock| {
            let mut slot = clock.borrow_mut();
            if let Some(clock) = slot.as_mut() {
                clock.users = clock.users.saturating_sub(1);
                if clock.users == 0 {
                    if let Some(ticker) = clock.ticker.take() {
                        ticker.clear();
                    }
                    *slot = None;
                }
            }
        })
    });
    now.read_only().into()
}
