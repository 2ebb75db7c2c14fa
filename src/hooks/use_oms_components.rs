//! [`use_oms_components`]: where the lag is, from OMS 4.x's components.

use super::use_oms_answer::{use_oms_answer, OmsAnswer, UseOmsAskOptions};
use crate::runtime::{on_demand, Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{classify_components, components_request, WireComponent};

/// What [`use_oms_components`] hands back: each component (the Store, the
/// writers) with its own delay.
pub type UseOmsComponentsReturn = OmsAnswer<Vec<WireComponent>>;

/// How [`use_oms_components_with_options`] asks OMS: the on-demand hooks' options.
pub type UseOmsComponentsOptions = UseOmsAskOptions;

/// Asks OMS 4.x (`DescribeProjectComponents`) for `project_id`'s
/// components through this origin, once, and again whenever the id changes.
pub fn use_oms_components(project_id: impl Into<Signal<String>>) -> UseOmsComponentsReturn {
    use_oms_components_with_options(project_id, UseOmsComponentsOptions::default())
}

/// Asks for `project_id`'s components under `options`, under the same
/// rules as [`use_oms_steps_with_options`](super::use_oms_steps_with_options).
pub fn use_oms_components_with_options(
    project_id: impl Into<Signal<String>>,
    options: UseOmsComponentsOptions,
) -> UseOmsComponentsReturn {
    use_oms_answer(
        project_id.into(),
        options,
        |template, id, base, poll, wanted, again| {
            use_components_call(
                Call::at(base, components_request(id), template),
                poll,
                wanted,
                again,
            )
        },
    )
}

/// Fetches `call` (a `DescribeProjectComponents` request) when `wanted`
/// turns true and whenever `revision` moves while it is: the widget's way.
pub(crate) fn use_components_call(
    call: Call,
    poll: PollOptions,
    wanted: Signal<bool>,
    revision: Signal<Option<i64>>,
) -> ReadSignal<Option<Fetched<Vec<WireComponent>>>> {
    on_demand(call, poll, wanted, revision, classify_components)
}
