use super::{NotifyToggle, OmsSyncProgress, OmsWallboard};
use crate::hooks::provide_alerts;
use crate::runtime::{focus_card, set_favicon};
use leptos::prelude::*;
use oms_progress_core::i18n::PageMsg;
use oms_progress_core::model::{Attention, Concern};
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
    // One set of alerts for the whole page: the wallboard's "Notify me"
    // (or the page's, without one) covers the widgets too.
    let alerts = provide_alerts(lang);
    Effect::new(move |before: Option<Option<&'static str>>| {
        let colour = alerts.state.with(|s| s.worst.map(dot_colour));
        if before != Some(colour) {
            set_favicon(colour);
        }
        colour
    });
    // A notification's click on a widget of the page (the wallboard
    // brings its own cards into view).
    Effect::new(move |_| {
        if let (Some(project), Some(body)) = (alerts.focus.get(), document().body()) {
            focus_card(&body, &project);
        }
    });
    let page_toggle = (wall.is_none() && !config.widgets.is_empty())
        .then(|| view! { <NotifyToggle alerts lang /> });
    // The tab's title in the page's language (the wallboard writes its own
    // counts there instead), and the document's language: the page's.
    if wall.is_none() {
        document().set_title(PageMsg::PageTitle.text(lang));
    }
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    // A project shown through both APIs says which each card reads.
    let both_apis = |options: &oms_progress_core::options::WidgetOptions| {
        config.widgets.iter().any(|o| {
            o.project_id == options.project_id && o.source == options.source && o.api != options.api
        })
    };
    let widgets: Vec<_> = config
        .widgets
        .iter()
        .map(|options| (options.clone(), both_apis(options)))
        .collect();
    view! {
        <main class="oms-page" lang=lang.tag()>
            // One heading: the wallboard's title is the page's when it shows one.
            {wall.is_none().then(|| view! { <h1>{PageMsg::PageTitle.text(lang)}</h1> })}
            {page_toggle}
            <ul class="oms-page-problems" role="status">
                {config
                    .problems
                    .into_iter()
                    .map(|p| view! { <li data-field="page-problem">{p.text(lang)}</li> })
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
            {wall.map(|wall| view! { <OmsWallboard options=wall.options filter=wall.filter group=wall.group source=wall.source set_title=true page_heading=true /> })}
            <div class="oms-grid">
                {widgets.into_iter().map(|(options, show_api)| view! { <OmsSyncProgress options show_api /> }).collect_view()}
            </div>
        </main>
    }
}

/// The favicon's dot for the worst state: red for failed or far behind,
/// amber for stuck or behind, green for the rest (as the badges' tones;
/// `rgb()` because a `#` would end the icon's data URL).
fn dot_colour(worst: Concern) -> &'static str {
    match worst.attention {
        Attention::Failed | Attention::FarBehind => "rgb(200,30,50)",
        _ if worst.stuck => "rgb(215,120,0)",
        Attention::Behind | Attention::Alarming | Attention::Unknown => "rgb(215,120,0)",
        _ => "rgb(30,150,70)",
    }
}
