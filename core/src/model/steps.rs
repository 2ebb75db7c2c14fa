//! OMS 4.x's step plan as the operator reads it: labels, statuses, times,
//! how long a step took or has run, a failed step's reason, rows.

use super::checkpoint::{interpret_checkpoint, utc_text_secs, Checkpoint, Lag, LagThresholds};
use super::history_view::round_estimate;
use super::view::utc_time;
use crate::i18n::{self, Lang, Msg};
use crate::wire::{OmsError, WireStep};

/// A step's status in OMS's words, parsed once; anything else kept as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepStatus {
    /// Not started.
    Init,
    /// Running.
    Running,
    /// Failed.
    Failed,
    /// Done.
    Finished,
    /// Paused.
    Suspend,
    /// Incremental sync and verification sit here for the life of a project.
    Monitoring,
    /// A status this widget does not know, as OMS sent it.
    Other(String),
}

impl StepStatus {
    /// Reads OMS's step status, in any case.
    pub fn parse(text: &str) -> StepStatus {
        match text.trim().to_ascii_uppercase().as_str() {
            "INIT" => StepStatus::Init,
            "RUNNING" => StepStatus::Running,
            "FAILED" => StepStatus::Failed,
            "FINISHED" => StepStatus::Finished,
            "SUSPEND" => StepStatus::Suspend,
            "MONITORING" => StepStatus::Monitoring,
            _ => StepStatus::Other(text.to_owned()),
        }
    }

    /// The value of `data-step-status`: OMS's word, or the raw text.
    pub fn code(&self) -> &str {
        match self {
            StepStatus::Init => "INIT",
            StepStatus::Running => "RUNNING",
            StepStatus::Failed => "FAILED",
            StepStatus::Finished => "FINISHED",
            StepStatus::Suspend => "SUSPEND",
            StepStatus::Monitoring => "MONITORING",
            StepStatus::Other(raw) => raw,
        }
    }

    /// Its label in `lang`, or the raw text of a status we do not know.
    pub fn label(&self, lang: Lang) -> String {
        let msg = match self {
            StepStatus::Init => Msg::StepInit,
            StepStatus::Running => Msg::StepRunning,
            StepStatus::Failed => Msg::StepFailed,
            StepStatus::Finished => Msg::StepFinished,
            StepStatus::Suspend => Msg::StepSuspend,
            StepStatus::Monitoring => Msg::StepMonitoring,
            StepStatus::Other(raw) => return raw.clone(),
        };
        msg.text(lang).to_owned()
    }
}

/// One step, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct StepView {
    /// OMS's name as sent (`data-step-name`).
    pub name: String,
    /// The label, or the raw name of a step we do not know.
    pub label: String,
    /// Its status.
    pub status: StepStatus,
    /// Its status, as the operator reads it.
    pub status_label: String,
    /// Its progress, 0–100.
    pub progress: Option<u8>,
    /// Start and finish as unix seconds (OMS writes UTC text without a zone).
    pub started_secs: Option<i64>,
    /// When it finished (unix seconds).
    pub finished_secs: Option<i64>,
    /// `2023-05-31 04:07:32 UTC`, or the raw text when it is no time.
    pub started_text: Option<String>,
    /// The finish time, written the same way.
    pub finished_text: Option<String>,
    /// A failed step's reason (code and message).
    pub error: Option<String>,
    /// Full transfer: "630 of 1000 rows · 52 rows/s".
    pub rows: Option<String>,
    /// Done though OMS still says RUNNING: full verification at 100 %
    /// (OMS leaves a finished one so, and ODC counts it done); shown done,
    /// never "running for".
    pub done: bool,
}

/// The steps in the order OMS lists them (its `order` field counts them up;
/// no sort, whose code measured several KB of wasm), each as the operator
/// reads it.
pub fn steps_view(steps: &[WireStep], lang: Lang) -> Vec<StepView> {
    steps
        .iter()
        .map(|s| {
            let name = s.name.clone().unwrap_or_default();
            let status = StepStatus::parse(s.status.as_deref().unwrap_or(""));
            let started_secs = s.start_time.as_deref().and_then(utc_text_secs);
            let done = status == StepStatus::Running
                && super::verify::is_full_verify_step(s)
                && !super::verify::verify_running(s);
            StepView {
                label: i18n::step_label(&name, lang).map_or_else(|| name.clone(), str::to_owned),
                status_label: if done {
                    Msg::StepFinished.text(lang).to_owned()
                } else {
                    status.label(lang)
                },
                done,
                progress: s.progress.as_ref().map(|p| p.value),
                started_text: match started_secs {
                    Some(secs) => Some(utc_time(secs)),
                    None => s.start_time.clone(),
                },
                started_secs,
                finished_text: s
                    .finish_time
                    .as_deref()
                    .map(|text| utc_text_secs(text).map_or_else(|| text.to_owned(), utc_time)),
                finished_secs: s.finish_time.as_deref().and_then(utc_text_secs),
                error: s
                    .error
                    .as_ref()
                    .filter(|_| status == StepStatus::Failed)
                    .map(reason),
                rows: rows(s, status == StepStatus::Running && !done, lang),
                name,
                status,
            }
        })
        .collect()
}

/// "630 of 1000 rows · 52 rows/s · about 10 s left": the time left only
/// while running, from the rows still to write at the writing rate (the
/// total is OMS's estimate, so "about", rounded as every ETA).
fn rows(s: &WireStep, running: bool, lang: Lang) -> Option<String> {
    let done = s.processed_records?;
    let mut text = match s.capacity {
        Some(total) => i18n::rows_of(lang, done, total),
        None => i18n::rows(lang, done),
    };
    if let Some(rate) = s.src_rps.filter(|r| *r > 0) {
        text.push_str(" · ");
        text.push_str(&i18n::rows_per_second(lang, rate));
    }
    let writing = s.dst_rps.or(s.src_rps).filter(|r| *r > 0);
    if let (true, Some(total), Some(rate)) = (running, s.capacity, writing) {
        if total > done {
            let left = round_estimate(((total - done) / rate) as u64);
            text.push_str(" · ");
            text.push_str(&i18n::time_left(lang, &i18n::rough_duration(lang, left)));
        }
    }
    Some(text)
}

/// Whether a step of the plan runs toward an end (the full copy, a
/// verification): RUNNING below 100 %. Incremental steps watch for good
/// (MONITORING) and a verification OMS leaves RUNNING at 100 % is done.
pub fn plan_running(steps: &[WireStep]) -> bool {
    steps.iter().any(|s| {
        StepStatus::parse(s.status.as_deref().unwrap_or("")) == StepStatus::Running
            && s.progress.as_ref().is_none_or(|p| p.value < 100)
    })
}

/// The forward incremental step's lag by OMS's clock, when the steps give
/// its checkpoint and OMS's sample time; `since_answer_ms` is the browser
/// time since the steps arrived.
pub fn oms_clock_lag(
    steps: &[WireStep],
    since_answer_ms: i64,
    thresholds: LagThresholds,
) -> Option<Lag> {
    steps.iter().find_map(|s| {
        let name = s.name.as_deref()?.to_ascii_uppercase();
        let forward_incr = name.contains("INCR")
            && !name.contains("REVERSE")
            && !name.contains("VERIF")
            && !name.contains("LOG_PULL");
        if !forward_incr {
            return None;
        }
        let Checkpoint::Unix(checkpoint) = interpret_checkpoint(s.incr_checkpoint.as_deref()?)
        else {
            return None;
        };
        Some(Lag::by_oms(
            checkpoint,
            s.checkpoint_sample?,
            since_answer_ms,
            thresholds,
        ))
    })
}

/// How long a step took (finished) or has been running, at `now_ms`; none
/// before it started, and none for a failed or paused step that has no
/// finish time (it is not running, so "running for" would be false).
pub fn step_duration(step: &StepView, now_ms: i64) -> Option<u64> {
    let start = step.started_secs?;
    let stopped = step.done || matches!(step.status, StepStatus::Failed | StepStatus::Suspend);
    if stopped && step.finished_secs.is_none() {
        return None;
    }
    let end = step
        .finished_secs
        .unwrap_or_else(|| now_ms.div_euclid(1000));
    Some(end.saturating_sub(start).max(0) as u64)
}

/// Why a step failed, as OMS said it: "CODE: message", or whichever it sent.
pub fn reason(error: &OmsError) -> String {
    match (&error.code, &error.message) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        (code, message) => message.clone().or(code.clone()).unwrap_or_default(),
    }
}

/// Why a failed project failed: the first failed step's reason, after its
/// label ("Full data: CM-… : …"); `None` when no failed step says.
pub fn failure_reason(steps: &[WireStep], lang: Lang) -> Option<String> {
    let step = steps.iter().find(|s| {
        s.status
            .as_deref()
            .is_some_and(|st| StepStatus::parse(st) == StepStatus::Failed)
            && s.error.is_some()
    })?;
    let why = reason(step.error.as_ref()?);
    Some(match step.name.as_deref() {
        Some(name) => {
            let label = i18n::step_label(name, lang).map_or_else(|| name.to_owned(), str::to_owned);
            format!("{label}: {why}")
        }
        None => why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{OmsError, Percent};

    fn step(order: i64, name: &str, status: &str) -> WireStep {
        WireStep {
            order: Some(order),
            name: Some(name.into()),
            status: Some(status.into()),
            start_time: Some("2023-05-31T04:08:42".into()),
            ..WireStep::default()
        }
    }

    #[test]
    fn steps_with_labels_statuses_and_monitoring_as_watching() {
        let mut incr = step(4, "INCR_TRANSFER", "MONITORING");
        incr.progress = Some(Percent {
            value: 100,
            raw: None,
        });
        let steps = steps_view(
            &[
                step(1, "TRANSFER_PRECHECK", "FINISHED"),
                incr,
                step(9, "WARP", "BENDING"),
            ],
            Lang::En,
        );
        let seen: Vec<(&str, &str, &str)> = steps
            .iter()
            .map(|s| (s.name.as_str(), s.status.code(), s.status_label.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("TRANSFER_PRECHECK", "FINISHED", "Done"),
                ("INCR_TRANSFER", "MONITORING", "Watching"),
                ("WARP", "BENDING", "BENDING")
            ]
        );
        assert_eq!(steps[2].label, "WARP", "an unknown step shows raw");
        assert_eq!(
            steps[1].started_text.as_deref(),
            Some("2023-05-31 04:08:42 UTC")
        );
        assert_eq!(
            steps_view(&[step(1, "INCR_TRANSFER", "MONITORING")], Lang::ZhCn)[0].status_label,
            "持续监控"
        );
    }

    #[test]
    fn a_failed_step_says_why_and_a_full_transfer_counts_rows() {
        let mut full = step(3, "FULL_TRANSFER", "FAILED");
        full.error = Some(OmsError {
            code: Some("CM-STEP000121".into()),
            message: Some("target table missing".into()),
            ..OmsError::default()
        });
        full.processed_records = Some(630);
        full.capacity = Some(1000);
        full.src_rps = Some(52);
        full.finish_time = Some("2023-05-31T04:09:02".into());
        let v = &steps_view(&[full], Lang::En)[0];
        assert_eq!(
            v.error.as_deref(),
            Some("CM-STEP000121: target table missing")
        );
        assert_eq!(v.rows.as_deref(), Some("630 of 1,000 rows · 52 rows/s"));
        assert_eq!(v.finished_text.as_deref(), Some("2023-05-31 04:09:02 UTC"));
    }

    #[test]
    fn a_running_full_transfer_says_about_how_long_its_rows_take() {
        let mut full = step(3, "FULL_TRANSFER", "RUNNING");
        full.processed_records = Some(630_000);
        full.capacity = Some(1_000_000);
        full.src_rps = Some(1_300);
        full.dst_rps = Some(1_250);
        let v = &steps_view(&[full.clone()], Lang::En)[0];
        // 370,000 rows at 1,250 rows/s written: 296 s, about 5 min.
        assert_eq!(
            v.rows.as_deref(),
            Some("630,000 of 1,000,000 rows · 1,300 rows/s · about 5 min left")
        );
        // No time left without a rate, past the estimate, or when not running.
        full.dst_rps = Some(0);
        full.src_rps = None;
        assert_eq!(
            steps_view(&[full.clone()], Lang::En)[0].rows.as_deref(),
            Some("630,000 of 1,000,000 rows")
        );
        full.dst_rps = Some(10);
        full.processed_records = Some(1_000_001);
        assert!(!steps_view(&[full.clone()], Lang::En)[0]
            .rows
            .as_deref()
            .unwrap_or("")
            .contains("left"));
        let mut paused = full;
        paused.status = Some("SUSPEND".into());
        paused.processed_records = Some(10);
        assert!(!steps_view(&[paused], Lang::En)[0]
            .rows
            .as_deref()
            .unwrap_or("")
            .contains("left"));
    }

    #[test]
    fn the_incremental_steps_sample_gives_a_lag_by_omss_clock() {
        let mut incr = step(4, "INCR_TRANSFER", "MONITORING");
        incr.incr_checkpoint = Some("1685796846".into());
        incr.checkpoint_sample = Some(1_685_796_850);
        let mut reverse = step(5, "REVERSE_INCR_TRANSFER", "MONITORING");
        reverse.incr_checkpoint = Some("1685790000".into());
        reverse.checkpoint_sample = Some(1_685_796_850);
        let lag = oms_clock_lag(&[reverse, incr], 3_000, LagThresholds::default()).unwrap();
        assert_eq!((lag.secs, lag.source), (7, crate::model::LagSource::Oms));
        assert_eq!(
            oms_clock_lag(
                &[step(1, "FULL_TRANSFER", "RUNNING")],
                0,
                LagThresholds::default()
            ),
            None
        );
    }

    #[test]
    fn durations_took_or_running_for() {
        let mut s = steps_view(&[step(1, "FULL_TRANSFER", "RUNNING")], Lang::En).remove(0);
        let started = s.started_secs.unwrap();
        assert_eq!(step_duration(&s, (started + 90) * 1000), Some(90));
        s.finished_secs = Some(started + 20);
        assert_eq!(step_duration(&s, (started + 90) * 1000), Some(20));
        s.finished_secs = None;
        s.status = StepStatus::Failed;
        assert_eq!(
            step_duration(&s, (started + 90) * 1000),
            None,
            "not running"
        );
        s.status = StepStatus::Running;
        s.started_secs = None;
        assert_eq!(step_duration(&s, 0), None);
    }

    #[test]
    fn a_plan_runs_while_a_step_runs_below_100() {
        let mut full = step(3, "FULL_TRANSFER", "RUNNING");
        full.progress = Some(Percent {
            value: 40,
            raw: None,
        });
        let mut verify = step(5, "FULL_VERIFIER", "RUNNING");
        verify.progress = Some(Percent {
            value: 100,
            raw: None,
        });
        let watching = step(4, "INCR_TRANSFER", "MONITORING");
        assert!(plan_running(&[full.clone(), watching.clone()]));
        assert!(!plan_running(&[verify, watching]));
        full.status = Some("FINISHED".into());
        assert!(!plan_running(&[full]));
        assert!(!plan_running(&[]));
    }

    #[test]
    fn a_full_verification_running_at_100_is_done_not_running() {
        let mut verify = step(5, "FULL_VERIFIER", "RUNNING");
        verify.progress = Some(Percent {
            value: 100,
            raw: None,
        });
        let mut finished = verify.clone();
        finished.finish_time = Some("2023-05-31T04:08:58".into());
        let mut halfway = verify.clone();
        halfway.progress = Some(Percent {
            value: 40,
            raw: None,
        });
        let views = steps_view(&[finished, verify, halfway], Lang::En);
        let started = views[0].started_secs.unwrap();
        let at = (started + 90) * 1000;
        // OMS's RUNNING stays in data-step-status; the label and the time say done.
        assert_eq!(views[0].status.code(), "RUNNING");
        assert_eq!(
            (views[0].status_label.as_str(), step_duration(&views[0], at)),
            ("Done", Some(16))
        );
        assert_eq!(
            (views[1].status_label.as_str(), step_duration(&views[1], at)),
            ("Done", None)
        );
        assert_eq!(
            (views[2].status_label.as_str(), step_duration(&views[2], at)),
            ("Running", Some(90))
        );
    }
}
