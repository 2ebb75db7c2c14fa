use super::IncrementalSection;
use leptos::prelude::*;
use oms_progress_core::model::{Checkpoint, IncrView, LagWhere, LiveView, View};

/// The forward or the reverse incremental part of a view.
type IncrPart = fn(&View) -> Option<&IncrView>;

/// The incremental sync, forward or (after switch-over) reverse, while the
/// project has it. Created once: the checkpoint and the lag flow in through
/// signals, so a new checkpoint updates two text nodes.
#[component]
pub fn IncrementalPart(
    /// What the polls brought.
    view: Memo<View>,
    /// What moves with the clock: the lags.
    live: Memo<LiveView>,
    /// The reverse incremental sync instead of the forward one.
    #[prop(optional)]
    reverse: bool,
    /// Where the lag is (OMS 4.x's components), when it is behind.
    #[prop(default = None)]
    lag_where: Option<Memo<Option<LagWhere>>>,
) -> impl IntoView {
    let part: IncrPart = if reverse {
        |v| v.reverse.as_ref()
    } else {
        |v| v.incr.as_ref()
    };
    // Its checkpoint: as unix seconds when it is a time, and as text.
    let checkpoint_secs = move || {
        view.with(|v| match part(v).and_then(|i| i.checkpoint.as_ref()) {
            Some(Checkpoint::Unix(secs)) => Some(*secs),
            _ => None,
        })
    };
    let checkpoint_text = move || {
        view.with(|v| part(v).map(|i| i.checkpoint_text.clone()))
            .unwrap_or_default()
    };
    let lag = Memo::new(move |_| live.with(|l| if reverse { l.reverse_lag } else { l.lag }));
    view! {
        <Show when=move || view.with(|v| part(v).is_some())>
            <IncrementalSection
                checkpoint_text
                checkpoint_secs
                lag
                reverse
                lag_where
            />
        </Show>
    }
}
