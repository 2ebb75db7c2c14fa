//! [`use_oms_config`]: the language and time zone a provider sets for
//! every widget under it ([`provide_oms_config`], or the
//! `OmsConfigProvider` component), as thaw's `ConfigProvider` sets a theme.

use leptos::prelude::*;
use oms_progress_core::i18n::Lang;

/// The language and zone a provider sets; `None` where it sets nothing.
/// Without any provider both are `None`: English and the browser's own zone.
#[derive(Clone, Copy, Debug, Default)]
pub struct OmsConfig {
    /// The language of every label. Defaults to `None`: English.
    pub lang: Signal<Option<Lang>>,
    /// The zone of shown times: an IANA name (`Asia/Shanghai`) or `UTC`.
    /// Defaults to `None`: the browser's own.
    pub time_zone: Signal<Option<String>>,
}

/// Sets the language and zone of every widget the current owner renders
/// from here on; what it leaves unset (`None`) stays the enclosing
/// provider's, and a widget's own `lang` or `time_zone` option still wins.
/// Either may be a signal (a language picker): the widgets are redrawn in
/// the new language when it changes.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Panel() -> impl IntoView {
///     let lang = RwSignal::new(Lang::ZhCn);
///     provide_oms_config(lang, "Asia/Shanghai");
///     view! { <OmsSyncProgress options=WidgetOptions::new("np_4ur1zdx1v8cg") /> }
/// }
/// ```
pub fn provide_oms_config(
    lang: impl Into<MaybeProp<Lang>>,
    time_zone: impl Into<MaybeProp<String>>,
) -> OmsConfig {
    let config = oms_config_within(lang.into(), time_zone.into());
    provide_context(config);
    config
}

/// `lang` and `time_zone` over the enclosing provider's (for
/// `OmsConfigProvider`, which provides it to its children only).
pub(crate) fn oms_config_within(lang: MaybeProp<Lang>, time_zone: MaybeProp<String>) -> OmsConfig {
    let outer = use_oms_config();
    OmsConfig {
        lang: Signal::derive(move || lang.get().or_else(|| outer.lang.get())),
        time_zone: Signal::derive(move || time_zone.get().or_else(|| outer.time_zone.get())),
    }
}

/// The language and zone of the nearest provider; `None` for what no
/// provider sets.
pub fn use_oms_config() -> OmsConfig {
    use_context::<OmsConfig>().unwrap_or_default()
}
