//! [`use_widget_history`]: what a widget's history says (chart, trend,
//! ETAs, throughput, stuck), from the browser's samples joined with OMS's
//! own series (OMS 4.x), and the `Health` events hosts alert on.

use super::use_card_config::{card_config, CardConfig};
use super::use_oms_history::{use_history_for, UseOmsHistoryOptions, UseOmsHistoryReturn};
use super::use_oms_progress::UseOmsProgressReturn;
use super::use_step_plan::StepPlan;
use crate::runtime::{local_time, wall_gap_ms, Fetched};
use leptos::prelude::*;
use oms_progress_core::events::{Health, PollEvent};
use oms_progress_core::model::{
    full_eta_from_oms, history_view_with, outlook_with, ChartInput, HistoryView, Range, StuckRules,
    APPLY_FROM_MS,
};
use oms_progress_core::options::WidgetOptions;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{ApiKind, Progress, Status, WireStep};

/// What [`use_widget_history`] hands back.
#[derive(Clone, Copy)]
pub(crate) struct WidgetHistory {
    /// The history panel's view.
    pub view: Memo<HistoryView>,
    /// The chart's range, once OMS's own history can fill it (OMS 4.x).
    pub range: Option<RwSignal<Range>>,
    /// OMS's own history (OMS 4.x): its series, whether OMS keeps none,
    /// why the latest ask failed.
    pub oms: Option<UseOmsHistoryReturn>,
}

/// The history panel's view of `progress` under `options`, redone when a
/// sample, OMS's series or the clock offset changes. Before the browser's
/// samples can give the full copy's ETA, the rows the plan says are left
/// at OMS's average rate do. `on_event` hears each change of its `Health`.
pub(crate) fn use_widget_history(
    progress: UseOmsProgressReturn,
    (options, poll): (&WidgetOptions, PollOptions),
    plan: Option<StepPlan>,
    on_event: Option<Callback<PollEvent>>,
) -> WidgetHistory {
    let (history, clock_offset, now, state) = (
        progress.history,
        progress.clock_offset,
        progress.now,
        progress.state,
    );
    let last_good = move |read: fn(&Progress) -> bool| {
        Memo::new(move |_| state.with(|s| s.last_good.as_ref().is_some_and(read)))
    };
    let full_running = last_good(|p| {
        p.status.as_ref().is_some_and(Status::is_running)
            && p.full_progress.as_ref().is_some_and(|f| f.value < 100)
    });
    let range = (options.api == ApiKind::V4).then(|| RwSignal::new(Range::default()));
    let oms: Option<UseOmsHistoryReturn> = range.map(|range| {
        let (base_url, project_id) = (options.base_url.clone(), options.project_id.trim());
        use_history_for(
            base_url,
            project_id.to_owned(),
            UseOmsHistoryOptions {
                base_url: Signal::default(),
                credentials: options.credentials,
                headers: options.headers.clone(),
                poll,
                wanted: last_good(|_| true).into(),
                range: range.into(),
                clock_offset,
                reverse: last_good(|p| p.enable_reverse_incr == Some(true)).into(),
                full: full_running.into(),
            },
        )
    });
    let rules = StuckRules {
        interval_ms: poll.interval.as_millis() as i64,
        after_ms: options.stuck_after.as_millis() as i64,
    };
    let (
        lag,
        CardConfig {
            lang,
            zone: time_zone,
        },
    ) = (options.lag, card_config());
    let view = Memo::new(move |_| {
        // Said of this browser's wall clock, which the page's own clock
        // (the lag's) parts from when the wall clock is stepped or the
        // page's clock stood still in a sleep.
        let offset = clock_offset
            .get()
            .map(|o| o - wall_gap_ms())
            .filter(|o| o.abs() >= APPLY_FROM_MS);
        let time = |secs| local_time(secs, time_zone.as_deref(), lang);
        let series = oms.and_then(|h| h.series.get());
        let lacking = oms.is_none_or(|h| h.lacking.get());
        let oms_lag = series.as_ref().map_or(&[][..], |s| &s.lag[..]);
        // The plan's steps (OMS 4.x) mark the chart and, with OMS's series,
        // give the full copy's ETA until the browser's samples can.
        let draw = |steps: &[WireStep], asked_ms: Option<i64>| {
            let full_eta = match (&series, asked_ms) {
                (Some(series), Some(at_ms)) => {
                    full_eta_from_oms(series, steps, now.get_untracked() - at_ms)
                }
                _ => None,
            };
            let chart = ChartInput {
                oms: series.as_ref(),
                lacking,
                steps,
            };
            history.with(|h| {
                let mut outlook = outlook_with(h, oms_lag, lag, rules);
                if full_running.get() {
                    outlook.full_done_secs = outlook.full_done_secs.or(full_eta);
                }
                history_view_with(h, &outlook, chart, lag, lang, offset, &time)
            })
        };
        match plan {
            Some(plan) => plan.answer.with(|a| match a {
                Some(Fetched {
                    at_ms,
                    result: Ok(steps),
                    ..
                }) => draw(steps, Some(*at_ms)),
                _ => draw(&[], None),
            }),
            None => draw(&[], None),
        }
    });
    if let Some(on_event) = on_event {
        Effect::new(move |before: Option<Health>| {
            let now = view.with(Health::of);
            if now != before.unwrap_or_default() {
                on_event.run(PollEvent::Health(now.clone()));
            }
            now
        });
    }
    WidgetHistory { view, range, oms }
}
