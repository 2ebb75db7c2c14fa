//! [`use_oms_steps`]: OMS 4.x's step plan, asked only while it is wanted.

use crate::runtime::{on_demand, Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{classify_steps, WireStep};

/// The step plan's latest answer: `None` until one came.
pub type StepsAnswer = ReadSignal<Option<Fetched<Vec<WireStep>>>>;

/// Fetches `call` (a `DescribeProjectSteps` request) when `open` turns true
/// and whenever `revision` moves while it is, for as long as the current
/// owner lives. At most one request is in flight; closing aborts it; after a
/// failure the next try waits as `poll`'s backoff says.
///
/// ```ignore
/// let open = RwSignal::new(false);
/// let steps = use_oms_steps(call, poll, open, Signal::derive(move || state.with(|s| s.last_good_at_ms)));
/// ```
pub fn use_oms_steps(
    call: Call,
    poll: PollOptions,
    open: impl Into<Signal<bool>>,
    revision: impl Into<Signal<Option<i64>>>,
) -> StepsAnswer {
    on_demand(call, poll, open.into(), revision.into(), classify_steps)
}
