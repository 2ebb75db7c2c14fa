//! [`use_oms_history`]: OMS's own series of a project (its delay and
//! throughput over hours), asked when first wanted and then every few
//! minutes, never per poll.

use super::use_keyed::use_keyed;
use super::use_now::use_now;
use crate::runtime::{lacks_history, on_demand_job, series_job, Call, Fetched, SeriesAsk};
use leptos::prelude::*;
use oms_progress_core::model::{OmsSeries, Range};
use oms_progress_core::options::{project_id_problem, Problem};
use oms_progress_core::policy::{phase_of, PollOptions};
use oms_progress_core::wire::{lacks_action, Credentials, FetchError, HeaderSource};

/// OMS's series are asked again this often while wanted: about one new
/// point of the hour's (one every 5.5 min) each time; sooner would bring
/// nothing new. Two requests a refresh: one every 3 minutes a project.
pub const HISTORY_REFRESH_MS: i64 = 6 * 60 * 1000;

/// How [`use_oms_history_with_options`] reads OMS's series.
#[derive(Clone)]
pub struct UseOmsHistoryOptions {
    /// Where OMS is, as the widget's `base-url`; followed as it changes.
    /// Defaults to `""`: this origin.
    pub base_url: Signal<String>,
    /// Whether requests carry cookies. Defaults to same-origin only.
    pub credentials: Credentials,
    /// Extra headers asked for before every request. Defaults to none.
    pub headers: Option<HeaderSource>,
    /// Timeout and backoff. Defaults to [`PollOptions::default`].
    pub poll: PollOptions,
    /// Asked only while true (an OMS 4.x project with data). Defaults to
    /// `true`.
    pub wanted: Signal<bool>,
    /// The chart's range: a new range asks at once. Defaults to the last
    /// hour.
    pub range: Signal<Range>,
    /// OMS's clock minus the page's, ms: the window ends at OMS's now
    /// (a progress's `clock_offset`). Defaults to none.
    pub clock_offset: Signal<Option<i64>>,
    /// Also ask for the reverse incremental step's delay. Defaults to
    /// `false`.
    pub reverse: Signal<bool>,
    /// Also ask for the full-data step's throughput. Defaults to `false`.
    pub full: Signal<bool>,
}

impl Default for UseOmsHistoryOptions {
    fn default() -> Self {
        UseOmsHistoryOptions {
            base_url: Signal::default(),
            credentials: Credentials::default(),
            headers: None,
            poll: PollOptions::default(),
            wanted: Signal::stored(true),
            range: Signal::default(),
            clock_offset: Signal::default(),
            reverse: Signal::default(),
            full: Signal::default(),
        }
    }
}

/// What [`use_oms_history`] hands back.
#[derive(Clone, Copy)]
pub struct UseOmsHistoryReturn {
    /// OMS's latest series; kept through a passing failure.
    pub series: Signal<Option<OmsSeries>>,
    /// OMS said it keeps no history this page can read (for the page's life).
    pub lacking: Signal<bool>,
    /// Why the latest ask failed (OMS, the proxy, the network); `None`
    /// after a success.
    pub error: Signal<Option<FetchError>>,
    /// Why nothing is asked: the project id is missing or is not one.
    pub problem: Signal<Option<Problem>>,
}

/// Reads OMS 4.x's own history of `project_id` (its delay and
/// throughput, `DescribeProjectStepMetric`) through this origin, for the
/// last hour, as long as the current owner lives.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Points(#[prop(into)] project: Signal<String>) -> impl IntoView {
///     let history = use_oms_history(project);
///     let points = move || history.series.with(|s| s.as_ref().map_or(0, |s| s.lag.len()));
///     view! { <p>{points}" points of OMS's delay"</p> }
/// }
/// ```
pub fn use_oms_history(project_id: impl Into<Signal<String>>) -> UseOmsHistoryReturn {
    use_oms_history_with_options(project_id, UseOmsHistoryOptions::default())
}

/// Reads OMS's own history of `project_id` under `options`, for as long as
/// the current owner lives, following the id and the base URL as they
/// change; through the one on-demand path (one job in flight, aborted on
/// unmount, backoff after a failure, the page's in-flight limit), asked
/// when first wanted and then every [`HISTORY_REFRESH_MS`].
pub fn use_oms_history_with_options(
    project_id: impl Into<Signal<String>>,
    options: UseOmsHistoryOptions,
) -> UseOmsHistoryReturn {
    let project_id = project_id.into();
    let base_url = options.base_url;
    let key = Signal::derive(move || (project_id.get().trim().to_owned(), base_url.get()));
    let read = use_keyed(key, move |(id, base)| match project_id_problem(id) {
        Some(problem) => Err(problem),
        None => Ok(use_history_for(base.clone(), id.clone(), options.clone())),
    });
    let live = move || read.with(|r| r.as_ref().ok().copied());
    UseOmsHistoryReturn {
        series: Signal::derive(move || live().and_then(|r| r.series.get())),
        lacking: Signal::derive(move || live().is_some_and(|r| r.lacking.get())),
        error: Signal::derive(move || live().and_then(|r| r.error.get())),
        problem: Signal::derive(move || read.with(|r| r.as_ref().err().cloned())),
    }
}

/// Reads OMS's history of `project_id` at `base_url` under `options`
/// (whose base URL is not read): the widget's way, for one project.
pub(crate) fn use_history_for(
    base_url: String,
    project_id: String,
    options: UseOmsHistoryOptions,
) -> UseOmsHistoryReturn {
    let UseOmsHistoryOptions {
        credentials,
        headers,
        poll,
        wanted,
        range,
        clock_offset,
        reverse,
        full,
        ..
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
    UseOmsHistoryReturn {
        series: series.into(),
        lacking: lacking.into(),
        error: Signal::derive(move || {
            answer.with(|a| a.as_ref().and_then(|a| a.result.as_ref().err().cloned()))
        }),
        problem: Signal::default(),
    }
}
