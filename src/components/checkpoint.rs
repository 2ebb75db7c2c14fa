use super::LocalTime;
use crate::hooks::{card_config, CardConfig};
use crate::runtime::local_time;
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::i18n::{self, Msg};
use oms_progress_core::model::{Lag, LagLevel, LagWhere};

/// The incremental part: checkpoint and the lag, which ticks every second;
/// forward (`[data-field=checkpoint]`) or reverse (`[data-field=reverse-checkpoint]`).
#[component]
pub fn IncrementalSection(
    /// The checkpoint as the operator reads it (time, log position or raw).
    #[prop(into)]
    checkpoint_text: Signal<String>,
    /// The checkpoint as unix seconds, when it is a time: then it is shown
    /// in the viewer's zone, UTC in its tooltip.
    #[prop(optional, into)]
    checkpoint_secs: Signal<Option<i64>>,
    /// The lag, when the checkpoint is a time.
    lag: Memo<Option<Lag>>,
    /// The reverse incremental sync (after switch-over) instead of the forward one.
    #[prop(optional)]
    reverse: bool,
    /// Where the lag is (OMS 4.x's components), when it is behind and OMS said.
    #[prop(default = None)]
    lag_where: Option<Memo<Option<LagWhere>>>,
) -> impl IntoView {
    let CardConfig {
        lang,
        zone: time_zone,
    } = card_config();
    let zone = time_zone.clone();
    let lag_text = move || {
        lag.get()
            .map(|lag| {
                let word = match lag.level {
                    LagLevel::CaughtUp => Msg::CaughtUp.text(lang),
                    LagLevel::Warn => Msg::Behind.text(lang),
                    LagLevel::Critical => Msg::FarBehind.text(lang),
                    LagLevel::Paused => Msg::LagPaused.text(lang),
                };
                let duration = i18n::duration(lang, lag.secs);
                match lag.as_of_ms {
                    // No current answer: the last lag OMS confirmed, and when.
                    Some(at) => {
                        let at = local_time(at.div_euclid(1000), zone.as_deref(), lang);
                        format!("{duration} ({})", i18n::lag_as_of(lang, &at))
                    }
                    None => format!("{duration} ({word})"),
                }
            })
            .unwrap_or_default()
    };
    let lag_where = move || {
        lag_where.and_then(|w| w.get()).map(|at| {
            let advice = match at {
                LagWhere::Store => Msg::StoreBehind,
                LagWhere::Writer => Msg::WriterBehind,
            };
            view! {
                <span class="oms-note" data-field="lag-where" data-where=at.as_str()>
                    " — " {advice.text(lang)}
                </span>
            }
        })
    };
    view! {
        <div
            class="oms-incr"
            part="incremental"
            data-field=if reverse { "reverse-checkpoint" } else { "checkpoint" }
            data-lag-seconds=move || lag.get().map(|lag| lag.secs.to_string())
            data-lag-level=move || lag.get().map(|lag| lag.level.as_str())
            data-lag-source=move || lag.get().map(|lag| lag.source.as_str())
            data-lag-as-of=move || lag.get().and_then(|lag| lag.as_of_ms).map(|at| at.to_string())
        >
            <div class="oms-incr-title">
                {if reverse { Msg::ReverseIncremental } else { Msg::Incremental }.text(lang)}
            </div>
            <div class="oms-checkpoint">
                <span class="oms-key">{Msg::Checkpoint.text(lang)} ": "</span>
                <span data-field="checkpoint-value">
                    {move || match checkpoint_secs.get() {
                        Some(secs) => Either::Left(view! { <LocalTime secs /> }),
                        None => Either::Right(checkpoint_text.get()),
                    }}
                </span>
            </div>
            <Show when=move || lag.with(Option::is_some)>
                <div class="oms-lag">
                    <span class="oms-key">{Msg::Lag.text(lang)} ": "</span>
                    <span data-field="lag">{lag_text.clone()}</span>
                    {lag_where}
                    <Show when=move || lag.get().is_some_and(|lag| lag.clock_skew)>
                        <span class="oms-note" data-field="clock-skew">
                            " — " {Msg::ClockSkew.text(lang)}
                        </span>
                    </Show>
                </div>
            </Show>
        </div>
    }
}
