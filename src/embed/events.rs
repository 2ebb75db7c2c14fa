//! Poll events as DOM events on the host element: they bubble and cross
//! the shadow boundary (`composed`), so any ancestor can listen.
//!
//! Each event's `detail` is a struct with named fields, written to a JS
//! object by serde-wasm-bindgen: the field names are the ones
//! docs/embedding.md and `embed/oms-progress.d.ts` document. Absent values
//! are `null`, never left out or guessed.

use oms_progress_core::events::{CutoverChange, PollEvent, ProjectRef};
use oms_progress_core::model::{AttentionChange, CheckName, CutoverVerdict};
use oms_progress_core::wire::{Percent, Progress};
use send_wrapper::SendWrapper;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// `oms-progress-update`: the parsed progress under the V3.3 sync names,
/// whichever variant OMS sent; the two percentages as `structProgress` /
/// `fullProgress`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UpdateDetail<'a> {
    project_id: &'a str,
    source: Option<&'a str>,
    status: Option<&'a str>,
    importance: Option<&'a str>,
    current_step: Option<&'a str>,
    enable_struct_sync: Option<bool>,
    enable_full_sync: Option<bool>,
    enable_incr_sync: Option<bool>,
    enable_reverse_incr_sync: Option<bool>,
    struct_progress: Option<u8>,
    full_progress: Option<u8>,
    incr_sync_checkpoint: Option<&'a str>,
    reverse_incr_sync_checkpoint: Option<&'a str>,
}

/// `oms-status-change`: `from` is `null` the first time.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusChangeDetail<'a> {
    project_id: &'a str,
    source: Option<&'a str>,
    from: Option<&'a str>,
    to: &'a str,
}

/// `oms-health-change`: times in ms since the epoch.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HealthDetail<'a> {
    project_id: &'a str,
    source: Option<&'a str>,
    trend: Option<&'static str>,
    stuck: Option<&'static str>,
    stuck_since: Option<i64>,
    recovered_at: Option<i64>,
}

/// `oms-cutover-change`: switch-over readiness's verdict changed (`from`
/// is `null` the first time); `blocking` names the first check that keeps
/// it from `ready`; `checks` holds each check's `data-ok`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CutoverDetail<'a> {
    project_id: &'a str,
    source: Option<&'a str>,
    from: Option<&'static str>,
    to: &'static str,
    blocking: Option<&'static str>,
    line: &'a str,
    checks: CutoverChecks,
}

/// Each check's `data-ok` (`true`, `false` or `unknown`), by its name.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct CutoverChecks {
    full: &'static str,
    verify: &'static str,
    lag: &'static str,
    lag_held: &'static str,
    healthy: &'static str,
    reverse: &'static str,
}

/// `oms-error`: `kind` as the widget's `data-error`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ErrorDetail<'a> {
    project_id: &'a str,
    source: Option<&'a str>,
    kind: &'static str,
    code: Option<&'a str>,
    message: &'a str,
    advice: Option<&'a str>,
    http_status: Option<u16>,
    request_id: Option<&'a str>,
}

/// `oms-attention-change`: `title` is the project's name.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AttentionDetail<'a> {
    project_id: &'a str,
    source: Option<&'a str>,
    title: &'a str,
    from: &'static str,
    to: &'static str,
}

#[wasm_bindgen(inline_js = "export function fire(host, name, detail) {
  queueMicrotask(() => host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail })));
}")]
extern "C" {
    /// Dispatches a bubbling, composed `CustomEvent` on `host` in a
    /// microtask: one call instead of six through web-sys, and no task.
    fn fire(host: &HtmlElement, name: &str, detail: &JsValue);
}

/// Dispatches `event` about `project` on `host` once the widget's update
/// is over (in a microtask), so a host listener that unmounts the widget
/// never runs inside it.
pub fn dispatch(host: &SendWrapper<HtmlElement>, project: &ProjectRef, event: PollEvent) {
    let source = Some(project.source.as_str()).filter(|s| !s.is_empty());
    let project_id = project.id.trim();
    match &event {
        PollEvent::Update(p) => send(host, "oms-progress-update", &update(project_id, source, p)),
        PollEvent::StatusChange { from, to } => send(
            host,
            "oms-status-change",
            &StatusChangeDetail {
                project_id,
                source,
                from: from.as_ref().map(|s| s.code()),
                to: to.code(),
            },
        ),
        PollEvent::Health(h) => send(
            host,
            "oms-health-change",
            &HealthDetail {
                project_id,
                source,
                trend: h.trend.map(|t| t.as_str()),
                stuck: h.stuck.map(|s| s.as_str()),
                stuck_since: h.stuck_since_ms,
                recovered_at: h.recovered_at_ms,
            },
        ),
        PollEvent::Cutover(c) => send(host, "oms-cutover-change", &cutover(project_id, source, c)),
        PollEvent::Error(e) => send(
            host,
            "oms-error",
            &ErrorDetail {
                project_id,
                source,
                kind: e.kind.as_str(),
                code: e.code.as_deref(),
                message: &e.message,
                advice: e.advice.as_deref(),
                http_status: e.http_status,
                request_id: e.request_id.as_deref(),
            },
        ),
    }
}

/// Dispatches `oms-attention-change`: it bubbles to the document.
pub fn dispatch_attention(host: &SendWrapper<HtmlElement>, change: &AttentionChange) {
    let project = &change.project;
    let detail = AttentionDetail {
        project_id: &project.id,
        source: Some(project.source.as_str()).filter(|s| !s.is_empty()),
        title: &change.title,
        from: change.from.as_str(),
        to: change.to.as_str(),
    };
    send(host, "oms-attention-change", &detail);
}

/// `detail` as a JS object (`None` as `null`), dispatched as `name`.
fn send(host: &SendWrapper<HtmlElement>, name: &str, detail: &impl Serialize) {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    if let Ok(detail) = detail.serialize(&serializer) {
        fire(host, name, &detail);
    }
}

fn update<'a>(project_id: &'a str, source: Option<&'a str>, p: &'a Progress) -> UpdateDetail<'a> {
    let percent = |p: &Option<Percent>| p.as_ref().map(|p| p.value);
    UpdateDetail {
        project_id,
        source,
        status: p.status.as_ref().map(|s| s.code()),
        importance: p.importance.as_deref(),
        current_step: p.current_step.as_deref(),
        enable_struct_sync: p.enable_struct,
        enable_full_sync: p.enable_full,
        enable_incr_sync: p.enable_incr,
        enable_reverse_incr_sync: p.enable_reverse_incr,
        struct_progress: percent(&p.struct_progress),
        full_progress: percent(&p.full_progress),
        incr_sync_checkpoint: p.incr_checkpoint.as_deref(),
        reverse_incr_sync_checkpoint: p.reverse_checkpoint.as_deref(),
    }
}

fn cutover<'a>(
    project_id: &'a str,
    source: Option<&'a str>,
    c: &'a CutoverChange,
) -> CutoverDetail<'a> {
    let mut checks = CutoverChecks::default();
    for (name, state) in &c.checks {
        let slot = match name {
            CheckName::Full => &mut checks.full,
            CheckName::Verify => &mut checks.verify,
            CheckName::Lag => &mut checks.lag,
            CheckName::LagHeld => &mut checks.lag_held,
            CheckName::Healthy => &mut checks.healthy,
            CheckName::Reverse => &mut checks.reverse,
        };
        *slot = state.as_str();
    }
    CutoverDetail {
        project_id,
        source,
        from: c.from.map(CutoverVerdict::as_str),
        to: c.to.as_str(),
        blocking: c.blocking.map(CheckName::as_str),
        line: &c.line,
        checks,
    }
}
