use super::{attr_opt, shown, Field, LocalTime};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Lag, LagLevel, LagWhere};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// The incremental part: checkpoint and the lag, which ticks every second;
/// forward (`[data-field=checkpoint]`) or reverse (`[data-field=reverse-checkpoint]`).
#[component]
pub fn IncrementalSection(
    /// The checkpoint as the operator reads it (time, log position or raw).
    #[prop(into)]
    checkpoint_text: Field<String>,
    /// The checkpoint as unix seconds, when it is a time: then it is shown
    /// in the viewer's zone, UTC in its tooltip.
    #[prop(optional, into)]
    checkpoint_secs: Option<Field<Option<i64>>>,
    /// The lag, when the checkpoint is a time.
    #[prop(into)]
    lag: Field<Option<Lag>>,
    /// The reverse incremental sync (after switch-over) instead of the forward one.
    #[prop(optional)]
    reverse: bool,
    /// Where the lag is (OMS 4.x's components), when it is behind and OMS said.
    #[prop(default = None)]
    lag_where: Option<Field<Option<LagWhere>>>,
    /// The zone shown times are in: an IANA name or `UTC` (the browser's
    /// own when `None`).
    #[prop(default = None)]
    time_zone: Option<Arc<str>>,
    /// The language of its labels (English unless told).
    #[prop(optional)]
    lang: Lang,
) -> impl IntoView {
    let (lag_secs, lag_level, lag_source, lag_shown) =
        (lag.clone(), lag.clone(), lag.clone(), lag.clone());
    let lag_text = {
        let lag = lag.clone();
        move || {
            lag.get()
                .map(|lag| {
                    let word = match lag.level {
                        LagLevel::CaughtUp => Msg::CaughtUp,
                        LagLevel::Warn => Msg::Behind,
                        LagLevel::Critical => Msg::FarBehind,
                    };
                    format!("{} ({})", i18n::duration(lang, lag.secs), word.text(lang))
                })
                .unwrap_or_default()
        }
    };
    view! {
        <div
            class="oms-incr"
            part="incremental"
            data-field=if reverse { "reverse-checkpoint" } else { "checkpoint" }
            data-lag-seconds=move || lag_secs.get().map(|lag| lag.secs.to_string())
            data-lag-level=move || attr_opt(lag_level.get().map(|lag| lag.level.as_str()))
            data-lag-source=move || attr_opt(lag_source.get().map(|lag| lag.source.as_str()))
        >
            <div class="oms-incr-title">
                {if reverse { Msg::ReverseIncremental } else { Msg::Incremental }.text(lang)}
            </div>
            <div class="oms-checkpoint">
                <span class="oms-key">{Msg::Checkpoint.text(lang)} ": "</span>
                <span data-field="checkpoint-value">
                    {move || match checkpoint_secs.as_ref().and_then(Field::get) {
                        Some(secs) => Either::Left(view! { <LocalTime secs lang time_zone=time_zone.clone() /> }),
                        None => Either::Right(checkpoint_text.get()),
                    }}
                </span>
            </div>
            {shown(move || lag_shown.get().is_some(), move || view! {
                <div class="oms-lag">
                    <span class="oms-key">{Msg::Lag.text(lang)} ": "</span>
                    <span data-field="lag">{lag_text.clone()}</span>
                    {lag_where.clone().map(|at| {
                        move || {
                            at.get().map(|at| {
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
                        }
                    })}
                    {shown({ let lag = lag.clone(); move || lag.get().is_some_and(|lag| lag.clock_skew) }, move || view! {
                        <span class="oms-note" data-field="clock-skew">
                            " — " {Msg::ClockSkew.text(lang)}
                        </span>
                    })}
                </div>
            })}
        </div>
    }
}
