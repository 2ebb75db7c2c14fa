use super::{provide_lang, OmsSyncProgress};
use crate::config::PageConfig;
use crate::i18n::Msg;
use leptos::prelude::*;

/// The standalone status page: one widget per project in the URL, or a
/// small form asking for project ids when none were given.
#[component]
pub fn StandalonePage(
    /// What the URL asked for.
    config: PageConfig,
) -> impl IntoView {
    let lang = config.lang;
    provide_lang(lang);
    let empty = config.widgets.is_empty();
    view! {
        <main class="oms-page" lang=lang.tag()>
            <h1>{Msg::PageTitle.text(lang)}</h1>
            <ul class="oms-page-problems" role="status">
                {config
                    .problems
                    .into_iter()
                    .map(|p| view! { <li data-field="page-problem">{p.to_string()}</li> })
                    .collect_view()}
            </ul>
            <Show when=move || empty>
                <form class="oms-page-form" method="get">
                    <label>
                        {Msg::PageIdsLabel.text(lang)}
                        " "
                        <input name="project" required size="48" placeholder="np_4ur1zdx1v8cg, migration:p_3xj9…" />
                    </label>
                    <button type="submit">{Msg::PageShow.text(lang)}</button>
                </form>
            </Show>
            <div class="oms-grid">
                {config.widgets.into_iter().map(|options| view! { <OmsSyncProgress options /> }).collect_view()}
            </div>
        </main>
    }
}
