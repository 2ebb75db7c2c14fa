use super::{OmsSyncProgress, OmsWallboard};
use leptos::prelude::*;
use oms_progress_core::i18n::PageMsg;
use oms_progress_core::options::PageConfig;
use oms_progress_core::wire::ApiKind;

/// The standalone status page: one widget per project in the URL, or a
/// small form asking for project ids when none were given; with `wall`, the
/// wallboard of every project (OMS 4.x; with OMS 3.x, which has no list,
/// the projects named, and a line saying so).
#[component]
pub fn StandalonePage(
    /// What the URL asked for.
    config: PageConfig,
) -> impl IntoView {
    let lang = config.lang;
    let (wall, v3_wall) = match config.wall {
        Some(wall) if wall.options.api == ApiKind::V4 => (Some(wall), false),
        Some(_) => (None, true),
        None => (None, false),
    };
    let empty = config.widgets.is_empty() && wall.is_none();
    // The tab's title in the page's language (the wallboard writes its own
    // counts there instead).
    if wall.is_none() {
        document().set_title(PageMsg::PageTitle.text(lang));
    }
    view! {
        <main class="oms-page" lang=lang.tag()>
            <h1>{PageMsg::PageTitle.text(lang)}</h1>
            <ul class="oms-page-problems" role="status">
                {config
                    .problems
                    .into_iter()
                    .map(|p| view! { <li data-field="page-problem">{p.to_string()}</li> })
                    .collect_view()}
            </ul>
            {empty.then(|| view! {
                <form class="oms-page-form" method="get">
                    <label>
                        {PageMsg::PageIdsLabel.text(lang)}
                        " "
                        <input name="project" required size="48" placeholder="np_4ur1zdx1v8cg, migration:p_3xj9…" />
                    </label>
                    <button type="submit">{PageMsg::PageShow.text(lang)}</button>
                </form>
            })}
            {v3_wall.then(|| view! { <p class="oms-page-note" data-field="wall-v3">{PageMsg::WallV3.text(lang)}</p> })}
            {wall.map(|wall| view! { <OmsWallboard options=wall.options filter=wall.filter group=wall.group set_title=true /> })}
            <div class="oms-grid">
                {config.widgets.into_iter().map(|options| view! { <OmsSyncProgress options /> }).collect_view()}
            </div>
        </main>
    }
}
