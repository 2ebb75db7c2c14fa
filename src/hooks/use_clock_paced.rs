//! [`use_clock_paced`]: changes let through at the page clock's tick.

use super::use_now::use_now;
use crate::runtime::page_hidden;
use leptos::prelude::*;

/// A trigger for whatever draws `sources`, notified at the page clock's
/// next tick (within a second) after any of them changed: the changes of
/// several sources in one second are drawn in one frame, the one the
/// ticking ages draw anyway, not a frame each (a frame of a large board
/// lays out and paints all of it). At once for a source whose values were
/// empty when last let through (its first values are what the operator
/// waits for), and in a hidden tab (which draws no frames, and whose title
/// must still tell). Whatever it triggers reads `sources` untracked.
///
/// As the wallboard uses it: `let paced = use_clock_paced(vec![cards],
/// |c| c.cards.is_empty());` then a memo that tracks `paced` and reads
/// `cards` untracked.
pub fn use_clock_paced<T>(sources: Vec<Memo<T>>, is_empty: fn(&T) -> bool) -> Trigger
where
    T: Send + Sync + 'static,
{
    let now = use_now();
    let trigger = Trigger::new();
    let waiting = StoredValue::new(false);
    // Whether each source had values when last let through.
    let drawn = StoredValue::new(vec![false; sources.len()]);
    let all = StoredValue::new(sources.clone());
    let let_through = move || {
        waiting.set_value(false);
        let now_drawn = all.with_value(|all| {
            all.iter()
                .map(|s| s.with_untracked(|v| !is_empty(v)))
                .collect()
        });
        drawn.set_value(now_drawn);
        trigger.notify();
    };
    for (at, source) in sources.into_iter().enumerate() {
        Effect::new(move |first: Option<()>| {
            source.track();
            if first.is_none() {
                return;
            }
            if page_hidden() || !drawn.with_value(|d| d.get(at).copied().unwrap_or(false)) {
                let_through();
            } else {
                waiting.set_value(true);
            }
        });
    }
    Effect::new(move |_| {
        now.track();
        if waiting.get_value() {
            let_through();
        }
    });
    trigger
}
