use super::wall_row::WallRow;
use super::{CardFooter, ErrorPanel};
use crate::hooks::{use_oms_list_with_options, use_refresh_trigger, UseOmsListOptions};
use leptos::prelude::*;
use oms_progress_core::events::PollEvent;
use oms_progress_core::i18n::PageMsg;
use oms_progress_core::model::{
    error_view, wall_title, wall_view, Attention, WallCard, WallFilter,
};
use oms_progress_core::options::WidgetOptions;
use oms_progress_core::wire::ProjectList;

/// Every project of an OMS 4.x, from its list pages alone (one request per
/// page per interval), most urgent first, with a summary strip of counts
/// that doubles as a filter. A card opens into the full widget, which then
/// polls that one project while it stays open.
///
/// ```ignore
/// view! { <OmsWallboard options=WidgetOptions { api: ApiKind::V4, ..WidgetOptions::new("") } /> }
/// ```
#[component]
pub fn OmsWallboard(
    /// Where OMS is and how to ask it (base URL, interval, timeout,
    /// credentials, headers), the lag thresholds and the language; every
    /// card opened is a widget with these options.
    options: WidgetOptions,
    /// Which projects to show. Default: every project.
    #[prop(optional)]
    filter: WallFilter,
    /// The group shown first; the summary strip changes it. Default: `None`, all.
    #[prop(default = None)]
    group: Option<Attention>,
    /// Whether the document's title carries the counts ("2 failed · 3
    /// behind — OMS"), so a background tab still tells. Default: false.
    #[prop(optional)]
    set_title: bool,
    /// Told of each project's status change seen in the list (every
    /// project's, from nothing, on the first list), of the list's failures
    /// (an empty id), and of an opened card's updates, health and
    /// failures, each with its project's id. Default: none.
    #[prop(optional, into)]
    on_event: Option<Callback<(String, PollEvent)>>,
    /// Polls the list at once whenever notified (as its "refresh" button does).
    #[prop(optional)]
    refresh: Option<Trigger>,
) -> impl IntoView {
    let lang = options.lang;
    #[cfg(not(feature = "embed"))]
    super::styles::adopt_in_document();
    let poll = options.poll.normalized();
    let list = use_oms_list_with_options(
        options.base_url.clone(),
        filter.query.clone(),
        UseOmsListOptions {
            poll,
            credentials: options.credentials,
            headers: options.headers.clone(),
            on_event,
        },
    );
    use_refresh_trigger(refresh, list.refresh);
    let (state, now) = (list.state, list.now);
    let group = RwSignal::new(group);
    let opened = RwSignal::new(Vec::<String>::new());
    let lag = options.lag;
    let board = Memo::new(move |_| {
        let chosen = group.get();
        opened.with(|open| {
            state.with(|st| {
                let empty = ProjectList::default();
                let list = st.last_good.as_ref().unwrap_or(&empty);
                wall_view(list, &filter, chosen, open, lag, lang)
            })
        })
    });
    let has_data = move || state.with(|s| s.last_good.is_some());
    if set_title {
        Effect::new(move |_| {
            if has_data() {
                document().set_title(&board.with(|b| wall_title(b, lang)));
            }
        });
    }
    let stale_after = poll.stale_after();
    let updated_ago = move || {
        let at = state.with(|s| s.last_good_at_ms)?;
        Some(((now.get() - at).max(0) / 1000) as u64)
    };
    let stale = move || state.with(|s| s.is_stale(now.get(), stale_after));
    let error = move || state.with(|s| s.error.as_ref().map(|e| error_view(e, lang)));
    let retry_in = move || {
        let at = state.with(|s| s.next_poll_at_ms.filter(|_| s.error.is_some()))?;
        Some(((at - now.get()).max(0) as u64).div_ceil(1000))
    };
    let wall_state = move || {
        state.with(|s| match (s.last_good.is_some(), s.error.is_some()) {
            (false, false) => "loading",
            (false, true) => "error",
            _ if s.is_stale(now.get(), stale_after) => "stale",
            _ => "live",
        })
    };
    // Rows by place, not by project: a poll that reorders the board rewrites
    // the texts that changed instead of moving rows (moving a thousand keyed
    // rows measured seconds of main thread). Open cards sort first, so
    // their place, and the widget inside, stay.
    // One signal per place, set only when that place's card changed: a memo
    // per row put a thousand subscribers on the board, every one woken by
    // every poll. And a new board reaches the rows ROWS_PER_TASK at a time,
    // one task each, so no task is long (all 1,015 rows in one measured
    // 100–190 ms); a newer board restarts from the top.
    let places = StoredValue::new(Vec::<ArcRwSignal<Option<WallCard>>>::new());
    let shown = RwSignal::new(0usize);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        board.track();
        let run = generation.get_value() + 1;
        generation.set_value(run);
        leptos::task::spawn_local(async move {
            let mut from = 0;
            while generation.try_get_value() == Some(run) {
                let Some((to, len)) = board.try_with_untracked(|b| {
                    let to = (from + ROWS_PER_TASK).min(b.cards.len());
                    places.update_value(|places| show_cards(places, from, &b.cards[from..to]));
                    (to, b.cards.len())
                }) else {
                    return;
                };
                let last = to >= len;
                if last {
                    places.update_value(|places| show_cards(places, len, &[]));
                }
                // Rows grow with the pass; the board shrinks only at its end.
                let rows = if last {
                    len
                } else {
                    to.max(shown.get_untracked())
                };
                if shown.get_untracked() != rows {
                    shown.set(rows);
                }
                if last {
                    return;
                }
                from = to;
                gloo_timers::future::TimeoutFuture::new(0).await;
            }
        });
    });
    let rows = move || 0..shown.get();
    let card_at = move |place: usize| places.with_value(|p| p.get(place).cloned());
    let empty = move || !has_data() || board.with(|b| !b.cards.is_empty());
    let heading = PageMsg::WallTitle.text(lang);
    view! {
        <section class="oms-wall" data-oms-wallboard="" data-wall-state=wall_state lang=lang.tag() aria-label=heading>
            <header class="oms-wall-head">
                <h2 class="oms-wall-title">{heading}</h2>
                <CardFooter updated_ago stale stopped=None on_refresh=Some(list.refresh) lang />
            </header>
            <ErrorPanel error retry_in show_retry=false on_retry=None lang />
            <p class="oms-wall-partial" data-field="wall-partial" role="status" hidden=move || board.with(|b| b.partial.is_none())>
                {move || board.with(|b| b.partial.clone()).unwrap_or_default()}
            </p>
            <div class="oms-wall-summary" role="group" aria-label=PageMsg::WallGroups.text(lang)>
                <button
                    type="button"
                    data-group="all"
                    aria-pressed=move || Some(group.with(Option::is_none).to_string())
                    on:click=move |_| group.set(None)
                >
                    {PageMsg::WallAll.text(lang)}
                    " "
                    <span data-field="count">{move || board.with(|b| b.total.to_string())}</span>
                </button>
                {Attention::ALL
                    .map(|a| {
                        let count = move || board.with(|b| b.counts[a as usize].to_string());
                        view! {
                            <button
                                type="button"
                                data-group=a.as_str()
                                data-count=move || Some(count())
                                aria-pressed=move || Some((group.get() == Some(a)).to_string())
                                on:click=move |_| group.update(|g| *g = if *g == Some(a) { None } else { Some(a) })
                            >
                                <span data-field="count">{count}</span>
                                " "
                                {a.label(lang)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <ul class="oms-wall-list" aria-label=heading>
                <For each=rows key=|place| *place let:place>
                    {card_at(place).map(|card| view! { <WallRow card opened options=options.clone() lang on_event /> })}
                </For>
            </ul>
            <p class="oms-wall-empty" data-field="wall-empty" hidden=empty>
                {PageMsg::WallNoProjects.text(lang)}
            </p>
        </section>
    }
}

/// Rows brought up to date in one task: about 10 ms of main thread.
const ROWS_PER_TASK: usize = 200;

/// Shows `cards` from place `from` on (creating places as needed); with no
/// cards, empties every place from `from` on.
fn show_cards(places: &mut Vec<ArcRwSignal<Option<WallCard>>>, from: usize, cards: &[WallCard]) {
    if cards.is_empty() {
        for row in places.iter().skip(from) {
            if row.with_untracked(Option::is_some) {
                row.set(None);
            }
        }
        return;
    }
    for (place, card) in (from..).zip(cards) {
        match places.get(place) {
            Some(row) if row.with_untracked(|c| c.as_ref() == Some(card)) => {}
            Some(row) => row.set(Some(card.clone())),
            None => places.push(ArcRwSignal::new(Some(card.clone()))),
        }
    }
}
