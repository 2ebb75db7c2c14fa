//! [`use_api_fallback`]: an OMS 3.x project asked under the wrong
//! endpoint, told as such.

use super::use_oms_progress_once::{use_oms_progress_once, ProgressAnswer};
use crate::runtime::{Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::model::{ErrorKind, PollState};
use oms_progress_core::policy::PollOptions;

/// What [`use_api_fallback`] hands back: the other endpoint's answer and
/// its `api` name.
#[derive(Clone, Copy)]
pub(crate) struct ApiFallback {
    answer: ProgressAnswer,
    name: &'static str,
}

impl ApiFallback {
    /// The other endpoint's name, once it answered for the project.
    pub fn knew_it(&self) -> Option<&'static str> {
        self.answer
            .with(|a| matches!(a, Some(Fetched { result: Ok(_), .. })))
            .then_some(self.name)
    }
}

/// OMS 3.x files sync and migration projects under two endpoints: when the
/// poll of one says "not found", asks the other (`other`, and its `api`
/// name) once.
pub(crate) fn use_api_fallback(
    other: Option<(Call, &'static str)>,
    poll: PollOptions,
    state: Signal<PollState>,
) -> Option<ApiFallback> {
    other.map(|(call, name)| {
        let not_found = Memo::new(move |_| {
            state.with(|s| {
                s.error
                    .as_ref()
                    .is_some_and(|e| ErrorKind::of(e) == ErrorKind::NotFound)
            })
        });
        let answer = use_oms_progress_once(call, poll, not_found);
        ApiFallback { answer, name }
    })
}
