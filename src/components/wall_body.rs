use super::wall_head::WallHead;
use super::wall_list::WallList;
use super::wall_source_line::WallSourceLines;
use super::wall_sources::WallSources;
use super::wall_summary::WallSummary;
use crate::hooks::{
    card_lang, use_wall_alerts, use_wall_focus, use_wall_title, UseWallSourcesReturn,
};
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::i18n::PageMsg;
use oms_progress_core::model::{Attention, AttentionChange, WallView};
use oms_progress_core::options::WidgetOptions;

/// The wallboard drawn in the language of [`card_lang`], which
/// [`OmsWallboard`](super::OmsWallboard) provides, over the lists and the
/// operator's choices it keeps across a change of language.
#[component]
pub(crate) fn WallBody(
    /// Where OMS is and how to ask it; every card opened is a widget with
    /// these options (and its source's base URL).
    options: WidgetOptions,
    /// Each source's list poll, and what they say together.
    lists: UseWallSourcesReturn,
    /// The board: counted, narrowed to the group and source chosen.
    board: Memo<WallView>,
    /// The group shown (the summary strip changes it).
    group: RwSignal<Option<Attention>>,
    /// The source shown, by name (the source strip changes it).
    chosen_source: RwSignal<Option<String>>,
    /// The cards opened into widgets.
    opened: RwSignal<Vec<String>>,
    /// Whether the document's title carries the counts.
    set_title: bool,
    /// Whether the board is the whole page (its title the page's `<h1>`).
    page_heading: bool,
    /// Told of each opened card's updates, health and failures.
    on_event: Option<Callback<(ProjectRef, PollEvent)>>,
    /// Told when a project's state changes, never of the state it had
    /// when first seen.
    on_attention: Option<Callback<AttentionChange>>,
) -> impl IntoView {
    let lang = card_lang();
    #[cfg(not(feature = "embed"))]
    super::styles::adopt_in_document();
    let sources = lists.sources;
    if set_title {
        use_wall_title(board, lists.has_data, lang);
    }
    let alerts = use_wall_alerts(sources, lang, on_attention);
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    let show_all = Callback::new(move |()| {
        group.set(None);
        chosen_source.set(None);
    });
    use_wall_focus(alerts, sources, list_ref, show_all);
    // With several sources, their strip.
    let source_strip = (sources.with_value(Vec::len) > 1).then(|| {
        let names: Vec<String> = sources.with_value(|s| s.iter().map(|s| s.name.clone()).collect());
        let counts =
            Signal::derive(move || board.with(|b| b.sources.iter().map(|s| s.1).collect()));
        view! { <WallSources names counts chosen=chosen_source /> }
    });
    let named = sources.with_value(|s| s.iter().any(|s| !s.name.is_empty()));
    let empty = Signal::derive(move || lists.has_data.get() && board.with(|b| b.cards.is_empty()));
    let heading = PageMsg::WallTitle.text(lang);
    view! {
        <section
            class="oms-wall"
            data-oms-wallboard=""
            data-wall-state=move || lists.state()
            data-sources-failing=move || lists.failing()
            lang=lang.tag()
            aria-label=heading
        >
            <WallHead page_heading alerts updated_ago=lists.updated_ago stale=lists.stale on_refresh=lists.refresh />
            // Each source's own line (hidden while it is live).
            <WallSourceLines sources now=lists.now />
            <p class="oms-wall-partial" data-field="wall-partial" role="status" hidden=move || board.with(|b| b.partial.is_none())>
                {move || board.with(|b| b.partial.clone()).unwrap_or_default()}
            </p>
            {source_strip}
            <WallSummary board group shown=lists.has_data />
            <WallList board opened options named list_ref empty on_event on_attention />
        </section>
    }
}
