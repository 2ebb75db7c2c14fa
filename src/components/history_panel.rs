use super::{LagBudget, LagChart};
use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::{Lang, Msg};
use oms_progress_core::model::{trend_label, HistoryView, Range};

/// One optional line of the panel: its text and, for an ETA, its seconds.
type Line = Option<(String, Option<u64>)>;

/// The lag chart with its thresholds (the browser's last 30 minutes, or
/// OMS's own history over the chosen range joined with them), the trend,
/// the lag budget of its range, the ETAs, the throughput and the stuck and
/// recovered notes (`[data-field=history]`). Each part appears only when the history
/// supports it.
#[component]
pub fn HistoryPanel(
    /// What the history says, rounded to what it can claim.
    view: Memo<HistoryView>,
    /// The page's clock: the chart and the lag budget's line are redrawn
    /// on its tick, with every widget's ages, instead of in a frame of
    /// their own after each poll (measured: one extra frame for about
    /// every second poll). Without it, they follow `view` at once.
    #[prop(default = None)]
    tick: Option<Signal<i64>>,
    /// The chart's range, set by the switch; the switch shows only once
    /// OMS's history makes a choice possible.
    #[prop(default = None)]
    range: Option<RwSignal<Range>>,
) -> impl IntoView {
    let lang = card_lang();
    // The chart and the budget's line are drawn on the tick; the rest of
    // the panel reads the view without the budget, which moves seldom.
    let (budget, view) = (on_tick(view, tick), without_budget(view));
    let chart = on_tick(view, tick);
    let line = move |field: &'static str, read: fn(&HistoryView, Lang) -> Line| {
        move || {
            view.with(|v| read(v, lang)).map(|(text, secs)| {
                view! { <span class="oms-history-line" data-field=field data-eta-seconds=secs>{text}</span> }
            })
        }
    };
    // Memos: the view moves with every poll, these parts only when their
    // own text does (the switch's buttons keep their focus).
    let caption = Memo::new(move |_| view.with(|v| v.spark.as_ref().map(|s| s.caption.clone())));
    let has_range = Memo::new(move |_| view.with(|v| v.range.is_some()));
    let switch = range.map(|range| {
        let button = move |choice: Range| {
            view! {
                <button
                    type="button"
                    class="oms-range"
                    data-range=choice.as_str()
                    aria-pressed=move || (range.get() == choice).to_string()
                    on:click=move |_| range.set(choice)
                >
                    {range_label(choice, lang)}
                </button>
            }
        };
        view! {
            <Show when=move || has_range.get()>
                <span class="oms-range-switch" role="group" aria-label=Msg::ChartRange.text(lang)>
                    {Range::ALL.map(button)}
                </span>
            </Show>
        }
    });
    let rate = move |field: &'static str, read: fn(&HistoryView) -> Option<(i64, String)>| {
        let shown = Memo::new(move |_| view.with(read));
        move || {
            shown.get().map(|(now, text)| {
                view! { <span class="oms-history-line" data-field=field data-rows-per-second=now>{text}</span> }
            })
        }
    };
    view! {
        <div
            class="oms-history"
            data-field="history"
            data-trend=move || view.with(|v| v.trend.map(|t| t.as_str()))
            data-stuck=move || view.with(|v| v.stuck.as_ref().map(|s| s.0.as_str()))
            data-clock-offset-ms=move || view.with(|v| v.clock.as_ref().map(|c| c.0.to_string()))
            data-history-source=move || view.with(|v| v.source.map(|s| s.as_str()))
            data-range=move || view.with(|v| v.range.map(Range::as_str))
        >
            <div class="oms-chart-head">
                {move || caption.get().map(|c| view! { <span class="oms-chart-caption" data-field="chart-caption">{c}</span> })}
                {switch}
            </div>
            <LagChart view=chart />
            <LagBudget view=budget />
            <div class="oms-history-text">
                {line("trend", |v, lang| v.trend.map(|t| (trend_label(t, lang).to_owned(), None)))}
                {line("catch-up-eta", |v, _| v.catch_up.as_ref().map(|e| (e.text.clone(), Some(e.secs))))}
                {line("full-eta", |v, _| v.full_done.as_ref().map(|e| (e.text.clone(), Some(e.secs))))}
            </div>
            {rate("throughput", |v| v.throughput.clone())}
            {rate("full-throughput", |v| v.full_throughput.clone())}
            {line("stuck", |v, _| v.stuck.as_ref().map(|s| (s.1.clone(), None)))}
            {line("recovered", |v, _| v.recovered.clone().map(|text| (text, None)))}
            {line("clock-offset", |v, _| v.clock.as_ref().map(|c| (c.1.clone(), None)))}
        </div>
    }
}

/// `view` as it is at each of `tick`'s ticks; `view` itself without a tick.
/// A tick on which the view has not moved keeps the copy it has: it is
/// compared in place, neither copied nor passed on.
fn on_tick(view: Memo<HistoryView>, tick: Option<Signal<i64>>) -> Memo<HistoryView> {
    match tick {
        Some(tick) => Memo::new_owning(move |before: Option<HistoryView>| {
            tick.track();
            match before {
                Some(before) if view.with_untracked(|v| *v == before) => (before, false),
                _ => (view.get_untracked(), true),
            }
        }),
        None => view,
    }
}

/// `view` without the lag budget, for every part but the budget's line:
/// the budget's figures can move with every poll, the rest seldom, and a
/// part that reads a memo which did not change is not run again.
fn without_budget(view: Memo<HistoryView>) -> Memo<HistoryView> {
    Memo::new(move |_| {
        view.with(|v| HistoryView {
            budget: None,
            ..v.clone()
        })
    })
}

/// The switch's label for a range: "1 h", "6 h", "24 h".
fn range_label(range: Range, lang: Lang) -> String {
    oms_progress_core::i18n::span(lang, range.secs() as u64)
}
