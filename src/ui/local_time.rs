//! Times as the viewer reads them: local (or the `time-zone` option's) with
//! the zone's name, formatted by the browser's own `Intl.DateTimeFormat`,
//! so no date formatting is compiled into the wasm. UTC stays in the
//! `<time>` element's `datetime` and `title`.

use crate::i18n::Lang;
use crate::model::utc_time;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "const formatters = new Map();
export function localTime(secs, zone, locale) {
  const key = `${zone}|${locale}`;
  let format = formatters.get(key);
  if (format === undefined) {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
    if (zone !== undefined) options.timeZone = zone;
    try { format = new Intl.DateTimeFormat(locale, options); } catch { format = null; }
    formatters.set(key, format);
  }
  return format === null ? undefined : format.format(new Date(secs * 1000));
}")]
extern "C" {
    /// `Intl.DateTimeFormat` for `locale`, one per zone and locale, made on
    /// first use (making one costs far more than formatting with it);
    /// `undefined` where the browser refuses the zone (a RangeError) or has
    /// no `Intl`. In JS: through `Reflect` from Rust it was 2 KB of wasm.
    #[wasm_bindgen(js_name = localTime)]
    fn format_local_time(secs: f64, zone: Option<&str>, locale: &str) -> Option<String>;
}

/// `secs` (unix seconds) in `zone` (`None`: the browser's), e.g.
/// `2026-12-01 15:22:00 GMT+8`; the UTC text where the browser cannot
/// (an unknown zone name, no `Intl`): it says "UTC", so it never misleads.
/// ISO-like dates: Swedish order for English, `zh-CN` for Chinese; 24 h,
/// with the zone's short name.
pub fn local_time(secs: i64, zone: Option<&str>, lang: Lang) -> String {
    let locale = match lang {
        Lang::En => "sv-SE",
        Lang::ZhCn => "zh-CN",
    };
    format_local_time(secs as f64, zone, locale).unwrap_or_else(|| utc_time(secs))
}

/// A time for people: `<time datetime="…Z" title="… UTC">local</time>`.
#[component]
pub fn LocalTime(
    /// Unix seconds.
    secs: i64,
    /// The language of the date's form (English unless told).
    #[prop(optional)]
    lang: Lang,
    /// An IANA zone name or `UTC`; `None`: the browser's own zone.
    #[prop(default = None)]
    time_zone: Option<std::sync::Arc<str>>,
) -> impl IntoView {
    let utc = utc_time(secs);
    let iso = format!(
        "{}Z",
        utc.get(..19).unwrap_or_default().replacen(' ', "T", 1)
    );
    view! { <time datetime=iso title=utc>{local_time(secs, time_zone.as_deref(), lang)}</time> }
}
