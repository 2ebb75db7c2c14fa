//! One poll per project and endpoint on a page: widgets showing the same
//! project through the same request, options and credentials subscribe to
//! one poll instead of running one each. The poll starts with the first and
//! stops with the last.

use super::poller::start_poller;
use super::progress_poll::{poll_loop, Listeners, PollSignals};
use super::request::Call;
use super::wake::Wake;
use leptos::prelude::*;
use oms_progress_core::events::PollEvent;
use oms_progress_core::policy::PollOptions;
use std::cell::{Cell, RefCell};
use std::sync::{Arc, Mutex};

struct SharedPoll {
    call: Call,
    poll: PollOptions,
    users: usize,
    signals: PollSignals,
    refresh: Wake,
    stop: Box<dyn FnOnce()>,
    listeners: Listeners,
}

thread_local! {
    static POLLS: RefCell<Vec<SharedPoll>> = const { RefCell::new(Vec::new()) };
    static NEXT_LISTENER: Cell<u64> = const { Cell::new(0) };
}

/// Joins the poll of `call` under `poll` (starting it if nobody polls it
/// yet) for as long as the current reactive owner lives; `on_event` hears
/// its events meanwhile. Returns what the poll publishes and "poll now".
pub(crate) fn use_shared_poll(
    call: Call,
    poll: PollOptions,
    on_event: Option<Callback<PollEvent>>,
) -> (PollSignals, Wake) {
    let listener = on_event.map(|cb| {
        let id = NEXT_LISTENER.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        (id, cb)
    });
    let listener_id = listener.as_ref().map(|(id, _)| *id);
    let joined = POLLS.with(|polls| {
        let mut polls = polls.borrow_mut();
        if let Some(shared) = polls.iter_mut().find(|p| p.call == call && p.poll == poll) {
            shared.users += 1;
            if let (Some(listener), Ok(mut heard)) = (listener, shared.listeners.lock()) {
                heard.push(listener);
            }
            return (shared.signals.clone(), shared.refresh.clone());
        }
        let signals = PollSignals::default();
        let listeners: Listeners = Arc::new(Mutex::new(listener.into_iter().collect()));
        let (refresh, stop) = start_poller({
            let (call, signals, listeners) = (call.clone(), signals.clone(), listeners.clone());
            move |wake_rx, in_flight, wake| {
                poll_loop(call, poll, signals, listeners, (wake_rx, in_flight, wake))
            }
        });
        polls.push(SharedPoll {
            call: call.clone(),
            poll,
            users: 1,
            signals: signals.clone(),
            refresh: refresh.clone(),
            stop: Box::new(stop),
            listeners,
        });
        (signals, refresh)
    });
    on_cleanup(move || leave(&call, poll, listener_id));
    joined
}

/// One user fewer; the last one stops the poll.
fn leave(call: &Call, poll: PollOptions, listener: Option<u64>) {
    let stop = POLLS.with(|polls| {
        let mut polls = polls.borrow_mut();
        let at = polls
            .iter()
            .position(|p| p.call == *call && p.poll == poll)?;
        let shared = &mut polls[at];
        if let (Some(id), Ok(mut heard)) = (listener, shared.listeners.lock()) {
            heard.retain(|(other, _)| *other != id);
        }
        shared.users -= 1;
        (shared.users == 0).then(|| polls.remove(at).stop)
    });
    // Outside the registry: stopping aborts a request, which may run code.
    if let Some(stop) = stop {
        stop();
    }
}
