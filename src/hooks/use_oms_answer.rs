//! [`OmsAnswer`]: what the on-demand hooks ([`use_oms_steps`],
//! [`use_oms_components`], [`use_oms_verify`]) hand back, and the one way
//! they follow a project id and a source.
//!
//! [`use_oms_steps`]: super::use_oms_steps
//! [`use_oms_components`]: super::use_oms_components
//! [`use_oms_verify`]: super::use_oms_verify

use super::use_keyed::use_keyed;
use crate::runtime::{Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::options::{project_id_problem, Problem};
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{Credentials, FetchError, HeaderSource};

/// An answer OMS gives on demand, as a hook hands it back.
pub struct OmsAnswer<T: Send + Sync + 'static> {
    /// What the last successful answer said; kept through later failures.
    /// `None` until one came.
    pub value: Signal<Option<T>>,
    /// Why the latest ask failed; `None` after a success.
    pub error: Signal<Option<FetchError>>,
    /// When the latest answer (or failure) came, ms since the epoch on the
    /// page's clock.
    pub at_ms: Signal<Option<i64>>,
    /// Why nothing is asked: the project id is missing or is not one.
    pub problem: Signal<Option<Problem>>,
}

impl<T: Send + Sync + 'static> Clone for OmsAnswer<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for OmsAnswer<T> {}

/// How an on-demand hook asks OMS.
#[derive(Clone)]
pub struct UseOmsAskOptions {
    /// Where OMS is, as the widget's `base-url`; followed as it changes.
    /// Defaults to `""`: this origin.
    pub base_url: Signal<String>,
    /// Timeout and backoff after a failure. Defaults to
    /// [`PollOptions::default`].
    pub poll: PollOptions,
    /// Whether requests carry cookies. Defaults to same-origin only.
    pub credentials: Credentials,
    /// Extra headers asked for before every request. Defaults to none.
    pub headers: Option<HeaderSource>,
    /// Asked only while true; turning false aborts a request in flight.
    /// Defaults to `true`.
    pub wanted: Signal<bool>,
    /// Asked again whenever this moves while wanted (a progress's
    /// `revision`, a clock's minute). Defaults to never: asked once each
    /// time `wanted` turns true and whenever the project changes.
    pub again: Signal<i64>,
}

impl Default for UseOmsAskOptions {
    fn default() -> Self {
        UseOmsAskOptions {
            base_url: Signal::default(),
            poll: PollOptions::default(),
            credentials: Credentials::default(),
            headers: None,
            wanted: Signal::stored(true),
            again: Signal::default(),
        }
    }
}

/// What an on-demand hook asks for a project at a base URL: the template
/// of its calls (no URL yet), the project id and the base URL.
pub(crate) type Ask<T> = fn(
    Call,
    &str,
    &str,
    PollOptions,
    Signal<bool>,
    Signal<Option<i64>>,
) -> ReadSignal<Option<Fetched<T>>>;

/// Asks with `ask` for `project_id` under `options`, following the id and
/// the base URL as they change.
pub(crate) fn use_oms_answer<T>(
    project_id: Signal<String>,
    options: UseOmsAskOptions,
    ask: Ask<T>,
) -> OmsAnswer<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let UseOmsAskOptions {
        base_url,
        poll,
        credentials,
        headers,
        wanted,
        again,
    } = options;
    let poll = poll.normalized();
    let key = Signal::derive(move || (project_id.get().trim().to_owned(), base_url.get()));
    let asked = use_keyed(key, move |(id, base)| match project_id_problem(id) {
        Some(problem) => Err(problem),
        None => {
            let template = Call {
                url: String::new(),
                body: None,
                credentials,
                headers: headers.clone(),
                timeout: poll.timeout,
            };
            let again = Signal::derive(move || Some(again.get()));
            let answer = ask(template, id, base, poll, wanted, again);
            // A failure keeps what OMS said last of this project.
            let value = Memo::new(move |before: Option<&Option<T>>| {
                answer.with(|a| match a {
                    Some(Fetched { result: Ok(v), .. }) => Some(v.clone()),
                    _ => before.cloned().flatten(),
                })
            });
            Ok((answer, value))
        }
    });
    let latest = move || asked.with(|a| a.as_ref().ok().and_then(|(a, _)| a.get()));
    OmsAnswer {
        value: Signal::derive(move || asked.with(|a| a.as_ref().ok().and_then(|(_, v)| v.get()))),
        error: Signal::derive(move || latest().and_then(|a| a.result.err())),
        at_ms: Signal::derive(move || latest().map(|a| a.at_ms)),
        problem: Signal::derive(move || asked.with(|a| a.as_ref().err().cloned())),
    }
}
