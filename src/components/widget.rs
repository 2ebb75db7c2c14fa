use super::{ConfigError, ProgressCard};
use crate::hooks::{
    use_api_fallback, use_card_view, use_concern_report, use_lag_where, use_progress_poll,
    use_refresh_trigger, use_step_plan, use_verification, use_widget_history,
};
use crate::runtime::Call;
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::model::AttentionChange;
use oms_progress_core::options::WidgetOptions;
use oms_progress_core::wire::{
    components_request, progress_request, steps_request, ApiKind, ProgressRequest,
};

/// A live progress widget for one OMS project.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Panel() -> impl IntoView {
///     let options = WidgetOptions { api: ApiKind::V4, ..WidgetOptions::new("np_4ur1zdx1v8cg") };
///     let on_attention = move |change: AttentionChange| leptos::logging::log!("{change:?}");
///     view! { <OmsSyncProgress options on_attention /> }
/// }
/// ```
#[component]
pub fn OmsSyncProgress(
    /// Which project, which endpoint, how often, which language.
    options: WidgetOptions,
    /// Told of every poll: new data, a status change, a failure.
    #[prop(optional, into)]
    on_event: Option<Callback<PollEvent>>,
    /// Told when the project's state changes (failed, far behind, stuck,
    /// running…), never of the state it had when first seen, nor from
    /// stale data.
    #[prop(optional, into)]
    on_attention: Option<Callback<AttentionChange>>,
    /// Polls at once whenever notified (as the "refresh" button does).
    #[prop(optional)]
    refresh: Option<Trigger>,
    /// Shows which API the widget reads (`OMS 3.x` or `OMS 4.x`) beside the
    /// project: for a page that shows one project through both.
    #[prop(optional)]
    show_api: bool,
) -> impl IntoView {
    let project_id = options.project_id.trim().to_owned();
    let (api, lang, lag, poll) = (
        options.api,
        options.lang,
        options.lag,
        options.poll.normalized(),
    );
    let request = match options.request() {
        Ok(request) => request,
        Err(problem) => {
            return Either::Left(view! { <ConfigError project_id problems=vec![problem] lang /> })
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
    // the other type; OMS 4.x: the step plan, its verification, the lag's place.
    let other = api.other_v3().map(|other| {
        let call = call_for(progress_request(other, &project_id));
        (call, other.as_str())
    });
    let wrong_api = use_api_fallback(other, poll, state);
    let v4 = api == ApiKind::V4;
    let plan = v4.then(|| {
        let call = call_for(steps_request(&project_id));
        use_step_plan((call, &project_id), poll, (state, progress.now), lang)
    });
    let verify = plan.map(|plan| {
        let template = call_for(ProgressRequest::at_base());
        let project = (options.base_url.clone(), project_id.clone(), template);
        use_verification(plan, project, poll, progress.now, lang)
    });
    let (view, live) = use_card_view(
        progress,
        (project_id.clone(), wrong_api),
        plan,
        (poll, lag),
        lang,
    );
    let lag_where = v4.then(|| {
        use_lag_where(
            call_for(components_request(&project_id)),
            poll,
            state,
            live,
            lag,
        )
    });
    let history = use_widget_history(progress, (&options, poll), plan, on_event);
    let project = ProjectRef {
        id: project_id.clone(),
        source: options.source.clone(),
    };
    use_concern_report(
        project,
        (view, live, history.view),
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
            lang
            time_zone=options.time_zone.as_deref().map(std::sync::Arc::from)
            compact=options.compact
            steps=plan.map(|p| (p.answer, p.open))
            now=progress.now
            lag_where=lag_where.unwrap_or_default()
            failure=plan.map(|p| p.failure).unwrap_or_default()
            history=Some(history.view)
            range=history.range
            verify=Signal::derive(move || verify.and_then(|v| v.view.get()))
            verify_error=Signal::derive(move || verify.and_then(|v| v.error.get()))
            console_link=options.console_link(&project_id)
            source=options.source.clone()
            api=show_api.then_some(api)
        />
    })
}
