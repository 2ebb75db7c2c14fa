//! The page's clock: the time, moved on every second by one ticker shared
//! by every widget on the page (not one timer each).

use super::clock::now_ms;
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;

struct PageClock {
    now: ArcRwSignal<i64>,
    users: usize,
    ticker: Option<IntervalHandle>,
}

thread_local! {
    static PAGE_CLOCK: RefCell<Option<PageClock>> = const { RefCell::new(None) };
}

/// One user more of the page's clock (starting its ticker for the first);
/// its signal.
pub(crate) fn join() -> ArcRwSignal<i64> {
    PAGE_CLOCK.with(|clock| {
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
    })
}

/// One user fewer; the last one stops the ticker.
pub(crate) fn leave() {
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
}
