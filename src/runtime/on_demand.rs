//! The one path of every on-demand call (the step plan, the components,
//! OMS's metric series, the verification results):
//! asked only while wanted, at most one in flight per call, aborted at the
//! call's timeout, when no longer wanted and when its owner goes; after a
//! failure that may pass (no answer, a server error), asked again when the
//! poll policy's backoff is over; a revision that moved while a call was
//! in flight asks again when it ends.
//! Answers arrive in the order asked, so an older one never replaces a
//! newer one. Requests go through [`fetch_text`] in the detail lane: they
//! count against the page's limit of requests in flight, and hold at most
//! half of it, so a hung call never takes a progress poll's slot.

use super::clock::now_ms;
use super::request::{fetch_text, Call};
use super::slots::Lane;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use oms_progress_core::policy::{backoff, PollOptions};
use oms_progress_core::wire::FetchError;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::AbortController;

/// One answer of an on-demand call, and when it arrived (the page's ms).
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched<T> {
    /// When it was asked for, on the same clock.
    pub asked_ms: i64,
    /// When the answer arrived, in ms since the epoch on the page's clock
    /// (monotonic: the time the page opened plus the time since).
    pub at_ms: i64,
    /// What the answer said, or why it could not be read.
    pub result: Result<T, FetchError>,
}

/// The state of one on-demand call between its requests.
#[derive(Default)]
struct Calls {
    in_flight: RefCell<Option<AbortController>>,
    failures: Cell<u32>,
    /// The page's ms before which a failed call is not asked again.
    retry_at_ms: Cell<i64>,
    /// A new revision came while a call was in flight.
    missed: Cell<bool>,
    /// Asks again when a failure's backoff is over.
    retry: RefCell<Option<gloo_timers::callback::Timeout>>,
}

impl Calls {
    /// Stops the call in flight and a retry waiting; wanted again, the
    /// call is made at once.
    fn abort(&self) {
        if let Some(controller) = self.in_flight.take() {
            controller.abort();
        }
        self.retry.take();
        self.retry_at_ms.set(0);
        self.missed.set(false);
    }

    /// A call's controller, when one may be made now: none in flight (a
    /// revision that moved meanwhile is asked when it ends) and no
    /// failure's backoff running.
    fn start(&self) -> Option<AbortController> {
        if self.in_flight.borrow().is_some() {
            self.missed.set(true);
            return None;
        }
        if now_ms() < self.retry_at_ms.get() {
            return None;
        }
        let controller = AbortController::new().ok()?;
        self.in_flight.replace(Some(controller.clone()));
        Some(controller)
    }

    /// A call ended: after a failure that may pass (see
    /// [`FetchError::passing`]), asked `again` when its backoff is over;
    /// after an answer, again if a revision was missed. Not generic, so
    /// that each kind of answer does not carry a copy.
    fn end(calls: &Rc<Calls>, failed: Option<&FetchError>, poll: &PollOptions, again: Trigger) {
        calls.in_flight.replace(None);
        calls.retry.take();
        let Some(error) = failed else {
            calls.failures.set(0);
            if calls.missed.take() {
                again.notify();
            }
            return;
        };
        let failures = calls.failures.get().saturating_add(1);
        calls.failures.set(failures);
        let wait = backoff(failures, js_sys::Math::random(), poll);
        calls.retry_at_ms.set(now_ms() + wait.as_millis() as i64);
        calls.missed.set(false);
        if !error.passing() {
            return;
        }
        // The browser's timers take at most `i32::MAX` ms.
        let ms =
            u32::try_from(wait.as_millis()).map_or(i32::MAX as u32, |ms| ms.min(i32::MAX as u32));
        let weak = Rc::downgrade(calls);
        let timer = gloo_timers::callback::Timeout::new(ms, move || {
            // The timer's clock may run a hair ahead of `now_ms`'s.
            if let Some(calls) = weak.upgrade() {
                calls.retry_at_ms.set(0);
            }
            again.notify();
        });
        calls.retry.replace(Some(timer));
    }
}

/// One on-demand job: one request or several in turn (pages, series),
/// each through [`fetch_text`] in the detail lane, aborted through the
/// controller it is given.
pub(crate) type Job<T> =
    Rc<dyn Fn(AbortController) -> LocalBoxFuture<'static, Result<T, FetchError>>>;

/// Fetches `call` when `wanted` turns true and whenever `revision` moves
/// while it is, reading each answer with `read`; `None` until an answer
/// came. Everything stops with the current reactive owner.
pub(crate) fn on_demand<T>(
    call: Call,
    poll: PollOptions,
    wanted: Signal<bool>,
    revision: Signal<Option<i64>>,
    read: fn(u16, &str) -> Result<T, FetchError>,
) -> ReadSignal<Option<Fetched<T>>>
where
    T: Send + Sync + 'static,
{
    let job: Job<T> = Rc::new(move |controller| {
        let call = call.clone();
        Box::pin(async move {
            fetch_text(&call, Some(&controller), Lane::Detail)
                .await
                .and_then(|(status, body, _)| read(status, &body).map_err(|e| e.at(&call.url)))
        })
    });
    on_demand_job(job, poll, wanted, revision)
}

/// Like [`on_demand`], for a job of several requests.
pub(crate) fn on_demand_job<T>(
    job: Job<T>,
    poll: PollOptions,
    wanted: Signal<bool>,
    revision: Signal<Option<i64>>,
) -> ReadSignal<Option<Fetched<T>>>
where
    T: Send + Sync + 'static,
{
    let (answer, set_answer) = signal(None);
    // The one part that knows the answer's type; the rest is one copy of
    // code for every kind of call.
    let call: Caller = Rc::new(move |controller: AbortController, asked_ms| {
        let job = Rc::clone(&job);
        Box::pin(async move {
            let result = job(controller.clone()).await;
            // Closed or unmounted meanwhile: nobody waits for it.
            if controller.signal().aborted() && !matches!(result, Err(FetchError::Timeout)) {
                return None;
            }
            let failed = result.as_ref().err().cloned();
            set_answer.try_set(Some(Fetched {
                asked_ms,
                at_ms: now_ms(),
                result,
            }));
            Some(failed)
        })
    });
    drive(call, poll, wanted, revision);
    answer
}

/// Makes one call (asked at the page's ms given) and sets its answer; how
/// it failed (`Some(None)`: it did not), `None` when it was aborted.
type Caller =
    Rc<dyn Fn(AbortController, i64) -> LocalBoxFuture<'static, Option<Option<FetchError>>>>;

/// Calls `call` as [`on_demand`] says, until the current owner goes.
fn drive(call: Caller, poll: PollOptions, wanted: Signal<bool>, revision: Signal<Option<i64>>) {
    let calls = Rc::new(Calls::default());
    // Without it, a call whose revision no longer moves (a finished
    // verification) would stay failed, or miss its last answer, until
    // the page is reloaded.
    let again = Trigger::new();
    Effect::new({
        let calls = Rc::clone(&calls);
        move |_| {
            revision.track();
            again.track();
            if !wanted.get() {
                calls.abort();
                return;
            }
            let Some(controller) = calls.start() else {
                return;
            };
            let (call, calls) = (Rc::clone(&call), Rc::clone(&calls));
            let asked_ms = now_ms();
            leptos::task::spawn_local(async move {
                if let Some(failed) = call(controller, asked_ms).await {
                    Calls::end(&calls, failed.as_ref(), &poll, again);
                }
            });
        }
    });
    // Cleanups must be `Send`; the browser has one thread.
    let calls = send_wrapper::SendWrapper::new(calls);
    on_cleanup(move || calls.abort());
}
