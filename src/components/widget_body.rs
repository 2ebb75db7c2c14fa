use super::{ConfigError, ProgressCard};
use crate::hooks::{
    card_lang, use_api_fallback, use_card_view, use_concern_report, use_cutover, use_lag_where,
    use_progress_poll, use_refresh_trigger, use_step_answers, use_widget_history,
};
use crate::runtime::Call;
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::model::AttentionChange;
use oms_progress_core::options::WidgetOptions;
use oms_progress_core::wire::{components_request, progress_request, ProgressRequest};

/// The widget drawn in the language and zone of [`card_lang`], which
/// [`OmsSyncProgress`](super::OmsSyncProgress) provides.
#[component]
pub(crate) fn WidgetBody(
    /// Which project, which endpoint, how often, which language.
    options: WidgetOptions,
    /// Told of every poll: new data, a status change, a failure.
    on_event: Option<Callback<PollEvent>>,
    /// Told when the project's state changes (failed, far behind, stuck,
    /// running…), never of the state it had when first seen, nor from
    /// stale data.
    on_attention: Option<Callback<AttentionChange>>,
    /// Polls at once whenever notified (as the "refresh" button does).
    refresh: Option<Trigger>,
    /// Shows which API the widget reads (`OMS 3.x` or `OMS 4.x`) beside the
    /// project: for a page that shows one project through both.
    show_api: bool,
) -> impl IntoView {
    let project_id = options.project_id.trim().to_owned();
    let (api, lag, poll) = (options.api, options.lag, options.poll.normalized());
    let lang = card_lang();
    let request = match options.request() {
        Ok(request) => request,
        Err(problem) => {
            return Either::Left(view! { <ConfigError project_id problems=vec![problem] /> })
        }
    };
    let call_for = |request| Call::for_widget(&options, poll.timeout, request);
    let call = Call {
        // `request()` put the base URL in front already.
        ..Call::for_widget(&options, poll.timeout, ProgressRequest::at_base())
    };
    let progress = use_progress_poll(
        Call {
            url: request.path,
            body: request.body,
            ..call
        },
        poll,
        on_event,
    );
    use_refresh_trigger(refresh, progress.refresh);
    let state = progress.state;
    // OMS 3.x: a project OMS does not know under one endpoint may be one of
    // the other type; OMS 4.x: the step plan, its verification, the lag's
    // place, switch-over readiness.
    let other = api.other_v3().map(|other| {
        let call = call_for(progress_request(other, &project_id));
        (call, other.as_str())
    });
    let wrong_api = use_api_fallback(other, poll, state);
    let answers = use_step_answers(&options, poll, progress, lang);
    let (plan, verify) = (answers.map(|a| a.0), answers.map(|a| a.1));
    let (view, live) = use_card_view(
        progress,
        (project_id.clone(), wrong_api),
        plan,
        (poll, lag),
        lang,
    );
    let lag_where = plan.map(|_| {
        use_lag_where(
            call_for(components_request(&project_id)),
            poll,
            state,
            live,
            lag,
        )
    });
    let history = use_widget_history(progress, (&options, poll), plan, on_event);
    let cutover = answers.map(|answers| {
        let cutover = (lag, options.cutover);
        use_cutover(answers, (progress, live), history.oms, cutover, on_event)
    });
    let project = ProjectRef {
        id: project_id.clone(),
        source: options.source.clone(),
    };
    use_concern_report(
        project,
        (view, live, history.view),
        cutover.map(|c| c.ready),
        state,
        lag,
        on_attention,
    );
    Either::Right(view! {
        <ProgressCard
            project_id=project_id.clone()
            view
            live
            on_refresh=progress.refresh
            compact=options.compact
            steps=plan.map(|p| (p.answer, p.open))
            now=progress.now
            lag_where
            failure=plan.map(|p| p.failure).unwrap_or_default()
            history=Some(history.view)
            range=history.range
            verify=verify.map(|v| v.view)
            verify_error=Signal::derive(move || verify.and_then(|v| v.error.get()))
            cutover=cutover.map(|c| c.readiness)
            console_link=options.console_link(&project_id)
            source=options.source.clone()
            api=show_api.then_some(api)
        />
    })
}
