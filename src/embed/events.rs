//! Poll events as DOM events on the host element: they bubble and cross
//! the shadow boundary (`composed`), so any ancestor can listen.

use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::model::AttentionChange;
use oms_progress_core::wire::{Percent, Progress};
use send_wrapper::SendWrapper;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// An event's `detail` values, written by serde-wasm-bindgen to one JS
/// array and paired in `fire` with the names `DETAIL_NAMES` gives, in the
/// same order: field names serialised from Rust cost about 3 KB of wasm
/// (a cache of their JS strings and the object writer). Absent values are
/// `null`, never left out or guessed.
#[derive(Serialize)]
#[serde(untagged)]
enum Detail<'a> {
    /// The parsed progress under the V3.3 sync names, whichever variant OMS
    /// sent; the two percentages as `structProgress` / `fullProgress`.
    Update(
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<bool>,
        Option<bool>,
        Option<bool>,
        Option<bool>,
        Option<u8>,
        Option<u8>,
        Option<&'a str>,
        Option<&'a str>,
    ),
    StatusChange(&'a str, Option<&'a str>, Option<&'a str>, &'a str),
    Health(
        &'a str,
        Option<&'a str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<i64>,
        Option<i64>,
    ),
    Error(
        &'a str,
        Option<&'a str>,
        &'static str,
        Option<&'a str>,
        &'a str,
        Option<&'a str>,
        Option<u16>,
        Option<&'a str>,
    ),
    Attention(
        &'a str,
        Option<&'a str>,
        &'a str,
        &'static str,
        &'static str,
    ),
}

#[wasm_bindgen(inline_js = "const DETAIL_NAMES = {
  'oms-progress-update': ['projectId', 'source', 'status', 'importance', 'currentStep', 'enableStructSync', 'enableFullSync', 'enableIncrSync', 'enableReverseIncrSync', 'structProgress', 'fullProgress', 'incrSyncCheckpoint', 'reverseIncrSyncCheckpoint'],
  'oms-status-change': ['projectId', 'source', 'from', 'to'],
  'oms-health-change': ['projectId', 'source', 'trend', 'stuck', 'stuckSince', 'recoveredAt'],
  'oms-error': ['projectId', 'source', 'kind', 'code', 'message', 'advice', 'httpStatus', 'requestId'],
  'oms-attention-change': ['projectId', 'source', 'title', 'from', 'to'],
};
export function fire(host, name, values) {
  const detail = {};
  DETAIL_NAMES[name].forEach((key, i) => { detail[key] = values[i]; });
  queueMicrotask(() => host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail })));
}")]
extern "C" {
    /// Dispatches a bubbling, composed `CustomEvent` on `host` in a
    /// microtask: one call instead of six through web-sys, and no task.
    /// `values` are the detail's, in `DETAIL_NAMES`' order for `name`.
    fn fire(host: &HtmlElement, name: &str, values: &JsValue);
}

/// Dispatches `event` about `project` on `host` once the widget's update
/// is over (in a microtask), so a host listener that unmounts the widget
/// never runs inside it.
pub fn dispatch(host: &SendWrapper<HtmlElement>, project: &ProjectRef, event: PollEvent) {
    let source = Some(project.source.as_str()).filter(|s| !s.is_empty());
    let (name, detail) = describe(project.id.trim(), source, &event);
    send(host, name, &detail);
}

/// Dispatches `oms-attention-change`: it bubbles to the document.
pub fn dispatch_attention(host: &SendWrapper<HtmlElement>, change: &AttentionChange) {
    let project = &change.project;
    let source = Some(project.source.as_str()).filter(|s| !s.is_empty());
    let detail = Detail::Attention(
        &project.id,
        source,
        &change.title,
        change.from.as_str(),
        change.to.as_str(),
    );
    send(host, "oms-attention-change", &detail);
}

fn send(host: &SendWrapper<HtmlElement>, name: &str, detail: &Detail) {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    if let Ok(detail) = detail.serialize(&serializer) {
        fire(host, name, &detail);
    }
}

fn describe<'a>(
    project_id: &'a str,
    source: Option<&'a str>,
    event: &'a PollEvent,
) -> (&'static str, Detail<'a>) {
    match event {
        PollEvent::Update(p) => ("oms-progress-update", update(project_id, source, p)),
        PollEvent::StatusChange { from, to } => (
            "oms-status-change",
            Detail::StatusChange(
                project_id,
                source,
                from.as_ref().map(|s| s.code()),
                to.code(),
            ),
        ),
        PollEvent::Health(h) => (
            "oms-health-change",
            Detail::Health(
                project_id,
                source,
                h.trend.map(|t| t.as_str()),
                h.stuck.map(|s| s.as_str()),
                h.stuck_since_ms,
                h.recovered_at_ms,
            ),
        ),
        PollEvent::Error(e) => (
            "oms-error",
            Detail::Error(
                project_id,
                source,
                e.kind.as_str(),
                e.code.as_deref(),
                &e.message,
                e.advice.as_deref(),
                e.http_status,
                e.request_id.as_deref(),
            ),
        ),
    }
}

fn update<'a>(project_id: &'a str, source: Option<&'a str>, p: &'a Progress) -> Detail<'a> {
    let percent = |p: &Option<Percent>| p.as_ref().map(|p| p.value);
    Detail::Update(
        project_id,
        source,
        p.status.as_ref().map(|s| s.code()),
        p.importance.as_deref(),
        p.current_step.as_deref(),
        p.enable_struct,
        p.enable_full,
        p.enable_incr,
        p.enable_reverse_incr,
        percent(&p.struct_progress),
        percent(&p.full_progress),
        p.incr_checkpoint.as_deref(),
        p.reverse_checkpoint.as_deref(),
    )
}
