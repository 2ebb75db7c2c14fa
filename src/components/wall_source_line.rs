use super::ErrorPanel;
use crate::hooks::{card_lang, WallSource};
use leptos::prelude::*;
use oms_progress_core::model::{error_view, PollState};
use oms_progress_core::wire::ProjectList;

/// One source's line on the wallboard: its name and its error (with the
/// diagnosis and the retry), or that its list is stale; hidden while its
/// list is live (or still loading), so the others' stay out of the way.
#[component]
pub(crate) fn WallSourceLine(
    /// The source's name (`""` for a board of one unnamed OMS).
    name: String,
    /// What its list's poll knows.
    state: Signal<PollState<ProjectList>>,
    /// Whether its list is stale.
    stale: Memo<bool>,
    /// The page's clock.
    now: Signal<i64>,
) -> impl IntoView {
    let lang = card_lang();
    let error = Memo::new(move |_| state.with(|s| s.error.as_ref().map(|e| error_view(e, lang))));
    let retry_in = Memo::new(move |_| {
        let at = state.with(|s| s.next_poll_at_ms.filter(|_| s.error.is_some()))?;
        Some(((at - now.get()).max(0) as u64).div_ceil(1000))
    });
    let source_state = move || {
        state.with(|s| match (s.last_good.is_some(), s.error.is_some()) {
            (false, false) => "loading",
            (false, true) => "error",
            _ if stale.get() => "stale",
            (true, true) => "failing",
            (true, false) => "live",
        })
    };
    let quiet = move || matches!(source_state(), "live" | "loading");
    let label = (!name.is_empty())
        .then(|| view! { <strong class="oms-wall-source-name">{name.clone()}</strong> });
    view! {
        <div class="oms-wall-source-line" data-source=name data-source-state=source_state hidden=quiet>
            {label}
            <ErrorPanel error retry_in show_retry=false on_retry=None />
        </div>
    }
}

/// Every source's line, in the board's order.
#[component]
pub(crate) fn WallSourceLines(
    /// The board's sources.
    sources: StoredValue<Vec<WallSource>>,
    /// The page's clock.
    now: Signal<i64>,
) -> impl IntoView {
    sources.with_value(|sources| {
        sources
            .iter()
            .map(|s| {
                let (name, state, stale) = (s.name.clone(), s.list.state, s.stale);
                view! { <WallSourceLine name state stale now /> }
            })
            .collect_view()
    })
}
