//! [`use_cutover`]: an OMS 4.x project's switch-over readiness, from what
//! the widget already asks (the plan, the verification, the progress, OMS's
//! lag history and the browser's samples), and the `Cutover` events when
//! its verdict changes. Nothing is judged before each of those answered
//! once: a first verdict of "not read yet" would be told, then stay.

use super::use_card_config::{card_config, CardConfig};
use super::use_oms_history::UseOmsHistoryReturn;
use super::use_oms_progress::UseOmsProgressReturn;
use super::use_step_plan::StepPlan;
use super::use_verification::Verification;
use crate::runtime::{local_time, Fetched};
use leptos::prelude::*;
use oms_progress_core::events::{CutoverChange, PollEvent};
use oms_progress_core::model::{
    cutover, error_line, is_full_verify_step, is_switch_step, Cutover, CutoverInput,
    CutoverOptions, CutoverVerdict, LagNow, LagThresholds, LiveView, VerifyInput,
};
use oms_progress_core::wire::{Point, WireStep};

/// What [`use_cutover`] hands back.
#[derive(Clone, Copy)]
pub(crate) struct UseCutoverReturn {
    /// The verdict and its checks; `None` for a plan without a switch-over
    /// step, and until the first answers came.
    pub readiness: Memo<Option<Cutover>>,
    /// Whether the verdict is `ready` (for alerts); `None` until it is
    /// known: the plan answered, and for a plan with a switch-over step,
    /// a verdict came. A project already ready when first seen is then
    /// never told as becoming so.
    pub ready: Memo<Option<bool>>,
}

/// Readiness, redone when a poll, the plan, the verification or OMS's
/// series brings news, or when the lag crosses `cutover-lag` or the data
/// turns stale; not on every tick. `None` for a plan without a switch-over
/// step (and until the plan came). `on_event` hears each verdict, the
/// first one included.
pub(crate) fn use_cutover(
    (plan, verify): (StepPlan, Verification),
    (progress, live): (UseOmsProgressReturn, Memo<LiveView>),
    oms: Option<UseOmsHistoryReturn>,
    (lag, options): (LagThresholds, CutoverOptions),
    on_event: Option<Callback<PollEvent>>,
) -> UseCutoverReturn {
    let CardConfig { lang, zone } = card_config();
    let limit = options.limit_secs(lag);
    let lag_now = Memo::new(move |_| live.with(|l| LagNow::of(l, limit)));
    // The last plan read: a failed ask keeps it rather than hide readiness
    // (the staleness of the data it is judged with is the poll's).
    let steps = Memo::new(move |before: Option<&Option<Vec<WireStep>>>| {
        plan.answer.with(|a| match a {
            Some(Fetched {
                result: Ok(list), ..
            }) => list.iter().any(is_switch_step).then(|| list.clone()),
            _ => before.cloned().flatten(),
        })
    });
    // Why the latest ask for the plan failed: the last plan read is then
    // an older answer, and the checks say so rather than judge it afresh.
    let plan_error = Memo::new(move |_| {
        plan.answer.with(|a| match a {
            Some(Fetched { result: Err(e), .. }) => Some(error_line(e, lang)),
            _ => None,
        })
    });
    let readiness = Memo::new(move |_| {
        let time = |secs| local_time(secs, zone.as_deref(), lang);
        // Not before OMS's history answered (or said it keeps none): the
        // hold would read "not covered" until then.
        if oms.is_some_and(|h| {
            h.series.with(Option::is_none) && !h.lacking.get() && h.error.with(Option::is_none)
        }) {
            return None;
        }
        let judge = |oms_lag: &[Point]| {
            steps.with(|steps| {
                let steps = steps.as_deref()?;
                verify.results.with(|results| {
                    // The first verification answer comes just after the plan:
                    // wait for it rather than say "not read yet" for a moment
                    // (and tell hosts a verdict that is only that).
                    if results.is_none() && steps.iter().any(is_full_verify_step) {
                        return None;
                    }
                    let unread;
                    let verify = match results {
                        // Read while the step ran: its counts so far.
                        Some(Fetched { result: Ok(_), .. }) if !verify.current() => {
                            VerifyInput::NotRead
                        }
                        None => VerifyInput::NotRead,
                        Some(Fetched { result: Ok(r), .. }) => VerifyInput::Read(r),
                        Some(Fetched { result: Err(e), .. }) => {
                            unread = error_line(e, lang);
                            VerifyInput::Unreadable(&unread)
                        }
                    };
                    let plan_error = plan_error.read();
                    progress.state.with(|state| {
                        progress.history.with(|history| {
                            cutover(&CutoverInput {
                                steps,
                                plan_error: plan_error.as_deref(),
                                verify,
                                progress: state.last_good.as_ref(),
                                lag_now: lag_now.get(),
                                oms_lag,
                                history,
                                thresholds: lag,
                                options,
                                lang,
                                time: &time,
                            })
                        })
                    })
                })
            })
        };
        match oms {
            // Read in place: the series is OMS's whole range.
            Some(h) => h
                .series
                .with(|s| judge(s.as_ref().map_or(&[], |s| &s.lag[..]))),
            None => judge(&[]),
        }
    });
    if let Some(on_event) = on_event {
        Effect::new(move |before: Option<Option<Cutover>>| {
            let now = readiness.get();
            let from = before.flatten().map(|c| c.verdict);
            if let Some(now) = now.as_ref().filter(|n| Some(n.verdict) != from) {
                on_event.run(PollEvent::Cutover(CutoverChange::of(from, now)));
            }
            now
        });
    }
    // Unknown until a plan was read: after a failed first ask, "no
    // verdict" is not "not ready", or a project ready all along would be
    // told as becoming so when the plan comes. Once known, a failed ask
    // is judged like any other answer (the healthy check turns unknown).
    let ready = Memo::new(move |before: Option<&Option<bool>>| {
        let read = plan
            .answer
            .with(|a| matches!(a, Some(Fetched { result: Ok(_), .. })));
        if !read && before.copied().flatten().is_none() {
            return None;
        }
        match readiness.with(|r| r.as_ref().map(|r| r.verdict)) {
            Some(verdict) => Some(verdict == CutoverVerdict::Ready),
            None => steps.with(Option::is_none).then_some(false),
        }
    });
    UseCutoverReturn { readiness, ready }
}
