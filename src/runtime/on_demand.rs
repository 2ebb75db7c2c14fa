//! The one path of every on-demand call (the step plan, the components,
//! OMS's metric series, the verification results):
//! asked only while wanted, at most one in flight per call, aborted at the
//! call's timeout, when no longer wanted and when its owner goes; after a
//! failure, not asked again before the poll policy's backoff is over.
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
}

impl Calls {
    fn abort(&self) {
        if let Some(controller) = self.in_flight.take() {
            controller.abort();
        }
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
    let calls = Rc::new(Calls::default());
    Effect::new({
        let calls = Rc::clone(&calls);
        move |_| {
            revision.track();
            if !wanted.get() {
                calls.abort();
                return;
            }
            if calls.in_flight.borrow().is_some() || now_ms() < calls.retry_at_ms.get() {
                return;
            }
            let Ok(controller) = AbortController::new() else {
                return;
            };
            calls.in_flight.replace(Some(controller.clone()));
            let (job, calls) = (Rc::clone(&job), Rc::clone(&calls));
            leptos::task::spawn_local(async move {
                let result = job(controller.clone()).await;
                // Closed or unmounted meanwhile: nobody waits for it.
                if controller.signal().aborted() && !matches!(result, Err(FetchError::Timeout)) {
                    return;
                }
                calls.in_flight.replace(None);
                if result.is_err() {
                    let failures = calls.failures.get().saturating_add(1);
                    calls.failures.set(failures);
                    let wait = backoff(failures, js_sys::Math::random(), &poll);
                    calls.retry_at_ms.set(now_ms() + wait.as_millis() as i64);
                } else {
                    calls.failures.set(0);
                }
                set_answer.try_set(Some(Fetched {
                    at_ms: now_ms(),
                    result,
                }));
            });
        }
    });
    // Cleanups must be `Send`; the browser has one thread.
    let calls = send_wrapper::SendWrapper::new(calls);
    on_cleanup(move || calls.abort());
    answer
}
