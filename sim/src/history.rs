//! OMS 4.1+'s history actions: `DescribeProjectStepMetric` (a step's delay
//! or throughput over a window, computed from the same scenario that
//! answers the polls, so the history agrees with the lag served) and
//! `ListProjectFullVerifyResult` (per-table verification counts, paged).
//! Written from `docs/oms-api.md`, "Metric history and verification".

use crate::scenario::{Checkpoint, ProjectSpec, Served, VerifySpec};
use crate::state::Project;
use crate::wire::BusinessError;
use serde_json::{json, Value};
use std::f64::consts::TAU;

/// OMS's rules for the window, as its docs state them.
const MIN_WINDOW_SECS: i64 = 3600;
const POINT_LIMITS: (i64, i64) = (5, 7 * 24 * 60);

fn param(message: String) -> BusinessError {
    BusinessError {
        code: "PARAM_ERROR".into(),
        message,
        advice: "Check the action's parameters.".into(),
    }
}

/// The `data` of a `DescribeProjectStepMetric` answer for `project`, at the
/// simulator's `now_ms`, or OMS's parameter error.
pub fn step_metric(project: &Project, body: &Value, now_ms: i64) -> Result<Value, BusinessError> {
    let int = |name: &str| {
        body.get(name)
            .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
            .ok_or_else(|| param(format!("{name} is required")))
    };
    let text = |name: &str| {
        body.get(name)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| param(format!("{name} is required")))
    };
    let (step, metric) = (text("stepName")?, text("metricType")?);
    let (begin, end, max_points) = (
        int("beginTimestamp")?,
        int("endTimestamp")?,
        int("maxPointNum")?,
    );
    if end - begin < MIN_WINDOW_SECS {
        return Err(param(
            "the time range must be at least one hour (endTimestamp - beginTimestamp >= 3600)"
                .into(),
        ));
    }
    if end > now_ms.div_euclid(1000) {
        return Err(param("endTimestamp must not be later than now".into()));
    }
    if !(POINT_LIMITS.0..=POINT_LIMITS.1).contains(&max_points) {
        return Err(param(format!(
            "maxPointNum must be between {} and {}",
            POINT_LIMITS.0, POINT_LIMITS.1
        )));
    }
    let spacing = ((end - begin) / max_points).max(1);
    let points: Vec<Value> = (0..max_points)
        .map(|k| end - (max_points - 1 - k) * spacing)
        .filter_map(|t| {
            let value = value_at(project, &step, &metric, t, now_ms)?;
            Some(json!({ "timestamp": t, "value": (value * 100.0).round() / 100.0 }))
        })
        .collect();
    Ok(json!({
        "aggregator": body.get("aggregator").cloned().unwrap_or(json!("NONE")),
        "referenceValue": null,
        "metrics": [{ "name": metric, "tags": { "stepName": step }, "dataPoints": points }],
    }))
}

/// The metric at unix second `t`, when the step ran then, as told at `now_ms`.
fn value_at(project: &Project, step: &str, metric: &str, t: i64, now_ms: i64) -> Option<f64> {
    let Served::State(s) = project
        .spec
        .served_as_of(t * 1000 - project.since_ms, t * 1000, now_ms)
    else {
        return None;
    };
    if s.status != "RUNNING" {
        return None;
    }
    let current = s.current_step.as_deref().unwrap_or("").to_ascii_uppercase();
    // The forward sync runs on while a switch-over waits or runs.
    let incr = current.contains("INCR") || current.contains("SWITCH");
    let lag = |c: &Checkpoint| match c {
        Checkpoint::Unix(cp) => Some((t - cp).max(0) as f64),
        _ => None,
    };
    match (step, metric) {
        ("INCR_TRANSFER", "DELAY") if incr => lag(&s.checkpoint),
        ("REVERSE_INCR_TRANSFER", "DELAY") => lag(&s.reverse_checkpoint),
        ("INCR_TRANSFER", "RPS") if incr => Some(rows_per_second(&project.spec, t, 1_500.0)),
        ("FULL_TRANSFER", "RPS") if current.contains("FULL") => {
            Some(rows_per_second(&project.spec, t, 4_800.0))
        }
        _ => None,
    }
}

/// A throughput that wanders ±25 % around `base`, out of step between projects.
fn rows_per_second(spec: &ProjectSpec, t: i64, base: f64) -> f64 {
    let phase = crate::scenario::phase_of(&spec.id);
    base * (0.5 + phase) * (1.0 + 0.25 * (TAU * (t as f64 / 900.0 + phase)).sin())
}

/// Table names for generated verification results.
const TABLES: [&str; 6] = [
    "invoice",
    "orders",
    "order_items",
    "customers",
    "payments",
    "refunds",
];

/// The verification's progress `elapsed_secs` after the project was
/// defined, 0.0–1.0.
pub fn verify_fraction(spec: &VerifySpec, elapsed_secs: f64) -> f64 {
    if spec.duration_secs <= 0.0 {
        1.0
    } else {
        (elapsed_secs / spec.duration_secs).clamp(0.0, 1.0)
    }
}

/// The `data` of one `ListProjectFullVerifyResult` page, and the total of
/// tables, or OMS's parameter error.
pub fn verify_page(
    spec: &VerifySpec,
    elapsed_secs: f64,
    body: &Value,
) -> Result<(Value, usize), BusinessError> {
    let int = |name: &str, default: i64| body.get(name).and_then(Value::as_i64).unwrap_or(default);
    let (page, size) = (int("pageNumber", 1), int("pageSize", 10));
    if !(1..=150).contains(&size) || page < 1 {
        return Err(param(
            "pageSize must be 1 to 150 and pageNumber at least 1".into(),
        ));
    }
    let done = verify_fraction(spec, elapsed_secs);
    let count = spec.tables.max(1) as usize;
    let mut different = 0;
    let tables: Vec<Value> = (0..count)
        .map(|i| {
            // Tables finish one after another; the first holds the differences.
            let progress = (done * count as f64 - i as f64).clamp(0.0, 1.0);
            let finished = progress >= 1.0;
            let differing = if i == 0 {
                (spec.differing_rows as f64 * progress).round() as i64
            } else {
                0
            };
            different += differing;
            let (source_only, dest_only) = (differing / 3, differing / 6);
            let name = TABLES
                .get(i)
                .map_or_else(|| format!("t_{i:04}"), |t| (*t).to_owned());
            let (result, desc) = match (differing > 0, finished) {
                (true, _) => ("INCONSISTENT", "不一致"),
                (false, true) => ("CONSISTENT", "一致"),
                (false, false) => ("RUNNING", "校验中"),
            };
            json!({
                "sourceTableName": name, "sourceSchemaName": "billing", "destSchemaName": "billing",
                "sourceOnlyCount": source_only, "destOnlyCount": dest_only,
                "mismatchedCount": differing - source_only - dest_only,
                "consistentCount": (10_000.0 * progress) as i64 - differing.min(10_000),
                // ODC's answer writes a fraction; Alibaba's example a percent.
                "progress": if finished { "1.0".to_owned() } else { format!("{}", (progress * 100.0) as i64) },
                "message": if differing > 0 { json!("rows differ") } else { Value::Null },
                "status": if finished { "FINISHED" } else { "RUNNING" },
                "resultType": result, "resultDesc": desc, "errorDetails": null,
            })
        })
        .collect();
    let start = ((page - 1) * size) as usize;
    let shown: Vec<Value> = tables.into_iter().skip(start).take(size as usize).collect();
    Ok((
        json!({ "differentNumber": different, "fullVerifyTableStatistics": shown }),
        count,
    ))
}
