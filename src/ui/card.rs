use super::{
    bool_memo, pick, shown, CardFooter, ErrorPanel, Field, Fresh, HistoryPanel, IncrementalSection,
    StageBar, StatusBadge, StepLine, StepList, WidgetRoot,
};
use crate::i18n::{Lang, Msg};
use crate::model::{Checkpoint, HistoryView, LagWhere, LiveView, Stage, StopReason, View};
use crate::poll::StepsAnswer;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

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
    #[prop(default = None)]
    lag_where: Option<Field<Option<LagWhere>>>,
    /// The last 30 minutes: sparkline, trend, ETAs, stuck and recovered notes.
    #[prop(default = None)]
    history: Option<Memo<HistoryView>>,
) -> impl IntoView {
    let shown_id = project_id.clone();
    // A memo: the header is rebuilt only when data first comes (or goes).
    let has_data = bool_memo(Box::new(move || view.with(|v| v.has_data)));
    let error = pick(view, |v| v.error.clone());
    let stopped = pick(view, |v| v.stopped);
    let has_incr = bool_memo(Box::new(move || view.with(|v| v.incr.is_some())));
    let importance = pick(view, |v| v.importance.clone());
    let tone = pick(view, |v| v.tone);

    let bar = move |stage: Stage| {
        let bar = Memo::new(move |_| {
            view.with(|v| {
                v.bars
                    .iter()
                    .find(|b| b.stage == stage)
                    .map(|b| (b.value, b.raw.clone()))
            })
        });
        shown(
            move || bar.with(Option::is_some),
            move || {
                view! {
                    <StageBar
                        stage
                        lang
                        value=move || bar.with(|b| b.as_ref().and_then(|b| b.0))
                        raw=move || bar.with(|b| b.as_ref().and_then(|b| b.1.clone()))
                    />
                }
            },
        )
    };

    view! {
        <WidgetRoot
            project_id
            status=pick(view, |v| v.status_code().to_owned())
            tone=tone.clone()
            state=pick(live, |l| l.state)
            compact
            lang
        >
            <header class="oms-head">
                <span class="oms-project" data-field="project-id">{shown_id}</span>
                // Fresh: redrawn only when the memo flips, so never patched.
                {move || if has_data.get() {
                    Either::Left(Fresh(view! {
                        <StatusBadge tone=tone.clone() label=pick(view, |v| v.status_label.clone()) />
                        {let importance = importance.clone(); move || {
                            importance.get().map(|i| {
                                view! {
                                    <span class="oms-importance" data-field="importance" title=Msg::Importance.text(lang)>
                                        {i}
                                    </span>
                                }
                            })
                        }}
                    }))
                } else {
                    Either::Right(Fresh(shown(
                        move || view.with(|v| v.error.is_none()),
                        move || view! { <span class="oms-loading" data-field="loading">{Msg::Loading.text(lang)}</span> },
                    )))
                }}
            </header>
            <StepLine step=pick(view, |v| v.step.clone()) lang />
            {steps
                .filter(|_| !compact)
                .map(|(steps, open)| {
                    let now = now.unwrap_or_else(|| signal(0).0);
                    view! { <StepList open steps now lang time_zone=time_zone.clone() /> }
                })}
            {bar(Stage::Struct)}
            {bar(Stage::Full)}
            // Created once: the checkpoint text and lag flow in through signals,
            // so a new checkpoint updates two text nodes, not the whole section.
            {shown(move || has_incr.get(), move || view! {
                <IncrementalSection
                    checkpoint_text=pick(view, |v| v.incr.as_ref().map(|i| i.checkpoint_text.clone()).unwrap_or_default())
                    checkpoint_secs=pick(view, |v| match v.incr.as_ref().and_then(|i| i.checkpoint.as_ref()) {
                        Some(Checkpoint::Unix(secs)) => Some(*secs),
                        _ => None,
                    })
                    lag=pick(live, |l| l.lag)
                    lag_where=lag_where.clone()
                    lang
                    time_zone=time_zone.clone()
                />
            })}
            {shown(move || view.with(|v| v.reverse.is_some()), move || view! {
                <IncrementalSection
                    checkpoint_text=pick(view, |v| v.reverse.as_ref().map(|i| i.checkpoint_text.clone()).unwrap_or_default())
                    lag=pick(live, |l| l.reverse_lag)
                    reverse=true
                    lang
                />
            })}
            {history.map(|view| view! { <HistoryPanel view tick=now lang /> })}
            <ErrorPanel
                error
                retry_in=pick(live, |l| l.retry_in_secs)
                show_retry=pick(view, |v| v.stopped == Some(StopReason::Auth))
                on_retry=on_refresh
                lang
            />
            <CardFooter
                updated_ago=pick(live, |l| l.updated_ago_secs)
                stale=pick(live, |l| l.stale)
                stopped
                on_refresh
                lang
            />
        </WidgetRoot>
    }
}
