use super::{
    CardFooter, CardHead, CutoverPanel, ErrorPanel, HistoryPanel, IncrementalPart, StageBars,
    StepLine, StepList, VerifyPanel, WidgetRoot,
};
use crate::hooks::{card_lang, StepsAnswer};
use leptos::prelude::*;
use oms_progress_core::i18n::Msg;
use oms_progress_core::model::{
    Cutover, HistoryView, LagWhere, LiveView, Range, StopReason, VerifyView, View,
};
use oms_progress_core::wire::ApiKind;

/// The widget's body, drawn from a [`View`] and a [`LiveView`].
///
/// Each part reads its own fields, so a poll that changes nothing writes
/// nothing to the DOM; only the clock-driven texts move every second.
#[component]
pub fn ProgressCard(
    /// The project shown; becomes `data-project-id`.
    #[prop(into)]
    project_id: String,
    /// What the polls brought.
    view: Memo<View>,
    /// What moves with the clock.
    live: Memo<LiveView>,
    /// Called by "refresh now" and "retry".
    #[prop(optional)]
    on_refresh: Option<Callback<()>>,
    /// Fewer lines: status, bars and lag (sets `data-compact`).
    #[prop(optional)]
    compact: bool,
    /// OMS 4.x's step plan and whether its list is open; no list without it.
    #[prop(default = None)]
    steps: Option<(StepsAnswer, RwSignal<bool>)>,
    /// The page's clock: the steps' running times, and the tick the lag
    /// chart is redrawn on.
    #[prop(optional)]
    now: Option<Signal<i64>>,
    /// Where the lag is (OMS 4.x's components), when it is behind.
    #[prop(default = None)]
    lag_where: Option<Memo<Option<LagWhere>>>,
    /// The last 30 minutes: sparkline, trend, ETAs, stuck and recovered notes.
    #[prop(default = None)]
    history: Option<Memo<HistoryView>>,
    /// Why a failed project failed (OMS 4.x's failed step), shown without
    /// a click.
    #[prop(optional, into)]
    failure: Signal<Option<String>>,
    /// The lag chart's range, once OMS's own history can fill it.
    #[prop(default = None)]
    range: Option<RwSignal<Range>>,
    /// OMS 4.x's full verification: its verdict, without a click.
    #[prop(default = None)]
    verify: Option<Memo<Option<VerifyView>>>,
    /// Why the verification results could not be read.
    #[prop(optional, into)]
    verify_error: Signal<Option<String>>,
    /// Switch-over readiness, for a plan with a switch-over step.
    #[prop(default = None)]
    cutover: Option<Memo<Option<Cutover>>>,
    /// The project in OMS's console: its name becomes a link there.
    #[prop(default = None)]
    console_link: Option<String>,
    /// The name of the OMS the project is in (`data-source`, and a tag
    /// beside its name); none when empty.
    #[prop(optional)]
    source: String,
    /// The API read, as a tag beside the name; `None`: no tag.
    #[prop(default = None)]
    api: Option<ApiKind>,
) -> impl IntoView {
    let lang = card_lang();
    view! {
        <WidgetRoot
            project_id=project_id.clone()
            status=move || view.with(|v| v.status_code().to_owned())
            tone=Memo::new(move |_| view.with(|v| v.tone))
            state=Memo::new(move |_| live.with(|l| l.state))
            compact
            source=source.clone()
        >
            <CardHead project_id view console_link source api />
            <StepLine step=Memo::new(move |_| view.with(|v| v.step.clone())) />
            <Show when=move || failure.with(Option::is_some)>
                <div class="oms-failure" data-field="failure">
                    <span class="oms-key">{Msg::FailedBecause.text(lang)} ": "</span>
                    <span>{move || failure.get().unwrap_or_default()}</span>
                </div>
            </Show>
            {cutover.map(|readiness| view! { <CutoverPanel readiness /> })}
            {verify.map(|view| view! { <VerifyPanel view error=verify_error /> })}
            {steps.filter(|_| !compact).map(|(steps, open)| {
                let now = now.unwrap_or_else(|| Signal::stored(0));
                view! { <StepList open steps now /> }
            })}
            <StageBars view />
            <IncrementalPart view live lag_where />
            // The forward lag's chart, beside the forward part it charts.
            {history.map(|view| view! { <HistoryPanel view tick=now range /> })}
            <IncrementalPart view live reverse=true />
            <ErrorPanel
                error=Memo::new(move |_| view.with(|v| v.error.clone()))
                retry_in=Memo::new(move |_| live.with(|l| l.retry_in_secs))
                show_retry=move || view.with(|v| v.stopped == Some(StopReason::Auth))
                on_retry=on_refresh
            />
            <CardFooter
                updated_ago=Memo::new(move |_| live.with(|l| l.updated_ago_secs))
                stale=move || live.with(|l| l.stale)
                stopped=Memo::new(move |_| view.with(|v| v.stopped))
                on_refresh
            />
        </WidgetRoot>
    }
}
