use super::{ErrorPanel, IncrementalSection, StageBar, StatusBadge};
use crate::i18n::{self, Lang, Msg};
use crate::model::{LiveView, Stage, View};
use crate::poll::StopReason;
use leptos::prelude::*;

/// The widget's body, drawn from a [`View`] and a [`LiveView`].
///
/// Each piece reads its own memo, so a poll that changes nothing writes
/// nothing to the DOM; only the clock-driven texts move every second.
#[component]
pub fn ProgressCard(
    /// The project shown; becomes `data-project-id`.
    #[prop(into)]
    project_id: String,
    /// What the polls brought.
    #[prop(into)]
    view: Signal<View>,
    /// What moves with the clock.
    #[prop(into)]
    live: Signal<LiveView>,
    /// Called by "refresh now" and "retry".
    #[prop(optional)]
    on_refresh: Option<Callback<()>>,
    /// Language of every label.
    #[prop(optional)]
    lang: Lang,
    /// Fewer lines: status, bars and lag (sets `data-compact`).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let has_data = Memo::new(move |_| view.with(|v| v.has_data));
    let status = Memo::new(move |_| view.with(|v| v.status.clone()));
    let status_label = Memo::new(move |_| view.with(|v| v.status_label.clone()));
    let tone = Memo::new(move |_| view.with(|v| v.tone));
    let importance = Memo::new(move |_| view.with(|v| v.importance.clone()));
    let step = Memo::new(move |_| view.with(|v| v.step.clone()));
    let error = Memo::new(move |_| view.with(|v| v.error.clone()));
    let stopped = Memo::new(move |_| view.with(|v| v.stopped));
    let incr_text =
        Memo::new(move |_| view.with(|v| v.incr.as_ref().map(|i| i.checkpoint_text.clone())));
    let has_incr = Memo::new(move |_| incr_text.with(Option::is_some));
    let state = Memo::new(move |_| live.with(|l| l.state.as_str()));
    let lag = Memo::new(move |_| live.with(|l| l.lag));
    let updated = Memo::new(move |_| live.with(|l| l.updated_ago_secs));
    let retry_in = Memo::new(move |_| live.with(|l| l.retry_in_secs));
    let stale = Memo::new(move |_| live.with(|l| l.stale));

    let bar = move |stage: Stage| {
        let value = Memo::new(move |_| {
            view.with(|v| v.bars.iter().find(|b| b.stage == stage).map(|b| b.value))
        });
        let raw = Memo::new(move |_| {
            view.with(|v| {
                v.bars
                    .iter()
                    .find(|b| b.stage == stage)
                    .and_then(|b| b.raw.clone())
            })
        });
        let label = match stage {
            Stage::Struct => Msg::StageStruct.text(lang),
            Stage::Full => Msg::StageFull.text(lang),
        };
        view! {
            <Show when=move || value.get().is_some()>
                <StageBar stage label value=Signal::derive(move || value.get().flatten()) raw lang />
            </Show>
        }
    };

    let aria_label = format!("OMS {project_id}");
    let shown_id = project_id.clone();
    view! {
        <section
            class="oms-progress"
            part="root"
            data-oms-widget=""
            data-project-id=project_id
            data-status=move || status.get()
            data-tone=move || tone.get().as_str()
            data-state=move || state.get()
            data-compact=compact.then_some("")
            lang=lang.tag()
            aria-label=aria_label
        >
            <header class="oms-head">
                <span class="oms-project" data-field="project-id">{shown_id}</span>
                <Show
                    when=move || has_data.get()
                    fallback=move || {
                        view! {
                            <Show when=move || error.with(Option::is_none)>
                                <span class="oms-loading" data-field="loading">{Msg::Loading.text(lang)}</span>
                            </Show>
                        }
                    }
                >
                    <StatusBadge tone label=status_label />
                    {move || {
                        importance
                            .get()
                            .map(|i| {
                                view! {
                                    <span class="oms-importance" data-field="importance" title=Msg::Importance.text(lang)>
                                        {i}
                                    </span>
                                }
                            })
                    }}
                </Show>
            </header>
            {move || {
                step.get()
                    .map(|(raw, label)| {
                        let shown = label.map_or_else(|| raw.clone(), str::to_owned);
                        let code = label.map(|_| raw.clone());
                        view! {
                            <div class="oms-step" data-field="step" data-step=raw>
                                <span class="oms-key">{Msg::Step.text(lang)} ": "</span>
                                <span>{shown}</span>
                                {code.map(|c| view! { <code class="oms-step-raw">{c}</code> })}
                            </div>
                        }
                    })
            }}
            {bar(Stage::Struct)}
            {bar(Stage::Full)}
            // Created once: the checkpoint text and lag flow in through signals,
            // so a new checkpoint updates two text nodes, not the whole section.
            <Show when=move || has_incr.get()>
                <IncrementalSection
                    checkpoint_text=Signal::derive(move || incr_text.get().unwrap_or_default())
                    lag
                    lang
                />
            </Show>
            <ErrorPanel
                error
                retry_in
                show_retry=Signal::derive(move || stopped.get() == Some(StopReason::Auth))
                on_retry=on_refresh
                lang
            />
            <footer class="oms-foot">
                <Show when=move || updated.get().is_some()>
                    <span data-field="updated">
                        {move || i18n::updated_ago(lang, &i18n::duration(lang, updated.get().unwrap_or(0)))}
                    </span>
                </Show>
                <Show when=move || stale.get()>
                    <span class="oms-stale" part="stale" data-field="stale">{Msg::Stale.text(lang)}</span>
                </Show>
                <Show when=move || stopped.get() == Some(StopReason::Terminal)>
                    <span data-field="stopped">{Msg::PollingStopped.text(lang)}</span>
                </Show>
                {on_refresh
                    .map(|cb| {
                        view! {
                            <button type="button" class="oms-refresh" part="button" data-action="refresh" on:click=move |_| cb.run(())>
                                {Msg::Refresh.text(lang)}
                            </button>
                        }
                    })}
            </footer>
        </section>
    }
}
