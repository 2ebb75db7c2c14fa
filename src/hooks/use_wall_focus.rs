//! [`use_wall_focus`]: a notification's click brings its card into view.

use super::{Alerts, WallSource};
use crate::runtime::focus_card;
use leptos::prelude::*;

/// How long the card is looked for: the rows are drawn a task at a time.
const TRIES: u32 = 20;
const TRY_EVERY_MS: u32 = 50;

/// When a notification of a project of `sources` is clicked: `show_all`
/// (every group and source), then the card in `list` focused once drawn.
/// Lives as long as the calling owner.
pub fn use_wall_focus(
    alerts: Alerts,
    sources: StoredValue<Vec<WallSource>>,
    list: NodeRef<leptos::html::Ul>,
    show_all: Callback<()>,
) {
    Effect::new(move |_| {
        let Some(project) = alerts.focus.get() else {
            return;
        };
        if !sources.with_value(|s| s.iter().any(|s| s.name == project.source)) {
            return;
        }
        show_all.run(());
        leptos::task::spawn_local(async move {
            for _ in 0..TRIES {
                gloo_timers::future::TimeoutFuture::new(TRY_EVERY_MS).await;
                if let Some(ul) = list.get_untracked() {
                    if focus_card(&ul, &project) {
                        return;
                    }
                }
            }
        });
    });
}
