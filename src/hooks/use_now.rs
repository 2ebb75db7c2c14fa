//! [`use_now`]: the page's clock as a signal.

use crate::runtime::page_clock;
use leptos::prelude::*;

/// The time in ms since the epoch, updated every second for as long as the
/// current reactive owner lives. Every caller reads the same ticker: it
/// starts with the first and stops with the last.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Clock() -> impl IntoView {
///     let now = use_now();
///     view! { <span>{move || now.get() / 1000}</span> }
/// }
/// ```
pub fn use_now() -> Signal<i64> {
    let now = page_clock::join();
    on_cleanup(page_clock::leave);
    now.read_only().into()
}
