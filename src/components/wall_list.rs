use super::wall_row::WallRow;
use crate::hooks::{card_lang, use_wall_rows};
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::i18n::PageMsg;
use oms_progress_core::model::{AttentionChange, WallView};
use oms_progress_core::options::WidgetOptions;

/// The board's cards, a row per place (see [`use_wall_rows`]), and the
/// line that says when no project matches.
#[component]
pub(crate) fn WallList(
    /// The board.
    board: Memo<WallView>,
    /// The keys of the cards now open.
    opened: RwSignal<Vec<String>>,
    /// The board's options: an opened card's widget has its source's.
    options: WidgetOptions,
    /// Whether the board's sources have names (then each card shows its own).
    named: bool,
    /// The list, for bringing a card into view.
    list_ref: NodeRef<leptos::html::Ul>,
    /// Whether the lists were read and no project matches.
    #[prop(into)]
    empty: Signal<bool>,
    /// Told of an opened widget's events (see [`WallRow`]).
    on_event: Option<Callback<(ProjectRef, PollEvent)>>,
    /// Told of an opened widget's changes of state.
    on_attention: Option<Callback<AttentionChange>>,
) -> impl IntoView {
    let lang = card_lang();
    let rows = use_wall_rows(board);
    let heading = PageMsg::WallTitle.text(lang);
    view! {
        <ul class="oms-wall-list" aria-label=heading node_ref=list_ref>
            <For each=move || 0..rows.shown.get() key=|place| *place let:place>
                {rows.place(place).map(|card| view! { <WallRow card opened options=options.clone() named on_event on_attention /> })}
            </For>
        </ul>
        <p class="oms-wall-empty" data-field="wall-empty" hidden=move || !empty.get()>
            {PageMsg::WallNoProjects.text(lang)}
        </p>
    }
}
