use super::wall_console::WallConsole;
use super::{breakable, StatusBadge};
use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::{Msg, PageMsg};
use oms_progress_core::model::{Tone, WallCard};
use oms_progress_core::options::WidgetOptions;
use std::sync::Arc;

/// A wallboard card's first line: its name, which opens and closes the
/// card, OMS's console link, its source, the stale mark, and the status
/// badge at the far end.
#[component]
pub(crate) fn WallRowTop(
    /// The card at this row's place (`None` past the board's end).
    card: RwSignal<Option<Arc<WallCard>>>,
    /// Whether this card is open.
    is_open: Memo<bool>,
    /// The keys of the cards now open.
    opened: RwSignal<Vec<String>>,
    /// The board's options (for the console link).
    options: WidgetOptions,
    /// Whether the board's sources have names (then the card shows its own).
    named: bool,
) -> impl IntoView {
    let lang = card_lang();
    let can_open = move || card.with(|c| c.as_ref().is_some_and(|c| !c.id.is_empty()));
    let toggle = move |_| {
        let Some(key) = card.with(|c| c.as_ref().map(|c| c.key.clone())) else {
            return;
        };
        opened.update(|o| match o.iter().position(|k| *k == key) {
            Some(at) => {
                o.remove(at);
            }
            None => o.push(key),
        })
    };
    let source = move || card.with(|c| c.as_ref().map(|c| c.source.clone()).unwrap_or_default());
    let stale = move || card.with(|c| c.as_ref().is_some_and(|c| c.stale));
    let tone =
        Memo::new(move |_| card.with(|c| c.as_ref().map_or(Tone::Neutral, |c| c.status_tone)));
    let label = Signal::derive(move || {
        card.with(|c| {
            c.as_ref()
                .map(|c| c.status_text.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="oms-wall-top">
            <button
                type="button"
                class="oms-wall-open"
                data-action="open"
                aria-expanded=move || Some(is_open.get().to_string())
                disabled=move || !can_open()
                title=move || if is_open.get() { PageMsg::WallClose.text(lang) } else { PageMsg::WallOpen.text(lang) }
                on:click=toggle
            >
                {move || card.with(|c| c.as_ref().map(|c| breakable(&c.title)))}
            </button>
            <WallConsole card options />
            {named.then(|| view! { <span class="oms-wall-source" data-field="source">{source}</span> })}
            <span class="oms-wall-stale" data-field="stale" hidden=move || !stale()>
                {Msg::Stale.text(lang)}
            </span>
            <StatusBadge tone label />
        </div>
    }
}
