use crate::hooks::card_lang;
use leptos::prelude::*;
use oms_progress_core::i18n::PageMsg;
use oms_progress_core::model::WallCard;
use oms_progress_core::options::WidgetOptions;
use std::sync::Arc;

/// OMS's console for a wallboard card's project, when a template is set:
/// a link beside the name (the name itself opens the card); nothing
/// without one.
#[component]
pub(crate) fn WallConsole(
    /// The card at this row's place (`None` past the board's end).
    card: RwSignal<Option<Arc<WallCard>>>,
    /// The board's options: the console template, per source or for all.
    options: WidgetOptions,
) -> impl IntoView {
    let lang = card_lang();
    let has_console =
        options.console_url.is_some() || options.sources.iter().any(|s| s.console_url.is_some());
    has_console.then(|| {
        let href = move || {
            card.with(|c| {
                let c = c.as_ref()?;
                options.for_source_named(&c.source).console_link(&c.id)
            })
        };
        view! {
            <a
                class="oms-wall-console"
                data-field="console"
                href=href
                target="_blank"
                rel="noopener"
                title=PageMsg::WallConsole.text(lang)
                aria-label=PageMsg::WallConsole.text(lang)
            >
                "↗"
            </a>
        }
    })
}
