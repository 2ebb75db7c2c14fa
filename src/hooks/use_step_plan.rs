//! [`use_step_plan`]: an OMS 4.x widget's step plan, asked when there is
//! something to read it for, and why a failed project failed.

use super::use_oms_steps::{use_oms_steps, StepsAnswer};
use crate::runtime::{Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{failure_reason, PollState};
use oms_progress_core::policy::PollOptions;

/// What [`use_step_plan`] hands back.
#[derive(Clone, Copy)]
pub(crate) struct StepPlan {
    /// The plan's latest answer.
    pub answer: StepsAnswer,
    /// Whether the step list is open (the operator's click).
    pub open: RwSignal<bool>,
    /// A failed project's reason, from its failed step.
    pub failure: Signal<Option<String>>,
}

/// Asks for the plan (`call`, a `DescribeProjectSteps` request) once the
/// project answered: at once, so that a verification's verdict and a
/// failure's reason show without a click; again when its status or current
/// step changes; while its list is open, after every successful poll.
pub(crate) fn use_step_plan(
    call: Call,
    poll: PollOptions,
    state: ReadSignal<PollState>,
    lang: Lang,
) -> StepPlan {
    let open = RwSignal::new(false);
    let wanted = Memo::new(move |_| state.with(|s| s.last_good.is_some()));
    // What moves the plan: the step OMS is at (and the status), not a poll
    // that only confirmed them; every poll while the list is open.
    let at_step = Memo::new(move |_| {
        state.with(|s| {
            s.last_good
                .as_ref()
                .map(|p| (p.status.clone(), p.current_step.clone()))
        })
    });
    // Each only grows, so their sum moves whenever either does (and closing
    // the list moves neither).
    let step_changes = Memo::new(move |before: Option<&i64>| {
        at_step.track();
        before.map_or(0, |n| n + 1)
    });
    let polls_while_open = Memo::new(move |before: Option<&i64>| {
        let before = before.copied().unwrap_or(0);
        if open.get() {
            state.track();
            before + 1
        } else {
            before
        }
    });
    let revision = Memo::new(move |_| Some(step_changes.get() + polls_while_open.get()));
    let answer = use_oms_steps(call, poll, wanted, revision);
    let failed = Memo::new(move |_| {
        state.with(|s| {
            s.last_good
                .as_ref()
                .is_some_and(|p| p.status == Some(oms_progress_core::wire::Status::Failed))
        })
    });
    let failure = Signal::derive(move || {
        failed.get().then_some(())?;
        answer.with(|a| match a {
            Some(Fetched {
                result: Ok(list), ..
            }) => failure_reason(list, lang),
            _ => None,
        })
    });
    StepPlan {
        answer,
        open,
        failure,
    }
}
