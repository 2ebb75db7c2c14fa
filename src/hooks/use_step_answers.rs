//! [`use_step_answers`]: what an OMS 4.x widget reads of its project's
//! steps: the plan and, when it has one, the full verification.

use super::use_oms_progress::UseOmsProgressReturn;
use super::use_step_plan::{use_step_plan, StepPlan};
use super::use_verification::{use_verification, Verification};
use crate::runtime::Call;
use oms_progress_core::i18n::Lang;
use oms_progress_core::options::WidgetOptions;
use oms_progress_core::policy::PollOptions;
use oms_progress_core::wire::{steps_request, ApiKind, ProgressRequest};

/// The step plan and the verification of `options`' project, asked as
/// [`use_step_plan`] and [`use_verification`] say, through the widget's
/// own requests; `None` for OMS 3.x, which has neither.
pub(crate) fn use_step_answers(
    options: &WidgetOptions,
    poll: PollOptions,
    progress: UseOmsProgressReturn,
    lang: Lang,
) -> Option<(StepPlan, Verification)> {
    (options.api == ApiKind::V4).then(|| {
        let project_id = options.project_id.trim().to_owned();
        let call_for = |request| Call::for_widget(options, poll.timeout, request);
        let call = call_for(steps_request(&project_id));
        let plan = use_step_plan(
            (call, &project_id),
            poll,
            (progress.state, progress.now),
            lang,
        );
        let template = call_for(ProgressRequest::at_base());
        let project = (options.base_url.clone(), project_id, template);
        (
            plan,
            use_verification(plan, project, poll, progress.now, lang),
        )
    })
}
