use super::wall_opened::WallOpened;
use super::wall_row_top::WallRowTop;
use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::i18n::{CutoverMsg, PageMsg};
use oms_progress_core::model::{AttentionChange, WallCard};
use oms_progress_core::options::WidgetOptions;
use std::sync::Arc;

/// One compact card: name, status, running step and progress, delay, alarm,
/// type and labels; its name opens (and closes) the full widget below it.
#[component]
pub(crate) fn WallRow(
    /// The card at this row's place on the board (`None` past its end).
    card: ArcRwSignal<Option<Arc<WallCard>>>,
    /// The keys of the cards now open.
    opened: RwSignal<Vec<String>>,
    /// The board's options: an opened card's widget has its source's.
    options: WidgetOptions,
    /// Whether the board's sources have names (then each card shows its own).
    named: bool,
    /// Told of the opened widget's events but its status changes (the
    /// list tells those, for every card).
    on_event: Option<Callback<(ProjectRef, PollEvent)>>,
    /// Told of the opened widget's changes of state (it alone sees stuck).
    on_attention: Option<Callback<AttentionChange>>,
) -> impl IntoView {
    let lang = card_lang();
    let card = RwSignal::from(card);
    let field =
        move |f: fn(&WallCard) -> Option<String>| move || card.with(|c| c.as_deref().and_then(f));
    let text = move |f: fn(&WallCard) -> String| {
        move || card.with(|c| c.as_deref().map(f).unwrap_or_default())
    };
    let step = field(|c| {
        let step = c.step_text.clone()?;
        Some(match c.progress {
            Some(p) => format!("{step} {p}%"),
            None => step,
        })
    });
    let awaiting = move || card.with(|c| c.as_ref().is_some_and(|c| c.awaiting_switch_over));
    let delay = field(|c| c.delay_text.clone());
    let alarm = field(|c| c.alarm.clone());
    let failure = field(|c| c.failure.clone());
    let key = move || card.with(|c| c.as_ref().map(|c| c.key.clone()));
    let is_open = Memo::new(move |_| {
        let key = key();
        opened.with(|o| key.is_some_and(|k| o.contains(&k)))
    });
    view! {
        <li
            class="oms-wall-card"
            data-project-id=move || Some(text(|c| c.id.clone())())
            data-attention=move || card.with(|c| c.as_ref().map(|c| c.attention.as_str()))
            data-status=move || Some(text(|c| c.status_code.clone())())
            data-tone=move || card.with(|c| c.as_ref().map(|c| c.tone.as_str()))
            // Open, the widget below states the lag: one figure a card.
            data-delay-seconds=move || (!is_open.get()).then(field(|c| c.delay_secs.map(|d| d.to_string()))).flatten()
            data-source=field(|c| Some(c.source.clone()).filter(|s| !s.is_empty()))
            data-stale=move || card.with(|c| c.as_ref().is_some_and(|c| c.stale).then_some(""))
            aria-label=field(|c| Some(format!("{}: {}", c.title, c.status_text)))
        >
            <WallRowTop card is_open opened options=options.clone() named />
            <div class="oms-wall-line">
                <span data-field="step" hidden=move || step().is_none()>{move || step().unwrap_or_default()}</span>
                <span class="oms-wall-awaiting" data-field="awaiting-switch-over" hidden=move || !awaiting()>
                    {CutoverMsg::AwaitingSwitchOver.text(lang)}
                </span>
                <span data-field="delay" hidden=move || delay().is_none() || is_open.get()>
                    {PageMsg::WallDelay.text(lang)}
                    " "
                    {move || delay().unwrap_or_default()}
                </span>
            </div>
            // OMS's own words (`alarmContent`), said to be an alarm of OMS's.
            <div class="oms-wall-alarm" data-field="alarm" hidden=move || alarm().is_none()>
                {PageMsg::WallAlarm.text(lang)}
                " "
                {move || alarm().unwrap_or_default()}
            </div>
            <div class="oms-wall-failure" data-field="failure" hidden=move || failure().is_none()>{move || failure().unwrap_or_default()}</div>
            <div class="oms-wall-details" data-field="details">{text(|c| c.details.clone())}</div>
            <WallOpened card is_open options on_event on_attention />
        </li>
    }
}
