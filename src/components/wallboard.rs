use super::redrawn::Redrawn;
use super::wall_body::WallBody;
use crate::hooks::{drawn_with, use_card_config, use_wall_board, use_wall_sources};
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::model::{Attention, AttentionChange, WallFilter};
use oms_progress_core::options::WidgetOptions;

/// Every project of one or more OMS 4.x deployments, from their list pages
/// alone (one request per page per interval), most urgent first wherever
/// it runs, with a summary strip of counts that doubles as a filter (and a
/// strip of the sources, when there are several). A card opens into the
/// full widget, which then polls that one project while it stays open.
///
/// It draws in its own `lang` option, else that of an enclosing
/// [`OmsConfigProvider`](super::OmsConfigProvider) (its opened cards in
/// their zone too), and is redrawn when the provider's change.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Board() -> impl IntoView {
///     let options = WidgetOptions { api: ApiKind::V4, ..WidgetOptions::new("") };
///     let filter = WallFilter::default();
///     view! { <OmsWallboard options filter set_title=true /> }
/// }
/// ```
#[component]
pub fn OmsWallboard(
    /// Where OMS is and how to ask it (base URL, or several named sources;
    /// interval, timeout, credentials, headers), the lag thresholds and the
    /// language; every card opened is a widget with these options (and
    /// its source's base URL).
    options: WidgetOptions,
    /// Which projects to show. Default: every project.
    #[prop(optional)]
    filter: WallFilter,
    /// The group shown first; the summary strip changes it. Default: `None`, all.
    #[prop(default = None)]
    group: Option<Attention>,
    /// The source shown first, by name; the source strip changes it.
    /// Default: `None`, all.
    #[prop(default = None)]
    source: Option<String>,
    /// Whether the document's title carries the counts ("2 failed · 3
    /// behind — OMS"), so a background tab still tells. Default: false.
    #[prop(optional)]
    set_title: bool,
    /// Whether the board is the whole page: its title is then the page's
    /// `<h1>` (else an `<h2>`, under the host page's own heading). Default: false.
    #[prop(optional)]
    page_heading: bool,
    /// Told of each project's status change seen in the list (every
    /// project's, from nothing, on the first list), of a list's failures
    /// (an empty id, the source's name), and of an opened card's updates,
    /// health and failures, each with its project and source. Default: none.
    #[prop(optional, into)]
    on_event: Option<Callback<(ProjectRef, PollEvent)>>,
    /// Told when a project's state changes (failed, far behind, stuck,
    /// running…), never of the state it had when first seen. Default: none.
    #[prop(optional, into)]
    on_attention: Option<Callback<AttentionChange>>,
    /// Polls the lists at once whenever notified (as its "refresh" button does).
    #[prop(optional)]
    refresh: Option<Trigger>,
) -> impl IntoView {
    let config = use_card_config(options.lang, options.time_zone.clone());
    // The lists and the operator's choices live here, outside the drawing
    // a change of language replaces: the polls go on, the cards are
    // reworded, and the group, source and opened cards stay as chosen.
    let lang = Memo::new(move |_| config.with(|c| c.lang));
    let lists = use_wall_sources(&options, &filter, (refresh, on_event), lang.into());
    let (group, chosen_source) = (RwSignal::new(group), RwSignal::new(source));
    let opened = RwSignal::new(Vec::<String>::new());
    let board = use_wall_board(lists.sources, group, chosen_source, opened);
    let parent = Owner::current();
    // One reactive block, as the widget's: only a change of language or
    // zone redraws the board.
    move || {
        let options = options.clone();
        Redrawn(drawn_with(&parent, config.get(), move || {
            view! {
                <WallBody options lists board group chosen_source opened set_title page_heading on_event on_attention />
            }
        }))
    }
}
