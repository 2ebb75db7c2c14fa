use super::wall_row::WallRow;
use super::wall_source_line::WallSourceLine;
use super::wall_sources::WallSources;
use super::{CardFooter, NotifyToggle};
use crate::hooks::{
    use_alerts, use_clock_paced, use_oms_list_with_options, use_refresh_trigger, AlertReport,
    UseOmsListOptions, UseOmsListReturn,
};
use crate::runtime::focus_card;
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::i18n::PageMsg;
use oms_progress_core::model::{
    board_view, card_concerns, source_cards, wall_title, Attention, AttentionChange,
    ConcernTracker, Seen, SourceCards, SourceList, WallCard, WallFilter,
};
use oms_progress_core::options::WidgetOptions;
use oms_progress_core::wire::ProjectList;

/// One OMS the board reads: its name, its list's poll, whether that is
/// stale, and its cards (rebuilt only when its own list changed).
#[derive(Clone)]
struct Part {
    name: String,
    list: UseOmsListReturn,
    stale: Memo<bool>,
    cards: Memo<SourceCards>,
}

/// Every project of one or more OMS 4.x deployments, from their list pages
/// alone (one request per page per interval), most urgent first wherever
/// it runs, with a summary strip of counts that doubles as a filter (and a
/// strip of the sources, when there are several). A card opens into the
/// full widget, which then polls that one project while it stays open.
///
/// ```ignore
/// view! { <OmsWallboard options=WidgetOptions { api: ApiKind::V4, ..WidgetOptions::new("") } /> }
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
    let lang = options.lang;
    #[cfg(not(feature = "embed"))]
    super::styles::adopt_in_document();
    let poll = options.poll.normalized();
    let stale_after = poll.stale_after();
    let sources = options.wall_sources();
    let named = sources.iter().any(|s| !s.name.is_empty());
    let parts: Vec<Part> = sources
        .iter()
        .map(|source| {
            let name = source.name.clone();
            let on_event = on_event.map(|wall| {
                let source = name.clone();
                Callback::new(move |(id, event): (String, PollEvent)| {
                    let source = source.clone();
                    wall.run((ProjectRef { id, source }, event))
                })
            });
            let list = use_oms_list_with_options(
                source.base_url.clone(),
                filter.query.clone(),
                UseOmsListOptions {
                    poll,
                    credentials: options.credentials,
                    headers: options.headers.clone(),
                    on_event,
                },
            );
            use_refresh_trigger(refresh, list.refresh);
            let stale =
                Memo::new(move |_| list.state.with(|s| s.is_stale(list.now.get(), stale_after)));
            let (filter, source) = (filter.clone(), name.clone());
            let cards = Memo::new(move |_| {
                let stale = stale.get();
                list.state.with(|state| {
                    let empty = ProjectList::default();
                    let part = SourceList {
                        name: &source,
                        list: state.last_good.as_ref().unwrap_or(&empty),
                        stale,
                        failing: state.error.is_some(),
                    };
                    source_cards(&part, &filter, options.lag, lang)
                })
            });
            Part {
                name,
                list,
                stale,
                cards,
            }
        })
        .collect();
    let parts = StoredValue::new(parts);
    let now = parts.with_value(|p| p[0].list.now);
    let refresh_all = Callback::new(move |()| {
        parts.with_value(|p| p.iter().for_each(|p| p.list.refresh.run(())))
    });
    let group = RwSignal::new(group);
    let chosen_source = RwSignal::new(source);
    let opened = RwSignal::new(Vec::<String>::new());
    // New cards are drawn at the clock's tick: two sources' answers in one
    // frame, not a frame each.
    let cards = parts.with_value(|p| p.iter().map(|p| p.cards).collect());
    let publish = use_clock_paced(cards, |c: &SourceCards| c.cards.is_empty());
    let board = Memo::new(move |_| {
        let chosen = (group.get(), chosen_source.get());
        publish.track();
        opened.with(|open| {
            parts.with_value(|parts| {
                let cards: Vec<_> = parts.iter().map(|p| p.cards.read_untracked()).collect();
                let cards: Vec<&SourceCards> = cards.iter().map(|c| &**c).collect();
                board_view(&cards, (chosen.0, chosen.1.as_deref()), open)
            })
        })
    });
    let each = move |f: &dyn Fn(&Part) -> bool| parts.with_value(|p| p.iter().any(f));
    let has_data = move || each(&|p| p.list.state.with(|s| s.last_good.is_some()));
    if set_title {
        Effect::new(move |_| {
            if has_data() {
                document().set_title(&board.with(|b| wall_title(b, lang)));
            }
        });
    }
    // Alerts: each source's cards, when its list is current (a stale list
    // is not judged afresh), against the state last seen; only the tab
    // that fetched the list notifies.
    let alerts = use_alerts(lang);
    let tracker = StoredValue::new(ConcernTracker::default());
    parts.with_value(|p| {
        for part in p.iter().cloned() {
            Effect::new(move |_| {
                // One pass over the tracker; the callbacks after it.
                let news = part.cards.with(|cards| {
                    tracker.try_update_value(|t| {
                        card_concerns(cards)
                            .filter_map(|(card, concern)| {
                                let project = (card.id.as_str(), card.source.as_str());
                                let change = match t.observe(project, &card.title, concern) {
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
                            .collect::<Vec<_>>()
                    })
                });
                let here = part.list.state.with_untracked(|s| s.here);
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
    // A notification's click: show every group and source, then the card.
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        let Some(project) = alerts.focus.get() else {
            return;
        };
        let here = parts.with_value(|p| p.iter().any(|p| p.name == project.source));
        if !here {
            return;
        }
        group.set(None);
        chosen_source.set(None);
        leptos::task::spawn_local(async move {
            // The rows are drawn a task at a time.
            for _ in 0..20 {
                gloo_timers::future::TimeoutFuture::new(50).await;
                if let Some(ul) = list_ref.get_untracked() {
                    if focus_card(&ul, &project) {
                        return;
                    }
                }
            }
        });
    });
    // With the clock too: an answer alone does not redraw the footer.
    let updated_ago = move || {
        let now = now.get();
        let oldest = parts.with_value(|p| {
            p.iter()
                .filter_map(|p| p.list.state.with_untracked(|s| s.last_good_at_ms))
                .min()
        })?;
        Some(((now - oldest).max(0) / 1000) as u64)
    };
    let stale = move || each(&|p| p.stale.get());
    let wall_state = move || {
        let errors = each(&|p| p.list.state.with(|s| s.error.is_some()));
        match (has_data(), errors) {
            (false, false) => "loading",
            (false, true) => "error",
            _ if stale() => "stale",
            _ => "live",
        }
    };
    // From the lists themselves, at once, as each source's own line.
    let failing = move || {
        let names: Vec<String> = parts.with_value(|p| {
            p.iter()
                .filter(|p| !p.name.is_empty() && p.list.state.with(|s| s.error.is_some()))
                .map(|p| p.name.clone())
                .collect()
        });
        (!names.is_empty()).then(|| names.join(","))
    };
    // Rows by place, not by project: a poll that reorders the board rewrites
    // the texts that changed instead of moving rows (moving keyed rows cost
    // far more main thread). Open cards sort first, so their place, and the
    // widget inside, stay.
    // One signal per place, set only when that place's card changed: a memo
    // per row put a subscriber per row on the board, every one woken by
    // every poll. And a new board's changed rows are written ROWS_PER_TASK
    // at a time, one task each, so no task is long (a whole board in one
    // was); a newer board restarts from the top.
    let places = StoredValue::new(Vec::<ArcRwSignal<Option<Shared>>>::new());
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
                    let cards = &b.cards[from.min(b.cards.len())..];
                    let to = places
                        .try_update_value(|places| show_cards(places, from, cards, ROWS_PER_TASK))
                        .unwrap_or(b.cards.len());
                    (to, b.cards.len())
                }) else {
                    return;
                };
                let last = to >= len;
                if last {
                    places.update_value(|places| clear_from(places, len));
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
    // Each source's own line (hidden while it is live), and with several
    // sources their strip.
    let source_lines = parts.with_value(|p| {
        p.iter()
            .map(|part| {
                let (name, state, stale) = (part.name.clone(), part.list.state, part.stale);
                view! { <WallSourceLine name state stale now lang /> }
            })
            .collect_view()
    });
    let source_strip = (parts.with_value(Vec::len) > 1).then(|| {
        let names: Vec<String> = parts.with_value(|p| p.iter().map(|p| p.name.clone()).collect());
        let counts =
            Signal::derive(move || board.with(|b| b.sources.iter().map(|s| s.1).collect()));
        view! { <WallSources names counts chosen=chosen_source lang /> }
    });
    view! {
        <section
            class="oms-wall"
            data-oms-wallboard=""
            data-wall-state=wall_state
            data-sources-failing=failing
            lang=lang.tag()
            aria-label=heading
        >
            <header class="oms-wall-head">
                <h2 class="oms-wall-title">{heading}</h2>
                <NotifyToggle alerts lang />
                <CardFooter updated_ago stale stopped=None on_refresh=Some(refresh_all) lang />
            </header>
            {source_lines}
            <p class="oms-wall-partial" data-field="wall-partial" role="status" hidden=move || board.with(|b| b.partial.is_none())>
                {move || board.with(|b| b.partial.clone()).unwrap_or_default()}
            </p>
            {source_strip}
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
            <ul class="oms-wall-list" aria-label=heading node_ref=list_ref>
                <For each=rows key=|place| *place let:place>
                    {card_at(place).map(|card| view! { <WallRow card opened options=options.clone() named lang on_event on_attention /> })}
                </For>
            </ul>
            <p class="oms-wall-empty" data-field="wall-empty" hidden=empty>
                {PageMsg::WallNoProjects.text(lang)}
            </p>
        </section>
    }
}

/// A card as the board holds it: shared with its source's cards, so an
/// unchanged card is equal to the row's by pointer.
type Shared = std::sync::Arc<WallCard>;

/// Rows rewritten in one task: about 10 ms of main thread. Rows whose
/// card is the same cost a comparison only, so a board after one source's
/// poll, or one where little changed, is brought up to date in one task
/// (and one frame).
const ROWS_PER_TASK: usize = 200;

/// Shows `cards` from place `from` on (creating places as needed) until
/// `budget` rows were written; the place it stopped at.
fn show_cards(
    places: &mut Vec<ArcRwSignal<Option<Shared>>>,
    from: usize,
    cards: &[Shared],
    budget: usize,
) -> usize {
    let mut written = 0;
    for (place, card) in (from..).zip(cards) {
        if written == budget {
            return place;
        }
        match places.get(place) {
            Some(row) if row.with_untracked(|c| c.as_ref() == Some(card)) => continue,
            Some(row) => row.set(Some(card.clone())),
            None => places.push(ArcRwSignal::new(Some(card.clone()))),
        }
        written += 1;
    }
    from + cards.len()
}

/// Empties every place from `from` on.
fn clear_from(places: &[ArcRwSignal<Option<Shared>>], from: usize) {
    for row in places.iter().skip(from) {
        if row.with_untracked(Option::is_some) {
            row.set(None);
        }
    }
}
