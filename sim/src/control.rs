//! The control API under `/_sim/`, for tests and demos: set states, inject
//! faults, read the request log, move the clock. Bad input gets 400 with a
//! message saying what is wrong.

use crate::faults::FaultRule;
use crate::http::json_response;
use crate::scenario::ProjectSpec;
use crate::state::{ListShape, Project, Sim};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, put};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

pub const PREFIX: &str = "/_sim";

pub fn routes() -> Router<Sim> {
    Router::new()
        .route("/_sim/projects", get(list_projects))
        .route(
            "/_sim/projects/{id}",
            put(put_project).get(get_project).delete(delete_project),
        )
        .route(
            "/_sim/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/_sim/requests", get(list_requests).delete(clear_requests))
        .route("/_sim/clock", get(get_clock).post(move_clock))
        .route("/_sim/reset", axum::routing::post(reset))
        .route("/_sim/list", get(get_list_shape).put(put_list_shape))
}

fn bad_request(message: impl Into<String>) -> Response {
    json_response(StatusCode::BAD_REQUEST, &json!({ "error": message.into() }))
}

fn ok(body: Value) -> Response {
    json_response(StatusCode::OK, &body)
}

fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    if body.is_empty() {
        return Err("the request needs a JSON body".into());
    }
    serde_json::from_slice(body).map_err(|e| format!("invalid body: {e}"))
}

async fn list_projects(State(sim): State<Sim>) -> Response {
    let specs: Vec<ProjectSpec> = sim
        .lock()
        .projects
        .values()
        .map(|p| p.spec.clone())
        .collect();
    ok(json!(specs))
}

async fn get_project(State(sim): State<Sim>, Path(id): Path<String>) -> Response {
    match sim.lock().projects.get(&id) {
        Some(p) => ok(json!({ "spec": p.spec, "since_ms": p.since_ms })),
        None => json_response(
            StatusCode::NOT_FOUND,
            &json!({ "error": format!("no project {id}") }),
        ),
    }
}

#[derive(Deserialize)]
struct Defined {
    /// The project was defined this many seconds ago (default 0: now).
    age_secs: Option<f64>,
}

/// Creates or replaces a project; its behaviour starts over from now, or
/// from `?age_secs=N` seconds ago (a verification part way through, a
/// lifecycle in a later phase) without moving the clock of every project.
async fn put_project(
    State(sim): State<Sim>,
    Path(id): Path<String>,
    Query(defined): Query<Defined>,
    body: Bytes,
) -> Response {
    let age_ms = match defined.age_secs {
        None => 0,
        Some(secs) if secs.is_finite() && (0.0..=1e9).contains(&secs) => (secs * 1000.0) as i64,
        Some(secs) => {
            return bad_request(format!(
                "age_secs {secs} must be a number of seconds from 0 to 1e9"
            ))
        }
    };
    let mut value: Value = match parse(&body) {
        Ok(v) => v,
        Err(e) => return bad_request(e),
    };
    let Some(fields) = value.as_object_mut() else {
        return bad_request("the body must be a JSON object with at least \"behaviour\"");
    };
    fields.insert("id".into(), json!(id));
    let spec: ProjectSpec = match serde_json::from_value(value) {
        Ok(s) => s,
        Err(e) => return bad_request(format!("invalid project: {e}")),
    };
    if let Err(e) = spec.validate() {
        return bad_request(e);
    }
    let since_ms = sim.clock().now_ms() - age_ms;
    sim.lock().projects.insert(
        id,
        Project {
            spec: spec.clone(),
            since_ms,
        },
    );
    ok(json!({ "spec": spec, "since_ms": since_ms }))
}

async fn delete_project(State(sim): State<Sim>, Path(id): Path<String>) -> Response {
    let removed = sim.lock().projects.remove(&id).is_some();
    ok(json!({ "removed": removed }))
}

async fn list_faults(State(sim): State<Sim>) -> Response {
    ok(json!(sim.lock().faults))
}

async fn add_fault(State(sim): State<Sim>, body: Bytes) -> Response {
    let rule: FaultRule = match parse(&body) {
        Ok(r) => r,
        Err(e) => return bad_request(e),
    };
    if let Err(e) = rule.validate() {
        return bad_request(e);
    }
    let mut inner = sim.lock();
    inner.faults.push(rule);
    ok(json!(inner.faults))
}

#[derive(Deserialize)]
struct ProjectFilter {
    project: Option<String>,
}

/// Clears every fault, or only those aimed at `?project=ID`.
async fn clear_faults(State(sim): State<Sim>, Query(filter): Query<ProjectFilter>) -> Response {
    let mut inner = sim.lock();
    let before = inner.faults.len();
    match filter.project {
        Some(p) => inner
            .faults
            .retain(|r| r.project.as_deref() != Some(p.as_str())),
        None => inner.faults.clear(),
    }
    ok(json!({ "cleared": before - inner.faults.len() }))
}

#[derive(Deserialize)]
struct LogFilter {
    /// Only entries with a sequence number at or above this.
    since_seq: Option<u64>,
    /// Only entries whose path starts with this.
    path_prefix: Option<String>,
}

async fn list_requests(State(sim): State<Sim>, Query(filter): Query<LogFilter>) -> Response {
    let inner = sim.lock();
    let entries: Vec<_> = inner
        .log
        .iter()
        .filter(|e| e.seq >= filter.since_seq.unwrap_or(0))
        .filter(|e| {
            filter
                .path_prefix
                .as_deref()
                .is_none_or(|p| e.path.starts_with(p))
        })
        .collect();
    ok(json!({ "next_seq": inner.next_seq, "requests": entries }))
}

async fn clear_requests(State(sim): State<Sim>) -> Response {
    sim.lock().log.clear();
    ok(json!({ "cleared": true }))
}

async fn get_clock(State(sim): State<Sim>) -> Response {
    ok(json!({ "now_ms": sim.clock().now_ms(), "manual": sim.clock().is_manual() }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockMove {
    advance_ms: Option<i64>,
    set_ms: Option<i64>,
}

async fn move_clock(State(sim): State<Sim>, body: Bytes) -> Response {
    let step: ClockMove = match parse(&body) {
        Ok(s) => s,
        Err(e) => return bad_request(e),
    };
    if !sim.clock().is_manual() {
        return bad_request(
            "the clock is the wall clock; start oms-sim with --manual-clock to move it",
        );
    }
    match (step.advance_ms, step.set_ms) {
        (Some(by), None) => sim.clock().advance_ms(by),
        (None, Some(to)) => sim.clock().set_ms(to),
        _ => return bad_request("give exactly one of advance_ms or set_ms"),
    };
    ok(json!({ "now_ms": sim.clock().now_ms() }))
}

async fn get_list_shape(State(sim): State<Sim>) -> Response {
    ok(json!(sim.lock().list_shape))
}

/// How `ListProjects` pages from now on (`{"page_cap": 50, "send_total": false}`).
async fn put_list_shape(State(sim): State<Sim>, body: Bytes) -> Response {
    let shape: ListShape = match parse(&body) {
        Ok(s) => s,
        Err(e) => return bad_request(e),
    };
    if shape.page_cap.is_some_and(|c| c < 1) {
        return bad_request("page_cap must be at least 1 (or absent for none)");
    }
    let mut inner = sim.lock();
    inner.list_shape = shape;
    ok(json!(inner.list_shape))
}

/// Back to the scenario as loaded, with no faults and an empty log.
async fn reset(State(sim): State<Sim>) -> Response {
    let fresh = Sim::new((*sim.config).clone());
    let projects = std::mem::take(&mut fresh.lock().projects);
    let mut inner = sim.lock();
    inner.projects = projects;
    inner.faults.clear();
    inner.log.clear();
    inner.list_shape = ListShape::default();
    ok(json!({ "projects": inner.projects.len() }))
}
