//! The wallboard: every project of the list pages, in groups of what needs
//! attention first, filtered, counted, and summed up in the page title.
//! Pure: the list pages and the thresholds in, cards and counts out.

use super::{lag_level, status_tone, LagLevel, LagThresholds, Tone};
use crate::i18n::{self, Lang, Msg, PageMsg};
use crate::wire::{ListQuery, ProjectList, Status, WireProject};
use std::collections::BTreeSet;
use std::sync::Arc;

/// What a project needs from the operator, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attention {
    /// Failed.
    Failed,
    /// Running, its delay above the critical lag.
    FarBehind,
    /// Running, its delay above the warning lag.
    Behind,
    /// Running with an alarm raised (OMS's `alarmStats.alarming`).
    Alarming,
    /// A status OMS does not document, or none: shown raw, to be looked at.
    Unknown,
    /// Paused.
    Paused,
    /// Not started yet (INIT): its delay means nothing yet.
    NotStarted,
    /// Running and current.
    Running,
    /// Finished, released or deleted.
    Finished,
    /// Releasing, released or deleted.
    Released,
}

impl Attention {
    /// Every group, in the wallboard's order.
    pub const ALL: [Attention; 10] = [
        Attention::Failed,
        Attention::FarBehind,
        Attention::Behind,
        Attention::Alarming,
        Attention::Unknown,
        Attention::Paused,
        Attention::NotStarted,
        Attention::Running,
        Attention::Finished,
        Attention::Released,
    ];

    /// The groups' names, in [`Attention::ALL`]'s order.
    pub const NAMES: [&'static str; 10] = [
        "failed",
        "far-behind",
        "behind",
        "alarming",
        "unknown",
        "paused",
        "not-started",
        "running",
        "finished",
        "released",
    ];

    /// The value of `data-attention` and of the `group` filter.
    pub fn as_str(self) -> &'static str {
        Attention::NAMES[self as usize]
    }

    /// From [`Attention::as_str`]'s names, any case.
    pub fn parse(text: &str) -> Option<Attention> {
        Attention::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// The group's name for people (plural, lower case: "2 failed").
    pub fn label(self, lang: Lang) -> &'static str {
        let page = |msg: PageMsg| msg.text(lang);
        match self {
            Attention::Failed => page(PageMsg::GroupFailed),
            Attention::FarBehind => Msg::FarBehind.text(lang),
            Attention::Behind => Msg::Behind.text(lang),
            Attention::Alarming => page(PageMsg::GroupAlarming),
            Attention::Unknown => page(PageMsg::GroupUnknown),
            Attention::Paused => page(PageMsg::GroupPaused),
            Attention::NotStarted => page(PageMsg::GroupNotStarted),
            Attention::Running => page(PageMsg::GroupRunning),
            Attention::Finished => page(PageMsg::GroupFinished),
            Attention::Released => page(PageMsg::GroupReleased),
        }
    }

    /// Whether the group goes into the page title.
    pub fn needs_attention(self) -> bool {
        self <= Attention::Unknown
    }

    /// The group of one listed project, its delay (aged, see
    /// [`aged_delay`]) `delay`.
    pub fn of(project: &WireProject, delay: Option<i64>, lag: LagThresholds) -> Attention {
        let alarming = project.alarming == Some(true);
        Attention::of_status(project.status.as_ref(), delay, alarming, lag)
    }

    /// The group of a project in `status`, its delay `delay` seconds,
    /// with an alarm raised or not.
    pub fn of_status(
        status: Option<&Status>,
        delay: Option<i64>,
        alarming: bool,
        lag: LagThresholds,
    ) -> Attention {
        let Some(status) = status else {
            return Attention::Unknown;
        };
        match status {
            Status::Failed => Attention::Failed,
            Status::Suspend => Attention::Paused,
            Status::Init => Attention::NotStarted,
            Status::Finished => Attention::Finished,
            Status::Releasing | Status::Released | Status::Deleted => Attention::Released,
            Status::Other(_) => Attention::Unknown,
            Status::Running
            | Status::RunningModifying
            | Status::RunningMerging
            | Status::RunningAlarming => {
                let delay = delay.map(|d| d.max(0) as u64);
                match delay.map(|d| lag_level(d, lag)) {
                    Some(LagLevel::Critical) => Attention::FarBehind,
                    Some(LagLevel::Warn) => Attention::Behind,
                    _ if alarming || *status == Status::RunningAlarming => Attention::Alarming,
                    _ => Attention::Running,
                }
            }
        }
    }
}

/// Which projects the wallboard shows: OMS filters by type, status and
/// name; labels and the group are filtered here.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WallFilter {
    /// What OMS is asked for.
    pub query: ListQuery,
    /// Projects carrying every one of these labels (any case).
    pub labels: Vec<String>,
}

impl WallFilter {
    /// Whether `project` passes. The OMS-side filters are checked again:
    /// an OMS that ignores one must not make the board show more.
    pub fn admits(&self, project: &WireProject) -> bool {
        let q = &self.query;
        let kind_ok = q.kind.as_ref().is_none_or(|k| {
            project
                .kind
                .as_ref()
                .is_some_and(|pk| pk.eq_ignore_ascii_case(k))
        });
        let status_ok = q.statuses.is_empty()
            || project
                .status
                .as_ref()
                .is_some_and(|s| q.statuses.iter().any(|w| w.eq_ignore_ascii_case(s.code())));
        // ASCII case only: ids and names are ASCII or Chinese (which has none).
        let search_ok = q.search.as_ref().is_none_or(|s| {
            let s = s.to_ascii_lowercase();
            [&project.id, &project.name].iter().any(|t| {
                t.as_ref()
                    .is_some_and(|t| t.to_ascii_lowercase().contains(&s))
            })
        });
        let labels_ok = self.labels.iter().all(|want| {
            project
                .labels
                .iter()
                .any(|l| l.trim().eq_ignore_ascii_case(want.trim()))
        });
        kind_ok && status_ok && search_ok && labels_ok
    }
}

/// One project's compact card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WallCard {
    /// Unique on the board: the id, or `#n` (its place in the list) for a
    /// project without an id or with an id already seen.
    pub key: String,
    /// `data-project-id`; empty when OMS sent none (such a card cannot open).
    pub id: String,
    /// The name, else the id.
    pub title: String,
    /// Its group on the board.
    pub attention: Attention,
    /// The card's tone, from its group: failed and far behind are
    /// critical, behind a warning, the rest as their status.
    pub tone: Tone,
    /// The status badge's tone, from the status alone.
    pub status_tone: Tone,
    /// The status's label, or OMS's raw text for an undocumented one.
    pub status_text: String,
    /// OMS's status, as sent.
    pub status_code: String,
    /// The running step's label (raw when unknown) and its progress.
    pub step_text: Option<String>,
    /// The running step's progress, 0–100.
    pub progress: Option<u8>,
    /// OMS's sync delay as sampled, for people ("42 s") and as seconds.
    pub delay_text: Option<String>,
    /// The sync delay OMS reported, in seconds.
    pub delay_secs: Option<i64>,
    /// OMS's alarm text, when it is alarming.
    pub alarm: Option<String>,
    /// Why a failed project failed, from its failed step, when the list says.
    pub failure: Option<String>,
    /// Its plan waits at its switch-over step (every step before it done):
    /// its readiness is worked out when the card is opened.
    pub awaiting_switch_over: bool,
    /// Type, endpoints and labels, one line: "SYNC · MYSQL → OB_MYSQL · prod".
    pub details: String,
    /// The name of the OMS that listed it (`""`: the board's only one).
    pub source: String,
    /// Whether its source's list is stale: shown as last known, not judged afresh.
    pub stale: bool,
}

/// A sample older than this is not aged into the delay: the delay is shown
/// with its age and not judged.
pub const DELAY_SAMPLE_STALE_SECS: i64 = 600;

/// OMS's delay as of now: the delay it sampled plus the time since it
/// sampled it (both on OMS's clock: the sample time against the list's
/// `Date`), since the sync has not been confirmed to move meanwhile. `None`
/// when OMS sent no delay, or sampled it so long ago
/// ([`DELAY_SAMPLE_STALE_SECS`]) that it says nothing about now.
pub fn aged_delay(project: &WireProject, oms_now_secs: Option<i64>) -> Option<i64> {
    let delay = project.sync_delay?;
    match sample_age(project, oms_now_secs) {
        Some(age) if age > DELAY_SAMPLE_STALE_SECS => None,
        Some(age) => Some(delay.saturating_add(age)),
        None => Some(delay),
    }
}

/// Seconds between OMS's sample of the delay and its answer, when both are known.
fn sample_age(project: &WireProject, oms_now_secs: Option<i64>) -> Option<i64> {
    Some((oms_now_secs? - project.delay_sampled_at?).max(0))
}

/// One OMS's part of the board: its name, its last good list, and whether
/// that list is stale or its latest poll failed.
#[derive(Clone, Copy, Debug)]
pub struct SourceList<'a> {
    /// The source's name (`""` for a board of one unnamed OMS).
    pub name: &'a str,
    /// Its last good list (empty before the first).
    pub list: &'a ProjectList,
    /// Whether the list is older than the staleness limit: its cards say
    /// so and keep their last state, not judged afresh.
    pub stale: bool,
    /// Whether its latest poll failed.
    pub failing: bool,
}

/// The whole board.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WallView {
    /// Projects per group (in [`Attention::ALL`]'s order) after the filter
    /// and the chosen source, before the group is chosen.
    pub counts: [usize; 10],
    /// The chosen group's cards (all groups when none): the open ones
    /// first (so an open card stays where it is while the others move),
    /// then the most urgent; behind and far behind the longest delay first;
    /// then by title and source.
    /// Shared with the sources' cards: a board rebuilt after one source's
    /// poll holds the others' cards as they were, so comparing it with the
    /// board before (and each row with its card) is a pointer check for them.
    pub cards: Vec<Arc<WallCard>>,
    /// Projects that passed the filter and the chosen source.
    pub total: usize,
    /// Projects per group over every source, for the page title.
    pub all_counts: [usize; 10],
    /// Projects over every source.
    pub all_total: usize,
    /// Each source's name and its projects after the filter.
    pub sources: Vec<(String, usize)>,
    /// The named sources whose latest poll failed.
    pub failing: Vec<String>,
    /// When a list is partial: how many projects were read and why the
    /// rest were not, as one line ("315 of 400 projects read: …"), each
    /// source's prefixed with its name.
    pub partial: Option<String>,
}

/// The board for one unnamed OMS's `list` (every list page read, in OMS's
/// order); `open`: the keys of the cards the operator opened.
pub fn wall_view(
    list: &ProjectList,
    filter: &WallFilter,
    group: Option<Attention>,
    open: &[String],
    lag: LagThresholds,
    lang: Lang,
) -> WallView {
    let one = SourceList {
        name: "",
        list,
        stale: false,
        failing: false,
    };
    sources_view(&[one], filter, (group, None), open, lag, lang)
}

/// The board over several sources; `chosen`: the group and the source
/// (by name) the operator picked. A project listed by two sources is two
/// cards, keyed `source:id`.
pub fn sources_view(
    sources: &[SourceList],
    filter: &WallFilter,
    chosen: (Option<Attention>, Option<&str>),
    open: &[String],
    lag: LagThresholds,
    lang: Lang,
) -> WallView {
    let built: Vec<SourceCards> = sources
        .iter()
        .map(|part| source_cards(part, filter, lag, lang))
        .collect();
    board_view(&built.iter().collect::<Vec<_>>(), chosen, open)
}

/// One source's part of the board, built once per answer of its list:
/// a poll of one source rebuilds its cards alone, and the board only
/// joins them (two sources would otherwise cost two whole boards an
/// interval).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceCards {
    /// The source's name.
    pub name: String,
    /// Every listed project that passes the filter, in the board's order.
    pub cards: Vec<Arc<WallCard>>,
    /// Whether its list is stale: its cards are shown as last known.
    pub stale: bool,
    /// Whether its latest poll failed.
    pub failing: bool,
    /// Its "N of M projects read" line when its list is partial (with its
    /// name when it has one).
    pub partial: Option<String>,
}

/// The cards of `part`'s projects that pass `filter`, sorted.
pub fn source_cards(
    part: &SourceList,
    filter: &WallFilter,
    lag: LagThresholds,
    lang: Lang,
) -> SourceCards {
    let list = part.list;
    let mut seen = BTreeSet::new();
    let mut cards = Vec::new();
    for (place, project) in list.projects.iter().enumerate() {
        if !filter.admits(project) {
            continue;
        }
        let delay = aged_delay(project, list.oms_now_secs);
        let attention = Attention::of(project, delay, lag);
        let age = sample_age(project, list.oms_now_secs);
        let mut card = card(project, attention, (delay, age), lang);
        card.source = part.name.to_owned();
        card.stale = part.stale;
        if !part.name.is_empty() && !card.id.is_empty() {
            card.key = format!("{}:{}", part.name, card.id);
        }
        if card.id.is_empty() || !seen.insert(card.key.clone()) {
            card.key = format!("{}#{place}", part.name);
        }
        cards.push(Arc::new(card));
    }
    cards.sort_by(|a, b| urgency(a, b));
    let partial = list.is_partial().then(|| {
        let why = list.cut_short.as_ref().map_or_else(
            || PageMsg::WallPartialMark.text(lang).to_owned(),
            |e| super::ErrorKind::of(e).title().text(lang).to_owned(),
        );
        let line = i18n::wall_partial(lang, list.projects.len(), list.total, &why);
        match part.name {
            "" => line,
            name => format!("{name}: {line}"),
        }
    });
    SourceCards {
        name: part.name.to_owned(),
        cards,
        stale: part.stale,
        failing: part.failing,
        partial,
    }
}

/// The most urgent first; behind and far behind the longest delay first;
/// then by title and source. Among projects that are current a delay of a
/// few seconds says nothing: ordered by it, they swapped places at every
/// poll, and every source's answer rewrote rows of the others'; by name
/// they stay put.
fn urgency(a: &WallCard, b: &WallCard) -> std::cmp::Ordering {
    let by_delay = matches!(a.attention, Attention::FarBehind | Attention::Behind);
    let delay = |c: &WallCard| c.delay_secs.filter(|_| by_delay).unwrap_or(-1);
    a.attention
        .cmp(&b.attention)
        .then(delay(b).cmp(&delay(a)))
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.source.cmp(&b.source))
}

/// The board from each source's cards: counted, the chosen group and
/// source kept, the open cards first, the rest in one order across sources.
pub fn board_view(
    sources: &[&SourceCards],
    (group, source): (Option<Attention>, Option<&str>),
    open: &[String],
) -> WallView {
    let mut view = WallView::default();
    for part in sources {
        let chosen = source.is_none_or(|s| s.eq_ignore_ascii_case(&part.name));
        for card in &part.cards {
            view.all_counts[card.attention as usize] += 1;
            if chosen {
                view.counts[card.attention as usize] += 1;
            }
        }
        view.all_total += part.cards.len();
        if chosen {
            view.total += part.cards.len();
            view.cards.extend(
                part.cards
                    .iter()
                    .filter(|c| group.is_none_or(|g| g == c.attention))
                    .cloned(),
            );
        }
        view.sources.push((part.name.clone(), part.cards.len()));
        if part.failing && !part.name.is_empty() {
            view.failing.push(part.name.clone());
        }
    }
    // Each source's cards are sorted already: this merges their runs.
    let closed = |c: &WallCard| !open.contains(&c.key);
    view.cards
        .sort_by(|a, b| closed(a).cmp(&closed(b)).then_with(|| urgency(a, b)));
    let partial: Vec<&str> = sources
        .iter()
        .filter_map(|p| p.partial.as_deref())
        .collect();
    view.partial = (!partial.is_empty()).then(|| partial.join(" · "));
    view
}

fn card(
    project: &WireProject,
    attention: Attention,
    (delay, sample_age): (Option<i64>, Option<i64>),
    lang: Lang,
) -> WallCard {
    let id = project.id.clone().unwrap_or_default();
    let (tone, status_text, status_code) = match &project.status {
        Some(status) => (
            status_tone(status),
            i18n::status_label(status, lang)
                .map_or_else(|| status.code().to_owned(), str::to_owned),
            status.code().to_owned(),
        ),
        None => (
            Tone::Neutral,
            Msg::UnknownStatus.text(lang).to_owned(),
            String::new(),
        ),
    };
    // A delay is only a lag while incremental sync runs; one sampled long
    // ago is shown as sampled, with its age, and not judged.
    let running = matches!(
        attention,
        Attention::FarBehind | Attention::Behind | Attention::Alarming | Attention::Running
    );
    let delay_secs = delay.filter(|_| running);
    let stale_sample = (running && delay.is_none())
        .then_some(project.sync_delay)
        .flatten()
        .zip(sample_age);
    let delay_text = match (delay_secs, stale_sample) {
        (Some(d), _) => Some(i18n::duration(lang, d.max(0) as u64)),
        (None, Some((d, age))) => Some(format!(
            "{} ({})",
            i18n::duration(lang, d.max(0) as u64),
            i18n::sampled_ago(lang, &i18n::rough_duration(lang, age as u64))
        )),
        (None, None) => None,
    };
    let endpoints = match (&project.source_type, &project.sink_type) {
        (Some(from), Some(to)) => Some(format!("{from} → {to}")),
        (Some(one), None) | (None, Some(one)) => Some(one.clone()),
        (None, None) => None,
    };
    let details: Vec<&str> = project
        .kind
        .iter()
        .chain(endpoints.iter())
        .chain(project.labels.iter())
        .map(String::as_str)
        .collect();
    WallCard {
        title: project.name.clone().unwrap_or_else(|| id.clone()),
        key: id.clone(),
        id,
        attention,
        tone: match attention {
            Attention::Failed | Attention::FarBehind => Tone::Critical,
            Attention::Behind => Tone::Warn,
            _ => tone,
        },
        status_tone: tone,
        status_text,
        status_code,
        step_text: project
            .running_step
            .as_ref()
            .map(|step| i18n::step_label(step, lang).map_or_else(|| step.clone(), str::to_owned)),
        progress: project.running_progress.as_ref().map(|p| p.value),
        awaiting_switch_over: super::cutover::awaits_switch_over(project),
        delay_text,
        delay_secs,
        alarm: project
            .alarm_content
            .clone()
            .filter(|_| project.alarming == Some(true)),
        failure: (attention == Attention::Failed)
            .then(|| super::failure_reason(&project.steps, lang))
            .flatten(),
        details: details.join(" · "),
        source: String::new(),
        stale: false,
    }
}

/// The page title: what needs attention, so a background tab still tells
/// ("2 failed · 3 behind — OMS"), or how many are well; a partial list
/// says so ("2 failed · partial list — OMS").
pub fn wall_title(view: &WallView, lang: Lang) -> String {
    let counts = &view.all_counts;
    let mut parts: Vec<String> = Attention::ALL
        .into_iter()
        .filter(|a| a.needs_attention() && counts[*a as usize] > 0)
        .map(|a| format!("{} {}", counts[a as usize], a.label(lang)))
        .collect();
    if parts.is_empty() {
        parts.push(i18n::projects_all_well(lang, view.all_total));
    }
    parts.extend(
        view.failing
            .iter()
            .map(|name| format!("{name} {}", PageMsg::WallSourceDown.text(lang))),
    );
    if view.partial.is_some() {
        parts.push(PageMsg::WallPartialMark.text(lang).to_owned());
    }
    format!("{} — OMS", parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Percent;

    fn project(id: &str, status: &str, delay: Option<i64>) -> WireProject {
        WireProject {
            id: Some(id.into()),
            status: Status::parse(status),
            sync_delay: delay,
            kind: Some("SYNC".into()),
            ..WireProject::default()
        }
    }

    /// The whole board, unfiltered, nothing open, the default thresholds.
    fn board(projects: &[WireProject], lang: Lang) -> WallView {
        wall_view(
            &ProjectList::of(projects.to_vec()),
            &WallFilter::default(),
            None,
            &[],
            LagThresholds::default(),
            lang,
        )
    }

    fn order(view: &WallView) -> Vec<&str> {
        view.cards.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn groups_follow_status_delay_and_alarms() {
        let lag = LagThresholds::default();
        let of = |p: &WireProject| Attention::of(p, p.sync_delay, lag);
        assert_eq!(of(&project("a", "FAILED", Some(9999))), Attention::Failed);
        assert_eq!(
            of(&project("a", "RUNNING", Some(301))),
            Attention::FarBehind
        );
        assert_eq!(of(&project("a", "RUNNING", Some(300))), Attention::Behind);
        assert_eq!(of(&project("a", "RUNNING", Some(26))), Attention::Behind);
        assert_eq!(of(&project("a", "RUNNING", Some(25))), Attention::Running);
        assert_eq!(of(&project("a", "RUNNING", None)), Attention::Running);
        assert_eq!(
            of(&project("a", "INIT", Some(9999))),
            Attention::NotStarted,
            "a delay before the start is not judged"
        );
        let alarming = WireProject {
            alarming: Some(true),
            ..project("a", "RUNNING", Some(3))
        };
        assert_eq!(of(&alarming), Attention::Alarming);
        assert_eq!(
            of(&project("a", "RUNNING_ALARMING", None)),
            Attention::Alarming
        );
        assert_eq!(of(&project("a", "SUSPEND", Some(9999))), Attention::Paused);
        assert_eq!(of(&project("a", "FINISHED", None)), Attention::Finished);
        for s in ["RELEASING", "RELEASED", "DELETED"] {
            assert_eq!(of(&project("a", s, None)), Attention::Released);
        }
        assert_eq!(of(&project("a", "WEIRD", None)), Attention::Unknown);
        assert_eq!(of(&project("a", "", None)), Attention::Unknown);
        for a in Attention::ALL {
            assert_eq!(Attention::parse(a.as_str()), Some(a));
            assert_ne!(a.label(Lang::En), a.label(Lang::ZhCn));
        }
    }

    #[test]
    fn sorted_by_attention_then_longest_delay_then_title() {
        let projects = [
            project("done", "FINISHED", None),
            project("ok_small", "RUNNING", Some(2)),
            project("ok_big", "RUNNING", Some(20)),
            project("paused", "SUSPEND", Some(4000)),
            project("behind", "RUNNING", Some(60)),
            project("far2", "RUNNING", Some(900)),
            project("far1", "RUNNING", Some(3600)),
            project("failed_b", "FAILED", None),
            project("failed_a", "FAILED", None),
            project("gone", "RELEASED", None),
            project("odd", "SOMETHING", None),
        ];
        let view = board(&projects, Lang::En);
        assert_eq!(
            order(&view),
            [
                "failed_a", "failed_b", "far1", "far2", "behind", "odd", "paused", "ok_big",
                "ok_small", "done", "gone"
            ]
        );
        assert_eq!(view.counts, [2, 2, 1, 0, 1, 1, 0, 2, 1, 1]);
        assert_eq!(view.total, 11);
        let odd = &view.cards[5];
        assert_eq!(
            (odd.status_text.as_str(), odd.tone),
            ("SOMETHING", Tone::Neutral)
        );
        assert_eq!(view.cards[0].tone, Tone::Critical);
        assert_eq!(view.cards[2].tone, Tone::Critical, "far behind");
        assert_eq!(view.cards[2].status_tone, Tone::Ok, "and running");
        assert_eq!(view.cards[4].tone, Tone::Warn, "behind");
        assert_eq!(
            view.cards[6].delay_text, None,
            "a paused project has no lag"
        );
        assert_eq!(view.cards[7].delay_text.as_deref(), Some("20 s"));

        let failed = wall_view(
            &ProjectList::of(projects.to_vec()),
            &WallFilter::default(),
            Some(Attention::Failed),
            &[],
            LagThresholds::default(),
            Lang::En,
        );
        assert_eq!(order(&failed), ["failed_a", "failed_b"]);
        assert_eq!(failed.counts, view.counts, "the counts stay whole");
        let opened = wall_view(
            &ProjectList::of(projects.to_vec()),
            &WallFilter::default(),
            None,
            &["done".into(), "ok_big".into()],
            LagThresholds::default(),
            Lang::En,
        );
        assert_eq!(
            order(&opened)[..4],
            ["ok_big", "done", "failed_a", "failed_b"],
            "open cards first"
        );
    }

    #[test]
    fn delays_age_by_their_sample_time_and_old_samples_are_not_judged() {
        let sampled = |delay, at| WireProject {
            delay_sampled_at: Some(at),
            ..project("a", "RUNNING", Some(delay))
        };
        let list = |p: WireProject| ProjectList {
            oms_now_secs: Some(1_000_000),
            ..ProjectList::of(vec![p])
        };
        // Sampled 40 s before OMS answered: 10 s then is 50 s now.
        let view = board_of(&list(sampled(10, 1_000_000 - 40)), Lang::En);
        assert_eq!(view.cards[0].delay_secs, Some(50));
        assert_eq!(view.cards[0].attention, Attention::Behind);
        // Sampled an hour ago: shown as sampled, with its age, not judged.
        let view = board_of(&list(sampled(10, 1_000_000 - 3_600)), Lang::En);
        let card = &view.cards[0];
        assert_eq!(
            (card.delay_secs, card.attention),
            (None, Attention::Running)
        );
        assert_eq!(card.delay_text.as_deref(), Some("10 s (sampled 1 h ago)"));
        // Without OMS's clock the delay is as sent.
        let view = board_of(&ProjectList::of(vec![sampled(10, 5)]), Lang::En);
        assert_eq!(view.cards[0].delay_secs, Some(10));
    }

    #[test]
    fn a_partial_list_says_so_in_its_line_and_its_title() {
        let list = ProjectList {
            total: Some(120),
            cut_short: Some(crate::wire::FetchError::Timeout),
            ..ProjectList::of(vec![project("a", "FAILED", None)])
        };
        let view = board_of(&list, Lang::En);
        assert_eq!(
            view.partial.as_deref(),
            Some("1 of 120 projects read: a list page could not be read (OMS did not answer in time)")
        );
        assert_eq!(wall_title(&view, Lang::En), "1 failed · partial list — OMS");
        let whole = board_of(
            &ProjectList::of(vec![project("a", "FAILED", None)]),
            Lang::En,
        );
        assert_eq!(whole.partial, None);
        assert_eq!(wall_title(&whole, Lang::En), "1 failed — OMS");
    }

    fn board_of(list: &ProjectList, lang: Lang) -> WallView {
        wall_view(
            list,
            &WallFilter::default(),
            None,
            &[],
            LagThresholds::default(),
            lang,
        )
    }

    #[test]
    fn every_card_has_a_key_of_its_own() {
        let projects = [
            project("a", "RUNNING", None),
            project("a", "RUNNING", None),
            WireProject::default(),
        ];
        let view = board(&projects, Lang::En);
        let keys: BTreeSet<&str> = view.cards.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, BTreeSet::from(["a", "#1", "#2"]));
    }

    #[test]
    fn filters_by_type_status_name_and_labels() {
        let mut a = project("np_orders", "RUNNING", Some(1));
        a.labels = vec!["prod".into(), "billing".into()];
        a.name = Some("Orders to OB".into());
        let mut b = project("np_users", "FAILED", None);
        b.kind = Some("MIGRATION".into());
        b.labels = vec!["prod".into()];
        let projects = [a, b];
        let ids = |filter: WallFilter| {
            wall_view(
                &ProjectList::of(projects.to_vec()),
                &filter,
                None,
                &[],
                LagThresholds::default(),
                Lang::En,
            )
            .cards
            .into_iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
        };
        let with = |query: ListQuery, labels: &[&str]| WallFilter {
            query,
            labels: labels.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(ids(with(ListQuery::default(), &[])).len(), 2);
        assert_eq!(
            ids(with(ListQuery::default(), &["PROD", "billing"])),
            ["np_orders"]
        );
        let kind = ListQuery {
            kind: Some("migration".into()),
            ..ListQuery::default()
        };
        assert_eq!(ids(with(kind, &[])), ["np_users"]);
        let status = ListQuery {
            statuses: vec!["running".into()],
            ..ListQuery::default()
        };
        assert_eq!(ids(with(status, &[])), ["np_orders"]);
        let search = ListQuery {
            search: Some("to ob".into()),
            ..ListQuery::default()
        };
        assert_eq!(ids(with(search, &[])), ["np_orders"], "by name too");
    }

    #[test]
    fn cards_say_step_progress_details_and_raw_values() {
        let p = WireProject {
            name: Some("orders".into()),
            running_step: Some("FULL_TRANSFER".into()),
            running_progress: Some(Percent {
                value: 63,
                raw: None,
            }),
            source_type: Some("MYSQL".into()),
            sink_type: Some("OB_MYSQL".into()),
            labels: vec!["prod".into()],
            alarming: Some(true),
            alarm_content: Some("sync delay".into()),
            ..project("np_1", "RUNNING", Some(3))
        };
        let card = &board(&[p], Lang::ZhCn).cards[0];
        assert_eq!(card.title, "orders");
        assert_eq!(card.step_text.as_deref(), Some("全量传输"));
        assert_eq!(card.progress, Some(63));
        assert_eq!(card.details, "SYNC · MYSQL → OB_MYSQL · prod");
        assert_eq!(card.alarm.as_deref(), Some("sync delay"));
        let raw_step = WireProject {
            running_step: Some("NEW_STEP".into()),
            ..project("np_2", "RUNNING", None)
        };
        let card = &board(&[raw_step], Lang::En).cards[0];
        assert_eq!(card.step_text.as_deref(), Some("NEW_STEP"));
    }

    #[test]
    fn the_title_names_what_needs_attention() {
        let projects = [
            project("a", "FAILED", None),
            project("b", "FAILED", None),
            project("c", "RUNNING", Some(60)),
            project("d", "RUNNING", Some(1)),
        ];
        let view = |ps: &[WireProject], lang| board(ps, lang);
        assert_eq!(
            wall_title(&view(&projects, Lang::En), Lang::En),
            "2 failed · 1 behind — OMS"
        );
        assert_eq!(
            wall_title(&view(&projects, Lang::ZhCn), Lang::ZhCn),
            "2 失败 · 1 有延迟 — OMS"
        );
        assert_eq!(
            wall_title(&view(&projects[3..], Lang::En), Lang::En),
            "1 project, all well — OMS"
        );
        assert_eq!(
            wall_title(&view(&[], Lang::En), Lang::En),
            "0 projects — OMS"
        );
    }

    #[test]
    fn several_sources_sort_together_and_count_apart() {
        let bj = ProjectList::of(vec![
            project("np_a", "RUNNING", Some(2)),
            project("np_b", "FAILED", None),
        ]);
        let hz = ProjectList::of(vec![
            project("np_a", "RUNNING", Some(900)),
            project("np_c", "FAILED", None),
        ]);
        let parts = [
            SourceList {
                name: "bj",
                list: &bj,
                stale: false,
                failing: false,
            },
            SourceList {
                name: "hz",
                list: &hz,
                stale: true,
                failing: true,
            },
        ];
        let view = |chosen| {
            sources_view(
                &parts,
                &WallFilter::default(),
                chosen,
                &[],
                LagThresholds::default(),
                Lang::En,
            )
        };
        let all = view((None, None));
        let keys: Vec<&str> = all.cards.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["bj:np_b", "hz:np_c", "hz:np_a", "bj:np_a"]);
        assert_eq!(
            all.cards.iter().map(|c| c.stale).collect::<Vec<_>>(),
            [false, true, true, false],
            "a stale source's cards say so"
        );
        assert_eq!(all.sources, [("bj".into(), 2), ("hz".into(), 2)]);
        assert_eq!(
            wall_title(&all, Lang::En),
            "2 failed · 1 far behind · hz not answering — OMS"
        );
        let hz_only = view((None, Some("HZ")));
        assert_eq!(hz_only.total, 2);
        assert_eq!(hz_only.counts[Attention::Failed as usize], 1);
        assert_eq!(hz_only.all_counts[Attention::Failed as usize], 2);
        assert_eq!(
            wall_title(&hz_only, Lang::En),
            wall_title(&all, Lang::En),
            "the title counts every source"
        );
        assert!(hz_only.cards.iter().all(|c| c.source == "hz"));
    }
}
