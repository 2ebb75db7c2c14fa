use super::redrawn::Redrawn;
use super::widget_body::WidgetBody;
use crate::hooks::{drawn_with, use_card_config};
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use oms_progress_core::events::PollEvent;
use oms_progress_core::model::AttentionChange;
use oms_progress_core::options::WidgetOptions;

/// A live progress widget for one OMS project.
///
/// It draws in its own `lang` and `time_zone` options, else those of an
/// enclosing [`OmsConfigProvider`](super::OmsConfigProvider), and is
/// redrawn when the provider's change.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Panel() -> impl IntoView {
///     let options = WidgetOptions { api: ApiKind::V4, ..WidgetOptions::new("np_4ur1zdx1v8cg") };
///     let on_attention = move |change: AttentionChange| leptos::logging::log!("{change:?}");
///     view! { <OmsSyncProgress options on_attention /> }
/// }
/// ```
#[component]
pub fn OmsSyncProgress(
    /// Which project, which endpoint, how often, which language.
    options: WidgetOptions,
    /// Told of every poll: new data, a status change, a failure.
    #[prop(optional, into)]
    on_event: Option<Callback<PollEvent>>,
    /// Told when the project's state changes (failed, far behind, stuck,
    /// running…), never of the state it had when first seen, nor from
    /// stale data.
    #[prop(optional, into)]
    on_attention: Option<Callback<AttentionChange>>,
    /// Polls at once whenever notified (as the "refresh" button does).
    #[prop(optional)]
    refresh: Option<Trigger>,
    /// Shows which API the widget reads (`OMS 3.x` or `OMS 4.x`) beside the
    /// project: for a page that shows one project through both.
    #[prop(optional)]
    show_api: bool,
) -> impl IntoView {
    let config = use_card_config(options.lang, options.time_zone.clone());
    let parent = Owner::current();
    // One reactive block: the parts read the config once, as plain
    // values, so only a change of language or zone redraws them.
    move || {
        let options = options.clone();
        Redrawn(drawn_with(&parent, config.get(), move || {
            view! { <WidgetBody options on_event on_attention refresh show_api /> }
        }))
    }
}
