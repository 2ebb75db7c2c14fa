use super::{
    CardFooter, ErrorPanel, HistoryPanel, IncrementalSection, StageBar, StatusBadge, StepLine,
    StepList, VerifyPanel, WidgetRoot,
};
use crate::hooks::StepsAnswer;
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::i18n::{Lang, Msg};
use oms_progress_core::model::{
    Checkpoint, HistoryView, IncrView, LagWhere, LiveView, Range, Stage, StopReason, VerifyView,
    View,
};
use std::sync::Arc;

/// The forward or the reverse incremental part of a view.
type IncrPart = fn(&View) -> Option<&IncrView>;

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
    /// Language of every label, for every part inside.
    #[prop(optional)]
    lang: Lang,
    /// The zone of shown times: an IANA name or `UTC` (the browser's own
    /// when `None`).
    #[prop(default = None)]
    time_zone: Option<Arc<str>>,
    /// Fewer lines: status, bars and lag (sets `data-compact`).
    #[prop(optional)]
    compact: bool,
    /// OMS 4.x's step plan and whether its list is open; no list without it.
    #[prop(default = None)]
    steps: Option<(StepsAnswer, RwSignal<bool>)>,
    /// The page's clock: the steps' running times, and the tick the lag
    /// chart is redrawn on.
    #[prop(optional)]
    now: Option<ReadSignal<i64>>,
    /// Where the lag is (OMS 4.x's components), when it is behind.
    #[prop(optional, into)]
    lag_where: Signal<Option<LagWhere>>,
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
    /// OMS 4.x's full verification, while the step list is open.
    #[prop(optional, into)]
    verify: Signal<Option<VerifyView>>,
    /// Why the verification results could not be read.
    #[prop(optional, into)]
    verify_error: Signal<Option<String>>,
    /// The project in OMS's console: its name becomes a link there.
    #[prop(default = None)]
    console_link: Option<String>,
    /// The name of the OMS the project is in (`data-source`, and a tag
    /// beside its name); none when empty.
    #[prop(optional)]
    source: String,
) -> impl IntoView {
    let shown_id = project_id.clone();
    let has_data = Memo::new(move |_| view.with(|v| v.has_data));
    let tone = Signal::derive(move || view.with(|v| v.tone));
    let importance = move || {
        view.with(|v| v.importance.clone()).map(|i| {
            view! {
                <span class="oms-importance" data-field="importance" title=Msg::Importance.text(lang)>
                    {i}
                </span>
            }
        })
    };
    let bar = move |stage: Stage| {
        let bar = Memo::new(move |_| {
            view.with(|v| {
                v.bars
                    .iter()
                    .find(|b| b.stage == stage)
                    .map(|b| (b.value, b.raw.clone()))
            })
        });
        view! {
            <Show when=move || bar.with(Option::is_some)>
                <StageBar
                    stage
                    lang
                    value=move || bar.with(|b| b.as_ref().and_then(|b| b.0))
                    raw=move || bar.with(|b| b.as_ref().and_then(|b| b.1.clone()))
                />
            </Show>
        }
    };
    // The forward or the reverse incremental part's checkpoint: as unix
    // seconds when it is a time, and as text.
    let secs_of = move |part: IncrPart| {
        move || {
            view.with(|v| match part(v).and_then(|i| i.checkpoint.as_ref()) {
                Some(Checkpoint::Unix(secs)) => Some(*secs),
                _ => None,
            })
        }
    };
    let text_of = move |part: IncrPart| {
        move || {
            view.with(|v| part(v).map(|i| i.checkpoint_text.clone()))
                .unwrap_or_default()
        }
    };
    let forward: IncrPart = |v| v.incr.as_ref();
    let reverse: IncrPart = |v| v.reverse.as_ref();
    let (forward_tz, reverse_tz) = (time_zone.clone(), time_zone.clone());

    view! {
        <WidgetRoot
            project_id
            status=move || view.with(|v| v.status_code().to_owned())
            tone
            state=move || live.with(|l| l.state)
            compact
            lang
            source=source.clone()
        >
            <header class="oms-head">
                {match console_link {
                    Some(href) => Either::Left(view! {
                        <a class="oms-project" data-field="project-id" href=href target="_blank" rel="noopener">
                            {shown_id}
                        </a>
                    }),
                    None => Either::Right(view! { <span class="oms-project" data-field="project-id">{shown_id}</span> }),
                }}
                {(!source.is_empty()).then(|| view! { <span class="oms-source" data-field="source">{source.clone()}</span> })}
                <Show
                    when=move || has_data.get()
                    fallback=move || view! {
                        <Show when=move || view.with(|v| v.error.is_none())>
                            <span class="oms-loading" data-field="loading">{Msg::Loading.text(lang)}</span>
                        </Show>
                    }
                >
                    <StatusBadge tone label=move || view.with(|v| v.status_label.clone()) />
                    {importance}
                </Show>
            </header>
            <StepLine step=move || view.with(|v| v.step.clone()) lang />
            <Show when=move || failure.with(Option::is_some)>
                <div class="oms-failure" data-field="failure">
                    <span class="oms-key">{Msg::FailedBecause.text(lang)} ": "</span>
                    <span>{move || failure.get().unwrap_or_default()}</span>
                </div>
            </Show>
            {steps
                .filter(|_| !compact)
                .map(|(steps, open)| {
                    let now = now.unwrap_or_else(|| signal(0).0);
                    view! {
                        <StepList open steps now lang time_zone=time_zone.clone() />
                        <VerifyPanel view=verify error=verify_error lang />
                    }
                })}
            {bar(Stage::Struct)}
            {bar(Stage::Full)}
            // Created once: the checkpoint text and lag flow in through signals,
            // so a new checkpoint updates two text nodes, not the whole section.
            <Show when=move || view.with(|v| v.incr.is_some())>
                <IncrementalSection
                    checkpoint_text=text_of(forward)
                    checkpoint_secs=secs_of(forward)
                    lag=move || live.with(|l| l.lag)
                    lag_where
                    lang
                    time_zone=forward_tz.clone()
                />
            </Show>
            <Show when=move || view.with(|v| v.reverse.is_some())>
                <IncrementalSection
                    checkpoint_text=text_of(reverse)
                    checkpoint_secs=secs_of(reverse)
                    lag=move || live.with(|l| l.reverse_lag)
                    reverse=true
                    lang
                    time_zone=reverse_tz.clone()
                />
            </Show>
            {history.map(|view| view! { <HistoryPanel view tick=now lang range /> })}
            <ErrorPanel
                error=move || view.with(|v| v.error.clone())
                retry_in=move || live.with(|l| l.retry_in_secs)
                show_retry=move || view.with(|v| v.stopped == Some(StopReason::Auth))
                on_retry=on_refresh
                lang
            />
            <CardFooter
                updated_ago=move || live.with(|l| l.updated_ago_secs)
                stale=move || live.with(|l| l.stale)
                stopped=move || view.with(|v| v.stopped)
                on_refresh
                lang
            />
        </WidgetRoot>
    }
}
