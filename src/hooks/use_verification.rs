//! [`use_verification`]: an OMS 4.x project's full verification, read when
//! its plan has the step, shown on the card without a click.

use super::use_step_plan::StepPlan;
use crate::runtime::{on_demand_job, verify_job, Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{
    error_line, is_full_verify_step, verify_done, verify_running, verify_view, VerifyView,
};
use oms_progress_core::policy::{phase_of, PollOptions};
use oms_progress_core::wire::{VerifyResult, WireStep};

/// What [`use_verification`] hands back.
#[derive(Clone, Copy)]
pub(crate) struct Verification {
    /// OMS's verdict, progress and tables; `None` until they came.
    pub view: Memo<Option<VerifyView>>,
    /// Why the results could not be read.
    pub error: Memo<Option<String>>,
    /// The latest answer, as read: `None` until one came.
    pub results: ReadSignal<Option<Fetched<VerifyResult>>>,
    /// The plan's full-verification step: `None` without one, `Some(None)`
    /// until it is done, `Some(Some(ms))` once it is, `ms` when the plan
    /// first said so (the page's clock).
    pub step: Memo<Option<Option<i64>>>,
}

impl Verification {
    /// Whether the latest answer stands for the step as the plan has it
    /// now (tracked): not one asked while the step ran, once the plan says
    /// it finished (its counts were the verification's so far).
    pub fn current(&self) -> bool {
        current(self.results, self.step)
    }
}

fn current(
    results: ReadSignal<Option<Fetched<VerifyResult>>>,
    step: Memo<Option<Option<i64>>>,
) -> bool {
    let finished = step.get().flatten();
    results.with(|r| match (r, finished) {
        (
            Some(Fetched {
                asked_ms,
                result: Ok(_),
                ..
            }),
            Some(finished),
        ) => *asked_ms >= finished,
        _ => true,
    })
}

/// Reads the verification results of `project_id` while the plan has a
/// full-verification step: every page once when it has finished (not
/// again while it stays so); while it runs, the first page (the verdict so
/// far) once a minute at the project's own second, by the page's clock
/// `now`, so that a page of widgets does not ask in the same second.
pub(crate) fn use_verification(
    plan: StepPlan,
    (base_url, project_id, template): (String, String, Call),
    poll: PollOptions,
    now: Signal<i64>,
    lang: Lang,
) -> Verification {
    let answer = plan.answer;
    // The plan's full-verification step, as the latest answer has it.
    let plan_step = move || -> Option<WireStep> {
        answer.with(|a| match a {
            Some(Fetched {
                result: Ok(list), ..
            }) => list.iter().find(|s| is_full_verify_step(s)).cloned(),
            _ => None,
        })
    };
    // Whether the plan has the step, and since when it is done (`None`
    // while it waits, runs or failed): a memo, as the step's times move
    // with every answer and only these may ask again. A failed ask of the
    // plan says nothing new of the step.
    let step = Memo::new(move |before: Option<&Option<Option<i64>>>| {
        answer.with(|a| match a {
            Some(Fetched {
                at_ms,
                result: Ok(list),
                ..
            }) => {
                let step = list.iter().find(|s| is_full_verify_step(s))?;
                let since = before.copied().flatten().flatten().unwrap_or(*at_ms);
                Some(verify_done(step).then_some(since))
            }
            Some(Fetched { result: Err(_), .. }) => before.copied().flatten(),
            None => None,
        })
    });
    let wanted = Memo::new(move |_| step.get().is_some());
    let phase = phase_of(&project_id, 60_000);
    // Done: once. Running: once a minute. Before it runs: once (each
    // change asks again).
    let revision = Memo::new(move |before: Option<&Option<i64>>| {
        if answer.with(|a| matches!(a, Some(Fetched { result: Err(_), .. }))) {
            return before.copied().flatten();
        }
        Some(match step.get() {
            Some(Some(_)) => 0,
            _ if plan_step().is_some_and(|s| verify_running(&s)) => {
                1 + (now.get() + phase).div_euclid(60_000)
            }
            _ => -1,
        })
    });
    let whole = move || matches!(step.get_untracked(), Some(Some(_)));
    let job = verify_job(base_url, project_id, template, whole);
    let results = on_demand_job(job, poll, wanted.into(), revision.into());
    // Until the finished step's results come, the last ones read while it
    // ran stay as they were shown, not relabelled as its final counts.
    let view = Memo::new(move |before: Option<&Option<VerifyView>>| {
        if !current(results, step) {
            return before.cloned().flatten();
        }
        results.with(|r| match r {
            Some(Fetched {
                result: Ok(result), ..
            }) if wanted.get() => Some(verify_view(result, plan_step().as_ref(), lang)),
            _ => None,
        })
    });
    let error = Memo::new(move |_| {
        results.with(|r| match r {
            // In the widget's language, as its error panel says it.
            Some(Fetched { result: Err(e), .. }) if wanted.get() => Some(error_line(e, lang)),
            _ => None,
        })
    });
    Verification {
        view,
        error,
        results,
        step,
    }
}
