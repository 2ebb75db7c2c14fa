//! At most [`MAX_IN_FLIGHT`] requests from one page at once, whatever the
//! number of widgets: the rest wait their turn here, in order.
//!
//! Six, because that is how many HTTP/1.1 connections a browser opens to
//! one host: more would only queue inside the browser, where the wait
//! would count against each request's timeout; and OMS behind one proxy
//! sees no more than six requests from a page at a time.

use futures::channel::oneshot;
use std::cell::RefCell;

pub(crate) const MAX_IN_FLIGHT: usize = 6;

#[derive(Default)]
struct Slots {
    busy: usize,
    waiting: Vec<oneshot::Sender<()>>,
}

thread_local! {
    static SLOTS: RefCell<Slots> = RefCell::default();
}

/// A turn to send one request; the next in line gets it when this drops.
pub(crate) struct Slot(());

/// Waits for a turn. Never drop the future before it is ready: a turn
/// handed to a dropped waiter is passed on, but one handed just before the
/// drop would be lost (the poll loops always await it to the end).
pub(crate) async fn take_slot() -> Slot {
    let wait = SLOTS.with(|slots| {
        let mut slots = slots.borrow_mut();
        if slots.busy < MAX_IN_FLIGHT {
            slots.busy += 1;
            None
        } else {
            let (tx, rx) = oneshot::channel();
            slots.waiting.push(tx);
            Some(rx)
        }
    });
    if let Some(rx) = wait {
        // The turn is handed over as is: `busy` already counts it.
        let _ = rx.await;
    }
    Slot(())
}

impl Drop for Slot {
    fn drop(&mut self) {
        SLOTS.with(|slots| {
            let mut slots = slots.borrow_mut();
            while !slots.waiting.is_empty() {
                if slots.waiting.remove(0).send(()).is_ok() {
                    return;
                }
            }
            slots.busy = slots.busy.saturating_sub(1);
        })
    }
}
