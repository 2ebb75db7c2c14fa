//! [`use_oms_progress_once`]: one progress answer, asked when wanted.

use crate::runtime::{on_demand, Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{classify, Progress};

/// A progress answer asked on demand: `None` until one came.
pub(crate) type ProgressAnswer = ReadSignal<Option<Fetched<Progress>>>;

/// Asks `call` (a progress request) once each time `wanted` turns true, for
/// as long as the current owner lives, on the runtime's on-demand path (one
/// in flight, aborted when no longer wanted and on unmount). The widget asks
/// OMS 3.x's other endpoint this way when its own says "not found".
pub(crate) fn use_oms_progress_once(
    call: Call,
    poll: PollOptions,
    wanted: impl Into<Signal<bool>>,
) -> ProgressAnswer {
    on_demand(call, poll, wanted.into(), Signal::stored(None), classify)
}
