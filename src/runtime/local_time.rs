//! Times as the viewer reads them: local (or the `time-zone` option's) with
//! the zone's name, formatted by the browser (`Intl.DateTimeFormat`, or a
//! `Date`'s local fields for the browser's own zone), so no date
//! formatting is compiled into the wasm. UTC stays in the
//! `<time>` element's `datetime` and `title`.

use oms_progress_core::i18n::Lang;
use oms_progress_core::model::utc_time;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "const formatters = new Map();
const pad = (n) => String(n).padStart(2, '0');
export function localTime(secs, zone, locale) {
  const date = new Date(secs * 1000);
  if (isNaN(date)) return undefined;
  if (zone === undefined) return ownZone(date, locale === 'sv-SE');
  const key = `${zone}|${locale}`;
  let format = formatters.get(key);
  if (format === undefined) {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone: zone };
    try { format = new Intl.DateTimeFormat(locale, options); } catch { format = null; }
    formatters.set(key, format);
  }
  if (format === null) return undefined;
  const part = {};
  for (const { type, value } of format.formatToParts(date)) part[type] = value;
  return written(part.year, part.month, part.day, `${part.hour}:${part.minute}:${part.second}`, part.timeZoneName);
}
function ownZone(date, sv) {
  const east = -date.getTimezoneOffset(), abs = Math.abs(east);
  const zone = east ? `GMT${east > 0 ? '+' : sv ? '−' : '-'}${Math.floor(abs / 60)}${abs % 60 ? ':' + pad(abs % 60) : ''}` : 'UTC';
  const time = [date.getHours(), date.getMinutes(), date.getSeconds()].map(pad).join(':');
  return written(date.getFullYear(), pad(date.getMonth() + 1), pad(date.getDate()), time, zone);
}
function written(year, month, day, time, zone) {
  return `${year}-${month}-${day} ${time} ${zone}`;
}")]
extern "C" {
    /// `Intl.DateTimeFormat` for `locale`, one per zone and locale, made on
    /// first use (making one costs far more than formatting with it);
    /// `undefined` where the browser refuses the zone (a RangeError) or has
    /// no `Intl`, or the time is past what a `Date` holds (`format` would
    /// throw). In JS: through `Reflect` from Rust it was 2 KB of wasm.
    /// The browser's own zone (`zone` undefined) needs no `Intl`: the
    /// `Date`'s local fields, in the form `Intl` writes for a zone named
    /// by its offset (`GMT+8`, `GMT−3:30`, `UTC`), because a page's first
    /// `Intl.DateTimeFormat` costs 10–18 ms of main thread in Chromium
    /// (measured: 17 ms of a 20-widget page's first data).
    #[wasm_bindgen(js_name = localTime)]
    fn format_local_time(secs: f64, zone: Option<&str>, locale: &str) -> Option<String>;
}

/// `secs` (unix seconds) in `zone` (`None`: the browser's), e.g.
/// `2026-12-01 15:22:00 GMT+8`, in both languages (date, time, zone, as
/// people read a log line); the UTC text where the browser cannot (an
/// unknown zone name, no `Intl`): it says "UTC", so it never misleads. The
/// zone's short name as the language's locale writes it (`sv-SE` for
/// English, `zh-CN` for Chinese; the browser's own zone by its offset).
pub(crate) fn local_time(secs: i64, zone: Option<&str>, lang: Lang) -> String {
    let locale = match lang {
        Lang::En => "sv-SE",
        Lang::ZhCn => "zh-CN",
    };
    format_local_time(secs as f64, zone, locale).unwrap_or_else(|| utc_time(secs))
}
