//! Poll events as DOM events on the host element: they bubble and cross
//! the shadow boundary (`composed`), so any ancestor can listen.

use crate::api::Progress;
use crate::poll::PollEvent;
use js_sys::{Object, Reflect};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Dispatches `event` on `host` after the current task, so a host listener
/// that unmounts the widget never runs inside the widget's own update.
pub fn dispatch(host: &SendWrapper<HtmlElement>, project_id: &str, event: PollEvent) {
    let host = (**host).clone();
    let project_id = JsValue::from(project_id.trim());
    leptos::task::spawn_local(async move {
        let (name, detail) = describe(event);
        set(&detail, "projectId", Some(project_id));
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    });
}

fn describe(event: PollEvent) -> (&'static str, Object) {
    let detail = Object::new();
    let name = match event {
        PollEvent::Update(progress) => {
            progress_fields(&detail, progress);
            "oms-progress-update"
        }
        PollEvent::StatusChange { from, to } => {
            set(&detail, "from", from.map(|s| JsValue::from(s.code())));
            set(&detail, "to", Some(JsValue::from(to.code())));
            "oms-status-change"
        }
        PollEvent::Error(e) => {
            set(&detail, "kind", Some(JsValue::from(e.kind.as_str())));
            set(&detail, "code", e.code.map(JsValue::from));
            set(&detail, "message", Some(JsValue::from(e.message)));
            set(&detail, "advice", e.advice.map(JsValue::from));
            set(&detail, "httpStatus", e.http_status.map(JsValue::from));
            set(&detail, "requestId", e.request_id.map(JsValue::from));
            "oms-error"
        }
    };
    (name, detail)
}

/// The parsed progress under the V3.3 sync names, whichever variant OMS
/// sent; the two percentages as `structProgress` / `fullProgress` (0–100).
fn progress_fields(detail: &Object, p: Progress) {
    let text = |t: Option<String>| t.map(JsValue::from);
    let flag = |f: Option<bool>| f.map(JsValue::from);
    let percent = |p: Option<crate::api::Percent>| p.map(|p| JsValue::from(p.value));
    for (key, value) in [
        ("status", text(p.status.map(|s| s.code().to_owned()))),
        ("importance", text(p.importance)),
        ("currentStep", text(p.current_step)),
        ("enableStructSync", flag(p.enable_struct)),
        ("enableFullSync", flag(p.enable_full)),
        ("enableIncrSync", flag(p.enable_incr)),
        ("enableReverseIncrSync", flag(p.enable_reverse_incr)),
        ("structProgress", percent(p.struct_progress)),
        ("fullProgress", percent(p.full_progress)),
        ("incrSyncCheckpoint", text(p.incr_checkpoint)),
    ] {
        set(detail, key, value);
    }
}

/// Sets `key`; an absent value is `null`, never a guess.
fn set(target: &Object, key: &str, value: Option<JsValue>) {
    let _ = Reflect::set(
        target,
        &JsValue::from_str(key),
        &value.unwrap_or(JsValue::NULL),
    );
}
