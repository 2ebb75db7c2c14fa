//! [`use_api_fallback`]: an OMS 3.x project asked under the wrong
//! endpoint, told as such.

use super::use_oms_progress_once::{use_oms_progress_once, ProgressAnswer};
use crate::runtime::{Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::model::{ErrorKind, PollState};
use oms_progress_core::policy::PollOptions;

/// OMS 3.x files sync and migration projects under two endpoints: when the
/// poll of one says "not found", asks the other (`other`, and its `api`
/// name) once. Whether it knew the project, and by which name.
pub(crate) fn use_api_fallback(
    other: Option<(Call, &'static str)>,
    poll: PollOptions,
    state: ReadSignal<PollState>,
) -> Signal<Option<&'static str>> {
    let found = other.map(|(call, name)| {
        let not_found = Memo::new(move |_| {
            state.with(|s| {
                s.error
                    .as_ref()
                    .is_some_and(|e| ErrorKind::of(e) == ErrorKind::NotFound)
            })
        });
        let answer: ProgressAnswer = use_oms_progress_once(call, poll, not_found);
        (answer, name)
    });
    Signal::derive(move || {
        let (answer, name) = found?;
        answer
            .with(|a| matches!(a, Some(Fetched { result: Ok(_), .. })))
            .then_some(name)
    })
}
