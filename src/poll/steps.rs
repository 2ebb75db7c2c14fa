//! OMS 4.x's step plan, fetched only while someone looks at it: once when
//! the list opens, then again after each successful progress poll.

use super::request::{fetch_text, Call};
use crate::api::{classify_steps, FetchError, WireStep};
use leptos::prelude::*;
use web_sys::AbortController;

/// The steps, or why they could not be read; `None` while closed or loading.
pub type StepsAnswer = Option<Result<Vec<WireStep>, FetchError>>;

/// Fetches `call` (a `DescribeProjectSteps` request) whenever `open` is true
/// and `revision` changes, for as long as the current owner lives. (A plain
/// effect rather than a `LocalResource`: the resource machinery measured
/// +28 KB gzipped.)
pub fn use_oms_steps(
    call: Call,
    open: Signal<bool>,
    revision: Signal<Option<i64>>,
) -> Signal<StepsAnswer> {
    let (answer, set_answer) = signal(None);
    Effect::new(move |_| {
        revision.track();
        if !open.get() {
            return;
        }
        let call = call.clone();
        leptos::task::spawn_local(async move {
            let controller = AbortController::new().ok();
            let result = fetch_text(&call, controller.as_ref())
                .await
                .and_then(|(status, body)| classify_steps(status, &body));
            // The widget may be gone by now: then there is nothing to tell.
            set_answer.try_set(Some(result));
        });
    });
    answer.into()
}
