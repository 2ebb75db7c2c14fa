//! The six checks of switch-over readiness, each from what the widget
//! has, each holding, failing or unknown (never guessed), with its words.

use super::checkpoint::LagLevel;
use super::lag_held::Held;
use super::steps::{failure_reason, StepStatus};
use super::verify::{is_full_verify_step, verify_done};
use super::view::LiveView;
use crate::i18n::{self, quoted, CutoverMsg, Lang};
use crate::wire::{Progress, Status, VerifyResult, WireStep};

/// How a check stands: the value of `data-ok`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckState {
    /// It holds.
    Ok,
    /// It does not.
    Failing,
    /// What is known cannot say.
    Unknown,
}

impl CheckState {
    /// The value of `data-ok`.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckState::Ok => "true",
            CheckState::Failing => "false",
            CheckState::Unknown => "unknown",
        }
    }
}

/// What the verification results are, as the widget has them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VerifyInput<'a> {
    /// Not read yet.
    NotRead,
    /// Read.
    Read(&'a VerifyResult),
    /// The last read failed: why, in the widget's language.
    Unreadable(&'a str),
}

/// A check's state, whether it blocks, and its words.
pub(super) type Judged = (CheckState, bool, String);

/// A step's label, or its raw name.
fn label_of(step: &WireStep, lang: Lang) -> String {
    let name = step.name.as_deref().unwrap_or("");
    i18n::step_label(name, lang).map_or_else(|| name.to_owned(), str::to_owned)
}

/// A step that is not where the switch-over needs it, in words; unknown
/// for a status this widget does not know.
fn step_not_there(step: &WireStep, status: &StepStatus, lang: Lang) -> Judged {
    let label = label_of(step, lang);
    if let StepStatus::Other(raw) = status {
        let text = i18n::cutover_unknown_status(lang, &label, &quoted(raw));
        return (CheckState::Unknown, true, text);
    }
    let progress = step
        .progress
        .as_ref()
        .map(|p| p.value)
        .filter(|_| *status == StepStatus::Running);
    let text = i18n::cutover_step_state(lang, &label, &status.label(lang), progress);
    (CheckState::Failing, true, text)
}

fn is_full_copy_step(step: &WireStep) -> bool {
    let name = step.name.as_deref().unwrap_or("").to_ascii_uppercase();
    name.contains("FULL") && !name.contains("VERIF") && !name.contains("VALID")
}

pub(super) fn full_check(steps: &[WireStep], lang: Lang) -> Judged {
    let mut full = steps.iter().filter(|s| is_full_copy_step(s)).peekable();
    if full.peek().is_none() {
        let text = CutoverMsg::NoFullStep.text(lang).to_owned();
        return (CheckState::Unknown, false, text);
    }
    for step in full {
        let status = StepStatus::parse(step.status.as_deref().unwrap_or(""));
        if status != StepStatus::Finished {
            return step_not_there(step, &status, lang);
        }
    }
    let text = CutoverMsg::FullDone.text(lang).to_owned();
    (CheckState::Ok, true, text)
}

pub(super) fn verify_check(steps: &[WireStep], verify: VerifyInput, lang: Lang) -> Judged {
    let Some(step) = steps.iter().find(|s| is_full_verify_step(s)) else {
        let text = CutoverMsg::NoVerifyStep.text(lang).to_owned();
        return (CheckState::Unknown, false, text);
    };
    if !verify_done(step) {
        let status = StepStatus::parse(step.status.as_deref().unwrap_or(""));
        return step_not_there(step, &status, lang);
    }
    let (state, text) = match verify {
        VerifyInput::NotRead => (
            CheckState::Unknown,
            CutoverMsg::VerifyNotRead.text(lang).to_owned(),
        ),
        VerifyInput::Unreadable(why) => {
            (CheckState::Unknown, i18n::cutover_verify_unread(lang, why))
        }
        VerifyInput::Read(result) => match result.different_rows {
            Some(0) => (
                CheckState::Ok,
                CutoverMsg::VerifyConsistent.text(lang).to_owned(),
            ),
            Some(n) if n > 0 => (CheckState::Failing, i18n::cutover_rows_differ(lang, n)),
            Some(n) => (CheckState::Unknown, i18n::cutover_odd_count(lang, n)),
            None => (
                CheckState::Unknown,
                i18n::verify_line(lang, "unknown", None, None),
            ),
        },
    };
    (state, true, text)
}

/// What the lag checks read of the clock-driven view: the lag judged
/// against the limit, not its figure, so that a lag ticking with the clock
/// moves the verdict only when it crosses the limit (the card shows the
/// figure beside it), and readiness is not worked out again every second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LagNow {
    /// The data is current: there is some, and it is not stale. A failed
    /// poll leaves it current until then, as the alerts judge it, so that
    /// one timeout does not turn a ready project "not ready" and back.
    pub current: bool,
    /// The forward lag against the limit; `None`: no checkpoint time.
    pub lag: Option<LagAgainst>,
}

/// The forward lag against `cutover-lag`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LagAgainst {
    /// At or below it.
    Within,
    /// Above it.
    Above,
    /// The project is paused: no lag is judged.
    Paused,
    /// The checkpoint is ahead of this clock: the figure says nothing.
    ClockAhead,
}

impl LagNow {
    /// `live` judged against `limit` seconds.
    pub fn of(live: &LiveView, limit: u64) -> LagNow {
        LagNow {
            current: live.updated_ago_secs.is_some() && !live.stale,
            lag: live.lag.map(|lag| match lag {
                _ if lag.level == LagLevel::Paused => LagAgainst::Paused,
                _ if lag.clock_skew => LagAgainst::ClockAhead,
                _ if lag.secs <= limit => LagAgainst::Within,
                _ => LagAgainst::Above,
            }),
        }
    }
}

pub(super) fn lag_check(
    now: LagNow,
    progress: Option<&Progress>,
    limit: u64,
    lang: Lang,
) -> Judged {
    let unknown = |msg: CutoverMsg| (CheckState::Unknown, true, msg.text(lang).to_owned());
    if !now.current {
        return unknown(CutoverMsg::NoCurrentAnswer);
    }
    let running = progress
        .and_then(|p| p.status.as_ref())
        .is_some_and(Status::is_running);
    if !running {
        return unknown(CutoverMsg::LagNotJudged);
    }
    let within = match now.lag {
        Some(LagAgainst::Paused) => return unknown(CutoverMsg::LagNotJudged),
        None => return unknown(CutoverMsg::LagNotATime),
        Some(LagAgainst::ClockAhead) => return unknown(CutoverMsg::LagClockAhead),
        Some(LagAgainst::Within) => true,
        Some(LagAgainst::Above) => false,
    };
    let text = i18n::cutover_lag(lang, &i18n::rough_duration(lang, limit), within);
    let state = if within {
        CheckState::Ok
    } else {
        CheckState::Failing
    };
    (state, true, text)
}

pub(super) fn held_check(
    current: bool,
    held: &Held,
    limit: u64,
    (lang, time): (Lang, &dyn Fn(i64) -> String),
) -> Judged {
    if !current {
        let text = CutoverMsg::NoCurrentAnswer.text(lang).to_owned();
        return (CheckState::Unknown, true, text);
    }
    let limit = i18n::rough_duration(lang, limit);
    let hold = i18n::rough_duration(lang, (held.window_ms / 1000) as u64);
    if let Some((at_ms, secs)) = held.above {
        // Rounded up, as the budget's figures are: a lag just over the
        // limit never reads as equal to it.
        let lag = i18n::duration(lang, secs.ceil() as u64);
        let at = time(at_ms.div_euclid(1000));
        let text = i18n::cutover_held_above(lang, &lag, &at, &limit, &hold);
        return (CheckState::Failing, true, text);
    }
    if held.whole() {
        return (
            CheckState::Ok,
            true,
            i18n::cutover_held(lang, &limit, &hold),
        );
    }
    let covered =
        (held.covered_ms >= 1000).then(|| i18n::duration(lang, (held.covered_ms / 1000) as u64));
    let text = i18n::cutover_held_short(lang, &limit, covered.as_deref(), &hold);
    (CheckState::Unknown, true, text)
}

pub(super) fn healthy_check(
    (steps, plan_error): (&[WireStep], Option<&str>),
    progress: Option<&Progress>,
    lang: Lang,
) -> Judged {
    let Some(progress) = progress else {
        let text = CutoverMsg::NoAnswerYet.text(lang).to_owned();
        return (CheckState::Unknown, true, text);
    };
    let project = CutoverMsg::Project.text(lang);
    match &progress.status {
        None => {
            let text = i18n::Msg::UnknownStatus.text(lang).to_owned();
            return (CheckState::Unknown, true, text);
        }
        Some(Status::Other(raw)) => {
            let text = i18n::cutover_unknown_status(lang, project, &quoted(raw));
            return (CheckState::Unknown, true, text);
        }
        Some(status) if !status.is_running() => {
            let label = i18n::status_label(status, lang).unwrap_or(status.code());
            let why = (*status == Status::Failed)
                .then(|| failure_reason(steps, lang))
                .flatten();
            let text = i18n::cutover_project_state(lang, label, why.as_deref());
            return (CheckState::Failing, true, text);
        }
        Some(_) => {}
    }
    // A plan that could not be read again says nothing of the steps now.
    if let Some(why) = plan_error {
        return (
            CheckState::Unknown,
            true,
            i18n::cutover_plan_unread(lang, why),
        );
    }
    let statuses: Vec<(&WireStep, StepStatus)> = steps
        .iter()
        .map(|s| (s, StepStatus::parse(s.status.as_deref().unwrap_or(""))))
        .collect();
    let stopped = |s: &StepStatus| matches!(s, StepStatus::Failed | StepStatus::Suspend);
    if let Some((step, status)) = statuses.iter().find(|(_, s)| stopped(s)) {
        if *status == StepStatus::Failed {
            if let Some(why) = failure_reason(std::slice::from_ref(*step), lang) {
                return (CheckState::Failing, true, why);
            }
        }
        return step_not_there(step, status, lang);
    }
    let odd = |s: &StepStatus| matches!(s, StepStatus::Other(raw) if !raw.trim().is_empty());
    if let Some((step, status)) = statuses.iter().find(|(_, s)| odd(s)) {
        return step_not_there(step, status, lang);
    }
    let text = CutoverMsg::Healthy.text(lang).to_owned();
    (CheckState::Ok, true, text)
}

pub(super) fn reverse_check(steps: &[WireStep], progress: Option<&Progress>, lang: Lang) -> Judged {
    let in_plan = steps.iter().any(|s| {
        let name = s.name.as_deref().unwrap_or("").to_ascii_uppercase();
        name.contains("REVERSE") && name.contains("INCR")
    });
    let (state, msg) = match progress.and_then(|p| p.enable_reverse_incr) {
        Some(true) => (CheckState::Ok, CutoverMsg::ReverseOn),
        Some(false) => (CheckState::Failing, CutoverMsg::ReverseOff),
        None if in_plan => (CheckState::Ok, CutoverMsg::ReverseOn),
        None => (CheckState::Unknown, CutoverMsg::ReverseUnknown),
    };
    (state, false, msg.text(lang).to_owned())
}
