//! [`use_oms_history`]: OMS's own series of a project (its delay and
//! throughput over hours), asked when first wanted and then every few
//! minutes, never per poll.

use super::use_now::use_now;
use crate::runtime::{lacks_history, on_demand_job, series_job, Call, Fetched, SeriesAsk};
use leptos::prelude::*;
use oms_progress_core::model::{OmsSeries, Range};
use oms_progress_core::policy::{phase_of, PollOptions};
use oms_progress_core::wire::{lacks_action, Credentials, HeaderSource};

/// OMS's series are asked again this often while wanted: about one new
/// point of the hour's (one every 5.5 min) each time; sooner would bring
/// nothing new. Two requests a refresh: one every 3 minutes a project.
pub const HISTORY_REFRESH_MS: i64 = 6 * 60 * 1000;

/// What [`use_oms_history`] reads, and how.
#[derive(Clone)]
pub struct UseOmsHistoryOptions {
    /// Where OMS is (the widget's `base-url`; empty: this origin).
    pub base_url: String,
    /// The project.
    pub project_id: String,
    /// Whether requests carry cookies.
    pub credentials: Credentials,
    /// Extra headers asked for before every request.
    pub headers: Option<HeaderSource>,
    /// Timeout and backoff.
    pub poll: PollOptions,
    /// Asked only while true (an OMS 4.x project with data).
    pub wanted: Signal<bool>,
    /// The chart's range: a new range asks at once.
    pub range: Signal<Range>,
    /// OMS's clock minus the browser's, ms: the window ends at OMS's now.
    pub clock_offset: Signal<Option<i64>>,
    /// Also ask for the reverse incremental step's delay.
    pub reverse: Signal<bool>,
    /// Also ask for the full-data step's throughput.
    pub full: Signal<bool>,
}

/// What [`use_oms_history`] hands back.
#[derive(Clone, Copy)]
pub struct UseOmsHistoryReturn {
    /// OMS's latest series; kept through a passing failure.
    pub series: Memo<Option<OmsSeries>>,
    /// OMS said it keeps no history this widget can read (for the page's life).
    pub lacking: Memo<bool>,
}

/// Reads OMS's own history of a project under `options`, for as long as
/// the current owner lives; through the one on-demand path (one job in
/// flight, aborted on unmount, backoff after a failure, the page's
/// in-flight limit).
pub fn use_oms_history(options: UseOmsHistoryOptions) -> UseOmsHistoryReturn {
    let UseOmsHistoryOptions {
        base_url,
        project_id,
        credentials,
        headers,
        poll,
        wanted,
        range,
        clock_offset,
        reverse,
        full,
    } = options;
    let now = use_now();
    let template = Call {
        url: String::new(),
        body: None,
        credentials,
        headers,
        timeout: poll.timeout,
    };
    let lacking_here = lacks_history(&base_url);
    // Each project refreshes at its own point of the period, so a page of
    // many widgets spreads its metric requests instead of sending them at once.
    let phase = phase_of(&project_id, HISTORY_REFRESH_MS);
    let ask = {
        let base_url = base_url.clone();
        move || SeriesAsk {
            base_url: base_url.clone(),
            project_id: project_id.clone(),
            template: template.clone(),
            range: range.get_untracked(),
            // A minute short of OMS's now: OMS refuses an end it sees
            // ahead, and the clock offset is applied only from 3 s (within
            // 0.5 s and half a round trip); a point is 5.5 min anyway.
            end_secs: (now.get_untracked() + clock_offset.get_untracked().unwrap_or(0))
                .div_euclid(1000)
                - 60,
            reverse: reverse.get_untracked(),
            full: full.get_untracked(),
        }
    };
    // A new range asks at once; otherwise every few minutes.
    let every = Memo::new(move |_| (now.get() + phase) / HISTORY_REFRESH_MS);
    let revision = Memo::new(move |_| Some(every.get() * 4 + range.get() as i64));
    let wanted = Memo::new(move |_| wanted.get() && !lacking_here);
    let answer = on_demand_job(series_job(ask), poll, wanted.into(), revision.into());
    let series = Memo::new(move |before: Option<&Option<OmsSeries>>| {
        answer.with(|a| match a {
            Some(Fetched { result: Ok(s), .. }) => Some(s.clone()),
            Some(Fetched { result: Err(e), .. }) if lacks_action(e) => None,
            // A passing failure keeps what OMS said last.
            _ => before.cloned().flatten(),
        })
    });
    let lacking = Memo::new(move |_| {
        lacking_here
            || answer.with(|a| matches!(a, Some(Fetched { result: Err(e), .. }) if lacks_action(e)))
    });
    UseOmsHistoryReturn { series, lacking }
}
