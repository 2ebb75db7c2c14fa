//! Times as the viewer reads them: local (or the `time-zone` option's) with
//! the zone's name, formatted by the browser's own `Intl.DateTimeFormat`,
//! so no date formatting is compiled into the wasm. UTC stays in the
//! `<time>` element's `datetime` and `title`.

use crate::i18n::Lang;
use crate::model::utc_time;
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// `Intl.DateTimeFormat` and its bound `format`; `None` where the browser
/// refused the zone.
type Formatter = Option<(JsValue, Function)>;

thread_local! {
    /// One formatter per zone and language, made on first use (making one
    /// costs far more than formatting with it).
    static FORMATTERS: RefCell<Vec<(Option<String>, Lang, Formatter)>> =
        const { RefCell::new(Vec::new()) };
}

/// `secs` (unix seconds) in `zone` (`None`: the browser's), e.g.
/// `2026-12-01 15:22:00 GMT+8`; the UTC text where the browser cannot
/// (an unknown zone name, no `Intl`): it says "UTC", so it never misleads.
pub fn local_time(secs: i64, zone: Option<&str>, lang: Lang) -> String {
    let formatted = FORMATTERS.with(|all| {
        let mut all = all.borrow_mut();
        let found = all
            .iter()
            .position(|(z, l, _)| z.as_deref() == zone && *l == lang);
        let at = found.unwrap_or_else(|| {
            all.push((zone.map(str::to_owned), lang, formatter(zone, lang)));
            all.len() - 1
        });
        let (this, format) = all[at].2.as_ref()?;
        let date = js_sys::Date::new(&JsValue::from_f64(secs as f64 * 1000.0));
        format.call1(this, &date).ok()?.as_string()
    });
    formatted.unwrap_or_else(|| utc_time(secs))
}

/// `Intl.DateTimeFormat` for ISO-like dates (Swedish order for English,
/// `zh-CN` for Chinese), 24 h, with the zone's short name; through
/// `Reflect`, so an unknown zone (a RangeError) is an `Err`, not a throw.
fn formatter(zone: Option<&str>, lang: Lang) -> Formatter {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let class: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    for (key, value) in [
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("second", "2-digit"),
        ("hourCycle", "h23"),
        ("timeZoneName", "short"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    if let Some(zone) = zone {
        Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
    }
    let locale = match lang {
        Lang::En => "sv-SE",
        Lang::ZhCn => "zh-CN",
    };
    let args = Array::of2(&locale.into(), &options);
    let this = Reflect::construct(&class, &args).ok()?;
    let format: Function = Reflect::get(&this, &"format".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some((this, format))
}

/// A time for people: `<time datetime="…Z" title="… UTC">local</time>`.
#[component]
pub fn LocalTime(
    /// Unix seconds.
    secs: i64,
) -> impl IntoView {
    let (lang, zone) = (super::use_lang(), super::use_time_zone());
    let utc = utc_time(secs);
    let iso = format!(
        "{}Z",
        utc.get(..19).unwrap_or_default().replacen(' ', "T", 1)
    );
    view! { <time datetime=iso title=utc>{local_time(secs, zone.as_deref(), lang)}</time> }
}
