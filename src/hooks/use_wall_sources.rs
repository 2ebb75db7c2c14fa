//! [`use_wall_sources`]: a wallboard's sources, each its list's poll and
//! its cards, and what the board says of them together.

use super::use_oms_list::use_list_poll;
use super::{use_refresh_trigger, UseOmsListOptions, UseOmsListReturn};
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::{source_cards, SourceCards, SourceList, WallFilter};
use oms_progress_core::options::{OmsSource, WidgetOptions};
use oms_progress_core::wire::ProjectList;

/// One OMS the board reads: its name, its list's poll, whether that is
/// stale, and its cards (rebuilt only when its own list changed).
#[derive(Clone)]
pub struct WallSource {
    /// Its name (`""` for a board of one unnamed OMS).
    pub name: String,
    /// Its list's poll.
    pub list: UseOmsListReturn,
    /// Whether its list is older than the options allow.
    pub stale: Memo<bool>,
    /// Its projects that pass the filter, as cards.
    pub cards: Memo<SourceCards>,
}

/// What [`use_wall_sources`] hands back.
#[derive(Clone, Copy)]
pub struct UseWallSourcesReturn {
    /// Each source, in the options' order (never empty).
    pub sources: StoredValue<Vec<WallSource>>,
    /// The page's clock.
    pub now: Signal<i64>,
    /// Polls every list at once.
    pub refresh: Callback<()>,
    /// Whether any list was read.
    pub has_data: Signal<bool>,
    /// Whether any list is stale.
    pub stale: Signal<bool>,
    /// Seconds since the oldest source's last good list, with the clock
    /// (an answer alone does not redraw the footer).
    pub updated_ago: Signal<Option<u64>>,
}

impl UseWallSourcesReturn {
    /// Whether `f` holds for any source.
    fn any(&self, f: &dyn Fn(&WallSource) -> bool) -> bool {
        self.sources.with_value(|s| s.iter().any(f))
    }

    /// `loading`, `live`, `stale` or `error` (none read, one failed); read
    /// in a reactive context, it tracks what it read. (A method, not a
    /// signal: a signal of `&str` would be one more type in the wasm.)
    pub fn state(&self) -> &'static str {
        let errors = self.any(&|s| s.list.state.with(|s| s.error.is_some()));
        match (self.has_data.get(), errors) {
            (false, false) => "loading",
            (false, true) => "error",
            _ if self.stale.get() => "stale",
            _ => "live",
        }
    }

    /// The named sources whose latest poll failed, comma-separated: from
    /// the lists themselves, at once, as each source's own line.
    pub fn failing(&self) -> Option<String> {
        let names: Vec<String> = self.sources.with_value(|s| {
            s.iter()
                .filter(|s| !s.name.is_empty() && s.list.state.with(|s| s.error.is_some()))
                .map(|s| s.name.clone())
                .collect()
        });
        (!names.is_empty()).then(|| names.join(","))
    }
}

/// Polls the list of every source `options` names (its base URL when it
/// names none) for as long as the calling owner lives, each source's
/// events told to `on_event` with its name, and a poll of all whenever
/// `refresh` is notified. The cards' words follow `lang`: a new language
/// rewords them, the polls go on.
pub fn use_wall_sources(
    options: &WidgetOptions,
    filter: &WallFilter,
    (refresh, on_event): (Option<Trigger>, Option<Callback<(ProjectRef, PollEvent)>>),
    lang: Signal<Lang>,
) -> UseWallSourcesReturn {
    let sources: Vec<WallSource> = options
        .wall_sources()
        .iter()
        .map(|source| poll_source(source, options, filter, (refresh, on_event), lang))
        .collect();
    let now = sources[0].list.now;
    let sources = StoredValue::new(sources);
    let any = move |f: &dyn Fn(&WallSource) -> bool| sources.with_value(|s| s.iter().any(f));
    let has_data = Signal::derive(move || any(&|s| s.list.state.with(|s| s.last_good.is_some())));
    let stale = Signal::derive(move || any(&|s| s.stale.get()));
    let updated_ago = Signal::derive(move || {
        let now = now.get();
        let oldest = sources.with_value(|s| {
            s.iter()
                .filter_map(|s| s.list.state.with_untracked(|s| s.last_good_at_ms))
                .min()
        })?;
        Some(((now - oldest).max(0) / 1000) as u64)
    });
    UseWallSourcesReturn {
        sources,
        now,
        refresh: Callback::new(move |()| {
            sources.with_value(|s| s.iter().for_each(|s| s.list.refresh.run(())))
        }),
        has_data,
        stale,
        updated_ago,
    }
}

/// One source's list poll and its cards.
fn poll_source(
    source: &OmsSource,
    options: &WidgetOptions,
    filter: &WallFilter,
    (refresh, on_event): (Option<Trigger>, Option<Callback<(ProjectRef, PollEvent)>>),
    lang: Signal<Lang>,
) -> WallSource {
    let name = source.name.clone();
    let on_event = on_event.map(|wall| {
        let source = name.clone();
        Callback::new(move |(id, event): (String, PollEvent)| {
            let source = source.clone();
            wall.run((ProjectRef { id, source }, event))
        })
    });
    let poll = options.poll.normalized();
    let list = use_list_poll(
        source.base_url.clone(),
        filter.query.clone(),
        UseOmsListOptions {
            query: Signal::default(),
            poll,
            credentials: options.credentials,
            headers: options.headers.clone(),
            on_event,
        },
    );
    use_refresh_trigger(refresh, list.refresh);
    let stale_after = poll.stale_after();
    let stale = Memo::new(move |_| list.state.with(|s| s.is_stale(list.now.get(), stale_after)));
    let (filter, lag, source) = (filter.clone(), options.lag, name.clone());
    let cards = Memo::new(move |_| {
        let (stale, lang) = (stale.get(), lang.get());
        list.state.with(|state| {
            let empty = ProjectList::default();
            let part = SourceList {
                name: &source,
                list: state.last_good.as_ref().unwrap_or(&empty),
                stale,
                failing: state.error.is_some(),
            };
            source_cards(&part, &filter, lag, lang)
        })
    });
    WallSource {
        name,
        list,
        stale,
        cards,
    }
}
