use super::OmsSyncProgress;
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::model::{AttentionChange, WallCard};
use oms_progress_core::options::WidgetOptions;
use std::sync::Arc;

/// An open wallboard card's full widget, polling that one project while
/// the card stays open; a new one when another project comes to this
/// place open.
#[component]
pub(crate) fn WallOpened(
    /// The card at this row's place (`None` past the board's end).
    card: RwSignal<Option<Arc<WallCard>>>,
    /// Whether this card is open.
    is_open: Memo<bool>,
    /// The board's options: the widget has its source's.
    options: WidgetOptions,
    /// Told of the widget's events but its status changes (the list tells
    /// those, for every card).
    on_event: Option<Callback<(ProjectRef, PollEvent)>>,
    /// Told of the widget's changes of state (it alone sees stuck).
    on_attention: Option<Callback<AttentionChange>>,
) -> impl IntoView {
    // The project shown open here: a new one (the open cards changed) is a new widget.
    let open_id = Memo::new(move |_| {
        is_open
            .get()
            .then(|| card.with(|c| c.as_ref().map(|c| (c.id.clone(), c.source.clone()))))
            .flatten()
    });
    move || {
        open_id.get().map(|(project_id, source)| {
            let project = ProjectRef {
                id: project_id.clone(),
                source: source.clone(),
            };
            let on_event = Callback::new(move |event: PollEvent| {
                if let Some(wall) =
                    on_event.filter(|_| !matches!(event, PollEvent::StatusChange { .. }))
                {
                    wall.run((project.clone(), event));
                }
            });
            let options = WidgetOptions {
                project_id,
                ..options.for_source_named(&source)
            };
            match on_attention {
                Some(on_attention) => {
                    view! { <OmsSyncProgress options on_event on_attention /> }.into_any()
                }
                None => view! { <OmsSyncProgress options on_event /> }.into_any(),
            }
        })
    }
}
