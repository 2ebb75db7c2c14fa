use crate::i18n::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// What every part below the widget reads: the language and the time zone
/// of shown times (one context, not two: each context type costs wasm).
#[derive(Clone, Debug, Default, PartialEq)]
struct Locale {
    lang: Lang,
    /// An IANA zone name or `UTC`; `None`: the browser's own zone.
    time_zone: Option<Arc<str>>,
}

/// Makes `lang` the language of every part rendered below the current
/// owner, keeping the time zone provided above it.
pub fn provide_lang(lang: Lang) {
    provide_locale(lang, use_time_zone());
}

/// Makes `lang` and `time_zone` those of every part below the current owner.
pub fn provide_locale(lang: Lang, time_zone: Option<Arc<str>>) {
    provide_context(Locale { lang, time_zone });
}

/// The language provided by the widget (English when none was).
pub fn use_lang() -> Lang {
    use_context::<Locale>().unwrap_or_default().lang
}

/// The time zone provided by the widget (`None`: the browser's).
pub fn use_time_zone() -> Option<Arc<str>> {
    use_context::<Locale>().and_then(|l| l.time_zone)
}
