//! [`use_verification`]: an OMS 4.x project's full verification, read when
//! its plan has the step, shown on the card without a click.

use super::use_step_plan::StepPlan;
use crate::runtime::{on_demand_job, verify_job, Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{
    error_line, is_full_verify_step, verify_running, verify_view, VerifyView,
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
    // Whether the plan has the step, and whether it runs: a memo, as the
    // step's times move with every answer and only these may ask again.
    let step = Memo::new(move |_| plan_step().as_ref().map(verify_running));
    let wanted = Memo::new(move |_| step.get().is_some());
    let phase = phase_of(&project_id, 60_000);
    let revision = Memo::new(move |_| match step.get() {
        Some(true) => Some((now.get() + phase).div_euclid(60_000)),
        _ => Some(0),
    });
    let whole = move || step.get_untracked() == Some(false);
    let job = verify_job(base_url, project_id, template, whole);
    let results = on_demand_job(job, poll, wanted.into(), revision.into());
    let view = Memo::new(move |_| {
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
    }
}
