use crate::hooks::oms_config_within;
use leptos::context::Provider;
use leptos::prelude::*;
use oms_progress_core::i18n::Lang;

/// Sets the language and time zone of every widget and wallboard inside
/// it, as thaw's `ConfigProvider` sets a theme; a widget's own `lang` or
/// `time_zone` option still wins. Either may be a signal (a language
/// picker): the widgets are redrawn in the new language when it changes.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oms_progress::prelude::*;
///
/// #[component]
/// fn Panel() -> impl IntoView {
///     let lang = RwSignal::new(Lang::ZhCn);
///     view! {
///         <OmsConfigProvider lang time_zone="Asia/Shanghai">
///             <OmsSyncProgress options=WidgetOptions::new("np_4ur1zdx1v8cg") />
///         </OmsConfigProvider>
///     }
/// }
/// ```
#[component]
pub fn OmsConfigProvider(
    /// The language of every label inside. Defaults to an enclosing
    /// provider's, else English.
    #[prop(optional, into)]
    lang: MaybeProp<Lang>,
    /// The zone of shown times inside: an IANA name (`Asia/Shanghai`) or
    /// `UTC`. Defaults to an enclosing provider's, else the browser's own.
    #[prop(optional, into)]
    time_zone: MaybeProp<String>,
    /// The widgets (and anything else) it configures.
    children: Children,
) -> impl IntoView {
    let config = oms_config_within(lang, time_zone);
    view! { <Provider value=config>{children()}</Provider> }
}
