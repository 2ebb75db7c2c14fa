//! Switch-over readiness of an OMS 4.x project whose plan has a switch-over
//! step (`TRANSFER_APP_SWITCH` or `APP_SWITCH`): a verdict and the checks
//! behind it, each holding, failing or unknown, never guessed.
//!
//! OMS has no readiness action of its own: this reads the step plan, the
//! verification's count of differing rows, the current lag and the joined
//! lag history. A switch-over step RUNNING at 0 % waits for the operator's
//! confirmation (as a captured OMS answer shows), so readiness is judged
//! then too; RUNNING past 0 % (or without a progress) is switching.

use super::checkpoint::LagThresholds;
use super::cutover_checks::{
    full_check, healthy_check, held_check, lag_check, reverse_check, verify_check,
};
pub use super::cutover_checks::{CheckState, LagAgainst, LagNow, VerifyInput};
use super::history::History;
use super::lag_held::lag_held;
use super::steps::StepStatus;
use super::verify::{is_full_verify_step, verify_running};
use crate::i18n::{self, CutoverMsg, Lang};
use crate::wire::{Point, Progress, Status, WireProject, WireStep};
use std::time::Duration;

/// The shortest `cutover-hold`: a shorter window says little beyond the
/// lag now (OMS samples its checkpoint about every 10 s).
pub const MIN_HOLD: Duration = Duration::from_secs(60);

/// The longest `cutover-hold`: OMS's history is read for the chart's
/// range, an hour at least, and the browser keeps half an hour.
pub const MAX_HOLD: Duration = Duration::from_secs(3600);

/// The options of switch-over readiness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CutoverOptions {
    /// `cutover-lag`: the most forward lag, in seconds, that allows a
    /// switch-over. Default `None`: the warning lag (`lag-warn`).
    pub lag_secs: Option<u64>,
    /// `cutover-hold`: how long the lag must have stayed within it. Default
    /// 300 s; never below [`MIN_HOLD`].
    pub hold: Duration,
}

impl Default for CutoverOptions {
    fn default() -> Self {
        CutoverOptions {
            lag_secs: None,
            hold: Duration::from_secs(300),
        }
    }
}

impl CutoverOptions {
    /// The lag limit in seconds: `cutover-lag`, else the warning lag.
    pub fn limit_secs(&self, lag: LagThresholds) -> u64 {
        self.lag_secs.unwrap_or(lag.warn_secs)
    }
}

/// The verdict: the value of `data-cutover`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutoverVerdict {
    /// Every blocking check holds.
    Ready,
    /// A blocking check fails or is unknown.
    NotReady,
    /// The switch-over step runs.
    Switching,
    /// The switch-over step finished: the reverse sync's lag matters now.
    Switched,
}

impl CutoverVerdict {
    /// The value of `data-cutover`.
    pub fn as_str(self) -> &'static str {
        match self {
            CutoverVerdict::Ready => "ready",
            CutoverVerdict::NotReady => "not-ready",
            CutoverVerdict::Switching => "switching",
            CutoverVerdict::Switched => "switched",
        }
    }
}

/// Which check: the value of `data-check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckName {
    /// The full copy finished.
    Full,
    /// The verification finished and OMS counts no differing row.
    Verify,
    /// The forward lag is within `cutover-lag` now.
    Lag,
    /// … and was for the last `cutover-hold`.
    LagHeld,
    /// No failed or paused step; the project runs.
    Healthy,
    /// Reverse incremental is on (advisory: it never blocks).
    Reverse,
}

impl CheckName {
    /// Every check, in the order the card shows them.
    pub const ALL: [CheckName; 6] = [
        CheckName::Full,
        CheckName::Verify,
        CheckName::Lag,
        CheckName::LagHeld,
        CheckName::Healthy,
        CheckName::Reverse,
    ];

    /// The value of `data-check`.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckName::Full => "full",
            CheckName::Verify => "verify",
            CheckName::Lag => "lag",
            CheckName::LagHeld => "lag-held",
            CheckName::Healthy => "healthy",
            CheckName::Reverse => "reverse",
        }
    }
}

/// One check, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// Which.
    pub name: CheckName,
    /// How it stands.
    pub state: CheckState,
    /// Whether it must hold for `ready`: `reverse` never blocks, nor do
    /// `full` and `verify` for a plan without that step (their words say so).
    pub blocking: bool,
    /// Its name for the operator ("Verification").
    pub label: &'static str,
    /// What it says ("1,203 rows differ").
    pub text: String,
}

/// Switch-over readiness, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Cutover {
    /// The verdict (`data-cutover`).
    pub verdict: CutoverVerdict,
    /// The line: "Ready to switch over", "Not ready: 1,203 rows differ"…
    pub line: String,
    /// Every check, in [`CheckName::ALL`]'s order.
    pub checks: Vec<Check>,
    /// The blocking check the line names when not ready: the first that
    /// fails, else the first unknown.
    pub first_blocking: Option<CheckName>,
    /// The switch-over step's name, as OMS sent it.
    pub switch_step: String,
}

/// What readiness is worked out from: what the widget already has.
#[derive(Clone, Copy)]
pub struct CutoverInput<'a> {
    /// The step plan (`DescribeProjectSteps`), in OMS's order: the last
    /// one read.
    pub steps: &'a [WireStep],
    /// Why the latest ask for the plan failed, in the widget's language,
    /// when it did (`steps` is then an older answer).
    pub plan_error: Option<&'a str>,
    /// The verification results (`ListProjectFullVerifyResult`).
    pub verify: VerifyInput<'a>,
    /// The last good progress answer.
    pub progress: Option<&'a Progress>,
    /// The current lag against the limit, and whether data is current:
    /// [`LagNow::of`] the clock-driven view and
    /// [`CutoverOptions::limit_secs`].
    pub lag_now: LagNow,
    /// OMS's forward lag history (`DELAY` points, ms and seconds, oldest first).
    pub oms_lag: &'a [Point],
    /// The browser's own samples.
    pub history: &'a History,
    /// The lag thresholds (`cutover-lag` defaults to the warning lag).
    pub thresholds: LagThresholds,
    /// `cutover-lag` and `cutover-hold`.
    pub options: CutoverOptions,
    /// The language of the words.
    pub lang: Lang,
    /// Writes a time (unix seconds) as the widget shows times.
    pub time: &'a dyn Fn(i64) -> String,
}

/// Whether a step is the forward switch-over.
pub fn is_switch_step(step: &WireStep) -> bool {
    step.name.as_deref().is_some_and(is_switch_name)
}

fn is_switch_name(name: &str) -> bool {
    let name = name.trim();
    name.eq_ignore_ascii_case("TRANSFER_APP_SWITCH") || name.eq_ignore_ascii_case("APP_SWITCH")
}

/// Switch-over readiness, or `None` for a plan without a switch-over step.
pub fn cutover(input: &CutoverInput) -> Option<Cutover> {
    let lang = input.lang;
    let switch = input.steps.iter().find(|s| is_switch_step(s))?;
    let limit = input.options.limit_secs(input.thresholds);
    let hold_ms = input
        .options
        .hold
        .clamp(MIN_HOLD, MAX_HOLD)
        .as_millis()
        .min(i64::MAX as u128) as i64;
    let held = lag_held(input.oms_lag, input.history, hold_ms, limit);
    let checks: Vec<Check> = CheckName::ALL
        .iter()
        .map(|&name| {
            let (state, blocking, text) = match name {
                CheckName::Full => full_check(input.steps, lang),
                CheckName::Verify => verify_check(input.steps, input.verify, lang),
                CheckName::Lag => lag_check(input.lag_now, input.progress, limit, lang),
                CheckName::LagHeld => {
                    held_check(input.lag_now.current, &held, limit, (lang, input.time))
                }
                CheckName::Healthy => {
                    healthy_check((input.steps, input.plan_error), input.progress, lang)
                }
                CheckName::Reverse => reverse_check(input.steps, input.progress, lang),
            };
            Check {
                name,
                state,
                blocking,
                label: i18n::cutover_check_label(lang, name.as_str()),
                text,
            }
        })
        .collect();
    let first = |state: CheckState| {
        checks
            .iter()
            .find(|c| c.blocking && c.state == state)
            .map(|c| c.name)
    };
    let first_blocking = first(CheckState::Failing).or_else(|| first(CheckState::Unknown));
    let (verdict, detail) = match switch_stage(switch) {
        Stage::Done => (
            CutoverVerdict::Switched,
            checks
                .iter()
                .any(|c| c.name == CheckName::Reverse && c.state == CheckState::Ok)
                .then(|| CutoverMsg::WatchReverse.text(lang).to_owned()),
        ),
        Stage::Running(progress) => (
            CutoverVerdict::Switching,
            progress.map(|p| format!("{p} %")),
        ),
        Stage::Before => match first_blocking {
            None => (CutoverVerdict::Ready, None),
            Some(name) => (
                CutoverVerdict::NotReady,
                checks
                    .iter()
                    .find(|c| c.name == name)
                    .map(|c| c.text.clone()),
            ),
        },
    };
    Some(Cutover {
        verdict,
        line: i18n::cutover_line(lang, verdict.as_str(), detail.as_deref()),
        checks,
        first_blocking: first_blocking.filter(|_| verdict == CutoverVerdict::NotReady),
        switch_step: switch.name.clone().unwrap_or_default(),
    })
}

/// Where the switch-over step is.
enum Stage {
    /// Not started, waiting for the operator, failed, paused or unknown:
    /// readiness is judged.
    Before,
    /// Running, with its progress when OMS sent one.
    Running(Option<u8>),
    /// Finished.
    Done,
}

fn switch_stage(step: &WireStep) -> Stage {
    let progress = step.progress.as_ref().map(|p| p.value);
    match StepStatus::parse(step.status.as_deref().unwrap_or("")) {
        StepStatus::Finished => Stage::Done,
        StepStatus::Running if progress != Some(0) => Stage::Running(progress),
        _ => Stage::Before,
    }
}

/// Whether `project`'s plan waits at its switch-over step (a wallboard
/// card's "awaiting switch-over"): the step not started or RUNNING at 0 %,
/// and every step before it done. Without a plan in the list item, its
/// running step is the switch-over at 0 %.
pub fn awaits_switch_over(project: &WireProject) -> bool {
    // A paused or failed project waits for something else first.
    if !project.status.as_ref().is_some_and(Status::is_running) {
        return false;
    }
    let Some(at) = project.steps.iter().position(is_switch_step) else {
        let switch = project.running_step.as_deref().is_some_and(is_switch_name);
        return switch
            && project
                .running_progress
                .as_ref()
                .is_some_and(|p| p.value == 0);
    };
    let step = &project.steps[at];
    let waiting = match StepStatus::parse(step.status.as_deref().unwrap_or("")) {
        StepStatus::Init => true,
        StepStatus::Running => step.progress.as_ref().is_some_and(|p| p.value == 0),
        _ => false,
    };
    waiting && project.steps[..at].iter().all(step_done)
}

/// Done as a step before the switch-over must be: FINISHED, watching for
/// good (MONITORING), or a verification OMS leaves RUNNING at 100 %.
fn step_done(step: &WireStep) -> bool {
    match StepStatus::parse(step.status.as_deref().unwrap_or("")) {
        StepStatus::Finished | StepStatus::Monitoring => true,
        StepStatus::Running => is_full_verify_step(step) && !verify_running(step),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{live_view, utc_time, PollState, Sample};
    use crate::policy::PollOptions;
    use crate::wire::{OmsError, Percent, Status, VerifyResult};

    const T0: i64 = 1_700_000_000_000;

    fn step(name: &str, status: &str, progress: u8) -> WireStep {
        WireStep::at(name, status, progress)
    }

    /// A project waiting at its switch-over with everything in order.
    struct Scene {
        steps: Vec<WireStep>,
        verify: Option<VerifyResult>,
        progress: Progress,
        /// When the last answer came, and the clock now (ms).
        answered_ms: i64,
        now_ms: i64,
        lag_secs: i64,
        oms_lag: Vec<Point>,
        history: History,
        options: CutoverOptions,
        plan_error: Option<&'static str>,
        /// A poll after the answer that failed (ms).
        failed_poll_ms: Option<i64>,
    }

    impl Scene {
        fn new() -> Scene {
            let mut scene = Scene {
                steps: vec![
                    step("TRANSFER_PRECHECK", "FINISHED", 100),
                    step("FULL_TRANSFER", "FINISHED", 100),
                    step("INCR_TRANSFER", "MONITORING", 100),
                    // OMS leaves a finished verification RUNNING at 100 %.
                    step("FULL_VERIFIER", "RUNNING", 100),
                    step("TRANSFER_APP_SWITCH", "INIT", 0),
                    step("REVERSE_INCR_TRANSFER", "INIT", 0),
                ],
                verify: Some(VerifyResult {
                    different_rows: Some(0),
                    ..VerifyResult::default()
                }),
                progress: Progress {
                    status: Some(Status::Running),
                    enable_incr: Some(true),
                    enable_reverse_incr: Some(true),
                    current_step: Some("TRANSFER_APP_SWITCH".into()),
                    ..Progress::default()
                },
                answered_ms: T0,
                now_ms: T0,
                lag_secs: 3,
                oms_lag: Vec::new(),
                history: History::default(),
                options: CutoverOptions::default(),
                plan_error: None,
                failed_poll_ms: None,
            };
            scene.sampled(-400, 0, |_| 3);
            scene
        }

        /// Browser samples every 5 s from `from` to `to` seconds around T0.
        fn sampled(&mut self, from: i64, to: i64, lag: impl Fn(i64) -> i64) {
            let mut t = from;
            while t <= to {
                self.history.push(Sample {
                    at_ms: T0 + t * 1000,
                    checkpoint_secs: Some(T0 / 1000 + t - lag(t)),
                    full_progress: Some(100),
                    running: true,
                    failed: false,
                });
                t += 5;
            }
        }

        fn step_mut(&mut self, name: &str) -> &mut WireStep {
            self.steps
                .iter_mut()
                .find(|s| s.name.as_deref() == Some(name))
                .expect("a step of the scene")
        }

        fn run(&self, lang: Lang) -> Option<Cutover> {
            self.run_with(
                lang,
                self.verify
                    .as_ref()
                    .map_or(VerifyInput::NotRead, VerifyInput::Read),
            )
        }

        fn run_with(&self, lang: Lang, verify: VerifyInput) -> Option<Cutover> {
            let progress = Progress {
                incr_checkpoint: Some((self.answered_ms / 1000 - self.lag_secs).to_string()),
                ..self.progress.clone()
            };
            let opts = PollOptions::default();
            let mut state = PollState::default();
            state.record(Ok(progress.clone()), self.answered_ms, 0.5, &opts);
            if let Some(at) = self.failed_poll_ms {
                state.record(Err(crate::wire::FetchError::Timeout), at, 0.5, &opts);
            }
            let thresholds = LagThresholds::default();
            let live = live_view(&state, self.now_ms, opts.stale_after(), thresholds);
            let limit = self.options.limit_secs(thresholds);
            cutover(&CutoverInput {
                steps: &self.steps,
                plan_error: self.plan_error,
                verify,
                progress: Some(&progress),
                lag_now: LagNow::of(&live, limit),
                oms_lag: &self.oms_lag,
                history: &self.history,
                thresholds,
                options: self.options,
                lang,
                time: &utc_time,
            })
        }
    }

    #[test]
    fn a_held_lag_just_over_the_limit_never_reads_as_equal_to_it() {
        let held = crate::model::lag_held::Held {
            window_ms: 300_000,
            covered_ms: 300_000,
            above: Some((T0, 5.4)),
            end_ms: Some(T0),
        };
        let (state, _, text) =
            super::super::cutover_checks::held_check(true, &held, 5, (Lang::En, &utc_time));
        assert_eq!(state, CheckState::Failing);
        assert!(text.starts_with("Lag 6 s at "), "{text}");
    }

    #[test]
    fn one_failed_poll_leaves_the_data_judged_until_it_is_stale() {
        let mut s = Scene::new();
        s.failed_poll_ms = Some(s.answered_ms + 1_000);
        s.now_ms = s.answered_ms + 2_000;
        assert_eq!(s.run(Lang::En).unwrap().verdict, CutoverVerdict::Ready);
        s.now_ms = s.answered_ms + PollOptions::default().stale_after().as_millis() as i64 + 1;
        let c = s.run(Lang::En).unwrap();
        assert_eq!(check(&c, CheckName::Lag).state, CheckState::Unknown);
        assert_eq!(c.verdict, CutoverVerdict::NotReady);
    }

    #[test]
    fn a_plan_not_read_again_leaves_healthy_unknown_and_the_verdict_not_ready() {
        let mut s = Scene::new();
        assert_eq!(s.run(Lang::En).unwrap().verdict, CutoverVerdict::Ready);
        s.plan_error = Some("OMS did not answer in time");
        let c = s.run(Lang::En).unwrap();
        let healthy = check(&c, CheckName::Healthy);
        assert_eq!(healthy.state, CheckState::Unknown);
        assert_eq!(c.first_blocking, Some(CheckName::Healthy));
        assert_eq!(
            c.line,
            "Not ready: Step plan not read again: OMS did not answer in time"
        );
        // A failed project says so first: that is known without the plan.
        s.progress.status = Status::parse("FAILED");
        let c = s.run(Lang::ZhCn).unwrap();
        assert_eq!(check(&c, CheckName::Healthy).state, CheckState::Failing);
    }

    fn check(c: &Cutover, name: CheckName) -> &Check {
        c.checks.iter().find(|k| k.name == name).unwrap()
    }

    fn states(c: &Cutover) -> Vec<(&str, &str)> {
        c.checks
            .iter()
            .map(|k| (k.name.as_str(), k.state.as_str()))
            .collect()
    }

    #[test]
    fn every_blocking_check_holding_is_ready() {
        let c = Scene::new().run(Lang::En).unwrap();
        assert_eq!(c.verdict.as_str(), "ready");
        assert_eq!(c.line, "Ready to switch over");
        assert_eq!(
            states(&c),
            [
                ("full", "true"),
                ("verify", "true"),
                ("lag", "true"),
                ("lag-held", "true"),
                ("healthy", "true"),
                ("reverse", "true")
            ]
        );
        let texts: Vec<&str> = c.checks.iter().map(|k| k.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Full copy finished",
                "Verification finished: no row differs",
                "Lag within 25 s",
                "Within 25 s for the last 5 min",
                "No failed step; the project runs",
                "Reverse incremental on: a way back after switching"
            ]
        );
        assert_eq!(
            (c.first_blocking, c.switch_step.as_str()),
            (None, "TRANSFER_APP_SWITCH")
        );
    }

    #[test]
    fn differing_rows_are_not_ready_and_named_in_both_languages() {
        let mut s = Scene::new();
        s.verify = Some(VerifyResult {
            different_rows: Some(1_203),
            ..VerifyResult::default()
        });
        let c = s.run(Lang::En).unwrap();
        assert_eq!(c.verdict, CutoverVerdict::NotReady);
        assert_eq!(c.line, "Not ready: 1,203 rows differ");
        assert_eq!(c.first_blocking, Some(CheckName::Verify));
        assert_eq!(check(&c, CheckName::Verify).state, CheckState::Failing);
        let zh = s.run(Lang::ZhCn).unwrap();
        assert_eq!(zh.line, "未就绪：1,203 行不一致");
        assert_eq!(check(&zh, CheckName::Verify).label, "全量校验");
        s.verify = Some(VerifyResult {
            different_rows: Some(1),
            ..VerifyResult::default()
        });
        assert_eq!(s.run(Lang::En).unwrap().line, "Not ready: 1 row differs");
    }

    #[test]
    fn the_full_copy_holds_fails_or_is_unknown() {
        let mut s = Scene::new();
        *s.step_mut("FULL_TRANSFER") = step("FULL_TRANSFER", "RUNNING", 63);
        let c = s.run(Lang::En).unwrap();
        let full = check(&c, CheckName::Full);
        assert_eq!(
            (full.state, full.text.as_str()),
            (CheckState::Failing, "Full data transfer: Running, 63 %")
        );
        assert_eq!(c.line, "Not ready: Full data transfer: Running, 63 %");
        let zh = s.run(Lang::ZhCn).unwrap();
        assert_eq!(check(&zh, CheckName::Full).text, "全量传输：运行中，63 %");
        *s.step_mut("FULL_TRANSFER") = step("FULL_TRANSFER", "BENDING", 63);
        let full = check(&s.run(Lang::En).unwrap(), CheckName::Full).clone();
        assert_eq!(
            (full.state, full.text.as_str()),
            (
                CheckState::Unknown,
                "Full data transfer: status \"BENDING\" is not known"
            )
        );
        // A plan without a full copy says so, and that does not block.
        s.steps
            .retain(|st| st.name.as_deref() != Some("FULL_TRANSFER"));
        let c = s.run(Lang::En).unwrap();
        let full = check(&c, CheckName::Full);
        assert_eq!(
            (full.state, full.blocking, full.text.as_str()),
            (CheckState::Unknown, false, "No full copy in this plan")
        );
        assert_eq!(c.verdict, CutoverVerdict::Ready);
    }

    #[test]
    fn the_verification_running_unread_or_without_a_count_is_never_guessed() {
        let mut s = Scene::new();
        *s.step_mut("FULL_VERIFIER") = step("FULL_VERIFIER", "RUNNING", 40);
        let c = s.run(Lang::En).unwrap();
        assert_eq!(c.line, "Not ready: Full verification: Running, 40 %");
        let s = Scene::new();
        let text = |verify| {
            let c = s.run_with(Lang::En, verify).unwrap();
            let v = check(&c, CheckName::Verify).clone();
            (v.state, v.text, c.verdict)
        };
        let unknown = |t: &str| (CheckState::Unknown, t.to_owned(), CutoverVerdict::NotReady);
        assert_eq!(
            text(VerifyInput::NotRead),
            unknown("Verification results not read yet")
        );
        assert_eq!(
            text(VerifyInput::Unreadable("OMS did not answer in time")),
            unknown("Verification results could not be read: OMS did not answer in time")
        );
        let no_count = VerifyResult::default();
        assert_eq!(
            text(VerifyInput::Read(&no_count)),
            unknown("Verification: OMS sent no verdict")
        );
        let odd = VerifyResult {
            different_rows: Some(-3),
            ..VerifyResult::default()
        };
        assert_eq!(
            text(VerifyInput::Read(&odd)),
            unknown("Verification: OMS counts -3 rows that differ")
        );
    }

    #[test]
    fn a_plan_without_verification_says_so_and_it_does_not_block() {
        let mut s = Scene::new();
        s.steps
            .retain(|st| st.name.as_deref() != Some("FULL_VERIFIER"));
        s.verify = None;
        let c = s.run(Lang::En).unwrap();
        let v = check(&c, CheckName::Verify);
        assert_eq!(
            (v.state, v.blocking, v.text.as_str()),
            (
                CheckState::Unknown,
                false,
                "No verification in this plan: consistency not checked"
            )
        );
        assert_eq!(c.verdict, CutoverVerdict::Ready);
        assert_eq!(
            check(&s.run(Lang::ZhCn).unwrap(), CheckName::Verify).text,
            "此计划不含全量校验：未核对数据一致性"
        );
    }

    #[test]
    fn the_lag_now_against_cutover_lag_which_defaults_to_the_warning_lag() {
        let mut s = Scene::new();
        s.lag_secs = 42;
        let c = s.run(Lang::En).unwrap();
        assert_eq!(c.line, "Not ready: Lag above 25 s");
        assert_eq!(c.first_blocking, Some(CheckName::Lag));
        s.options.lag_secs = Some(60);
        let c = s.run(Lang::En).unwrap();
        assert_eq!(check(&c, CheckName::Lag).text, "Lag within 1 min");
        assert_eq!(c.verdict, CutoverVerdict::Ready);
        assert_eq!(
            check(&s.run(Lang::ZhCn).unwrap(), CheckName::Lag).text,
            "延迟不超过 1 分"
        );
    }

    #[test]
    fn stale_data_is_not_judged_afresh() {
        let mut s = Scene::new();
        // Polls every 5 s, stale after three: a minute without an answer.
        s.now_ms = T0 + 60_000;
        let c = s.run(Lang::En).unwrap();
        assert_eq!(c.verdict, CutoverVerdict::NotReady);
        for name in [CheckName::Lag, CheckName::LagHeld] {
            let k = check(&c, name);
            assert_eq!(
                (k.state, k.text.as_str()),
                (
                    CheckState::Unknown,
                    "Lag unknown: no current answer from OMS"
                ),
                "{name:?}"
            );
        }
        assert_eq!(c.line, "Not ready: Lag unknown: no current answer from OMS");
        assert_eq!(check(&c, CheckName::Verify).state, CheckState::Ok);
    }

    #[test]
    fn the_lag_held_for_the_whole_hold_or_not_or_not_known() {
        // 42 s behind at T0 − 100 s, within the 5 min window.
        let mut s = Scene::new();
        s.history = History::default();
        s.sampled(-400, 0, |t| if t == -100 { 42 } else { 3 });
        let c = s.run(Lang::En).unwrap();
        let held = check(&c, CheckName::LagHeld);
        assert_eq!(held.state, CheckState::Failing);
        assert_eq!(
            held.text,
            "Lag 42 s at 2023-11-14 22:11:40 UTC, above 25 s within the last 5 min"
        );
        // A shorter hold leaves it out.
        s.options.hold = Duration::from_secs(60);
        let c = s.run(Lang::En).unwrap();
        assert_eq!(
            check(&c, CheckName::LagHeld).text,
            "Within 25 s for the last 1 min"
        );
        // Two minutes of samples cannot say five.
        let mut s = Scene::new();
        s.history = History::default();
        s.sampled(-120, 0, |_| 3);
        let held = check(&s.run(Lang::En).unwrap(), CheckName::LagHeld).clone();
        assert_eq!(
            (held.state, held.text.as_str()),
            (
                CheckState::Unknown,
                "Within 25 s for the 2 min 0 s covered; 5 min needed"
            )
        );
        assert_eq!(
            check(&s.run(Lang::ZhCn).unwrap(), CheckName::LagHeld).text,
            "已覆盖的 2 分 0 秒内延迟不超过 25 秒；需要 5 分"
        );
        // OMS's history covers what the browser has not seen.
        s.oms_lag = (0..4)
            .map(|i| (T0 - 120_000 - (4 - i) * 330_000, 5.0))
            .collect();
        assert_eq!(
            check(&s.run(Lang::En).unwrap(), CheckName::LagHeld).state,
            CheckState::Ok
        );
        s.history = History::default();
        s.oms_lag.clear();
        let held = check(&s.run(Lang::En).unwrap(), CheckName::LagHeld).clone();
        assert_eq!(held.text, "No lag history for the last 5 min");
    }

    #[test]
    fn a_failed_or_paused_project_or_step_is_not_healthy() {
        let mut s = Scene::new();
        s.progress.status = Some(Status::Suspend);
        let c = s.run(Lang::En).unwrap();
        // The first check that fails is named before one that is unknown.
        assert_eq!(c.line, "Not ready: Project: Paused");
        assert_eq!(
            check(&c, CheckName::Lag).text,
            "Lag not judged: the project is not running"
        );
        let healthy = check(&c, CheckName::Healthy);
        assert_eq!(
            (healthy.state, healthy.text.as_str()),
            (CheckState::Failing, "Project: Paused")
        );
        let mut s = Scene::new();
        s.progress.status = Some(Status::Failed);
        s.step_mut("INCR_TRANSFER").status = Some("FAILED".into());
        s.step_mut("INCR_TRANSFER").error = Some(OmsError {
            code: Some("CM-X1".into()),
            message: Some("binlog purged".into()),
            ..OmsError::default()
        });
        let c = s.run(Lang::En).unwrap();
        assert_eq!(
            check(&c, CheckName::Healthy).text,
            "Project: Failed (Incremental transfer: CM-X1: binlog purged)"
        );
        // A failed step of a project still running, in Chinese.
        s.progress.status = Some(Status::Running);
        let c = s.run(Lang::ZhCn).unwrap();
        assert_eq!(
            check(&c, CheckName::Healthy).text,
            "增量传输: CM-X1: binlog purged"
        );
        assert_eq!(c.verdict, CutoverVerdict::NotReady);
        // An unknown project status is shown raw, not judged.
        let mut s = Scene::new();
        s.progress.status = Status::parse("WARPING");
        let healthy = check(&s.run(Lang::En).unwrap(), CheckName::Healthy).clone();
        assert_eq!(
            (healthy.state, healthy.text.as_str()),
            (
                CheckState::Unknown,
                "Project: status \"WARPING\" is not known"
            )
        );
    }

    #[test]
    fn no_reverse_incremental_is_advice_and_never_blocks() {
        let mut s = Scene::new();
        s.progress.enable_reverse_incr = Some(false);
        let c = s.run(Lang::En).unwrap();
        let reverse = check(&c, CheckName::Reverse);
        assert_eq!(
            (reverse.state, reverse.blocking, reverse.text.as_str()),
            (
                CheckState::Failing,
                false,
                "No reverse incremental: no way back after switching"
            )
        );
        assert_eq!(c.verdict, CutoverVerdict::Ready);
        assert_eq!(
            check(&s.run(Lang::ZhCn).unwrap(), CheckName::Reverse).text,
            "未启用反向增量：切换后无法回退"
        );
        // OMS silent, and no reverse step in the plan: unknown.
        s.progress.enable_reverse_incr = None;
        s.steps
            .retain(|st| st.name.as_deref() != Some("REVERSE_INCR_TRANSFER"));
        assert_eq!(
            check(&s.run(Lang::En).unwrap(), CheckName::Reverse).state,
            CheckState::Unknown
        );
    }

    #[test]
    fn switching_and_switched_follow_the_switch_over_step() {
        let mut s = Scene::new();
        // RUNNING at 0 % waits for the operator: readiness still counts.
        *s.step_mut("TRANSFER_APP_SWITCH") = step("TRANSFER_APP_SWITCH", "RUNNING", 0);
        assert_eq!(s.run(Lang::En).unwrap().verdict, CutoverVerdict::Ready);
        *s.step_mut("TRANSFER_APP_SWITCH") = step("TRANSFER_APP_SWITCH", "RUNNING", 40);
        let c = s.run(Lang::En).unwrap();
        assert_eq!(
            (c.verdict.as_str(), c.line.as_str()),
            ("switching", "Switching over, 40 %")
        );
        assert_eq!(s.run(Lang::ZhCn).unwrap().line, "正在切换，40 %");
        *s.step_mut("TRANSFER_APP_SWITCH") = step("TRANSFER_APP_SWITCH", "FINISHED", 100);
        s.progress.reverse_checkpoint = Some((T0 / 1000 - 70).to_string());
        let c = s.run(Lang::En).unwrap();
        assert_eq!(c.verdict, CutoverVerdict::Switched);
        assert_eq!(c.line, "Switched over · watch the reverse sync's lag");
        assert_eq!(c.first_blocking, None);
        assert_eq!(
            s.run(Lang::ZhCn).unwrap().line,
            "已切换 · 请关注反向同步延迟"
        );
    }

    #[test]
    fn app_switch_counts_as_transfer_app_switch_and_a_plan_without_either_has_none() {
        let mut s = Scene::new();
        *s.step_mut("TRANSFER_APP_SWITCH") = step("app_switch", "INIT", 0);
        let c = s.run(Lang::En).unwrap();
        assert_eq!(
            (c.verdict, c.switch_step.as_str()),
            (CutoverVerdict::Ready, "app_switch")
        );
        s.steps.retain(|st| !is_switch_step(st));
        assert_eq!(s.run(Lang::En), None);
    }

    #[test]
    fn a_wallboard_card_awaits_switch_over_when_its_plan_waits_there() {
        let plan = Scene::new().steps;
        let mut project = WireProject {
            steps: plan.clone(),
            status: Status::parse("RUNNING"),
            ..WireProject::default()
        };
        assert!(awaits_switch_over(&project));
        project.status = Status::parse("SUSPEND");
        assert!(
            !awaits_switch_over(&project),
            "paused: waits for a resume first"
        );
        project.status = Status::parse("RUNNING");
        project.steps[2].status = Some("FAILED".into());
        assert!(!awaits_switch_over(&project), "an earlier step not done");
        project.steps = plan;
        project.steps[4] = step("TRANSFER_APP_SWITCH", "RUNNING", 30);
        assert!(!awaits_switch_over(&project), "switching");
        // Without a plan, by the running step at 0 %.
        let mut project = WireProject {
            status: Status::parse("RUNNING"),
            running_step: Some("APP_SWITCH".into()),
            running_progress: Some(Percent {
                value: 0,
                raw: None,
            }),
            ..WireProject::default()
        };
        assert!(awaits_switch_over(&project));
        project.running_progress = None;
        assert!(!awaits_switch_over(&project), "not known");
        assert_eq!(
            crate::i18n::CutoverMsg::AwaitingSwitchOver.text(Lang::ZhCn),
            "等待切换"
        );
    }
}
