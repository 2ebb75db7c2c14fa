//! What a project needs from the operator, as alerts see it: its group on
//! the wallboard, or stuck; the changes of it an engineer should hear of,
//! and how they become notifications (few, deduplicated, a burst summed up).
//! Pure: time is an input.

use super::wall::{Attention, SourceCards, WallCard};
use crate::events::ProjectRef;
use crate::i18n::{self, Lang};

/// A project's state for alerts: its group, whether it is stuck (which
/// only a widget's own samples can tell), and whether it is ready to
/// switch over (which only a widget's own readiness can tell).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Concern {
    /// Its group, as the wallboard has it.
    pub attention: Attention,
    /// Running, but its checkpoint (or full copy) has not moved.
    pub stuck: bool,
    /// Switch-over readiness says `ready`: told when it becomes so, as the
    /// one good news an operator waits for.
    pub ready: bool,
}

impl Concern {
    /// The value of an `oms-attention-change`'s `from` and `to`: a group's
    /// name (`failed`, `far-behind`, `running`…), `stuck` or `ready`.
    pub fn as_str(self) -> &'static str {
        match self {
            _ if self.alerting_group() => self.attention.as_str(),
            Concern { stuck: true, .. } => "stuck",
            Concern { ready: true, .. } => "ready",
            _ => self.attention.as_str(),
        }
    }

    fn alerting_group(self) -> bool {
        matches!(self.attention, Attention::Failed | Attention::FarBehind)
    }

    /// Failed, far behind or stuck: what an engineer is told of.
    pub fn alerting(self) -> bool {
        self.stuck || self.alerting_group()
    }

    /// Worst first: failed, far behind, stuck, then the groups' order.
    pub fn rank(self) -> u8 {
        match (self.attention, self.stuck) {
            (Attention::Failed, _) => 0,
            (Attention::FarBehind, _) => 1,
            (_, true) => 2,
            (a, false) => 3 + a as u8,
        }
    }
}

/// One project's state changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttentionChange {
    /// Which project, in which OMS.
    pub project: ProjectRef,
    /// Its name for people (the id when OMS gave none).
    pub title: String,
    /// Before.
    pub from: Concern,
    /// Now.
    pub to: Concern,
}

impl AttentionChange {
    /// Into failed, far behind or stuck, or out of them (a recovery); or
    /// into ready to switch over.
    pub fn worth_telling(&self) -> bool {
        let ready = self.to.as_str() == "ready";
        self.from.as_str() != self.to.as_str()
            && (self.to.alerting() || self.from.alerting() || ready)
    }
}

/// The last state seen of each project, so a new one can be told as a
/// change. A project's first state is not a change: it was so when the
/// page opened.
#[derive(Clone, Debug, Default)]
pub struct ConcernTracker {
    /// Sorted by project: a search a poll per project, an insert only for a
    /// project never seen; a map's code would weigh more in the wasm.
    last: Vec<(ProjectRef, Concern)>,
    /// Projects already failed, far behind or stuck when first seen.
    pub alerting_at_open: usize,
}

/// What a tracker made of a project's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seen {
    /// The project's first state: not a change.
    First,
    /// As before.
    Same,
    /// A change from the state seen before.
    Changed(AttentionChange),
}

impl Seen {
    /// The change, if it is one.
    pub fn change(self) -> Option<AttentionChange> {
        match self {
            Seen::Changed(change) => Some(change),
            _ => None,
        }
    }
}

impl ConcernTracker {
    /// Records `now` for the project `id` of `source`: its first state,
    /// the same, or a change. Borrowed: a board observes every project at
    /// every poll, and only a project seen first or changed is copied.
    pub fn observe(&mut self, (id, source): (&str, &str), title: &str, now: Concern) -> Seen {
        // `ProjectRef`'s order: by id, then source.
        let at = self
            .last
            .binary_search_by(|(p, _)| (p.id.as_str(), p.source.as_str()).cmp(&(id, source)));
        let project = || ProjectRef {
            id: id.to_owned(),
            source: source.to_owned(),
        };
        match at.map(|at| &mut self.last[at].1) {
            Err(at) => {
                self.last.insert(at, (project(), now));
                self.alerting_at_open += usize::from(now.alerting());
                Seen::First
            }
            Ok(from) if from.as_str() != now.as_str() => {
                let change = AttentionChange {
                    project: project(),
                    title: title.to_owned(),
                    from: *from,
                    to: now,
                };
                *from = now;
                Seen::Changed(change)
            }
            Ok(from) => {
                *from = now;
                Seen::Same
            }
        }
    }

    /// The worst state of every project seen, if any.
    pub fn worst(&self) -> Option<Concern> {
        self.last.iter().map(|(_, c)| *c).min_by_key(|c| c.rank())
    }
}

/// Each card of one source's board with its state for alerts (a list
/// cannot tell stuck): the board's own cards, so a project's group is
/// worked out once a poll. None while the source's list is stale: its cards
/// are shown as last known, not judged afresh. Cards without an id are
/// left out: nothing could name them.
pub fn card_concerns(part: &SourceCards) -> impl Iterator<Item = (&WallCard, Concern)> {
    let current = if part.stale { &[][..] } else { &part.cards[..] };
    current
        .iter()
        .filter(|card| !card.id.is_empty())
        .map(|card| {
            let concern = Concern {
                attention: card.attention,
                stuck: false,
                ready: false,
            };
            (&**card, concern)
        })
}

/// A notification to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Its title.
    pub title: String,
    /// Its body.
    pub body: String,
    /// The browser replaces a notification of the same tag instead of
    /// adding one: the same change told twice is shown once.
    pub tag: String,
    /// The project a click goes to; `None` for a summary.
    pub project: Option<ProjectRef>,
}

/// Changes that arrive within this of the first are told together.
pub const SETTLE_MS: i64 = 1_500;
/// More changes than this at once are one summary.
pub const MOST_SINGLE: usize = 3;
/// At most this many notifications…
pub const MOST_PER_WINDOW: usize = 6;
/// …in this long; beyond, the changes wait for the next summary.
pub const WINDOW_MS: i64 = 60_000;
/// The same change of the same project is told once in this long.
pub const REPEAT_MS: i64 = 10 * 60_000;

/// Turns changes worth telling into a few notifications: the changes of one
/// moment together (one each, or one summary for a burst), at most
/// [`MOST_PER_WINDOW`] a [`WINDOW_MS`], the same change once.
#[derive(Clone, Debug, Default)]
pub struct AlertGate {
    pending: Vec<AttentionChange>,
    due_at: Option<i64>,
    sent_at: Vec<i64>,
    /// What was told lately, and when (a few entries: a list, not a map).
    told: Vec<(ProjectRef, &'static str, i64)>,
}

impl AlertGate {
    /// Takes a change (one not worth telling, or told lately, is dropped);
    /// [`AlertGate::due_at`] then says when to call [`AlertGate::take`].
    pub fn offer(&mut self, change: AttentionChange, now_ms: i64) {
        if !change.worth_telling() {
            return;
        }
        self.told.retain(|(_, _, at)| now_ms - *at < REPEAT_MS);
        let to = change.to.as_str();
        if self
            .told
            .iter()
            .any(|(p, state, _)| *p == change.project && *state == to)
        {
            return;
        }
        self.told.push((change.project.clone(), to, now_ms));
        self.pending.push(change);
        self.due_at.get_or_insert(now_ms + SETTLE_MS);
    }

    /// When the pending changes are to be told.
    pub fn due_at(&self) -> Option<i64> {
        self.due_at
    }

    /// The notifications due at `now_ms`.
    pub fn take(&mut self, now_ms: i64, lang: Lang) -> Vec<Notice> {
        match self.due_at {
            Some(due) if due <= now_ms => {}
            _ => return Vec::new(),
        }
        self.sent_at.retain(|at| now_ms - at < WINDOW_MS);
        let room = MOST_PER_WINDOW.saturating_sub(self.sent_at.len());
        if room == 0 {
            // Wait for the window: the changes join the next summary.
            self.due_at = self.sent_at.first().map(|at| at + WINDOW_MS);
            return Vec::new();
        }
        self.due_at = None;
        let changes = std::mem::take(&mut self.pending);
        let notices = if changes.len() <= MOST_SINGLE.min(room) {
            changes.iter().map(|c| single(c, lang)).collect()
        } else {
            vec![summary(&changes, lang)]
        };
        self.sent_at.extend(notices.iter().map(|_| now_ms));
        notices
    }
}

fn single(change: &AttentionChange, lang: Lang) -> Notice {
    let ProjectRef { id, source } = &change.project;
    let name = match source.as_str() {
        "" => change.title.clone(),
        source => format!("{source} · {}", change.title),
    };
    let recovered = !change.to.alerting() && change.to.as_str() != "ready";
    Notice {
        title: i18n::notice_title(lang, &name, &concern_label(change.to, lang), recovered),
        body: i18n::notice_body(lang, &concern_label(change.from, lang), id),
        tag: format!("oms-progress:{source}:{id}:{}", change.to.as_str()),
        project: Some(change.project.clone()),
    }
}

fn summary(changes: &[AttentionChange], lang: Lang) -> Notice {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for change in changes {
        let label = if change.to.alerting() {
            concern_label(change.to, lang)
        } else {
            i18n::recovered_label(lang).to_owned()
        };
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => counts.push((label, 1)),
        }
    }
    let parts: Vec<String> = counts.iter().map(|(l, n)| format!("{n} {l}")).collect();
    Notice {
        title: i18n::notice_summary(lang, changes.len()),
        body: parts.join(" · "),
        tag: String::new(),
        project: None,
    }
}

/// A state's name for people ("failed", "stuck", "running").
pub fn concern_label(concern: Concern, lang: Lang) -> String {
    match concern.as_str() {
        "stuck" => i18n::stuck_label(lang).to_owned(),
        "ready" => i18n::CutoverMsg::ReadyState.text(lang).to_owned(),
        _ => concern.attention.label(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::wall::{source_cards, SourceList, WallFilter};
    use crate::model::LagThresholds;
    use crate::wire::{ProjectList, Status, WireProject};

    fn at(id: &str, attention: Attention) -> (ProjectRef, Concern) {
        (
            ProjectRef {
                id: id.into(),
                source: "hz".into(),
            },
            Concern {
                attention,
                stuck: false,
                ready: false,
            },
        )
    }

    fn change(id: &str, from: Attention, to: Attention) -> AttentionChange {
        AttentionChange {
            project: at(id, from).0,
            title: id.into(),
            from: at(id, from).1,
            to: at(id, to).1,
        }
    }

    #[test]
    fn the_first_state_is_not_a_change_and_is_counted_if_alerting() {
        let mut t = ConcernTracker::default();
        let (p, running) = at("a", Attention::Running);
        let (q, failed) = at("b", Attention::Failed);
        assert_eq!(t.observe((&p.id, &p.source), "a", running), Seen::First);
        assert_eq!(t.observe((&q.id, &q.source), "b", failed), Seen::First);
        assert_eq!(t.alerting_at_open, 1);
        assert_eq!(t.observe((&p.id, &p.source), "a", running), Seen::Same);
        let c = t.observe((&p.id, &p.source), "a", failed).change().unwrap();
        assert_eq!((c.from.as_str(), c.to.as_str()), ("running", "failed"));
        assert_eq!(t.worst(), Some(failed));
        let stuck = Concern {
            attention: Attention::Running,
            stuck: true,
            ready: false,
        };
        assert_eq!(stuck.as_str(), "stuck");
        assert!(stuck.rank() < running.rank() && failed.rank() < stuck.rank());
    }

    #[test]
    fn a_few_changes_are_told_each_a_burst_once_and_repeats_never() {
        let mut gate = AlertGate::default();
        gate.offer(change("a", Attention::Running, Attention::Failed), 0);
        gate.offer(change("b", Attention::Running, Attention::Behind), 0);
        assert_eq!(gate.take(1_000, Lang::En), [], "settling");
        let told = gate.take(SETTLE_MS, Lang::En);
        assert_eq!(told.len(), 1, "behind is not told: {told:?}");
        assert_eq!(told[0].title, "hz · a: failed");
        assert_eq!(told[0].body, "Was running (project a).");
        assert_eq!(told[0].tag, "oms-progress:hz:a:failed");
        // The same change again within the repeat window: nothing.
        gate.offer(change("a", Attention::Running, Attention::Failed), 5_000);
        assert_eq!(gate.due_at(), None);
        // Recovery is told.
        gate.offer(change("a", Attention::Failed, Attention::Running), 6_000);
        let told = gate.take(6_000 + SETTLE_MS, Lang::En);
        assert_eq!(told[0].title, "hz · a: running again");
        // A burst of 40 is one summary.
        for n in 0..40 {
            let id = format!("p{n}");
            let to = if n == 39 {
                Attention::FarBehind
            } else {
                Attention::Failed
            };
            gate.offer(change(&id, Attention::Running, to), 10_000);
        }
        let told = gate.take(10_000 + SETTLE_MS, Lang::En);
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].title, "40 OMS projects changed");
        assert_eq!(told[0].body, "39 failed · 1 far behind");
        assert_eq!(told[0].project, None);
    }

    #[test]
    fn at_most_a_few_a_minute_the_rest_summed_up_after() {
        let mut gate = AlertGate::default();
        let mut sent = 0;
        for n in 0..10 {
            let t = n * 2_000;
            gate.offer(
                change(&format!("p{n}"), Attention::Running, Attention::Failed),
                t,
            );
            sent += gate.take(t + SETTLE_MS, Lang::En).len();
        }
        assert_eq!(sent, MOST_PER_WINDOW);
        let due = gate.due_at().unwrap();
        assert_eq!(due, WINDOW_MS + SETTLE_MS);
        let told = gate.take(due, Lang::En);
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].title, "4 OMS projects changed");
    }

    #[test]
    fn a_board_s_cards_are_its_concerns_while_current() {
        let project = |id: Option<&str>, status: &str| WireProject {
            id: id.map(Into::into),
            name: Some(format!("name {}", id.unwrap_or("?"))),
            status: Status::parse(status),
            ..WireProject::default()
        };
        let list = ProjectList::of(vec![
            project(Some("np_a"), "RUNNING"),
            project(None, "FAILED"),
            project(Some("np_b"), "FAILED"),
        ]);
        let cards = |stale| {
            let part = SourceList {
                name: "hz",
                list: &list,
                stale,
                failing: false,
            };
            source_cards(
                &part,
                &WallFilter::default(),
                LagThresholds::default(),
                Lang::En,
            )
        };
        let current = cards(false);
        let seen: Vec<_> = card_concerns(&current)
            .map(|(card, c)| (card.id.as_str(), card.source.as_str(), c.as_str()))
            .collect();
        assert_eq!(
            seen,
            [("np_b", "hz", "failed"), ("np_a", "hz", "running")],
            "in the board's order, a card without an id left out"
        );
        let mut t = ConcernTracker::default();
        for (card, c) in card_concerns(&current) {
            assert_eq!(
                t.observe((&card.id, &card.source), &card.title, c),
                Seen::First
            );
        }
        assert_eq!(t.alerting_at_open, 1);
        assert_eq!(
            card_concerns(&cards(true)).count(),
            0,
            "a stale list is not judged afresh"
        );
    }

    #[test]
    fn becoming_ready_to_switch_over_is_told_and_losing_it_is_not() {
        let (p, running) = at("a", Attention::Running);
        let ready = Concern {
            ready: true,
            ..running
        };
        let told = |from, to| AttentionChange {
            project: p.clone(),
            title: "a".into(),
            from,
            to,
        };
        assert_eq!(ready.as_str(), "ready");
        assert_eq!(
            ready.rank(),
            running.rank(),
            "good news is not a worst state"
        );
        assert!(told(running, ready).worth_telling());
        assert!(!told(ready, running).worth_telling());
        let failed = Concern {
            attention: Attention::Failed,
            ..ready
        };
        assert_eq!(failed.as_str(), "failed", "failed outranks ready");
        let mut gate = AlertGate::default();
        gate.offer(told(running, ready), 0);
        let notices = gate.take(SETTLE_MS, Lang::En);
        assert_eq!(notices[0].title, "hz · a: ready to switch over");
        assert_eq!(notices[0].body, "Was running (project a).");
        gate.offer(told(running, ready), SETTLE_MS);
        gate.offer(
            told(
                running,
                Concern {
                    ready: true,
                    ..running
                },
            ),
            SETTLE_MS,
        );
        assert_eq!(gate.take(2 * SETTLE_MS, Lang::ZhCn), [], "told once");
        let mut gate = AlertGate::default();
        gate.offer(told(running, ready), 0);
        assert_eq!(
            gate.take(SETTLE_MS, Lang::ZhCn)[0].title,
            "hz · a：可以切换"
        );
    }
}
