//! When a paused or waiting poller should ask again at once: the page came
//! back into view, or the browser came back online.

use leptos::ev;
use leptos::prelude::*;
use web_sys::VisibilityState;

/// Whether the page is hidden (a background tab, a minimised window).
pub(crate) fn page_hidden() -> bool {
    document().visibility_state() == VisibilityState::Hidden
}

/// Calls `wake` when the page becomes visible or the browser comes online,
/// until the returned function is called.
pub(crate) fn wake_on_return(wake: impl Fn() + Clone + 'static) -> impl FnOnce() {
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

/// "Poll now", callable from any owner.
pub(crate) type Wake = std::sync::Arc<dyn Fn() + Send + Sync>;

/// While the page is hidden, waits to be woken (no request meanwhile);
/// false when the channel closed.
pub(crate) async fn paused_while_hidden(
    wake_rx: &mut futures::channel::mpsc::UnboundedReceiver<()>,
) -> bool {
    use futures::StreamExt;
    while page_hidden() {
        if wake_rx.next().await.is_none() {
            return false;
        }
    }
    true
}
