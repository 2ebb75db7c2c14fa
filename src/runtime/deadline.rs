//! Request timeouts from one check for the whole page instead of a timer
//! per request: a `setTimeout` set and cleared for every request measured
//! about 0.1 ms of main thread a poll, while the check runs four times a
//! second, and only while a request is out, however many there are.
//! A request is given up between its timeout and a quarter second after.

use super::clock::now_ms;
use futures::channel::oneshot;
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::time::Duration;

/// How often the page looks for requests past their timeout.
const CHECK_EVERY_MS: u32 = 250;

#[derive(Default)]
struct Deadlines {
    /// When each waiter is due (browser ms), and how to tell it.
    due: Vec<(i64, oneshot::Sender<()>)>,
    /// Runs while anyone waits.
    check: Option<Interval>,
}

thread_local! {
    static DEADLINES: RefCell<Deadlines> = RefCell::default();
}

/// Resolves once `after` has passed, at most [`CHECK_EVERY_MS`] late.
/// Dropping it (the request answered first) forgets the deadline.
pub(crate) async fn deadline(after: Duration) {
    let (tell, told) = oneshot::channel();
    let at = now_ms().saturating_add(after.as_millis().min(i64::MAX as u128) as i64);
    DEADLINES.with(|deadlines| {
        let mut deadlines = deadlines.borrow_mut();
        deadlines.due.push((at, tell));
        if deadlines.check.is_none() {
            deadlines.check = Some(Interval::new(CHECK_EVERY_MS, check));
        }
    });
    let _ = told.await;
}

/// Tells the waiters that are due, forgets those that stopped waiting, and
/// stops the check when nobody is left.
fn check() {
    let now = now_ms();
    let mut done = Vec::new();
    let stopped = DEADLINES.with(|deadlines| {
        let mut deadlines = deadlines.borrow_mut();
        let mut at = 0;
        while let Some((when, tell)) = deadlines.due.get(at) {
            if *when <= now || tell.is_canceled() {
                done.push(deadlines.due.swap_remove(at).1);
            } else {
                at += 1;
            }
        }
        deadlines.due.is_empty().then(|| deadlines.check.take())
    });
    // Outside the borrow: the interval is dropped from its own callback,
    // which wasm-bindgen allows; a waiter told here runs later, as a task.
    for tell in done {
        let _ = tell.send(());
    }
    drop(stopped);
}
