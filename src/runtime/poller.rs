//! A poll loop's life: started with a wake channel and the slot of its
//! request in flight, woken by "poll now", by the page coming back into
//! view and by `online`; stopped by closing the channel, which ends the
//! loop, and aborting the request in flight.

use super::alarm::Alarm;
use super::wake::{wake_on_return, Wake};
use futures::channel::mpsc;
use futures::StreamExt;
use leptos::prelude::*;
use oms_progress_core::policy::Next;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use web_sys::AbortController;

/// Starts a poll loop for as long as the current owner lives (see
/// [`start_poller`]); returns "poll now".
pub(crate) fn spawn_poller<F: std::future::Future<Output = ()> + 'static>(
    run: impl FnOnce(mpsc::UnboundedReceiver<()>, InFlight, Wake) -> F + 'static,
) -> Callback<()> {
    let (refresh, stop) = start_poller(run);
    let stop = SendWrapper::new(stop);
    on_cleanup(move || stop.take()());
    Callback::new(move |_| refresh())
}

/// Starts a poll loop, handing it the wake channel and the slot of its
/// request in flight; returns "poll now" and "stop" (neither tied to a
/// reactive owner). The page coming back into view or online also wakes it.
/// Stopping closes the channel, which ends the loop, and aborts the request
/// in flight.
pub(crate) fn start_poller<F: std::future::Future<Output = ()> + 'static>(
    run: impl FnOnce(mpsc::UnboundedReceiver<()>, InFlight, Wake) -> F + 'static,
) -> (Wake, impl FnOnce()) {
    let (wake_tx, wake_rx) = mpsc::unbounded::<()>();
    let closer = wake_tx.clone();
    let wake = move || {
        let _ = wake_tx.unbounded_send(());
    };
    let unlisten = wake_on_return(wake.clone());
    let in_flight: InFlight = Rc::default();
    let shared_wake = SendWrapper::new(wake.clone());
    let shared_wake: Wake = Arc::new(move || (*shared_wake)());
    leptos::task::spawn_local(run(wake_rx, in_flight.clone(), shared_wake.clone()));
    let stop = move || {
        unlisten();
        closer.close_channel();
        if let Some(c) = in_flight.take() {
            c.abort();
        }
    };
    (shared_wake, stop)
}

/// The request now in flight, for aborting it on cleanup.
pub(crate) type InFlight = Rc<RefCell<Option<AbortController>>>;

/// Waits as `next` says, or until woken; false when the channel closed
/// (the poller is gone). Several wakes at once (refresh clicked twice) are
/// one poll. `alarm` wakes the loop when the wait is over.
pub(crate) async fn wait_for_next(
    next: Next,
    wake_rx: &mut mpsc::UnboundedReceiver<()>,
    alarm: &Alarm,
) -> bool {
    if let Next::After(delay) = next {
        alarm.set(delay);
    }
    let woken = wake_rx.next().await.is_some();
    alarm.clear();
    while let Ok(()) = wake_rx.try_recv() {}
    woken
}
