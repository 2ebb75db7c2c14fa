//! [`use_wall_board`]: the whole board from its sources' cards.

use super::{use_clock_paced, WallSource};
use leptos::prelude::*;
use oms_progress_core::model::{board_view, Attention, SourceCards, WallView};

/// The board of `sources`' cards: counted, narrowed to the `group` and the
/// `source` chosen, the `opened` cards first. Redrawn at once when the
/// operator chooses, and at the clock's tick when a source's cards
/// changed: two sources' answers in one frame, not a frame each.
pub fn use_wall_board(
    sources: StoredValue<Vec<WallSource>>,
    group: RwSignal<Option<Attention>>,
    source: RwSignal<Option<String>>,
    opened: RwSignal<Vec<String>>,
) -> Memo<WallView> {
    let cards = sources.with_value(|s| s.iter().map(|s| s.cards).collect());
    let publish = use_clock_paced(cards, |c: &SourceCards| c.cards.is_empty());
    Memo::new(move |_| {
        let chosen = (group.get(), source.get());
        publish.track();
        opened.with(|open| {
            sources.with_value(|sources| {
                let cards: Vec<_> = sources.iter().map(|s| s.cards.read_untracked()).collect();
                let cards: Vec<&SourceCards> = cards.iter().map(|c| &**c).collect();
                board_view(&cards, (chosen.0, chosen.1.as_deref()), open)
            })
        })
    })
}
