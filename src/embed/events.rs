//! Poll events as DOM events on the host element: they bubble and cross
//! the shadow boundary (`composed`), so any ancestor can listen.

use crate::api::{Percent, Progress};
use crate::poll::PollEvent;
use send_wrapper::SendWrapper;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// An event's `detail`, written to a plain JS object by serde-wasm-bindgen.
/// Absent values are `null`, never left out or guessed.
#[derive(Serialize)]
#[serde(untagged)]
enum Detail<'a> {
    /// The parsed progress under the V3.3 sync names, whichever variant OMS
    /// sent; the two percentages as `structProgress` / `fullProgress`.
    #[serde(rename_all = "camelCase")]
    Update {
        project_id: &'a str,
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
    },
    #[serde(rename_all = "camelCase")]
    StatusChange {
        project_id: &'a str,
        from: Option<&'a str>,
        to: &'a str,
    },
    #[serde(rename_all = "camelCase")]
    Health {
        project_id: &'a str,
        trend: Option<&'static str>,
        stuck: Option<&'static str>,
        stuck_since: Option<i64>,
        recovered_at: Option<i64>,
    },
    #[serde(rename_all = "camelCase")]
    Error {
        project_id: &'a str,
        kind: &'static str,
        code: Option<&'a str>,
        message: &'a str,
        advice: Option<&'a str>,
        http_status: Option<u16>,
        request_id: Option<&'a str>,
    },
}

#[wasm_bindgen(inline_js = "export function fire(host, name, detail) {
  queueMicrotask(() => host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail })));
}")]
extern "C" {
    /// Dispatches a bubbling, composed `CustomEvent` on `host` in a
    /// microtask: one call instead of six through web-sys, and no task.
    fn fire(host: &HtmlElement, name: &str, detail: &JsValue);
}

/// Dispatches `event` on `host` once the widget's update is over (in a
/// microtask), so a host listener that unmounts the widget never runs
/// inside it.
pub fn dispatch(host: &SendWrapper<HtmlElement>, project_id: &str, event: PollEvent) {
    let (name, detail) = describe(project_id.trim(), &event);
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    if let Ok(detail) = detail.serialize(&serializer) {
        fire(host, name, &detail);
    }
}

fn describe<'a>(project_id: &'a str, event: &'a PollEvent) -> (&'static str, Detail<'a>) {
    match event {
        PollEvent::Update(p) => ("oms-progress-update", update(project_id, p)),
        PollEvent::StatusChange { from, to } => (
            "oms-status-change",
            Detail::StatusChange {
                project_id,
                from: from.as_ref().map(|s| s.code()),
                to: to.code(),
            },
        ),
        PollEvent::Health(h) => (
            "oms-health-change",
            Detail::Health {
                project_id,
                trend: h.trend.map(|t| t.as_str()),
                stuck: h.stuck.map(|s| s.as_str()),
                stuck_since: h.stuck_since_ms,
                recovered_at: h.recovered_at_ms,
            },
        ),
        PollEvent::Error(e) => (
            "oms-error",
            Detail::Error {
                project_id,
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

fn update<'a>(project_id: &'a str, p: &'a Progress) -> Detail<'a> {
    let percent = |p: &Option<Percent>| p.as_ref().map(|p| p.value);
    Detail::Update {
        project_id,
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
