//! [`use_wall_alerts`]: a wallboard's cards told to the page's alerts.

use super::{use_alerts, AlertReport, Alerts, WallSource};
use leptos::prelude::*;
use oms_progress_core::events::ProjectRef;
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{
    card_concerns, AttentionChange, Concern, ConcernTracker, Seen, SourceCards,
};

/// One card whose state is news: its project, its name, its state and the
/// change seen (none on its first sight).
type News = (ProjectRef, String, Concern, Option<AttentionChange>);

/// Reports each source's cards, whenever they change, to the page's alerts
/// (those provided above, else new ones): each card's state against the
/// one last seen, so `on_attention` hears of a change and never of the
/// state a project had when first seen. A stale list is not judged afresh
/// (its cards carry no concern); only the tab that fetched a list notifies.
/// Lives as long as the calling owner.
pub fn use_wall_alerts(
    sources: StoredValue<Vec<WallSource>>,
    lang: Lang,
    on_attention: Option<Callback<AttentionChange>>,
) -> Alerts {
    let alerts = use_alerts(lang);
    let tracker = StoredValue::new(ConcernTracker::default());
    sources.with_value(|sources| {
        for source in sources.iter().cloned() {
            Effect::new(move |_| {
                // One pass over the tracker; the callbacks after it.
                let news = source
                    .cards
                    .with(|cards| tracker.try_update_value(|t| news(t, cards)));
                let here = source.list.state.with_untracked(|s| s.here);
                for (project, title, concern, change) in news.unwrap_or_default() {
                    if let (Some(change), Some(cb)) = (&change, on_attention) {
                        cb.run(change.clone());
                    }
                    alerts.report.run(AlertReport {
                        project,
                        title,
                        concern,
                        change,
                        here,
                    });
                }
            });
        }
    });
    alerts
}

/// The cards whose state is new or changed since `tracker` last saw them.
fn news(tracker: &mut ConcernTracker, cards: &SourceCards) -> Vec<News> {
    card_concerns(cards)
        .filter_map(|(card, concern)| {
            let project = (card.id.as_str(), card.source.as_str());
            let change = match tracker.observe(project, &card.title, concern) {
                Seen::First => None,
                Seen::Changed(c) => Some(c),
                // Known and the same: nothing to tell anyone.
                Seen::Same => return None,
            };
            let project = ProjectRef {
                id: card.id.clone(),
                source: card.source.clone(),
            };
            Some((project, card.title.clone(), concern, change))
        })
        .collect()
}
