//! [`use_oms_progress`]: one project's progress, polled for as long as
//! the calling owner lives, following the project id and the source as
//! they change.

use super::use_keyed::use_keyed;
use super::use_now::use_now;
use crate::runtime::{use_shared_poll, Call};
use leptos::prelude::*;
use oms_progress_core::events::PollEvent;
use oms_progress_core::model::{History, PollState};
use oms_progress_core::options::{Problem, WidgetOptions};
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{ApiKind, Credentials, HeaderSource};

/// What [`use_oms_progress`] hands back.
#[derive(Clone, Copy)]
pub struct UseOmsProgressReturn {
    /// What is known of the project (last good data, latest error, plan);
    /// moves on every poll, if only its times.
    pub state: Signal<PollState>,
    /// How many polls changed what is known (the data, the error, a stop);
    /// it stays when a poll only confirmed it: views track it rather than
    /// `state`, so that an unchanged poll wakes none of them.
    pub revision: Signal<i64>,
    /// The last 30 minutes of successful polls, for trends and ETAs.
    pub history: Signal<History>,
    /// OMS's clock minus the page's in ms, from the answers' `Date`
    /// headers, when it is beyond the estimate's precision.
    pub clock_offset: Signal<Option<i64>>,
    /// The page's clock, ms since the epoch, ticking every second.
    pub now: Signal<i64>,
    /// Polls at once (also resumes polling stopped by an auth error).
    pub refresh: Callback<()>,
    /// Why nothing is polled: the project id is missing or is not one.
    /// `None` while the project is polled.
    pub problem: Signal<Option<Problem>>,
}

/// How [`use_oms_progress_with_options`] polls and talks to OMS.
#[derive(Clone, Default)]
pub struct UseOmsProgressOptions {
    /// Where OMS is: prepended to the API's paths, as the widget's
    /// `base-url` is; followed as it changes. Defaults to `""`: this
    /// origin, where a proxy forwards `/api/` to OMS.
    pub base_url: Signal<String>,
    /// Which API and project type; followed as it changes. Defaults to
    /// [`ApiKind::Sync`] (OMS 3.x's data-sync projects).
    pub api: Signal<ApiKind>,
    /// Intervals, timeout, backoff, staleness. Defaults to
    /// [`PollOptions::default`].
    pub poll: PollOptions,
    /// Whether requests carry cookies. Defaults to same-origin only.
    pub credentials: Credentials,
    /// Extra headers asked for before every request. Defaults to none.
    pub headers: Option<HeaderSource>,
    /// Told of every poll's events (data, status change, failure).
    /// Defaults to none.
    pub on_event: Option<Callback<PollEvent>>,
}

/// Polls `project_id`'s progress through this origin's OMS 3.x sync API
/// with the default options, for as long as the current reactive owner
/// lives; a new id is a new poll.
///
/// ## Usage
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Status(#[prop(into)] project: Signal<String>) -> impl IntoView {
///     let progress = use_oms_progress(project);
///     let status = move || {
///         progress.state.with(|s| {
///             let status = s.last_good.as_ref().and_then(|p| p.status.as_ref());
///             status.map(|s| s.code().to_owned()).unwrap_or_default()
///         })
///     };
///     view! { <p>{status}</p> }
/// }
/// ```
pub fn use_oms_progress(project_id: impl Into<Signal<String>>) -> UseOmsProgressReturn {
    use_oms_progress_with_options(project_id, UseOmsProgressOptions::default())
}

/// Polls `project_id`'s progress under `options`, for as long as the
/// current reactive owner lives; everything (request, timers, listeners)
/// stops on its cleanup. When the id, the base URL or the API changes, the
/// poll of the new project starts and the old one stops.
///
/// Hooks and widgets on one page polling the same project through the same
/// API, options and credentials share one poll: one request per interval,
/// however many show the project; each gets the events while it lives.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Status(#[prop(into)] project: Signal<String>, #[prop(into)] oms: Signal<String>) -> impl IntoView {
///     let progress = use_oms_progress_with_options(
///         project,
///         UseOmsProgressOptions { base_url: oms, api: ApiKind::V4.into(), ..Default::default() },
///     );
///     // Worked out again only when a poll brought news.
///     let view = Memo::new(move |_| {
///         progress.revision.track();
///         progress.state.with_untracked(|s| build_view(s, Lang::En))
///     });
///     view! { <p>{move || view.with(|v| v.status_label.clone())}</p> }
/// }
/// ```
pub fn use_oms_progress_with_options(
    project_id: impl Into<Signal<String>>,
    options: UseOmsProgressOptions,
) -> UseOmsProgressReturn {
    let UseOmsProgressOptions {
        base_url,
        api,
        poll,
        credentials,
        headers,
        on_event,
    } = options;
    let project_id = project_id.into();
    let poll = poll.normalized();
    let request = Signal::derive(move || {
        let options = WidgetOptions {
            api: api.get(),
            base_url: base_url.get(),
            ..WidgetOptions::new(project_id.get())
        };
        options.request()
    });
    let joined = use_keyed(request, move |request| {
        request.clone().map(|request| {
            let call = Call {
                url: request.path,
                body: request.body,
                credentials,
                headers: headers.clone(),
                timeout: poll.timeout,
            };
            use_progress_poll(call, poll, on_event)
        })
    });
    let now = use_now();
    UseOmsProgressReturn {
        state: Signal::derive(move || {
            joined.with(|j| j.as_ref().map(|p| p.state.get()).unwrap_or_default())
        }),
        revision: Signal::derive(move || {
            joined.with(|j| j.as_ref().map(|p| p.revision.get()).unwrap_or_default())
        }),
        history: Signal::derive(move || {
            joined.with(|j| j.as_ref().map(|p| p.history.get()).unwrap_or_default())
        }),
        clock_offset: Signal::derive(move || {
            joined.with(|j| j.as_ref().ok().and_then(|p| p.clock_offset.get()))
        }),
        now,
        refresh: Callback::new(move |_| {
            joined.with_untracked(|j| {
                if let Ok(p) = j {
                    p.refresh.run(())
                }
            })
        }),
        problem: Signal::derive(move || joined.with(|j| j.as_ref().err().cloned())),
    }
}

/// Joins the page's poll of `call` for as long as the current owner
/// lives: the widget's way, with a request that never changes.
pub(crate) fn use_progress_poll(
    call: Call,
    poll: PollOptions,
    on_event: Option<Callback<PollEvent>>,
) -> UseOmsProgressReturn {
    let now = use_now();
    let (signals, refresh) = use_shared_poll(call, poll, on_event);
    UseOmsProgressReturn {
        state: signals.state.read_only().into(),
        revision: signals.revision.read_only().into(),
        history: signals.history.read_only().into(),
        clock_offset: signals.clock_offset.read_only().into(),
        now,
        refresh: Callback::new(move |_| refresh()),
        problem: Signal::default(),
    }
}
