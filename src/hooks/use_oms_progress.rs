//! [`use_oms_progress`]: one project's progress, polled for as long as
//! the calling owner lives.

use super::use_now::use_now;
use crate::runtime::{use_shared_poll, Call};
use leptos::prelude::*;
use oms_progress_core::events::PollEvent;
use oms_progress_core::model::{History, PollState};
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{Credentials, HeaderSource};

/// What [`use_oms_progress`] hands back.
#[derive(Clone, Copy)]
pub struct UseOmsProgressReturn {
    /// What the widget knows (last good data, latest error, plan); moves
    /// on every poll, if only its times.
    pub state: ReadSignal<PollState>,
    /// How many polls changed what is known (the data, the error, a stop);
    /// it stays when a poll only confirmed it: views track it rather than
    /// `state`, so that an unchanged poll wakes none of them.
    pub revision: ReadSignal<i64>,
    /// The last 30 minutes of successful polls, for trends and ETAs.
    pub history: ReadSignal<History>,
    /// OMS's clock minus the browser's in ms, from the answers' `Date`
    /// headers, when it is beyond the estimate's precision.
    pub clock_offset: ReadSignal<Option<i64>>,
    /// The clock, ms since the epoch, ticking every second.
    pub now: ReadSignal<i64>,
    /// Polls at once (also resumes polling stopped by an auth error).
    pub refresh: Callback<()>,
}

/// How [`use_oms_progress_with_options`] polls and talks to the server.
#[derive(Clone, Default)]
pub struct UseOmsProgressOptions {
    /// Intervals, timeout, backoff, staleness. Default: [`PollOptions::default`].
    pub poll: PollOptions,
    /// The JSON body to POST (OMS 4.x actions); `None` polls with GET. Default: `None`.
    pub body: Option<String>,
    /// Whether requests carry cookies. Default: same-origin only.
    pub credentials: Credentials,
    /// Extra headers asked for before every request. Default: none.
    pub headers: Option<HeaderSource>,
    /// Told of every poll's events (data, status change, failure). Default: none.
    pub on_event: Option<Callback<PollEvent>>,
}

/// Polls `url` (a full URL or a path on this origin) with the default
/// options, for as long as the current reactive owner lives.
///
/// ## Usage
///
/// ```ignore
/// use leptos::prelude::*;
/// use oms_progress::use_oms_progress;
/// use oms_progress::oms_progress_core::model::build_view;
/// use oms_progress::Lang;
///
/// #[component]
/// fn Status() -> impl IntoView {
///     let progress = use_oms_progress("/api/omsp/v2/sync/np_4ur1zdx1v8cg/progress".into());
///     // Worked out again only when a poll brought news.
///     let view = Memo::new(move |_| {
///         progress.revision.track();
///         progress.state.with_untracked(|st| build_view(st, Lang::En))
///     });
///     view! { <p>{move || view.with(|v| v.status_label.clone())}</p> }
/// }
/// ```
pub fn use_oms_progress(url: String) -> UseOmsProgressReturn {
    use_oms_progress_with_options(url, UseOmsProgressOptions::default())
}

/// Polls `url` under `options`, for as long as the current reactive owner
/// lives; everything (request, timers, listeners) stops on its cleanup.
///
/// Widgets on one page polling the same URL and body with the same options
/// and credentials share one poll: one request per interval, however many
/// show the project; each gets the events while it lives.
pub fn use_oms_progress_with_options(
    url: String,
    options: UseOmsProgressOptions,
) -> UseOmsProgressReturn {
    let UseOmsProgressOptions {
        poll,
        body,
        credentials,
        headers,
        on_event,
    } = options;
    let poll = poll.normalized();
    let call = Call {
        url,
        body,
        credentials,
        headers,
        timeout: poll.timeout,
    };
    let now = use_now();
    let (signals, refresh) = use_shared_poll(call, poll, on_event);
    UseOmsProgressReturn {
        state: signals.state.read_only().into(),
        revision: signals.revision.read_only().into(),
        history: signals.history.read_only().into(),
        clock_offset: signals.clock_offset.read_only().into(),
        now,
        refresh: Callback::new(move |_| refresh()),
    }
}
