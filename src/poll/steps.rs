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

/// What either detail call reads. One type for both, so that the signal,
/// the effect and the fetch are compiled once (measured: two answer types
/// cost 1.4 KB gzipped more).
#[derive(Clone, Debug, PartialEq)]
enum Details {
    Steps(Vec<WireStep>),
    Components(Vec<WireComponent>),
}

/// A detail call's latest answer, as it arrived; `None` until one did.
type Latest = ReadSignal<Option<Fetched<Details>>>;

/// A detail call's list, or why it could not be read; nothing until an
/// answer arrived (while closed or loading, for the steps).
pub struct DetailAnswer<T: 'static> {
    latest: Latest,
    list: fn(&Details) -> &[T],
}

impl<T> Clone for DetailAnswer<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for DetailAnswer<T> {}

impl<T> DetailAnswer<T> {
    /// Reads (and tracks) the latest answer: when it arrived (browser ms)
    /// and the list or why it could not be read.
    pub fn with<R>(&self, read: impl FnOnce(Option<(i64, Result<&[T], &FetchError>)>) -> R) -> R {
        self.latest.with(|answer| {
            read(
                answer
                    .as_ref()
                    .map(|fetched| (fetched.at_ms, fetched.result.as_ref().map(self.list))),
            )
        })
    }
}

/// OMS 4.x's step plan, as [`use_oms_steps`] reads it.
pub type StepsAnswer = DetailAnswer<WireStep>;

/// Where the lag is, as [`use_oms_components`] reads it.
pub type ComponentsAnswer = DetailAnswer<WireComponent>;

/// Fetches `call` (a `DescribeProjectSteps` request) whenever `open` is true
/// and `revision` changes, for as long as the current owner lives.
pub fn use_oms_steps(
    call: Call,
    open: impl Fn() -> bool + Send + Sync + 'static,
    revision: impl Fn() -> Option<i64> + Send + Sync + 'static,
) -> StepsAnswer {
    DetailAnswer {
        latest: use_on_demand(call, Box::new(open), Box::new(revision), |status, body| {
            classify_steps(status, body).map(Details::Steps)
        }),
        list: |details| match details {
            Details::Steps(steps) => steps,
            Details::Components(_) => &[],
        },
    }
}

/// Fetches `call` (a `DescribeProjectComponents` request) whenever `wanted`
/// is true (the lag is above its warning) and `revision` changes.
pub fn use_oms_components(
    call: Call,
    wanted: impl Fn() -> bool + Send + Sync + 'static,
    revision: impl Fn() -> Option<i64> + Send + Sync + 'static,
) -> ComponentsAnswer {
    DetailAnswer {
        latest: use_on_demand(
            call,
            Box::new(wanted),
            Box::new(revision),
            |status, body| classify_components(status, body).map(Details::Components),
        ),
        list: |details| match details {
            Details::Components(components) => components,
            Details::Steps(_) => &[],
        },
    }
}

/// A plain effect rather than a `LocalResource`: the resource machinery
/// measured +28 KB gzipped. `wanted` and `revision` are read (and so
/// tracked) each time the effect runs; closures, not `Signal`s, whose
/// reading code is compiled once per value type.
fn use_on_demand(
    call: Call,
    wanted: Box<dyn Fn() -> bool + Send + Sync>,
    revision: Box<dyn Fn() -> Option<i64> + Send + Sync>,
    read: fn(u16, &str) -> Result<Details, FetchError>,
) -> Latest {
    let (answer, set_answer) = signal(None);
    Effect::new(move |_| {
        revision();
        if !wanted() {
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
    answer
}
