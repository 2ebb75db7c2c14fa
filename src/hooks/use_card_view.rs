//! [`use_card_view`]: what a widget's card shows, from its poll: the view
//! of the data (redone only when a poll brought news) and what moves with
//! the clock (the lag, the ages, staleness).

use super::use_api_fallback::ApiFallback;
use super::use_oms_progress::UseOmsProgressReturn;
use super::use_step_plan::StepPlan;
use crate::runtime::Fetched;
use leptos::prelude::*;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{
    build_view, live_view_corrected, oms_clock_lag, wrong_api_view, ErrorKind, LagThresholds,
    LiveView, View,
};
use oms_progress_core::policy::PollOptions;

/// The card's two views of `progress`: `wrong_api` names the other OMS 3.x
/// endpoint when it knew a project this one did not; with the step list
/// open, a fresh plan gives the lag by OMS's own clock.
pub(crate) fn use_card_view(
    progress: UseOmsProgressReturn,
    (project_id, wrong_api): (String, Option<ApiFallback>),
    plan: Option<StepPlan>,
    (poll, lag): (PollOptions, LagThresholds),
    lang: Lang,
) -> (Memo<View>, Memo<LiveView>) {
    let view = Memo::new(move |_| {
        progress.revision.track();
        let mut view = progress.state.with_untracked(|st| build_view(st, lang));
        let not_found = view
            .error
            .as_ref()
            .is_some_and(|e| e.kind == ErrorKind::NotFound);
        if let Some(name) = wrong_api.filter(|_| not_found).and_then(|f| f.knew_it()) {
            view.error = Some(wrong_api_view(&project_id, name, lang));
        }
        view
    });
    let stale_after = poll.stale_after();
    let fresh_ms = poll.interval.as_millis() as i64 * 2;
    // What moves with the clock is worked out again on the page's tick and
    // when what is shown changed (new data, an error), not on every poll:
    // an unchanged poll only moves when the data arrived, which the age
    // shows at the next tick (within a second), so it writes nothing, and
    // every widget's ages are written in the same frame.
    let live = Memo::new(move |_| {
        view.track();
        let now = progress.now.get();
        let offset = progress.clock_offset.get().unwrap_or(0);
        let mut live = progress
            .state
            .with_untracked(|st| live_view_corrected(st, now, stale_after, lag, offset));
        // OMS's own clock when the open step list brought a fresh sample;
        // not while the lag is frozen at the last answer (no new data).
        if let Some(plan) = plan.filter(|p| p.open.get()) {
            let by_oms = plan.answer.with(|a| match a {
                Some(Fetched {
                    at_ms,
                    result: Ok(list),
                    ..
                }) if now - at_ms <= fresh_ms => oms_clock_lag(list, now - at_ms, lag),
                _ => None,
            });
            if live.lag.is_some_and(|l| l.as_of_ms.is_none()) && by_oms.is_some() {
                live.lag = by_oms;
            }
        }
        live
    });
    (view, live)
}
