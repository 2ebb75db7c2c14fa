//! [`use_oms_verify`]: a project's full verification results, asked when
//! wanted.

use super::use_oms_answer::{use_oms_answer, OmsAnswer, UseOmsAskOptions};
use crate::runtime::{on_demand_job, verify_job};
use leptos::prelude::*;
use oms_progress_core::wire::VerifyResult;

/// What [`use_oms_verify`] hands back: every table's counts, the total of
/// differing rows, and whether the list is partial.
pub type UseOmsVerifyReturn = OmsAnswer<VerifyResult>;

/// How [`use_oms_verify_with_options`] asks OMS: the on-demand hooks' options.
pub type UseOmsVerifyOptions = UseOmsAskOptions;

/// Reads every page of `project_id`'s full verification results from OMS
/// 4.x (`ListProjectFullVerifyResult`) through this origin, once, and
/// again whenever the id changes.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Verdict(#[prop(into)] project: Signal<String>) -> impl IntoView {
///     let verify = use_oms_verify(project);
///     let differ = move || verify.value.with(|v| v.as_ref().and_then(|v| v.different_rows));
///     view! { <p>{move || differ().map(|n| format!("{n} rows differ"))}</p> }
/// }
/// ```
pub fn use_oms_verify(project_id: impl Into<Signal<String>>) -> UseOmsVerifyReturn {
    use_oms_verify_with_options(project_id, UseOmsVerifyOptions::default())
}

/// Reads `project_id`'s verification results under `options`, under the
/// same rules as [`use_oms_steps_with_options`](super::use_oms_steps_with_options):
/// one job (every page in turn) in flight.
pub fn use_oms_verify_with_options(
    project_id: impl Into<Signal<String>>,
    options: UseOmsVerifyOptions,
) -> UseOmsVerifyReturn {
    use_oms_answer(
        project_id.into(),
        options,
        |template, id, base, poll, wanted, again| {
            let job = verify_job(base.to_owned(), id.to_owned(), template, || true);
            on_demand_job(job, poll, wanted, again)
        },
    )
}
