//! [`use_wall_rows`]: a board's cards as rows by place, written a few
//! hundred a task.
//!
//! Rows by place, not by project: a poll that reorders the board rewrites
//! the texts that changed instead of moving rows (moving keyed rows cost
//! far more main thread). Open cards sort first, so their place, and the
//! widget inside, stay. One signal per place, set only when that place's
//! card changed: a memo per row put a subscriber per row on the board,
//! every one woken by every poll. And a new board's changed rows are
//! written [`ROWS_PER_TASK`] at a time, one task each, so no task is long
//! (a whole board in one was); a newer board restarts from the top.

use leptos::prelude::*;
use oms_progress_core::model::{WallCard, WallView};
use std::sync::Arc;

/// A card as the board holds it: shared with its source's cards, so an
/// unchanged card is equal to the row's by pointer.
pub type SharedCard = Arc<WallCard>;

/// One place on the board: the card drawn there (`None` past the end).
pub type Place = ArcRwSignal<Option<SharedCard>>;

/// Rows rewritten in one task: about 10 ms of main thread. Rows whose
/// card is the same cost a comparison only, so a board after one source's
/// poll, or one where little changed, is brought up to date in one task
/// (and one frame).
pub const ROWS_PER_TASK: usize = 200;

/// What [`use_wall_rows`] hands back.
#[derive(Clone, Copy)]
pub struct UseWallRowsReturn {
    /// How many rows to draw: it grows with a pass, and shrinks only at
    /// the pass's end.
    pub shown: ReadSignal<usize>,
    places: StoredValue<Vec<Place>>,
}

impl UseWallRowsReturn {
    /// The signal of the row at `place`, once the pass reached it.
    pub fn place(&self, place: usize) -> Option<Place> {
        self.places.with_value(|p| p.get(place).cloned())
    }
}

/// Follows `board`: at each new board a pass, a task at a time, writes the
/// places whose card changed. The pass under way stops when the calling
/// owner is cleaned up.
pub fn use_wall_rows(board: Memo<WallView>) -> UseWallRowsReturn {
    let places = StoredValue::new(Vec::<Place>::new());
    let (shown, set_shown) = signal(0usize);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        board.track();
        let run = generation.get_value() + 1;
        generation.set_value(run);
        leptos::task::spawn_local(async move {
            let mut from = 0;
            while generation.try_get_value() == Some(run) {
                let Some((to, len)) = board.try_with_untracked(|b| {
                    let cards = &b.cards[from.min(b.cards.len())..];
                    let to = places
                        .try_update_value(|places| show_cards(places, from, cards, ROWS_PER_TASK))
                        .unwrap_or(b.cards.len());
                    (to, b.cards.len())
                }) else {
                    return;
                };
                let last = to >= len;
                if last {
                    places.update_value(|places| clear_from(places, len));
                }
                // Rows grow with the pass; the board shrinks only at its end.
                let rows = if last {
                    len
                } else {
                    to.max(shown.get_untracked())
                };
                if shown.get_untracked() != rows {
                    set_shown.set(rows);
                }
                if last {
                    return;
                }
                from = to;
                gloo_timers::future::TimeoutFuture::new(0).await;
            }
        });
    });
    // A pass waiting for its next task ends there.
    on_cleanup(move || {
        generation.try_update_value(|g| *g += 1);
    });
    UseWallRowsReturn { shown, places }
}

/// Shows `cards` from place `from` on (creating places as needed) until
/// `budget` rows were written; the place it stopped at.
fn show_cards(places: &mut Vec<Place>, from: usize, cards: &[SharedCard], budget: usize) -> usize {
    let mut written = 0;
    for (place, card) in (from..).zip(cards) {
        if written == budget {
            return place;
        }
        match places.get(place) {
            Some(row) if row.with_untracked(|c| c.as_ref() == Some(card)) => continue,
            Some(row) => row.set(Some(card.clone())),
            None => places.push(ArcRwSignal::new(Some(card.clone()))),
        }
        written += 1;
    }
    from + cards.len()
}

/// Empties every place from `from` on.
fn clear_from(places: &[Place], from: usize) {
    for row in places.iter().skip(from) {
        if row.with_untracked(Option::is_some) {
            row.set(None);
        }
    }
}
