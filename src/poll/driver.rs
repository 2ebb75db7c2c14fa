//! Runs the polling policy in the browser: one request in flight at most,
//! aborted at its timeout and on cleanup; paused while the page is hidden;
//! woken by "refresh", by the page becoming visible and by `online`.

use super::alarm::Alarm;
use super::clock::{now_ms, use_now};
use super::request::{fetch_text, Call};
use super::shared::use_shared_poll;
use super::tabs::{share_key, take_turn, TabShare, Turn};
use super::wake::{page_hidden, wake_on_return};
use super::{poll_events, Next, PollEvent, PollOptions, PollState};
use crate::api::{classify, Credentials, FetchError, HeaderSource, ParseError};
use crate::model::{ClockOffset, History, Sample};
use futures::channel::mpsc;
use futures::StreamExt;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use web_sys::AbortController;

/// What [`use_oms_progress`] hands back.
#[derive(Clone, Copy)]
pub struct UseOmsProgressReturn {
    /// What the widget knows (last good data, latest error, plan); moves
    /// on every poll, if only its times.
    pub state: ReadSignal<PollState>,
    /// How many polls changed what is known (the data, the error, a stop);
    /// it stays when a poll only confirmed it: views track it rather than
    /// `state`, so that an unchanged poll wakes none of them.
    pub revision: ReadSignal<i64>,
    /// The last 30 minutes of successful polls, for trends and ETAs.
    pub history: ReadSignal<History>,
    /// OMS's clock minus the browser's in ms, from the answers' `Date`
    /// headers, when it is beyond the estimate's precision.
    pub clock_offset: ReadSignal<Option<i64>>,
    /// The clock, ms since the epoch, ticking every second.
    pub now: ReadSignal<i64>,
    /// Polls at once (also resumes polling stopped by an auth error).
    pub refresh: Callback<()>,
}

/// How [`use_oms_progress_with_options`] polls and talks to the server.
#[derive(Clone, Default)]
pub struct UseOmsProgressOptions {
    /// Intervals, timeout, backoff, staleness. Default: [`PollOptions::default`].
    pub poll: PollOptions,
    /// The JSON body to POST (OMS 4.x actions); `None` polls with GET. Default: `None`.
    pub body: Option<String>,
    /// Whether requests carry cookies. Default: same-origin only.
    pub credentials: Credentials,
    /// Extra headers asked for before every request. Default: none.
    pub headers: Option<HeaderSource>,
    /// Told of every poll's events (data, status change, failure). Default: none.
    pub on_event: Option<Callback<PollEvent>>,
}

/// Polls `url` (a full URL or a path on this origin) with the default
/// options, for as long as the current reactive owner lives.
pub fn use_oms_progress(url: String) -> UseOmsProgressReturn {
    use_oms_progress_with_options(url, UseOmsProgressOptions::default())
}

/// Polls `url` under `options`, for as long as the current reactive owner
/// lives; everything (request, timers, listeners) stops on its cleanup.
///
/// Widgets on one page polling the same URL and body with the same options
/// and credentials share one poll: one request per interval, however many
/// show the project; each gets the events while it lives.
pub fn use_oms_progress_with_options(
    url: String,
    options: UseOmsProgressOptions,
) -> UseOmsProgressReturn {
    let UseOmsProgressOptions {
        poll,
        body,
        credentials,
        headers,
        on_event,
    } = options;
    let poll = poll.normalized();
    let call = Call {
        url,
        body,
        credentials,
        headers,
        timeout: poll.timeout,
    };
    let now = use_now();
    let (signals, refresh) = use_shared_poll(call, poll, on_event);
    UseOmsProgressReturn {
        state: signals.state.read_only().into(),
        revision: signals.revision.read_only().into(),
        history: signals.history.read_only().into(),
        clock_offset: signals.clock_offset.read_only().into(),
        now,
        refresh: Callback::new(move |_| refresh()),
    }
}

/// Starts a poll loop for as long as the current owner lives (see
/// [`start_poller`]); returns "poll now".
pub(super) fn spawn_poller<F: std::future::Future<Output = ()> + 'static>(
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
pub(super) fn start_poller<F: std::future::Future<Output = ()> + 'static>(
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

/// "Poll now", callable from any owner.
pub(super) type Wake = Arc<dyn Fn() + Send + Sync>;

/// What one poll publishes: reference-counted, so they outlive any one
/// widget showing them.
#[derive(Clone, Default)]
pub(super) struct PollSignals {
    pub state: ArcRwSignal<PollState>,
    pub revision: ArcRwSignal<i64>,
    pub history: ArcRwSignal<History>,
    pub clock_offset: ArcRwSignal<Option<i64>>,
}

/// Who hears a poll's events: each widget's `on_event`, by a number of its own.
pub(super) type Listeners = Arc<Mutex<Vec<(u64, Callback<PollEvent>)>>>;

/// While the page is hidden, waits to be woken (no request meanwhile);
/// false when the channel closed.
pub(super) async fn paused_while_hidden(wake_rx: &mut mpsc::UnboundedReceiver<()>) -> bool {
    while page_hidden() {
        if wake_rx.next().await.is_none() {
            return false;
        }
    }
    true
}

/// The request now in flight, for aborting it on cleanup.
pub(super) type InFlight = Rc<RefCell<Option<AbortController>>>;

/// Polls `call` until the wake channel closes; with other tabs of this
/// origin, only the one that leads sends requests (see `tabs`).
pub(super) async fn poll_loop(
    call: Call,
    poll: PollOptions,
    signals: PollSignals,
    listeners: Listeners,
    (mut wake_rx, in_flight, wake): (mpsc::UnboundedReceiver<()>, InFlight, Wake),
) {
    let PollSignals {
        state: set_state,
        revision,
        history: set_history,
        clock_offset: set_clock_offset,
    } = signals;
    let alarm = Alarm::new(wake.clone());
    let (share, mut tab_events) = TabShare::new(
        share_key(&call, poll.interval.as_millis() as u64).as_deref(),
        wake,
    );
    let mut offset = ClockOffset::default();
    let mut published = None;
    loop {
        let (exchange, sent_ms, mine) = match take_turn(&share, &mut tab_events, &mut wake_rx).await
        {
            Turn::End => return,
            Turn::Again => continue,
            Turn::Follow(exchange) => (exchange, now_ms(), false),
            Turn::Poll => {
                let controller = AbortController::new().ok();
                in_flight.replace(controller.clone());
                let sent_ms = now_ms();
                let exchange = fetch_text(&call, controller.as_ref())
                    .await
                    .map(|raw| vec![raw]);
                in_flight.replace(None);
                share.publish(&exchange);
                (exchange, sent_ms, true)
            }
        };
        let received_ms = now_ms();
        let result = exchange.and_then(|raws| {
            let (status, body, date) = raws
                .into_iter()
                .next()
                .ok_or(FetchError::Invalid(ParseError::Empty))?;
            offset.record(sent_ms, received_ms, date.as_deref());
            classify(status, &body)
        });
        let correction = offset.correction_ms();
        // Samples are placed on OMS's clock, like the lag.
        let sample = result
            .as_ref()
            .ok()
            .map(|p| Sample::of(p, received_ms + correction.unwrap_or(0)));
        // Events are worked out against the status known before this poll.
        let mut events = Vec::new();
        let heard = listeners.lock().map(|l| l.clone()).unwrap_or_default();
        let recorded = set_state.try_update(|st| {
            if !heard.is_empty() {
                let before = st.last_good.as_ref().and_then(|p| p.status.as_ref());
                events = poll_events(before, &result);
            }
            st.record_news(result, received_ms, js_sys::Math::random(), &poll)
        });
        let Some((next, news)) = recorded else { return };
        // A poll that only confirmed what is shown wakes no view: waking
        // them to find that out was about 0.1 ms of wasm a poll (profiled
        // at 1 s: 0.37 ms before, 0.24-0.27 ms after).
        if news {
            revision.update(|r| *r += 1);
        }
        if let Some(sample) = sample {
            set_history.update(|h| h.push(sample));
        }
        // Only a new correction is written: an unchanged poll writes nothing.
        if correction != published {
            published = correction;
            set_clock_offset.set(correction);
        }
        for event in events {
            for (_, cb) in &heard {
                cb.run(event.clone());
            }
        }
        // A following tab waits for the leader's next answer instead.
        if mine && !wait_for_next(next, &mut wake_rx, &alarm).await {
            return;
        }
    }
}

/// Waits as `next` says, or until woken; false when the channel closed
/// (the poller is gone). Several wakes at once (refresh clicked twice) are
/// one poll. `alarm` wakes the loop when the wait is over.
pub(super) async fn wait_for_next(
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
