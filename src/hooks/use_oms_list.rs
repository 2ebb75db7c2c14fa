//! [`use_oms_list`]: every project an OMS 4.x lists, polled page by page
//! for as long as the calling owner lives.

use super::use_now::use_now;
use crate::runtime::{list_loop, spawn_poller, Call};
use leptos::prelude::*;
use oms_progress_core::events::PollEvent;
use oms_progress_core::model::PollState;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{Credentials, HeaderSource, ListQuery, ProjectList};

/// What [`use_oms_list`] hands back.
#[derive(Clone, Copy)]
pub struct UseOmsListReturn {
    /// Every listed project of the last good poll, the latest error, the plan.
    pub state: ReadSignal<PollState<ProjectList>>,
    /// The clock, ms since the epoch, ticking every second.
    pub now: ReadSignal<i64>,
    /// Polls at once.
    pub refresh: Callback<()>,
}

/// How [`use_oms_list_with_options`] polls and talks to the server.
#[derive(Clone, Default)]
pub struct UseOmsListOptions {
    /// Intervals, timeout, backoff, staleness. Default: [`PollOptions::default`].
    pub poll: PollOptions,
    /// Whether requests carry cookies. Default: same-origin only.
    pub credentials: Credentials,
    /// Extra headers asked for before every request. Default: none.
    pub headers: Option<HeaderSource>,
    /// Told, after every poll, of each project whose status changed (with
    /// its id), or of the poll's failure (an empty id): see
    /// [`list_events`](oms_progress_core::events::list_events). Default: none.
    pub on_event: Option<Callback<(String, PollEvent)>>,
}

/// Polls the project list of the OMS at `base_url` (`""`: this origin)
/// with the default options.
pub fn use_oms_list(base_url: String, query: ListQuery) -> UseOmsListReturn {
    use_oms_list_with_options(base_url, query, UseOmsListOptions::default())
}

/// Polls the project list under `options`, for as long as the current
/// reactive owner lives; the request in flight is aborted on its cleanup.
pub fn use_oms_list_with_options(
    base_url: String,
    query: ListQuery,
    options: UseOmsListOptions,
) -> UseOmsListReturn {
    let (state, set_state) = signal(PollState::<ProjectList>::default());
    let now = use_now();
    let UseOmsListOptions {
        poll,
        credentials,
        headers,
        on_event,
    } = options;
    let call = Call {
        url: base_url,
        body: None,
        credentials,
        headers,
        timeout: poll.timeout,
    };
    let refresh = spawn_poller(move |wake_rx, in_flight, wake| {
        list_loop(
            call,
            query,
            (poll, on_event),
            set_state,
            (wake_rx, in_flight, wake),
        )
    });
    UseOmsListReturn {
        state,
        now,
        refresh,
    }
}
