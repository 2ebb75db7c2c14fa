//! When a paused or waiting poller should ask again at once: the page came
//! back into view, or the browser came back online.

use leptos::ev;
use leptos::prelude::*;
use web_sys::VisibilityState;

/// Whether the page is hidden (a background tab, a minimised window).
pub fn page_hidden() -> bool {
    document().visibility_state() == VisibilityState::Hidden
}

/// Calls `wake` when the page becomes visible or the browser comes online,
/// until the returned function is called.
pub fn wake_on_return(wake: impl Fn() + Clone + 'static) -> impl FnOnce() {
    // `visibilitychange` is fired at the document and bubbles to the window.
    let on_visible = window_event_listener_untyped("visibilitychange", {
        let wake = wake.clone();
        move |_| {
            if !page_hidden() {
                wake();
            }
        }
    });
    let on_online = window_event_listener(ev::online, move |_| wake());
    move || {
        on_visible.remove();
        on_online.remove();
    }
}
