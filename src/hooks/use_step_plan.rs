//! [`use_step_plan`]: an OMS 4.x widget's step plan, asked when there is
//! something to read it for, and why a failed project failed.

use super::use_oms_steps::use_steps_call;
use crate::runtime::{Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{failure_reason, plan_running, PollState};
use oms_progress_core::policy::{phase_of, PollOptions};
use oms_progress_core::wire::{Status, WireStep};

/// The plan's latest answer: `None` until one came.
pub(crate) type StepsAnswer = ReadSignal<Option<Fetched<Vec<WireStep>>>>;

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

/// The plan is asked again at most this often while a step runs toward an
/// end, or after the last ask failed, with the list closed.
const TICK_MS: i64 = 60_000;

/// Asks for the plan (`call`, a `DescribeProjectSteps` request for
/// `project_id`) once the project answered: at once, so that a
/// verification's verdict and a failure's reason show without a click;
/// again when its status or current step changes, and once a minute (at
/// the project's own second, by the page's clock `now`) while a step runs
/// or the last ask failed; while its list is open, after every successful
/// poll.
pub(crate) fn use_step_plan(
    (call, project_id): (Call, &str),
    poll: PollOptions,
    (state, now): (Signal<PollState>, Signal<i64>),
    lang: Lang,
) -> StepPlan {
    let open = RwSignal::new(false);
    let wanted = Memo::new(move |_| state.with(|s| s.last_good.is_some()));
    // What moves the plan: the step OMS is at (and the status), not a poll
    // that only confirmed them.
    let at_step = Memo::new(move |_| {
        state.with(|s| {
            let p = s.last_good.as_ref()?;
            let status = p.status.as_ref().map_or("", |s| s.code());
            Some([status, p.current_step.as_deref().unwrap_or("")].join(" "))
        })
    });
    // Set from the answers below: whether the minute's tick moves the plan.
    let ticking = RwSignal::new(false);
    let phase = phase_of(project_id, TICK_MS);
    let minute = move || (now.get() + phase).div_euclid(TICK_MS);
    // Moves each minute while ticking, and holds still otherwise (starting
    // at this minute, so that ticking's start asks nothing by itself).
    let tick = Memo::new(move |before: Option<&i64>| match before {
        Some(&held) if !ticking.get() => held,
        _ => minute(),
    });
    let revision = Memo::new(move |_| {
        let tick = tick.get();
        Some(match open.get() {
            true => state.with(|s| s.last_good_at_ms.unwrap_or(0)),
            false => at_step.with(|s| s.as_deref().map_or(0, |s| phase_of(s, i64::MAX / 2))) + tick,
        })
    });
    let answer = use_steps_call(call, poll, wanted.into(), revision.into());
    Effect::new(move |_| {
        let tick = answer.with(|a| match a {
            Some(Fetched {
                result: Ok(list), ..
            }) => plan_running(list),
            Some(Fetched { result: Err(_), .. }) => true,
            None => false,
        });
        if ticking.get_untracked() != tick {
            ticking.set(tick);
        }
    });
    let failed = Memo::new(move |_| {
        state.with(|s| {
            s.last_good
                .as_ref()
                .is_some_and(|p| p.status == Some(Status::Failed))
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
