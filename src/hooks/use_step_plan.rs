//! [`use_step_plan`]: an OMS 4.x widget's step plan, asked when there is
//! something to read it for, and why a failed project failed.

use super::use_oms_steps::use_steps_call;
use crate::runtime::{Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{failure_reason, PollState};
use oms_progress_core::policy::{phase_of, plan_period_ms, plan_tick, PollOptions, PLAN_PERIOD_MS};
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

/// Asks for the plan (`call`, a `DescribeProjectSteps` request for
/// `project_id`) once the project answered: at once, so that a
/// verification's verdict, a failure's reason and switch-over readiness
/// show without a click; again when its status or current step changes;
/// and on [`plan_period_ms`]'s period (at the project's own second, by the
/// page's clock `now`) while a step runs, the last ask failed or the plan
/// waits at its switch-over; while its list is open, after every
/// successful poll.
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
    // Set from the answers below: how often the plan is asked by itself.
    let period = RwSignal::new(None::<i64>);
    let phase = phase_of(project_id, PLAN_PERIOD_MS);
    // Counts the periods passed while one runs, and holds still otherwise
    // or when the period itself changes (an answer already came with it).
    let tick = Memo::new(move |before: Option<&(Option<i64>, i64, i64)>| {
        let period = period.get();
        let at = period.map(|p| plan_tick(now.get(), phase, p));
        match (before, at) {
            (Some(&(was, held, count)), Some(at)) if was == period => {
                (period, at, count + i64::from(at != held))
            }
            (Some(&(_, held, count)), at) => (period, at.unwrap_or(held), count),
            (None, at) => (period, at.unwrap_or(0), 0),
        }
    });
    let revision = Memo::new(move |_| {
        let tick = tick.with(|t| t.2);
        Some(match open.get() {
            true => state.with(|s| s.last_good_at_ms.unwrap_or(0)),
            false => at_step.with(|s| s.as_deref().map_or(0, |s| phase_of(s, i64::MAX / 2))) + tick,
        })
    });
    let answer = use_steps_call(call, poll, wanted.into(), revision.into());
    Effect::new(move |_| {
        let every = answer.with(|a| plan_period_ms(a.as_ref().map(|f| &f.result)));
        if period.get_untracked() != every {
            period.set(every);
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
