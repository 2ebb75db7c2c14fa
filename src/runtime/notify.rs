//! The browser's notifications: whether they are allowed, asking (only
//! ever from a click), showing one, and the operator's choice, remembered
//! per origin.

use oms_progress_core::model::Notice;
use wasm_bindgen::prelude::*;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

/// The key of the operator's choice in the origin's `localStorage`.
const CHOICE_KEY: &str = "oms-progress:notify";

/// Whether this browser has notifications at all (a page without a secure
/// context, or a browser without the API, has none).
pub(crate) fn supported() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("Notification")).unwrap_or(false)
}

/// `granted`, `denied`, `default` (not asked yet) or `unsupported`.
pub(crate) fn permission() -> &'static str {
    if !supported() {
        return "unsupported";
    }
    match Notification::permission() {
        NotificationPermission::Granted => "granted",
        NotificationPermission::Denied => "denied",
        _ => "default",
    }
}

/// Asks the browser; call only from the operator's click. The permission after.
pub(crate) async fn request_permission() -> &'static str {
    if !supported() {
        return "unsupported";
    }
    if let Ok(promise) = Notification::request_permission() {
        let _ = js_sys::futures::JsFuture::from(promise).await;
    }
    permission()
}

/// Whether the operator turned notifications on (in any tab of this origin).
pub(crate) fn chosen() -> bool {
    storage()
        .and_then(|s| s.get_item(CHOICE_KEY).ok().flatten())
        .is_some_and(|v| v == "on")
}

/// Remembers the operator's choice for this origin.
pub(crate) fn remember(on: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(CHOICE_KEY, if on { "on" } else { "off" });
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Storage may be refused (privacy settings): then nothing is remembered.
    web_sys::window()?.local_storage().ok().flatten()
}

/// Shows `notice`, silent unless the operator's system says otherwise; a
/// click focuses this tab and runs `on_click`.
pub(crate) fn show(notice: &Notice, on_click: impl FnOnce() + 'static) {
    let options = NotificationOptions::new();
    options.set_body(&notice.body);
    options.set_silent(Some(true));
    if !notice.tag.is_empty() {
        options.set_tag(&notice.tag);
    }
    let Ok(shown) = Notification::new_with_options(&notice.title, &options) else {
        return;
    };
    let click = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.focus();
        }
        on_click();
    });
    shown.set_onclick(Some(click.unchecked_ref()));
}
