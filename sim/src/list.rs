//! OMS 4.x's `ListProjects`: one page of projects with their status, running
//! step, progress and sync delay, so a many-projects view needs one request
//! per page. Written from `docs/oms-api.md`'s "The list"; the name
//! filter's key, `searchKey`, and the paging errors are inferred.

use crate::clock::utc_text;
use crate::scenario::{Behaviour, Checkpoint, Kind, Served};
use crate::state::Project;
use crate::steps::{steps_json, verify_run, StageClock};
use crate::wire::BusinessError;
use serde_json::{json, Value};

/// The most projects one page may hold.
pub const MAX_PAGE_SIZE: i64 = 150;

/// The filters and paging of a `ListProjects` body.
pub struct ListQuery {
    pub kind: Option<Kind>,
    pub statuses: Vec<String>,
    pub search: Option<String>,
    pub page_number: i64,
    pub page_size: i64,
}

impl ListQuery {
    /// Reads the body; a value OMS would refuse is a `PARAM_ERROR`.
    pub fn from_body(body: &Value) -> Result<ListQuery, BusinessError> {
        let bad = |message: String| BusinessError {
            code: "PARAM_ERROR".into(),
            message,
            advice: "Check the paging and filter parameters.".into(),
        };
        let kind = match body.get("type").and_then(Value::as_str) {
            None => None,
            Some("SYNC") => Some(Kind::Sync),
            Some("MIGRATION") => Some(Kind::Migration),
            Some(other) => return Err(bad(format!("type {other:?} is not SYNC or MIGRATION"))),
        };
        let statuses = body
            .get("status")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let page_number = body.get("pageNumber").and_then(Value::as_i64).unwrap_or(1);
        let page_size = body.get("pageSize").and_then(Value::as_i64).unwrap_or(10);
        if page_number < 1 {
            return Err(bad(format!("pageNumber {page_number} must be at least 1")));
        }
        if !(1..=MAX_PAGE_SIZE).contains(&page_size) {
            return Err(bad(format!(
                "pageSize {page_size} must be between 1 and {MAX_PAGE_SIZE}"
            )));
        }
        Ok(ListQuery {
            kind,
            statuses,
            search: body
                .get("searchKey")
                .and_then(Value::as_str)
                .map(str::to_ascii_lowercase)
                .filter(|s| !s.is_empty()),
            page_number,
            page_size,
        })
    }
}

/// One page: (items, total count before paging).
pub fn list_page(projects: &[&Project], query: &ListQuery, now_ms: i64) -> (Vec<Value>, usize) {
    let now_s = now_ms.div_euclid(1000);
    let matching: Vec<Value> = projects
        .iter()
        .filter(|p| query.kind.is_none_or(|k| p.spec.kind == k))
        .filter(|p| {
            query.search.as_ref().is_none_or(|s| {
                p.spec.id.to_ascii_lowercase().contains(s)
                    || name_of(p).to_ascii_lowercase().contains(s)
            })
        })
        .filter_map(|p| {
            let Served::State(s) = p.spec.served_at(now_ms - p.since_ms, now_ms) else {
                return None;
            };
            let wanted = query.statuses.is_empty() || query.statuses.contains(&s.status);
            wanted.then(|| item(p, &s, now_s))
        })
        .collect();
    let total = matching.len();
    let skip = ((query.page_number - 1) * query.page_size) as usize;
    let page = matching
        .into_iter()
        .skip(skip)
        .take(query.page_size as usize)
        .collect();
    (page, total)
}

/// The project's name: as configured, else its id without the prefix.
fn name_of(p: &Project) -> String {
    p.spec.name.clone().unwrap_or_else(|| {
        p.spec
            .id
            .trim_start_matches("np_")
            .trim_start_matches("p_")
            .to_owned()
    })
}

fn item(p: &Project, s: &crate::scenario::Snapshot, now_s: i64) -> Value {
    let failed = s.status == "FAILED";
    let alarming = failed || p.spec.alarming;
    let alarm = if failed {
        json!("sync failed")
    } else if alarming {
        json!("sync delay")
    } else {
        Value::Null
    };
    let started_s = p.since_ms.div_euclid(1000);
    let (delay, incr_timestamp) = match s.checkpoint {
        Checkpoint::Unix(t) => (json!((now_s - 2 - t).max(0)), json!(t)),
        _ => (Value::Null, Value::Null),
    };
    let source = if matches!(p.spec.behaviour, Behaviour::Sybase) {
        "SYBASE"
    } else {
        "MYSQL"
    };
    let running_progress = match s.current_step.as_deref().unwrap_or("") {
        step if step.contains("STRUCT") => s.struct_progress,
        step if step.contains("FULL") => s.full_progress,
        step if step.contains("SWITCH") => s.switch.map(|w| w.progress),
        _ => Some(100),
    };
    json!({
        "id": p.spec.id,
        "name": name_of(p),
        "type": if p.spec.kind == Kind::Sync { "SYNC" } else { "MIGRATION" },
        "status": s.status,
        "importance": p.spec.importance,
        "labels": p.spec.labels,
        "owner": "oms",
        "sourceEndpointType": source,
        "sinkEndpointType": "OB_MYSQL",
        "gmtCreate": utc_text(started_s),
        "gmtStart": utc_text(started_s),
        // Finished when it was defined so (see StageClock::Defined): fixed.
        "gmtFinish": if s.status == "FINISHED" { json!(utc_text(started_s)) } else { Value::Null },
        "gmtModified": utc_text(started_s),
        "isModifying": false,
        "isMerging": false,
        "enableStructTransfer": s.enable_struct,
        "enableFullTransfer": s.enable_full,
        "enableIncrTransfer": s.enable_incr,
        "enableReverseIncrTransfer": s.enable_reverse,
        "alarmStats": {
            "alarming": alarming,
            "recentlyTriggerCount": if alarming { 1 } else { 0 },
            "alarmContent": alarm,
        },
        "steps": steps_json(s, StageClock::of(&p.spec, p.since_ms, now_s * 1000), now_s, verify_run(p, now_s * 1000)),
        "extraInfo": {
            "runningStep": s.current_step,
            "runningProgress": running_progress,
            "syncDelay": delay,
            "syncDelaySampleTimestamp": if delay.is_null() { Value::Null } else { json!(now_s - 2) },
            "incrSyncTimestamp": incr_timestamp,
            "monitoringIncr": s.enable_incr && s.status == "RUNNING",
        },
    })
}
