//! One project's poll: ask OMS (or follow the tab that leads), read the
//! answer, record it, tell the listeners, wait as the policy says.

use super::alarm::Alarm;
use super::clock::{now_ms, wall_gap_ms};
use super::poller::{wait_for_next, InFlight};
use super::request::{fetch_text, Call};
use super::slots::Lane;
use super::tabs::{share_key, take_turn, TabShare, Turn};
use super::wake::Wake;
use futures::channel::mpsc;
use leptos::prelude::*;
use oms_progress_core::events::{poll_events, PollEvent};
use oms_progress_core::model::{ClockOffset, History, PollState, Sample};
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{classify, FetchError, ParseError};
use std::sync::{Arc, Mutex};
use web_sys::AbortController;

/// What one poll publishes: reference-counted, so they outlive any one
/// widget showing them.
#[derive(Clone, Default)]
pub(crate) struct PollSignals {
    pub state: ArcRwSignal<PollState>,
    pub revision: ArcRwSignal<i64>,
    pub history: ArcRwSignal<History>,
    pub clock_offset: ArcRwSignal<Option<i64>>,
}

/// Who hears a poll's events: each widget's `on_event`, by a number of its own.
pub(crate) type Listeners = Arc<Mutex<Vec<(u64, Callback<PollEvent>)>>>;

/// Polls `call` until the wake channel closes; with other tabs of this
/// origin, only the one that leads sends requests (see `tabs`).
pub(crate) async fn poll_loop(
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
        // A leader's answer is placed when it came to the leader, so its
        // age and OMS's clock read from it are right in this tab too.
        let (exchange, (sent_ms, received_ms), mine) =
            match take_turn(&share, &mut tab_events, &mut wake_rx).await {
                Turn::End => return,
                Turn::Again => continue,
                Turn::Follow(exchange, age) => {
                    let at = now_ms() - age;
                    (exchange, (at, at), false)
                }
                Turn::Poll => {
                    let controller = AbortController::new().ok();
                    in_flight.replace(controller.clone());
                    let sent_ms = now_ms();
                    let exchange = fetch_text(&call, controller.as_ref(), Lane::Poll)
                        .await
                        .map(|raw| vec![raw]);
                    in_flight.replace(None);
                    share.publish(&exchange);
                    (exchange, (sent_ms, now_ms()), true)
                }
            };
        let result = exchange.and_then(|raws| {
            let (status, body, date) = raws
                .into_iter()
                .next()
                .ok_or(FetchError::Invalid(ParseError::Empty))?;
            offset.note_wall_gap(wall_gap_ms());
            offset.record(sent_ms, received_ms, date.as_deref());
            classify(status, &body).map_err(|e| e.at(&call.url))
        });
        let correction = offset.correction_ms();
        // Samples are placed on OMS's clock, like the lag.
        let sample = result.as_ref().ok().map(|p| {
            let sample = Sample::of(p, received_ms + correction.unwrap_or(0));
            (sample, p.status.clone())
        });
        // Events are worked out against the status known before this poll.
        let mut events = Vec::new();
        let heard = listeners.lock().map(|l| l.clone()).unwrap_or_default();
        let recorded = set_state.try_update(|st| {
            if !heard.is_empty() {
                let before = st.last_good.as_ref().and_then(|p| p.status.as_ref());
                events = poll_events(before, &result);
            }
            st.here = mine;
            st.record_news(result, received_ms, js_sys::Math::random(), &poll)
        });
        let Some((next, news)) = recorded else { return };
        // A poll that only confirmed what is shown wakes no view: waking
        // them only to find that out was much of the widget's wasm time a
        // poll.
        if news {
            revision.update(|r| *r += 1);
        }
        if let Some((sample, status)) = sample {
            set_history.update(|h| {
                h.push(sample);
                if let Some(status) = &status {
                    h.note_status(sample.at_ms, status);
                }
            });
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
