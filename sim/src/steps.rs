//! OMS 4.x's step plan (`DescribeProjectSteps`), derived from a project's
//! state: steps before the current one FINISHED, the current one in its
//! status (incremental steps MONITORING for the life of the project, a
//! failed project's step FAILED with its reason), the rest INIT. Written
//! from `docs/oms-api.md`'s "The step plan", which follows the shapes of
//! real answers OceanBase's ODC published.

use crate::clock::utc_text;
use crate::scenario::{
    Behaviour, Checkpoint, ProjectSpec, Snapshot, LIFECYCLE_FULL_AT, LIFECYCLE_INCR_AT,
    LIFECYCLE_STRUCT_AT,
};
use crate::state::Project;
use crate::switch_over::switch_step_json;
use serde_json::{json, Value};

/// The stages of a plan, in order, with OMS 4.x's step names.
const STAGES: [(&str, &str); 5] = [
    ("TRANSFER_PRECHECK", "Pre-check"),
    ("STRUCT_TRANSFER", "Schema transfer"),
    ("FULL_TRANSFER", "Full data transfer"),
    ("INCR_TRANSFER", "Incremental transfer"),
    ("REVERSE_INCR_TRANSFER", "Reverse incremental transfer"),
];

/// What OMS says of each stage when it failed (`errorDetails`, `errorMsg`):
/// the failure of the stage that failed, not another's.
const FAILURES: [(&str, &str); 5] = [
    (
        "precheck: binlog_format is STATEMENT",
        "Pre-check failed: the source's binlog_format must be ROW",
    ),
    (
        "struct: create table billing.invoice failed",
        "Schema transfer failed: the target rejected table billing.invoice",
    ),
    (
        "writer: insert into billing.invoice failed",
        "Full data transfer failed: the target table billing.invoice is missing",
    ),
    (
        "writer: apply update to orders.refund failed",
        "Incremental transfer failed: the row to update in orders.refund is missing",
    ),
    (
        "writer: apply update to orders.refund failed",
        "Reverse incremental transfer failed: the row to update in orders.refund is missing",
    ),
];

/// How long each stage runs, in seconds: the lifecycle walker's phases
/// (pre-check and prepare, schema, full data), and for a finished project
/// its incremental stages.
const STAGE_SECS: [i64; 5] = [
    LIFECYCLE_STRUCT_AT as i64,
    (LIFECYCLE_FULL_AT - LIFECYCLE_STRUCT_AT) as i64,
    (LIFECYCLE_INCR_AT - LIFECYCLE_FULL_AT) as i64,
    600,
    600,
];

/// When a project's stages ran. A stage's start and finish follow from it
/// alone, never from the time of the question: a finished step keeps its
/// times, and so its duration, however often and late it is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageClock {
    /// The lifecycle walker's: its stages on the cycle's schedule, from
    /// the cycle's start (unix seconds).
    Cycle(i64),
    /// A project defined at this time (unix seconds) in the state it
    /// shows: its current stage had run for one stage's time by then (a
    /// finished project's last stage finished then).
    Defined(i64),
}

impl StageClock {
    /// The clock of `spec`, defined at `since_ms`, as of `now_ms`.
    pub fn of(spec: &ProjectSpec, since_ms: i64, now_ms: i64) -> StageClock {
        match spec.behaviour {
            Behaviour::Lifecycle { period_secs } => {
                let period_ms = (period_secs as i64).max(1) * 1000;
                let cycles = (now_ms - since_ms).max(0) / period_ms;
                StageClock::Cycle((since_ms + cycles * period_ms).div_euclid(1000))
            }
            _ => StageClock::Defined(since_ms.div_euclid(1000)),
        }
    }
}

/// Rows a second a verification finished before the project was defined ran at.
const VERIFY_RPS: i64 = 900;

/// A full verification's place in the plan: how far it is (0.0–1.0), when
/// it began and how long it runs (unix seconds, seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VerifyRun {
    /// Its progress.
    pub done: f64,
    /// When it began.
    pub from_s: i64,
    /// How long it runs.
    pub secs: i64,
    /// The rows it compares (every table's).
    pub rows: i64,
}

/// `project`'s full verification as of `now_ms`, when it has one: it
/// began when the project was defined.
pub fn verify_run(project: &Project, now_ms: i64) -> Option<VerifyRun> {
    let spec = project.spec.verify.as_ref()?;
    // Each table holds 10,000 rows (history::verify_page); one finished
    // when the project was defined ran before it, at the same rate.
    let rows = i64::from(spec.tables) * 10_000;
    let secs = match spec.duration_secs.max(0.0).ceil() as i64 {
        0 => rows / VERIFY_RPS,
        secs => secs,
    };
    let since_s = project.since_ms.div_euclid(1000);
    Some(VerifyRun {
        done: crate::history::verify_fraction(spec, (now_ms - project.since_ms) as f64 / 1000.0),
        from_s: if spec.duration_secs > 0.0 {
            since_s
        } else {
            since_s - secs
        },
        secs,
        rows,
    })
}

/// Which stage a V3 or V4 step name belongs to.
fn stage_of(step: &str) -> usize {
    let step = step.to_ascii_uppercase();
    if step.starts_with("REVERSE") {
        4
    } else if step.contains("INCR") || step.contains("VERIF") || step.contains("SWITCH") {
        3
    } else if step.contains("FULL") {
        2
    } else if step.contains("STRUCT") || step.contains("INDEX") {
        1
    } else {
        0
    }
}

/// Each stage's start (unix seconds) under `clock`: the enabled stages one
/// after the other; `current` is the stage under way (past the last when
/// every stage finished).
fn stage_starts(enabled: [bool; 5], current: usize, clock: StageClock) -> [i64; 5] {
    let secs = |i: usize| if enabled[i] { STAGE_SECS[i] } else { 0 };
    let origin = match clock {
        StageClock::Cycle(start) => start,
        StageClock::Defined(at) => {
            let current_start = at - STAGE_SECS.get(current).copied().unwrap_or(0);
            current_start - (0..current.min(5)).map(secs).sum::<i64>()
        }
    };
    let mut starts = [origin; 5];
    for i in 1..5 {
        starts[i] = starts[i - 1] + secs(i - 1);
    }
    starts
}

/// The steps of a project in state `s`, its stages timed by `clock`;
/// `now_s` is the simulator's clock. `verify`: the full verification, when
/// the project has one.
pub fn steps_json(s: &Snapshot, clock: StageClock, now_s: i64, verify: Option<VerifyRun>) -> Value {
    let enabled = [
        true,
        s.enable_struct,
        s.enable_full,
        s.enable_incr,
        s.enable_reverse,
    ];
    let finished_project = s.status == "FINISHED";
    let current = match s.current_step.as_deref() {
        _ if finished_project => STAGES.len(),
        Some(step) => stage_of(step),
        None => 0,
    };
    let starts = stage_starts(enabled, current, clock);
    let mut steps = Vec::new();
    for (index, (name, description)) in STAGES.iter().enumerate() {
        // The switch-over follows the incremental sync and the verification.
        if let (4, Some(switch)) = (index, s.switch) {
            steps.push(switch_step_json(switch, steps.len() + 1, starts[4], now_s));
        }
        if !enabled[index] {
            continue;
        }
        let (start, secs) = (starts[index], STAGE_SECS[index]);
        let (status, progress, finish) = if index < current {
            ("FINISHED", 100, Some(start + secs))
        } else if index > current {
            ("INIT", 0, None)
        } else {
            match (s.status.as_str(), index) {
                ("FAILED", _) => ("FAILED", stage_progress(s, index), None),
                ("SUSPEND", _) => ("SUSPEND", stage_progress(s, index), None),
                ("INIT", _) => ("INIT", 0, None),
                (_, 3 | 4) => ("MONITORING", 100, None),
                _ => ("RUNNING", stage_progress(s, index), None),
            }
        };
        let started = status != "INIT";
        let failed = status == "FAILED";
        steps.push(json!({
            "order": steps.len() + 1,
            "name": name,
            "description": description,
            "status": status,
            "extraInfo": {
                "errorDetails": if failed { json!([FAILURES[index].0]) } else { Value::Null },
                "errorCode": if failed { json!("CM-STEP000121") } else { Value::Null },
                "errorMsg": if failed { json!(FAILURES[index].1) } else { Value::Null },
                "errorParam": Value::Null,
                "failedTime": if failed { json!(utc_text(start + secs / 2)) } else { Value::Null },
            },
            "startTime": if started { json!(utc_text(start)) } else { Value::Null },
            "finishTime": finish.map_or(Value::Null, |t| json!(utc_text(t))),
            "progress": progress,
            "stepInfo": step_info(s, index, progress, started, now_s),
        }));
        // Full verification follows the full-data copy once it finished;
        // as OMS does, a finished one stays RUNNING at 100 % with a finish time.
        if let (2, Some(run), true) = (index, verify, status == "FINISHED") {
            let progress = (run.done * 100.0).floor() as i64;
            steps.push(json!({
                "order": steps.len() + 1,
                "name": "FULL_VERIFIER",
                "description": "Full verification",
                "status": "RUNNING",
                "extraInfo": { "errorDetails": null, "errorCode": null, "errorMsg": null, "errorParam": null, "failedTime": null },
                "startTime": json!(utc_text(run.from_s)),
                "finishTime": if progress >= 100 { json!(utc_text(run.from_s + run.secs)) } else { Value::Null },
                "progress": progress,
                "stepInfo": {
                    "processedRecords": (run.rows as f64 * run.done) as i64, "capacity": run.rows,
                    "srcRps": run.rows / run.secs.max(1), "dstRps": run.rows / run.secs.max(1),
                },
            }));
        }
    }
    Value::Array(steps)
}

fn stage_progress(s: &Snapshot, index: usize) -> i64 {
    match index {
        1 => s.struct_progress.unwrap_or(0),
        2 => s.full_progress.unwrap_or(0),
        _ => 0,
    }
}

/// What the step measures: rows for full transfer, checkpoints for incremental.
fn step_info(s: &Snapshot, index: usize, progress: i64, started: bool, now_s: i64) -> Value {
    let checkpoint = |c: &Checkpoint| match c {
        Checkpoint::Unix(t) => json!(t),
        _ => Value::Null,
    };
    match index {
        2 if started => {
            let capacity = 2_400_000_i64;
            json!({
                "processedRecords": capacity * progress / 100, "capacity": capacity,
                "srcRps": if progress < 100 { 5200 } else { 0 }, "srcRt": 3, "srcIops": 1_048_576,
                "dstRps": if progress < 100 { 4800 } else { 0 }, "dstRt": 4, "dstIops": 983_040,
                "srcRpsRef": 8000, "srcRtRef": 1, "dstRpsRef": 8000, "dstRtRef": 1, "srcIopsRef": 4_194_304,
            })
        }
        3 if started => json!({
            "incrTimestampCheckpoint": checkpoint(&s.checkpoint),
            "checkpointSampleTimestamp": now_s - 2,
            "enableIncrStatistics": null,
        }),
        4 if started => json!({
            "incrTimestampCheckpoint": checkpoint(&s.reverse_checkpoint),
            "checkpointSampleTimestamp": now_s - 2,
            "enableIncrStatistics": null,
        }),
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(status: &str, step: &str) -> Snapshot {
        Snapshot {
            status: status.into(),
            current_step: Some(step.into()),
            enable_struct: true,
            enable_full: true,
            enable_incr: true,
            enable_reverse: false,
            struct_progress: Some(100),
            full_progress: Some(63),
            checkpoint: Checkpoint::Unix(1_700_000_000),
            reverse_checkpoint: Checkpoint::None,
            switch: None,
        }
    }

    fn statuses(steps: &Value) -> Vec<(&str, &str)> {
        steps
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["name"].as_str().unwrap(), s["status"].as_str().unwrap()))
            .collect()
    }

    #[test]
    fn a_running_sync_is_monitoring_its_incremental_step() {
        let steps = steps_json(
            &snapshot("RUNNING", "CONNECTOR_INCR_SYNC"),
            StageClock::Defined(1_700_000_750),
            1_700_003_600,
            None,
        );
        assert_eq!(
            statuses(&steps),
            [
                ("TRANSFER_PRECHECK", "FINISHED"),
                ("STRUCT_TRANSFER", "FINISHED"),
                ("FULL_TRANSFER", "FINISHED"),
                ("INCR_TRANSFER", "MONITORING")
            ]
        );
        let incr = &steps[3];
        assert_eq!(
            (incr["progress"].clone(), incr["finishTime"].clone()),
            (json!(100), Value::Null)
        );
        assert_eq!(
            incr["stepInfo"]["checkpointSampleTimestamp"],
            json!(1_700_003_598)
        );
        assert_eq!(steps[0]["startTime"], json!("2023-11-14T22:13:20"));
        assert_eq!(steps[0]["finishTime"], json!(utc_text(1_700_000_020)));
    }

    #[test]
    fn a_failed_project_has_a_failed_step_with_its_reason() {
        let steps = steps_json(
            &snapshot("FAILED", "CONNECTOR_FULL_SYNC"),
            StageClock::Defined(1_700_000_000),
            1_700_000_600,
            None,
        );
        assert_eq!(statuses(&steps)[2], ("FULL_TRANSFER", "FAILED"));
        assert_eq!(statuses(&steps)[3], ("INCR_TRANSFER", "INIT"));
        let full = &steps[2];
        assert_eq!(full["progress"], json!(63));
        assert!(full["extraInfo"]["errorMsg"]
            .as_str()
            .unwrap()
            .contains("billing.invoice"));
        assert_eq!(full["stepInfo"]["processedRecords"], json!(1_512_000));
        assert_eq!(steps[3]["startTime"], Value::Null);
    }

    #[test]
    fn a_verification_follows_the_full_copy_and_stays_running_at_100() {
        let run = VerifyRun {
            done: 1.0,
            from_s: 1_700_000_000,
            secs: 90,
            rows: 60_000,
        };
        let steps = steps_json(
            &snapshot("RUNNING", "CONNECTOR_INCR_SYNC"),
            StageClock::Defined(1_700_000_000),
            1_700_003_600,
            Some(run),
        );
        assert_eq!(statuses(&steps)[3], ("FULL_VERIFIER", "RUNNING"));
        assert_eq!(steps[3]["progress"], json!(100));
        assert_eq!(steps[3]["finishTime"], json!(utc_text(1_700_000_090)));
        assert_eq!(statuses(&steps)[4], ("INCR_TRANSFER", "MONITORING"));
    }

    #[test]
    fn a_failure_is_the_failed_stages_own() {
        let failed_at = |step: &str| {
            let steps = steps_json(
                &snapshot("FAILED", step),
                StageClock::Defined(1_700_000_000),
                1_700_000_000,
                None,
            );
            let failed = steps
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["status"] == json!("FAILED"))
                .cloned()
                .unwrap();
            (
                failed["name"].clone(),
                failed["extraInfo"]["errorMsg"].as_str().unwrap().to_owned(),
            )
        };
        let (name, why) = failed_at("INCR_TRANSFER");
        assert_eq!(name, json!("INCR_TRANSFER"));
        assert!(why.starts_with("Incremental transfer failed"), "{why}");
        let (_, why) = failed_at("CONNECTOR_FULL_SYNC");
        assert!(why.contains("billing.invoice is missing"), "{why}");
    }

    /// Each step's (start, finish) as sent.
    fn times(steps: &Value) -> Vec<(Value, Value)> {
        steps
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["startTime"].clone(), s["finishTime"].clone()))
            .collect()
    }

    #[test]
    fn finished_steps_keep_their_times_however_late_they_are_asked_for() {
        let defined = StageClock::Defined(1_700_000_000);
        let early = steps_json(
            &snapshot("RUNNING", "INCR_TRANSFER"),
            defined,
            1_700_000_030,
            None,
        );
        let late = steps_json(
            &snapshot("RUNNING", "INCR_TRANSFER"),
            defined,
            1_700_086_400,
            None,
        );
        assert_eq!(times(&early), times(&late));
        // One after the other, all before the project was defined.
        let t = times(&early);
        for pair in t.windows(2).take(2) {
            assert_eq!(pair[0].1, pair[1].0, "{t:?}");
        }
        assert_eq!(
            t[3],
            (json!(utc_text(1_699_999_400)), Value::Null),
            "under way"
        );
        // A finished project's last step finished when it was defined.
        let mut done = snapshot("FINISHED", "FULL_TRANSFER");
        done.enable_incr = false;
        let steps = steps_json(&done, defined, 1_700_000_100, None);
        assert_eq!(steps[2]["finishTime"], json!(utc_text(1_700_000_000)));
        assert_eq!(
            times(&steps),
            times(&steps_json(&done, defined, 1_700_009_000, None))
        );
        // The walker's steps: on its cycle's schedule.
        let cycle = StageClock::Cycle(1_700_000_000);
        let steps = steps_json(
            &snapshot("RUNNING", "INCR_TRANSFER"),
            cycle,
            1_700_000_200,
            None,
        );
        let t = times(&steps);
        assert_eq!(
            t[1],
            (
                json!(utc_text(1_700_000_020)),
                json!(utc_text(1_700_000_060))
            )
        );
        assert_eq!(t[2].1, json!(utc_text(1_700_000_150)));
        // A failure at a fixed time, within its step.
        let failed = steps_json(
            &snapshot("FAILED", "FULL_TRANSFER"),
            defined,
            1_700_000_000,
            None,
        );
        let failed_at = |steps: &Value| steps[2]["extraInfo"]["failedTime"].clone();
        let later = steps_json(
            &snapshot("FAILED", "FULL_TRANSFER"),
            defined,
            1_700_005_000,
            None,
        );
        assert_eq!(failed_at(&failed), failed_at(&later));
        assert_eq!(failed_at(&failed), json!(utc_text(1_699_999_955)));
    }

    #[test]
    fn utc_text_has_no_zone_marker() {
        assert_eq!(utc_text(1_685_506_052), "2023-05-31T04:07:32");
        assert_eq!(utc_text(0), "1970-01-01T00:00:00");
        assert_eq!(utc_text(951_782_400), "2000-02-29T00:00:00");
        assert_eq!(utc_text(-1), "1969-12-31T23:59:59");
        assert_eq!(utc_text(i64::MAX), "9999-12-31T23:59:59");
    }
}
