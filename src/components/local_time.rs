//! `<time>` for people: the viewer's zone (or the `time-zone` option's) in
//! the text, UTC in `datetime` and `title`.

use crate::hooks::{card_config, CardConfig};
use crate::runtime::local_time;
use leptos::prelude::*;
use oms_progress_core::model::utc_time;

/// A time for people: `<time datetime="…Z" title="… UTC">local</time>`.
#[component]
pub fn LocalTime(
    /// Unix seconds.
    secs: i64,
) -> impl IntoView {
    let CardConfig {
        lang,
        zone: time_zone,
    } = card_config();
    let utc = utc_time(secs);
    let iso = format!(
        "{}Z",
        utc.get(..19).unwrap_or_default().replacen(' ', "T", 1)
    );
    view! { <time datetime=iso title=utc>{local_time(secs, time_zone.as_deref(), lang)}</time> }
}
