//! [`use_wall_title`]: the document's title tells what the board does.

use leptos::prelude::*;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{wall_title, WallView};

/// Writes `board`'s counts into the document's title ("2 failed · 3
/// behind — OMS") once `has_data`, so a background tab still tells, for
/// as long as the calling owner lives.
pub fn use_wall_title(board: Memo<WallView>, has_data: Signal<bool>, lang: Lang) {
    Effect::new(move |_| {
        if has_data.get() {
            document().set_title(&board.with(|b| wall_title(b, lang)));
        }
    });
}
