//! The view: everything the widget draws, as plain data.
//!
//! Split in two so a poll that brings unchanged data changes nothing on
//! screen: [`View`] depends only on what polls brought; [`LiveView`] holds
//! the few things that move with the clock (ages, countdowns, staleness).

use super::checkpoint::{interpret_checkpoint, Checkpoint, Lag, LagLevel, LagThresholds};
use super::error::{error_view, ErrorView};
use super::state::{PollState, StopReason};
use super::tone::{status_tone, Tone};
use crate::i18n::{self, Lang, Msg};
use crate::wire::{Percent, Status};
use std::time::Duration;

/// A stage with a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Schema (structure) migration.
    Struct,
    /// Full data migration.
    Full,
}

impl Stage {
    /// The value of `data-stage`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Struct => "struct",
            Stage::Full => "full",
        }
    }

    /// The stage's name for the operator.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Stage::Struct => Msg::StageStruct.text(lang),
            Stage::Full => Msg::StageFull.text(lang),
        }
    }
}

/// One stage's progress bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Which stage.
    pub stage: Stage,
    /// 0–100, or `None` when OMS did not say.
    pub value: Option<u8>,
    /// The value as sent, when it had to be clamped or was not a number.
    pub raw: Option<String>,
}

/// The step now running: OMS's name, and its label when the name is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// As OMS sent it; becomes `data-step`.
    pub code: String,
    /// `None` for a step OMS does not document: the code is shown instead.
    pub label: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
/// An incremental sync's checkpoint as the operator reads it.
pub struct IncrView {
    /// The checkpoint, read.
    pub checkpoint: Option<Checkpoint>,
    /// The checkpoint as the operator reads it: a UTC time, a log position or the raw text.
    pub checkpoint_text: String,
}

/// The state as `data-state` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WidgetState {
    /// No answer yet.
    Loading,
    /// Current data.
    Live,
    /// Data older than the options allow.
    Stale,
    /// No data, only an error.
    Error,
}

impl WidgetState {
    /// The DOM contract's name (`data-state`).
    pub fn as_str(self) -> &'static str {
        match self {
            WidgetState::Loading => "loading",
            WidgetState::Live => "live",
            WidgetState::Stale => "stale",
            WidgetState::Error => "error",
        }
    }
}

/// What the polls brought, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// Whether any answer was read.
    pub has_data: bool,
    /// `None` until OMS sends a status.
    pub status: Option<Status>,
    /// The translated status, the raw text of an unknown one, or "Unknown status".
    pub status_label: String,
    /// The status's tone.
    pub tone: Tone,
    /// OMS's alarm level: translated when documented, else as sent.
    pub importance: Option<String>,
    /// The step now running.
    pub step: Option<Step>,
    /// The stages' bars, for the stages the project has.
    pub bars: Vec<Bar>,
    /// The forward incremental sync, when the project has one.
    pub incr: Option<IncrView>,
    /// The reverse incremental sync, when it is enabled (after switch-over).
    pub reverse: Option<IncrView>,
    /// The latest error, if the last poll failed.
    pub error: Option<ErrorView>,
    /// Why polling stopped, if it did.
    pub stopped: Option<StopReason>,
}

impl View {
    /// The value of `data-status`: OMS's status, or `UNKNOWN` when none was sent.
    pub fn status_code(&self) -> &str {
        self.status.as_ref().map_or("UNKNOWN", Status::code)
    }
}

/// What moves with the clock.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveView {
    /// The widget's state (`data-state`).
    pub state: WidgetState,
    /// When the checkpoint is a time.
    pub lag: Option<Lag>,
    /// The reverse sync's lag, when its checkpoint is a time.
    pub reverse_lag: Option<Lag>,
    /// Seconds since the last good data.
    pub updated_ago_secs: Option<u64>,
    /// Seconds until the next try after a failure.
    pub retry_in_secs: Option<u64>,
    /// Whether the data is older than the options allow.
    pub stale: bool,
}

fn bar(stage: Stage, enabled: Option<bool>, percent: &Option<Percent>) -> Option<Bar> {
    // A stage is drawn when OMS says it is enabled, or says nothing but sent a value.
    let shown = enabled.unwrap_or(percent.is_some());
    shown.then(|| Bar {
        stage,
        value: percent.as_ref().map(|p| p.value),
        raw: percent.as_ref().and_then(|p| p.raw.clone()),
    })
}

fn incr_view(checkpoint_raw: Option<&str>, lang: Lang) -> IncrView {
    let checkpoint = checkpoint_raw.map(interpret_checkpoint);
    let checkpoint_text = match &checkpoint {
        None => Msg::NoCheckpointYet.text(lang).to_owned(),
        Some(Checkpoint::Unix(secs)) => utc_time(*secs),
        Some(Checkpoint::LogPosition { file, offset }) => {
            format!("{} {file},{offset}", Msg::LogPosition.text(lang))
        }
        // An empty value would read as nothing at all: show that it was empty.
        Some(Checkpoint::Raw(raw)) if raw.is_empty() => "\"\"".to_owned(),
        Some(Checkpoint::Raw(raw)) => raw.clone(),
    };
    IncrView {
        checkpoint,
        checkpoint_text,
    }
}

/// Builds the poll-driven part of the view.
pub fn build_view(state: &PollState, lang: Lang) -> View {
    let p = state.last_good.as_ref();
    let status = p.and_then(|p| p.status.clone());
    let incr = p
        .filter(|p| p.enable_incr.unwrap_or(p.incr_checkpoint.is_some()))
        .map(|p| incr_view(p.incr_checkpoint.as_deref(), lang));
    let reverse = p
        .filter(|p| {
            p.enable_reverse_incr
                .unwrap_or(p.reverse_checkpoint.is_some())
        })
        .map(|p| incr_view(p.reverse_checkpoint.as_deref(), lang));
    View {
        has_data: p.is_some(),
        status_label: match &status {
            Some(s) => i18n::status_label(s, lang).unwrap_or(s.code()).to_owned(),
            None => Msg::UnknownStatus.text(lang).to_owned(),
        },
        tone: status.as_ref().map_or(Tone::Neutral, status_tone),
        status,
        // A documented level in the widget's language, anything else as sent.
        importance: p.and_then(|p| p.importance.as_deref()).map(|level| {
            i18n::importance_label(level, lang).map_or_else(|| level.to_owned(), str::to_owned)
        }),
        step: p.and_then(|p| p.current_step.clone()).map(|code| Step {
            label: i18n::step_label(&code, lang),
            code,
        }),
        bars: p
            .map(|p| {
                [
                    bar(Stage::Struct, p.enable_struct, &p.struct_progress),
                    bar(Stage::Full, p.enable_full, &p.full_progress),
                ]
                .into_iter()
                .flatten()
                .collect()
            })
            .unwrap_or_default(),
        incr,
        reverse,
        error: state.error.as_ref().map(|e| error_view(e, lang)),
        stopped: state.stopped,
    }
}

/// Builds the clock-driven part of the view at `now_ms`. Data older than
/// `stale_after` is stale.
pub fn live_view(
    state: &PollState,
    now_ms: i64,
    stale_after: Duration,
    thresholds: LagThresholds,
) -> LiveView {
    live_view_corrected(state, now_ms, stale_after, thresholds, 0)
}

/// [`live_view`] with the lag read on OMS's clock: `oms_offset_ms` is OMS's
/// clock minus the browser's ([`super::ClockOffset`]). Ages and countdowns
/// stay differences of browser times.
pub fn live_view_corrected(
    state: &PollState,
    now_ms: i64,
    stale_after: Duration,
    thresholds: LagThresholds,
    oms_offset_ms: i64,
) -> LiveView {
    // The ticking clock may lag behind an answer that just arrived (it
    // ticks once a second): never read the data at a time before it came.
    let now_ms = now_ms.max(state.last_good_at_ms.unwrap_or(i64::MIN));
    let stale = state.is_stale(now_ms, stale_after);
    let p = state.last_good.as_ref();
    // Finished, released and deleted projects' checkpoints age for good:
    // no lag is judged from them.
    let judged = !matches!(
        p.and_then(|p| p.status.as_ref()),
        Some(Status::Finished | Status::Releasing | Status::Released | Status::Deleted)
    );
    // Without a current answer, the lag is the one the last answer
    // confirmed, as of then: this clock alone says nothing new.
    let as_of_ms = (state.error.is_some() || stale)
        .then_some(state.last_good_at_ms)
        .flatten();
    let oms_now_ms = as_of_ms.unwrap_or(now_ms).saturating_add(oms_offset_ms);
    let paused = p.and_then(|p| p.status.as_ref()) == Some(&Status::Suspend);
    let lag_of = |raw: Option<&str>| match interpret_checkpoint(raw?) {
        Checkpoint::Unix(secs) if judged => {
            let lag = Lag::at(secs, oms_now_ms, thresholds);
            Some(Lag {
                as_of_ms,
                level: if paused { LagLevel::Paused } else { lag.level },
                ..lag
            })
        }
        _ => None,
    };
    let lag = lag_of(p.and_then(|p| p.incr_checkpoint.as_deref()));
    let reverse_lag = lag_of(p.and_then(|p| p.reverse_checkpoint.as_deref()));
    let secs_until = |at: i64| (at.saturating_sub(now_ms).max(0) as u64).div_ceil(1000);
    LiveView {
        state: match (&state.error, &state.last_good) {
            (Some(_), _) => WidgetState::Error,
            (None, None) => WidgetState::Loading,
            (None, Some(_)) if stale => WidgetState::Stale,
            (None, Some(_)) => WidgetState::Live,
        },
        lag,
        reverse_lag,
        updated_ago_secs: state
            .last_good_at_ms
            .map(|at| (now_ms.saturating_sub(at).max(0) / 1000) as u64),
        retry_in_secs: state
            .error
            .as_ref()
            .and(state.next_poll_at_ms)
            .map(secs_until),
        stale,
    }
}

/// `2026-11-28 11:04:45 UTC`: unambiguous wherever the operator sits.
pub fn utc_time(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ErrorKind;
    use crate::policy::PollOptions;
    use crate::wire::{FetchError, OmsError, Progress};

    fn state_with(p: Progress) -> PollState {
        let mut st = PollState::default();
        st.record(Ok(p), 1_000_000, 0.5, &PollOptions::default());
        st
    }

    #[test]
    fn a_clock_tick_older_than_the_answer_does_not_shrink_the_lag() {
        // The answer arrived at …000.0 s with a checkpoint 4 s behind; the
        // ticking clock last read half a second earlier.
        let mut st = PollState::default();
        let p = Progress {
            incr_checkpoint: Some("1763999996".into()),
            ..Progress::default()
        };
        st.record(Ok(p), 1_764_000_000_000, 0.5, &PollOptions::default());
        let lv = live_view(
            &st,
            1_763_999_999_500,
            Duration::from_secs(15),
            LagThresholds::default(),
        );
        assert_eq!(lv.lag.map(|l| l.secs), Some(4));
        assert_eq!(lv.updated_ago_secs, Some(0));
    }

    #[test]
    fn utc_times() {
        assert_eq!(utc_time(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_time(1_661_241_223), "2022-08-23 07:53:43 UTC");
        assert_eq!(utc_time(951_782_400), "2000-02-29 00:00:00 UTC");
    }

    #[test]
    fn bars_follow_the_enable_flags() {
        let p = Progress {
            enable_struct: Some(false),
            enable_full: Some(true),
            struct_progress: Some(Percent {
                value: 100,
                raw: None,
            }),
            ..Progress::default()
        };
        let v = build_view(&state_with(p), Lang::En);
        assert_eq!(v.bars.len(), 1);
        assert_eq!((v.bars[0].stage, v.bars[0].value), (Stage::Full, None));
    }

    #[test]
    fn unknown_status_and_step_are_shown_raw_and_missing_status_is_unknown() {
        let p = Progress {
            status: Status::parse("WARPING"),
            current_step: Some("NEW_STEP".into()),
            ..Progress::default()
        };
        let v = build_view(&state_with(p), Lang::En);
        assert_eq!(
            (v.status_code(), v.status_label.as_str(), v.tone),
            ("WARPING", "WARPING", Tone::Neutral)
        );
        assert_eq!(
            v.step,
            Some(Step {
                code: "NEW_STEP".into(),
                label: None
            })
        );
        let v = build_view(&state_with(Progress::default()), Lang::ZhCn);
        assert_eq!(
            (v.status_code(), v.status_label.as_str()),
            ("UNKNOWN", "未知状态")
        );
    }

    #[test]
    fn live_view_ticks_lag_states_and_retry_countdown() {
        let opts = PollOptions::default();
        let stale_after = opts.stale_after();
        let p = Progress {
            enable_incr: Some(true),
            incr_checkpoint: Some("990".into()),
            ..Progress::default()
        };
        let st = state_with(p.clone());
        // 990 is implausible as unix seconds: raw, so no lag.
        assert_eq!(
            live_view(&st, 1_000_000, stale_after, LagThresholds::default()).lag,
            None
        );
        let mut st = PollState::default();
        let answered = 1_661_241_230_000;
        let checkpoint = Progress {
            incr_checkpoint: Some("1661241200".into()),
            ..p
        };
        st.record(Ok(checkpoint.clone()), answered, 0.5, &opts);
        let lv = live_view(&st, answered, stale_after, LagThresholds::default());
        assert_eq!(
            lv.lag,
            Some(Lag {
                secs: 30,
                level: LagLevel::Warn,
                clock_skew: false,
                source: crate::model::LagSource::Browser,
                as_of_ms: None,
            })
        );
        // An hour later, with no answer since: stale, and the lag is the one
        // the last answer confirmed, as of then, not an hour more.
        let now = answered + 3_600_000;
        let lv = live_view(&st, now, stale_after, LagThresholds::default());
        assert_eq!(lv.state, WidgetState::Stale, "recorded long before now");
        let lag = lv.lag.unwrap();
        assert_eq!(
            (lag.secs, lag.level, lag.as_of_ms),
            (30, LagLevel::Warn, Some(answered))
        );
        // Paused: its age is told, not judged "far behind".
        let mut paused = PollState::default();
        let suspended = Progress {
            status: Some(Status::Suspend),
            ..checkpoint.clone()
        };
        paused.record(Ok(suspended), answered + 600_000, 0.5, &opts);
        let lag = live_view(
            &paused,
            answered + 600_000,
            stale_after,
            LagThresholds::default(),
        )
        .lag
        .unwrap();
        assert_eq!((lag.secs, lag.level.as_str()), (630, "paused"));
        st.record(Err(FetchError::Timeout), now, 1.0, &opts);
        let lv = live_view(&st, now + 2_500, stale_after, LagThresholds::default());
        assert_eq!((lv.state, lv.retry_in_secs), (WidgetState::Error, Some(8)));
        let v = build_view(&st, Lang::En);
        assert_eq!(v.error.unwrap().kind, ErrorKind::Timeout);
        assert_eq!(
            v.incr.unwrap().checkpoint_text,
            "2022-08-23 07:53:20 UTC",
            "last good data still shown"
        );
    }

    #[test]
    fn finished_released_and_deleted_projects_get_no_lag_judgement() {
        let opts = PollOptions::default();
        for status in ["FINISHED", "RELEASING", "RELEASED", "DELETED", "RUNNING"] {
            let mut st = PollState::default();
            let p = Progress {
                status: Status::parse(status),
                enable_incr: Some(true),
                incr_checkpoint: Some("1661241200".into()),
                ..Progress::default()
            };
            st.record(Ok(p), 1_661_500_000_000, 0.5, &opts);
            let lv = live_view(
                &st,
                1_661_500_000_000,
                opts.stale_after(),
                LagThresholds::default(),
            );
            assert_eq!(lv.lag.is_some(), status == "RUNNING", "{status}");
            assert!(
                build_view(&st, Lang::En).incr.is_some(),
                "the checkpoint still shows"
            );
        }
    }

    #[test]
    fn a_failed_poll_freezes_the_lag_at_what_the_last_answer_confirmed() {
        let opts = PollOptions::default();
        let mut st = PollState::default();
        let p = Progress {
            status: Status::parse("RUNNING"),
            incr_checkpoint: Some("1661241200".into()),
            ..Progress::default()
        };
        st.record(Ok(p), 1_661_241_210_000, 0.5, &opts);
        st.record(Err(FetchError::Timeout), 1_661_241_220_000, 0.5, &opts);
        let lag = live_view(
            &st,
            1_661_241_600_000,
            opts.stale_after(),
            LagThresholds::default(),
        )
        .lag
        .unwrap();
        assert_eq!(
            (lag.secs, lag.level, lag.as_of_ms),
            (10, LagLevel::CaughtUp, Some(1_661_241_210_000))
        );
    }

    #[test]
    fn the_reverse_sync_has_its_own_lag_after_switch_over() {
        let p = crate::wire::parse_answer(
            r#"{"success":true,"data":{"status":"RUNNING","enableIncrSync":true,"incrSyncCheckpoint":1661241220,"enableReverseIncrTransfer":true,"reverseIncrTransferCheckpoint":1661241150}}"#,
        );
        let Ok(crate::wire::Answer::Progress(p)) = p else {
            panic!("{p:?}")
        };
        let mut st = PollState::default();
        st.record(Ok(p), 1_661_241_230_000, 0.5, &PollOptions::default());
        let v = build_view(&st, Lang::En);
        assert_eq!(
            v.reverse.unwrap().checkpoint,
            Some(Checkpoint::Unix(1_661_241_150))
        );
        let lv = live_view(
            &st,
            1_661_241_230_000,
            Duration::from_secs(15),
            LagThresholds::default(),
        );
        assert_eq!(lv.lag.map(|l| l.secs), Some(10));
        assert_eq!(
            lv.reverse_lag.map(|l| (l.secs, l.level)),
            Some((80, LagLevel::Warn))
        );
        // Not enabled and no checkpoint: no reverse line at all.
        assert_eq!(
            build_view(&state_with(Progress::default()), Lang::En).reverse,
            None
        );
    }

    #[test]
    fn errors_carry_oms_fields_and_not_found_is_recognised() {
        let mut st = PollState::default();
        let e = OmsError {
            code: Some("CM-RESONF000003".into()),
            message: Some("<b>x</b>".into()),
            advice: Some("a".into()),
            request_id: None,
            level: None,
        };
        st.record(Err(FetchError::Oms(e)), 0, 0.5, &PollOptions::default());
        let v = build_view(&st, Lang::En);
        let err = v.error.unwrap();
        assert_eq!(
            (err.kind, err.message.as_deref(), err.advice.as_deref()),
            (ErrorKind::NotFound, Some("<b>x</b>"), Some("a"))
        );
        assert_eq!(
            live_view(&st, 0, Duration::from_secs(15), LagThresholds::default()).state,
            WidgetState::Error
        );
    }
}
