//! [`use_oms_verify`]: a project's full verification results, asked only
//! while they are wanted.

use crate::runtime::{on_demand_job, verify_job, Call, Fetched};
use leptos::prelude::*;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::VerifyResult;

/// The verification's latest answer: `None` until one came.
pub type VerifyAnswer = ReadSignal<Option<Fetched<VerifyResult>>>;

/// Reads every page of `project_id`'s verification results from the OMS at
/// `base_url` (requests made as `template` says) when `wanted` turns true
/// and whenever `revision` moves while it is; one job in flight, aborted
/// when no longer wanted, backoff after a failure.
pub fn use_oms_verify(
    base_url: String,
    project_id: String,
    template: Call,
    poll: PollOptions,
    wanted: impl Into<Signal<bool>>,
    revision: impl Into<Signal<Option<i64>>>,
) -> VerifyAnswer {
    on_demand_job(
        verify_job(base_url, project_id, template, || true),
        poll,
        wanted.into(),
        revision.into(),
    )
}
