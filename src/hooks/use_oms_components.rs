//! [`use_oms_components`]: where the lag is, from OMS 4.x's components.

use crate::runtime::{on_demand, Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{classify_components, WireComponent};

/// The components' latest answer: `None` until one came.
pub type ComponentsAnswer = ReadSignal<Option<Fetched<Vec<WireComponent>>>>;

/// Fetches `call` (a `DescribeProjectComponents` request) when `wanted`
/// turns true (the lag is above its warning) and whenever `revision` moves
/// while it is, under the same rules as [`use_oms_steps`](super::use_oms_steps).
pub fn use_oms_components(
    call: Call,
    poll: PollOptions,
    wanted: impl Into<Signal<bool>>,
    revision: impl Into<Signal<Option<i64>>>,
) -> ComponentsAnswer {
    on_demand(
        call,
        poll,
        wanted.into(),
        revision.into(),
        classify_components,
    )
}
