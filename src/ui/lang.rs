use crate::i18n::Lang;
use leptos::prelude::*;

/// Makes `lang` the language of every part rendered below the current owner.
pub fn provide_lang(lang: Lang) {
    provide_context(lang);
}

/// The language provided by the widget (English when none was).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
