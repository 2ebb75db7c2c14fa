//! [`use_step_plan`]: an OMS 4.x widget's step plan, asked when there is
//! something to read it for, and why a failed project failed.

use super::use_oms_steps::{use_oms_steps, StepsAnswer};
use crate::runtime::{Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{failure_reason, PollState};
use oms_progress_core::policy::{phase_of, PollOptions};

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
            let p = s.last_good.as_ref()?;
            let status = p.status.as_ref().map_or("", |s| s.code());
            Some([status, p.current_step.as_deref().unwrap_or("")].join(" "))
        })
    });
    // Open, every poll's answer moves it; closed, a new status or step.
    let revision = Memo::new(move |_| {
        Some(match open.get() {
            true => state.with(|s| s.last_good_at_ms.unwrap_or(0)),
            false => at_step.with(|s| s.as_deref().map_or(0, |s| phase_of(s, i64::MAX))),
        })
    });
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
