//! The OMS endpoints: progress (sync and migration), health, auth, and the
//! faults applied in front of them.

use crate::faults::{decide, FaultKind, Target, LIST_ACTION};
use crate::http::{json_response, ConnectionKill};
use crate::scenario::{Envelope, Kind, Served};
use crate::state::Sim;
use crate::wire::{self, BusinessError};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use base64::Engine;
use bytes::Bytes;
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Code OMS returns for an unknown resource (inferred from its error-code list).
pub const NOT_FOUND_CODE: &str = "CM-RESONF000003";

pub async fn health() -> Response {
    json_response(
        StatusCode::OK,
        &json!({"success": true, "data": {"healthy": true}}),
    )
}

pub async fn sync_progress(
    State(sim): State<Sim>,
    Path(id): Path<String>,
    kill: Extension<ConnectionKill>,
    headers: HeaderMap,
) -> Response {
    progress(sim, Api::V3(Kind::Sync), id, kill.0, headers).await
}

pub async fn migration_progress(
    State(sim): State<Sim>,
    Path(id): Path<String>,
    kill: Extension<ConnectionKill>,
    headers: HeaderMap,
) -> Response {
    progress(sim, Api::V3(Kind::Migration), id, kill.0, headers).await
}

/// The OMS 4.x OpenAPI: `POST /api/v2?Action=…` with a JSON body.
pub async fn v4_action(
    State(sim): State<Sim>,
    Query(query): Query<HashMap<String, String>>,
    kill: Extension<ConnectionKill>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request_id = format!("sim-{:x}", crate::clock::wall_now_ms());
    let action = query.get("Action").map(String::as_str).unwrap_or("");
    if action == LIST_ACTION {
        return list_projects(&sim, &headers, &body, &request_id, kill.0).await;
    }
    if action == "DescribeProjectStepMetric" || action == "ListProjectFullVerifyResult" {
        return history_action(&sim, action, &headers, &body, &request_id, kill.0).await;
    }
    let asked = match action {
        "DescribeProjectProgress" => Some(Api::V4),
        "DescribeProjectSteps" => Some(Api::V4Steps),
        "DescribeProjectComponents" => Some(Api::V4Components),
        _ => None,
    };
    match asked {
        Some(api) => {
            let id = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|b| b.get("id").and_then(Value::as_str).map(str::to_owned));
            match id {
                Some(id) => progress(sim, api, id, kill.0, headers).await,
                None => {
                    v4_param_error(&request_id, "the body must be a JSON object with an \"id\"")
                }
            }
        }
        // Inferred: OMS answers an action it does not know (or one this
        // simulator does not model) as a parameter error, with the specific
        // text only in errorDetail; authentication comes first, as for all.
        _ => match &sim.config.credentials {
            Some(c) if !authorized(&headers, &c.user, &c.password) => {
                unauthorized(&request_id, true)
            }
            _ => v4_param_error(&request_id, &format!("action {action:?} is not supported")),
        },
    }
}

/// OMS 4.1+'s history actions; an older OMS (`--oms-version 4.0`) answers
/// them as any action it does not know. Faults naming the action reach them.
async fn history_action(
    sim: &Sim,
    action: &str,
    headers: &HeaderMap,
    body: &[u8],
    request_id: &str,
    kill: ConnectionKill,
) -> Response {
    let body = serde_json::from_slice::<Value>(body).unwrap_or(Value::Null);
    let id = body
        .get("projectId")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let (decision, project) = {
        let mut inner = sim.lock();
        let decision = decide(
            &mut inner.faults,
            Target::Project {
                id: &id,
                action: Some(action),
            },
        );
        (decision, inner.projects.get(&id).cloned())
    };
    if decision.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(decision.latency_ms)).await;
    }
    let failure = |e: &BusinessError| wire::v4_failure(e, request_id, 0);
    if let Some(fault) = &decision.fault {
        if let Some(answer) = transport_fault(fault, "/api/v2", request_id, &kill, failure).await {
            return answer;
        }
    }
    if let Some(c) = &sim.config.credentials {
        if !authorized(headers, &c.user, &c.password) {
            return unauthorized(request_id, true);
        }
    }
    if !sim.config.history_actions {
        return v4_param_error(request_id, &format!("action {action:?} is not supported"));
    }
    let Some(project) = project else {
        let e = BusinessError {
            code: NOT_FOUND_CODE.into(),
            message: format!("project {id} does not exist"),
            advice: "Check the project ID.".into(),
        };
        return json_response(StatusCode::OK, &failure(&e));
    };
    let now = sim.clock().now_ms();
    let envelope = project.spec.envelope;
    let answer = if action == "DescribeProjectStepMetric" {
        crate::history::step_metric(&project, &body, now)
            .map(|data| wire::success(envelope, data, 0))
    } else {
        let elapsed = (now - project.since_ms) as f64 / 1000.0;
        match &project.spec.verify {
            // A project without a verification: no tables, no verdict.
            None => Ok(wire::success(
                envelope,
                json!({"differentNumber": null, "fullVerifyTableStatistics": []}),
                0,
            )),
            Some(spec) => crate::history::verify_page(spec, elapsed, &body).map(|(data, total)| {
                let mut answer = wire::success(envelope, data, 0);
                let key = if envelope == Envelope::Pascal {
                    "TotalCount"
                } else {
                    "totalCount"
                };
                answer[key] = json!(total);
                answer
            }),
        }
    };
    match answer {
        Ok(answer) => json_response(StatusCode::OK, &answer),
        Err(e) => json_response(StatusCode::OK, &failure(&e)),
    }
}

/// `ListProjects`: one page of every project, filtered, paged as the list
/// shape says (`/_sim/list`); only faults that name the action reach it.
async fn list_projects(
    sim: &Sim,
    headers: &HeaderMap,
    body: &[u8],
    request_id: &str,
    kill: ConnectionKill,
) -> Response {
    let body = serde_json::from_slice::<Value>(body).unwrap_or(Value::Null);
    let page = body.get("pageNumber").and_then(Value::as_i64).unwrap_or(1);
    let decision = decide(&mut sim.lock().faults, Target::ListPage(page));
    if decision.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(decision.latency_ms)).await;
    }
    if let Some(fault) = &decision.fault {
        let failure = |e: &BusinessError| wire::v4_failure(e, request_id, 0);
        if let Some(answer) = transport_fault(fault, "/api/v2", request_id, &kill, failure).await {
            return answer;
        }
    }
    if let Some(c) = &sim.config.credentials {
        if !authorized(headers, &c.user, &c.password) {
            return unauthorized(request_id, true);
        }
    }
    let mut query = match crate::list::ListQuery::from_body(&body) {
        Ok(query) => query,
        Err(e) => return json_response(StatusCode::OK, &wire::v4_failure(&e, request_id, 0)),
    };
    let now = sim.clock().now_ms();
    let inner = sim.lock();
    let shape = inner.list_shape.clone();
    // A capped server pages by its own size, whatever was asked.
    if let Some(cap) = shape.page_cap {
        query.page_size = query.page_size.min(cap);
    }
    let projects: Vec<_> = inner.projects.values().collect();
    let (items, total) = crate::list::list_page(&projects, &query, now);
    let mut answer = wire::success(Envelope::Camel, Value::Array(items), 0);
    answer["pageNumber"] = json!(query.page_number);
    answer["pageSize"] = json!(query.page_size);
    answer["totalCount"] = if shape.send_total {
        json!(total)
    } else {
        Value::Null
    };
    json_response(StatusCode::OK, &answer)
}

/// The answer a fault gives instead of OMS's, or `None` when the request
/// goes on (latency, and the faults that alter the data). `failure` writes
/// a business error in the API's own envelope.
async fn transport_fault(
    fault: &FaultKind,
    path: &str,
    request_id: &str,
    kill: &ConnectionKill,
    failure: impl Fn(&BusinessError) -> Value,
) -> Option<Response> {
    Some(match fault.clone() {
        FaultKind::Latency { .. } | FaultKind::Hostile { .. } | FaultKind::Huge { .. } => {
            return None
        }
        FaultKind::Status { code } => status_fault(code, path, request_id),
        FaultKind::ProxyPage { code } => {
            proxy_page(StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_GATEWAY))
        }
        FaultKind::MalformedJson => text(
            StatusCode::OK,
            "application/json",
            "{\"success\":true,\"data\":{\"status\":",
        ),
        FaultKind::Truncated => truncated(),
        FaultKind::Close => {
            kill.close();
            std::future::pending::<()>().await;
            unreachable!("a closed connection answers nothing")
        }
        FaultKind::Hang { ms } => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        FaultKind::BusinessError {
            code,
            message,
            advice,
            level,
        } => {
            let mut body = failure(&BusinessError {
                code,
                message,
                advice,
            });
            if let (Some(level), Some(detail)) = (level, body.get_mut("errorDetail")) {
                if detail.is_object() {
                    detail["level"] = json!(level);
                }
            }
            json_response(StatusCode::OK, &body)
        }
        FaultKind::Html => text(
            StatusCode::OK,
            "text/html",
            "<!DOCTYPE html><html><head><title>Login</title></head><body><form action=\"/login\"></form></body></html>",
        ),
        FaultKind::Empty => text(StatusCode::OK, "application/json", ""),
    })
}

/// Which generation of the API a progress request came through.
#[derive(Clone, Copy, PartialEq)]
enum Api {
    /// `GET /api/omsp/v2/{sync|migrations}/{id}/progress`: only that kind.
    V3(Kind),
    /// `DescribeProjectProgress`: any kind, V4 field names, V4 errors.
    V4,
    /// `DescribeProjectSteps`: the step plan, as V4 answers it.
    V4Steps,
    /// `DescribeProjectComponents`: Store and writer, each with its delay.
    V4Components,
}

fn v4_param_error(request_id: &str, specific: &str) -> Response {
    let e = BusinessError {
        code: "PARAM_ERROR".into(),
        message: specific.into(),
        advice: "Check the action name and its parameters.".into(),
    };
    json_response(StatusCode::OK, &wire::v4_failure(&e, request_id, 0))
}

/// Unknown paths under `/api/`: Spring's own 404 JSON.
pub async fn api_not_found(uri: axum::http::Uri) -> Response {
    spring_error(StatusCode::NOT_FOUND, uri.path())
}

async fn progress(
    sim: Sim,
    api: Api,
    id: String,
    kill: ConnectionKill,
    headers: HeaderMap,
) -> Response {
    let started = Instant::now();
    let (decision, project) = {
        let mut inner = sim.lock();
        let action = match api {
            Api::V3(_) => None,
            Api::V4 => Some("DescribeProjectProgress"),
            Api::V4Steps => Some("DescribeProjectSteps"),
            Api::V4Components => Some("DescribeProjectComponents"),
        };
        let decision = decide(&mut inner.faults, Target::Project { id: &id, action });
        (decision, inner.projects.get(&id).cloned())
    };
    if decision.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(decision.latency_ms)).await;
    }
    let envelope = project
        .as_ref()
        .map_or(Envelope::Camel, |p| p.spec.envelope);
    let request_id = format!("sim-{:x}", crate::clock::wall_now_ms());
    let path = match api {
        Api::V3(Kind::Sync) => format!("/api/omsp/v2/sync/{id}/progress"),
        Api::V3(Kind::Migration) => format!("/api/omsp/v2/migrations/{id}/progress"),
        Api::V4 | Api::V4Steps | Api::V4Components => "/api/v2".to_owned(),
    };
    let v4 = matches!(api, Api::V4 | Api::V4Steps | Api::V4Components);
    let failure = |envelope: Envelope, e: &BusinessError, cost_ms: u64| match api {
        Api::V4 | Api::V4Steps | Api::V4Components => wire::v4_failure(e, &request_id, cost_ms),
        Api::V3(_) => wire::failure(envelope, e, &request_id, cost_ms),
    };

    if let Some(fault) = &decision.fault {
        let business = |e: &BusinessError| failure(envelope, e, cost(started));
        if let Some(answer) = transport_fault(fault, &path, &request_id, &kill, business).await {
            return answer;
        }
    }

    if let Some(creds) = &sim.config.credentials {
        if !authorized(&headers, &creds.user, &creds.password) {
            return unauthorized(&request_id, true);
        }
    }

    let Some(project) = project.filter(|p| v4 || api == Api::V3(p.spec.kind)) else {
        let e = BusinessError {
            code: NOT_FOUND_CODE.into(),
            message: format!("project {id} does not exist"),
            advice:
                "Check the project ID, and that it is a project of this type (sync or migration)."
                    .into(),
        };
        return json_response(StatusCode::OK, &failure(Envelope::Camel, &e, cost(started)));
    };
    let now = sim.clock().now_ms();
    let mut data = match project.spec.served_at(now - project.since_ms, now) {
        Served::State(snapshot) if api == Api::V4Steps => crate::steps::steps_json(
            &snapshot,
            crate::steps::StageClock::of(&project.spec, project.since_ms, now),
            now.div_euclid(1000),
            crate::steps::verify_run(&project, now),
        ),
        Served::State(snapshot) if api == Api::V4Components => {
            crate::components::components_json(&project.spec, &snapshot, now.div_euclid(1000))
        }
        Served::Raw(_) if api == Api::V4Steps || api == Api::V4Components => {
            Value::Array(Vec::new())
        }
        Served::State(snapshot) if api == Api::V4 => {
            wire::v4_progress_json(&project.spec, &snapshot)
        }
        Served::State(snapshot) => wire::data_json(&project.spec, &snapshot),
        Served::Raw(data) => data,
    };
    if let Some(FaultKind::Hostile { text, field }) = &decision.fault {
        wire::inject_text(&mut data, text, field.as_deref());
    }
    let mut body = wire::success(project.spec.envelope, data, cost(started));
    if let Some(FaultKind::Huge { bytes }) = decision.fault {
        // Padding in an unknown field: valid JSON the client must still cope with.
        body["padding"] = Value::String("x".repeat(bytes));
    }
    json_response(StatusCode::OK, &body)
}

fn cost(started: Instant) -> u64 {
    started.elapsed().as_millis() as u64
}

fn authorized(headers: &HeaderMap, user: &str, password: &str) -> bool {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some(encoded) = value.strip_prefix("Basic ") else {
        return false;
    };
    base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|raw| String::from_utf8(raw).ok())
        .is_some_and(|pair| pair == format!("{user}:{password}"))
}

/// 401 as Spring Security answers it, with OMS's envelope (inferred).
/// `challenge` adds `WWW-Authenticate`, which makes browsers prompt for a
/// password; the recommended reverse proxy strips it, and the `status`
/// fault answers as through that proxy.
fn unauthorized(request_id: &str, challenge: bool) -> Response {
    let body = json!({
        "success": false, "errorDetail": null, "code": "UNAUTHORIZED",
        "message": "Full authentication is required to access this resource",
        "advice": "Send HTTP Basic credentials of an OMS console account.",
        "requestId": request_id, "pageNumber": null, "pageSize": null, "totalCount": null,
        "cost": "0 ms", "data": null,
    });
    let mut response = json_response(StatusCode::UNAUTHORIZED, &body);
    if challenge {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"OMS\""),
        );
    }
    response
}

fn status_fault(code: u16, path: &str, request_id: &str) -> Response {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match code {
        401 => unauthorized(request_id, false),
        403 => json_response(
            status,
            &json!({
                "success": false, "errorDetail": null, "code": "FORBIDDEN",
                "message": "Access is denied", "advice": "Ask an OMS administrator for access to this project.",
                "requestId": request_id, "cost": "0 ms", "data": null,
            }),
        ),
        404 => spring_error(status, path),
        500 => json_response(
            status,
            &json!({
                "success": false, "errorDetail": null, "code": "INNER_ERROR",
                "message": "Internal error", "advice": "Retry later; if it persists, check the OMS logs.",
                "requestId": request_id, "cost": "0 ms", "data": null,
            }),
        ),
        _ => proxy_page(status),
    }
}

/// nginx's own error page for `status`.
fn proxy_page(status: StatusCode) -> Response {
    let (code, reason) = (
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error"),
    );
    let page = format!(
        "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n<center><h1>{code} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/html")
        .body(Body::from(page))
        .unwrap_or_else(|_| status.into_response())
}

fn spring_error(status: StatusCode, path: &str) -> Response {
    json_response(
        status,
        &json!({
            "timestamp": crate::clock::wall_now_ms(), "status": status.as_u16(),
            "error": status.canonical_reason().unwrap_or("Error"), "path": path,
        }),
    )
}

/// A body that claims more bytes than it sends, then the connection is cut.
fn truncated() -> Response {
    let full = br#"{"success":true,"errorDetail":null,"code":null,"message":null,"data":{"status":"RUNNING","currentStep":"INCR_SYNC"}}"#;
    let half = Bytes::from_static(&full[..full.len() / 2]);
    // The pause lets the headers and first half go out before the cut.
    let cut = async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "truncated by fault",
        ))
    };
    let stream = futures_util::stream::once(async { Ok::<Bytes, std::io::Error>(half) })
        .chain(futures_util::stream::once(cut));
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, full.len())
        .body(Body::from_stream(stream))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

fn text(status: StatusCode, content_type: &'static str, body: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}
