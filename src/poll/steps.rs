//! OMS 4.x's detail calls (the step plan, the components), fetched only
//! while they are wanted: once when wanted, then whenever the revision moves.

use super::clock::now_ms;
use super::request::{fetch_text, Call};
use crate::api::{classify_components, classify_steps, FetchError, WireComponent, WireStep};
use leptos::prelude::*;
use web_sys::AbortController;

/// One answer of a detail call, and when it arrived (browser ms).
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched<T> {
    pub at_ms: i64,
    pub result: Result<T, FetchError>,
}

/// The steps, or why they could not be read; `None` while closed or loading.
pub type StepsAnswer = Option<Fetched<Vec<WireStep>>>;

/// The components, or why they could not be read; `None` until asked.
pub type ComponentsAnswer = Option<Fetched<Vec<WireComponent>>>;

/// Fetches `call` (a `DescribeProjectSteps` request) whenever `open` is true
/// and `revision` changes, for as long as the current owner lives.
pub fn use_oms_steps(
    call: Call,
    open: Signal<bool>,
    revision: Signal<Option<i64>>,
) -> Signal<StepsAnswer> {
    use_on_demand(call, open, revision, classify_steps)
}

/// Fetches `call` (a `DescribeProjectComponents` request) whenever `wanted`
/// is true (the lag is above its warning) and `revision` changes.
pub fn use_oms_components(
    call: Call,
    wanted: Signal<bool>,
    revision: Signal<Option<i64>>,
) -> Signal<ComponentsAnswer> {
    use_on_demand(call, wanted, revision, classify_components)
}

/// A plain effect rather than a `LocalResource`: the resource machinery
/// measured +28 KB gzipped.
fn use_on_demand<T: Send + Sync + 'static>(
    call: Call,
    wanted: Signal<bool>,
    revision: Signal<Option<i64>>,
    read: fn(u16, &str) -> Result<T, FetchError>,
) -> Signal<Option<Fetched<T>>> {
    let (answer, set_answer) = signal(None);
    Effect::new(move |_| {
        revision.track();
        if !wanted.get() {
            return;
        }
        let call = call.clone();
        leptos::task::spawn_local(async move {
            let controller = AbortController::new().ok();
            let result = fetch_text(&call, controller.as_ref())
                .await
                .and_then(|(status, body, _)| read(status, &body));
            // The widget may be gone by now: then there is nothing to tell.
            set_answer.try_set(Some(Fetched {
                at_ms: now_ms(),
                result,
            }));
        });
    });
    answer.into()
}
