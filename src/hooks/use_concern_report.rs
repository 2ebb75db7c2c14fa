//! [`use_concern_report`]: a widget's state (failed, far behind, stuck,
//! ready to switch over…) told to the host and to the page's alerts when
//! it changes.

use super::use_alerts::{AlertReport, Alerts};
use leptos::prelude::*;
use oms_progress_core::events::ProjectRef;
use oms_progress_core::model::{
    Attention, AttentionChange, Concern, ConcernTracker, HistoryView, LagThresholds, LiveView,
    PollState, Seen, View,
};

/// The project's concern while its data is current (stale data is not
/// judged afresh), tracked against the one seen before: `on_attention`
/// hears each change (never the first state), and the page's alerts, when
/// provided, get every report (only this tab's own answers notify).
pub(crate) fn use_concern_report(
    project: ProjectRef,
    (view, live, history): (Memo<View>, Memo<LiveView>, Memo<HistoryView>),
    ready: Option<Memo<Option<bool>>>,
    state: Signal<PollState>,
    lag: LagThresholds,
    on_attention: Option<Callback<AttentionChange>>,
) {
    let alerts = use_context::<Alerts>();
    if on_attention.is_none() && alerts.is_none() {
        return;
    }
    let concern = Memo::new(move |_| {
        let (current, delay) = live.with(|l| (!l.stale, l.lag.map(|l| l.secs as i64)));
        let status = view.with(|v| v.has_data.then(|| v.status.clone()))?;
        current.then_some(())?;
        Some(Concern {
            attention: Attention::of_status(status.as_ref(), delay, false, lag),
            stuck: history.with(|h| h.stuck.is_some()),
            ready: ready.map_or(Some(false), |r| r.get())?,
        })
    });
    let tracker = StoredValue::new(ConcernTracker::default());
    Effect::new(move |_| {
        let Some(now) = concern.get() else { return };
        let change = tracker
            .try_update_value(|t| t.observe((&project.id, &project.source), &project.id, now))
            .and_then(Seen::change);
        if let (Some(change), Some(cb)) = (&change, on_attention) {
            cb.run(change.clone());
        }
        if let Some(alerts) = alerts {
            alerts.report.run(AlertReport {
                project: project.clone(),
                title: project.id.clone(),
                concern: now,
                change,
                here: state.with_untracked(|s| s.here),
            });
        }
    });
}
