//! [`use_oms_steps`]: OMS 4.x's step plan of a project, asked when wanted.

use super::use_oms_answer::{use_oms_answer, OmsAnswer, UseOmsAskOptions};
use crate::runtime::{on_demand, Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{classify_steps, steps_request, WireStep};

/// What [`use_oms_steps`] hands back: the plan, each step with its status,
/// progress, times and a failed step's reason.
pub type UseOmsStepsReturn = OmsAnswer<Vec<WireStep>>;

/// How [`use_oms_steps_with_options`] asks OMS: the on-demand hooks' options.
pub type UseOmsStepsOptions = UseOmsAskOptions;

/// Asks OMS 4.x (`DescribeProjectSteps`) for `project_id`'s step plan
/// through this origin, once, and again whenever the id changes.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Steps(#[prop(into)] project: Signal<String>) -> impl IntoView {
///     let steps = use_oms_steps(project);
///     let names = move || {
///         let plan = steps.value.get().unwrap_or_default();
///         plan.into_iter().filter_map(|s| s.name).collect::<Vec<_>>().join(" → ")
///     };
///     view! { <p>{names}</p> }
/// }
/// ```
pub fn use_oms_steps(project_id: impl Into<Signal<String>>) -> UseOmsStepsReturn {
    use_oms_steps_with_options(project_id, UseOmsStepsOptions::default())
}

/// Asks for `project_id`'s step plan under `options`: only while
/// `wanted`, again whenever `again` moves, one request in flight, aborted
/// when no longer wanted, backoff after a failure.
pub fn use_oms_steps_with_options(
    project_id: impl Into<Signal<String>>,
    options: UseOmsStepsOptions,
) -> UseOmsStepsReturn {
    use_oms_answer(
        project_id.into(),
        options,
        |template, id, base, poll, wanted, again| {
            use_steps_call(
                Call::at(base, steps_request(id), template),
                poll,
                wanted,
                again,
            )
        },
    )
}

/// Fetches `call` (a `DescribeProjectSteps` request) when `open` turns true
/// and whenever `revision` moves while it is: the widget's way.
pub(crate) fn use_steps_call(
    call: Call,
    poll: PollOptions,
    open: Signal<bool>,
    revision: Signal<Option<i64>>,
) -> ReadSignal<Option<Fetched<Vec<WireStep>>>> {
    on_demand(call, poll, open, revision, classify_steps)
}
