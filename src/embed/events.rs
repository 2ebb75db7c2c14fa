//! Poll events as DOM events on the host element: they bubble and cross
//! the shadow boundary (`composed`), so any ancestor can listen.

use crate::api::{Percent, Progress};
use crate::poll::PollEvent;
use send_wrapper::SendWrapper;
use serde::Serialize;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

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

/// Dispatches `event` on `host` after the current task, so a host listener
/// that unmounts the widget never runs inside the widget's own update.
pub fn dispatch(host: &SendWrapper<HtmlElement>, project_id: &str, event: PollEvent) {
    let host = (**host).clone();
    let project_id = project_id.trim().to_owned();
    leptos::task::spawn_local(async move {
        let (name, detail) = describe(&project_id, &event);
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
        let Ok(detail) = detail.serialize(&serializer) else {
            return;
        };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    });
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
