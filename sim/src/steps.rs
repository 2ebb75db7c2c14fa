//! OMS 4.x's step plan (`DescribeProjectSteps`), derived from a project's
//! state: steps before the current one FINISHED, the current one in its
//! status (incremental steps MONITORING for the life of the project, a
//! failed project's step FAILED with its reason), the rest INIT. Written
//! from `docs/oms-api.md`'s "The step plan", which follows the shapes of
//! real answers OceanBase's ODC published.

use crate::scenario::{Checkpoint, Snapshot};
use serde_json::{json, Value};

/// The stages of a plan, in order, with OMS 4.x's step names.
const STAGES: [(&str, &str); 5] = [
    ("TRANSFER_PRECHECK", "Pre-check"),
    ("STRUCT_TRANSFER", "Schema transfer"),
    ("FULL_TRANSFER", "Full data transfer"),
    ("INCR_TRANSFER", "Incremental transfer"),
    ("REVERSE_INCR_TRANSFER", "Reverse incremental transfer"),
];

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

/// The steps of a project in state `s`, which began at `started_s` (unix
/// seconds); `now_s` is the simulator's clock. `verify`: the full
/// verification's progress (0.0–1.0), when the project has one.
pub fn steps_json(s: &Snapshot, started_s: i64, now_s: i64, verify: Option<f64>) -> Value {
    let enabled = [
        true,
        s.enable_struct,
        s.enable_full,
        s.enable_incr,
        s.enable_reverse,
    ];
    let current = s.current_step.as_deref().map_or(0, stage_of);
    let finished_project = s.status == "FINISHED";
    // Each finished stage took a fixed slice of the time since the start.
    let slice = ((now_s - started_s).max(5) / 5).max(1);
    let mut steps = Vec::new();
    for (index, (name, description)) in STAGES.iter().enumerate() {
        if !enabled[index] {
            continue;
        }
        let start = started_s + slice * index as i64;
        let (status, progress, finish) = if index < current || finished_project {
            ("FINISHED", 100, Some(start + slice))
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
                "errorDetails": if failed { json!(["writer: insert into billing.invoice failed"]) } else { Value::Null },
                "errorCode": if failed { json!("CM-STEP000121") } else { Value::Null },
                "errorMsg": if failed { json!("Full data transfer failed: the target table billing.invoice is missing") } else { Value::Null },
                "errorParam": Value::Null,
                "failedTime": if failed { json!(utc_text(now_s - 60)) } else { Value::Null },
            },
            "startTime": if started { json!(utc_text(start)) } else { Value::Null },
            "finishTime": finish.map_or(Value::Null, |t| json!(utc_text(t))),
            "progress": progress,
            "stepInfo": step_info(s, index, progress, started, now_s),
        }));
        // Full verification follows the full-data copy once it finished;
        // as OMS does, a finished one stays RUNNING at 100 % with a finish time.
        if let (2, Some(done), true) = (index, verify, status == "FINISHED") {
            let progress = (done * 100.0).floor() as i64;
            steps.push(json!({
                "order": steps.len() + 1,
                "name": "FULL_VERIFIER",
                "description": "Full verification",
                "status": "RUNNING",
                "extraInfo": { "errorDetails": null, "errorCode": null, "errorMsg": null, "errorParam": null, "failedTime": null },
                "startTime": json!(utc_text(start + slice)),
                "finishTime": if progress >= 100 { json!(utc_text(start + slice + slice / 2)) } else { Value::Null },
                "progress": progress,
                "stepInfo": { "processedRecords": (40_000.0 * done) as i64, "capacity": 40_000, "srcRps": 900, "dstRps": 900 },
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

/// `2023-05-31T04:07:32`: UTC, no zone marker, as OMS 4.x writes times.
pub fn utc_text(secs: i64) -> String {
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
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
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
            1_700_000_000,
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
    }

    #[test]
    fn a_failed_project_has_a_failed_step_with_its_reason() {
        let steps = steps_json(
            &snapshot("FAILED", "CONNECTOR_FULL_SYNC"),
            1_700_000_000,
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
        let steps = steps_json(
            &snapshot("RUNNING", "CONNECTOR_INCR_SYNC"),
            1_700_000_000,
            1_700_003_600,
            Some(1.0),
        );
        assert_eq!(statuses(&steps)[3], ("FULL_VERIFIER", "RUNNING"));
        assert_eq!(steps[3]["progress"], json!(100));
        assert!(steps[3]["finishTime"].is_string());
        assert_eq!(statuses(&steps)[4], ("INCR_TRANSFER", "MONITORING"));
    }

    #[test]
    fn utc_text_has_no_zone_marker() {
        assert_eq!(utc_text(1_685_506_052), "2023-05-31T04:07:32");
        assert_eq!(utc_text(0), "1970-01-01T00:00:00");
    }
}
