//! [`use_oms_list`]: every project an OMS 4.x lists, polled page by page
//! for as long as the calling owner lives.

use super::use_keyed::use_keyed;
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
    pub state: Signal<PollState<ProjectList>>,
    /// The page's clock, ms since the epoch, ticking every second.
    pub now: Signal<i64>,
    /// Polls at once.
    pub refresh: Callback<()>,
}

/// How [`use_oms_list_with_options`] polls and talks to OMS.
#[derive(Clone, Default)]
pub struct UseOmsListOptions {
    /// What OMS is asked to filter by (type, statuses, a search text);
    /// followed as it changes. Defaults to every project.
    pub query: Signal<ListQuery>,
    /// Intervals, timeout, backoff, staleness. Defaults to
    /// [`PollOptions::default`].
    pub poll: PollOptions,
    /// Whether requests carry cookies. Defaults to same-origin only.
    pub credentials: Credentials,
    /// Extra headers asked for before every request. Defaults to none.
    pub headers: Option<HeaderSource>,
    /// Told, after every poll, of each project whose status changed (with
    /// its id), or of the poll's failure (an empty id). Defaults to none.
    pub on_event: Option<Callback<(String, PollEvent)>>,
}

/// Polls the project list of the OMS at `base_url` (`""`: this origin)
/// with the default options.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Count(#[prop(into)] oms: Signal<String>) -> impl IntoView {
///     let list = use_oms_list(oms);
///     let count = move || list.state.with(|s| s.last_good.as_ref().map(|l| l.projects.len()));
///     view! { <p>{move || count().map(|n| format!("{n} projects"))}</p> }
/// }
/// ```
pub fn use_oms_list(base_url: impl Into<Signal<String>>) -> UseOmsListReturn {
    use_oms_list_with_options(base_url, UseOmsListOptions::default())
}

/// Polls the project list under `options`, for as long as the current
/// reactive owner lives; the request in flight is aborted on its cleanup.
/// A new base URL or query is a new poll.
pub fn use_oms_list_with_options(
    base_url: impl Into<Signal<String>>,
    options: UseOmsListOptions,
) -> UseOmsListReturn {
    let base_url = base_url.into();
    let query = options.query;
    let key = Signal::derive(move || (base_url.get(), query.get()));
    let polled = use_keyed(key, move |(base_url, query)| {
        use_list_poll(base_url.clone(), query.clone(), options.clone())
    });
    UseOmsListReturn {
        state: Signal::derive(move || polled.with(|p| p.state.get())),
        now: use_now(),
        refresh: Callback::new(move |_| polled.with_untracked(|p| p.refresh.run(()))),
    }
}

/// Polls the list of the OMS at `base_url` filtered by `query` (the
/// options' query is not read): the wallboard's way, for one source.
pub(crate) fn use_list_poll(
    base_url: String,
    query: ListQuery,
    options: UseOmsListOptions,
) -> UseOmsListReturn {
    let (state, set_state) = signal(PollState::<ProjectList>::default());
    let UseOmsListOptions {
        poll,
        credentials,
        headers,
        on_event,
        ..
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
        state: state.into(),
        now: use_now(),
        refresh,
    }
}
