//! At most [`MAX_IN_FLIGHT`] requests from one page at once, whatever the
//! number of widgets: the rest wait their turn here, in order.
//!
//! Six, because that is how many HTTP/1.1 connections a browser opens to
//! one host: more would only queue inside the browser, where the wait
//! would count against each request's timeout; and OMS behind one proxy
//! sees no more than six requests from a page at a time.
//!
//! On-demand calls (a step plan, the components) take at most
//! [`MAX_DETAILS`] of them: a detail call that hangs until its timeout
//! never holds a slot a progress poll could have had.

use futures::channel::oneshot;
use std::cell::RefCell;

pub(crate) const MAX_IN_FLIGHT: usize = 6;

/// The most slots on-demand calls hold at once: half, so that progress
/// polls always have the other half.
pub(crate) const MAX_DETAILS: usize = MAX_IN_FLIGHT / 2;

/// Who asks for a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lane {
    /// A poll of a project's progress or of the project list.
    Poll,
    /// An on-demand call.
    Detail,
}

#[derive(Default)]
struct Slots {
    busy: usize,
    details: usize,
    waiting: Vec<(Lane, oneshot::Sender<()>)>,
}

impl Slots {
    fn may_go(&self, lane: Lane) -> bool {
        self.busy < MAX_IN_FLIGHT && (lane == Lane::Poll || self.details < MAX_DETAILS)
    }

    fn take(&mut self, lane: Lane) {
        self.busy += 1;
        if lane == Lane::Detail {
            self.details += 1;
        }
    }

    fn give_back(&mut self, lane: Lane) {
        self.busy = self.busy.saturating_sub(1);
        if lane == Lane::Detail {
            self.details = self.details.saturating_sub(1);
        }
    }
}

thread_local! {
    static SLOTS: RefCell<Slots> = RefCell::default();
}

/// A turn to send one request; the next in line that may go gets it when
/// this drops.
pub(crate) struct Slot(Lane);

/// Waits for a turn in `lane`. Never drop the future before it is ready:
/// a turn handed to a dropped waiter is passed on, but one handed just
/// before the drop would be lost (the callers always await it to the end).
pub(crate) async fn take_slot(lane: Lane) -> Slot {
    let wait = SLOTS.with(|slots| {
        let mut slots = slots.borrow_mut();
        if slots.may_go(lane) {
            slots.take(lane);
            None
        } else {
            let (tx, rx) = oneshot::channel();
            slots.waiting.push((lane, tx));
            Some(rx)
        }
    });
    if let Some(rx) = wait {
        // The turn is handed over as is: the counts already include it.
        let _ = rx.await;
    }
    Slot(lane)
}

impl Drop for Slot {
    fn drop(&mut self) {
        SLOTS.with(|slots| {
            let mut slots = slots.borrow_mut();
            slots.give_back(self.0);
            // The first in line that may go now: a detail call waits while
            // the details hold their half, and polls behind it go first.
            while let Some(at) = (0..slots.waiting.len()).find(|&i| {
                let lane = slots.waiting[i].0;
                slots.may_go(lane)
            }) {
                let (lane, tx) = slots.waiting.remove(at);
                slots.take(lane);
                if tx.send(()).is_ok() {
                    return;
                }
                slots.give_back(lane);
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::FutureExt;

    #[test]
    fn detail_calls_hold_at_most_half_the_slots_and_polls_pass_them() {
        let now = |lane| take_slot(lane).now_or_never();
        let mut details: Vec<Slot> = (0..MAX_DETAILS)
            .map(|_| now(Lane::Detail).unwrap())
            .collect();
        // A fourth detail call waits, though slots are free…
        let mut fourth = Box::pin(take_slot(Lane::Detail));
        assert!((&mut fourth).now_or_never().is_none());
        // …which polls still get, all of the other half.
        let mut polls: Vec<Slot> = (0..MAX_IN_FLIGHT - MAX_DETAILS)
            .map(|_| now(Lane::Poll).unwrap())
            .collect();
        let mut seventh = Box::pin(take_slot(Lane::Poll));
        assert!((&mut seventh).now_or_never().is_none());
        // A poll's slot goes to the poll in line, not to the detail call
        // before it (the details hold their half).
        drop(polls.pop());
        assert!((&mut seventh).now_or_never().is_some());
        assert!((&mut fourth).now_or_never().is_none());
        // A detail call's slot goes to the waiting detail call.
        drop(details.pop());
        assert!((&mut fourth).now_or_never().is_some());
    }
}
