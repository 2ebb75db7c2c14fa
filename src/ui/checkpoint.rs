use crate::i18n::{self, Lang, Msg};
use crate::model::LagLevel;
use leptos::prelude::*;

/// The incremental part: checkpoint and the lag, which ticks every second.
#[component]
pub fn IncrementalSection(
    /// The checkpoint as the operator reads it (time, log position or raw).
    #[prop(into)]
    checkpoint_text: Signal<String>,
    /// (lag seconds, level, clock skew) when the checkpoint is a time.
    #[prop(into)]
    lag: Signal<Option<(u64, LagLevel, bool)>>,
    /// Language of the labels.
    lang: Lang,
) -> impl IntoView {
    let lag_text = move || {
        lag.get().map(|(secs, level, _)| {
            let word = match level {
                LagLevel::CaughtUp => Msg::CaughtUp,
                LagLevel::Warn => Msg::Behind,
                LagLevel::Critical => Msg::FarBehind,
            };
            format!("{} ({})", i18n::duration(lang, secs), word.text(lang))
        })
    };
    view! {
        <div
            class="oms-incr"
            part="incremental"
            data-field="checkpoint"
            data-lag-seconds=move || lag.get().map(|(s, _, _)| s.to_string())
            data-lag-level=move || lag.get().map(|(_, l, _)| l.as_str())
        >
            <div class="oms-incr-title">{Msg::Incremental.text(lang)}</div>
            <div class="oms-checkpoint">
                <span class="oms-key">{Msg::Checkpoint.text(lang)} ": "</span>
                <span data-field="checkpoint-value">{move || checkpoint_text.get()}</span>
            </div>
            <Show when=move || lag.get().is_some()>
                <div class="oms-lag">
                    <span class="oms-key">{Msg::Lag.text(lang)} ": "</span>
                    <span data-field="lag">{lag_text}</span>
                    <Show when=move || lag.get().is_some_and(|(_, _, skew)| skew)>
                        <span class="oms-note" data-field="clock-skew">
                            " — " {Msg::ClockSkew.text(lang)}
                        </span>
                    </Show>
                </div>
            </Show>
        </div>
    }
}
