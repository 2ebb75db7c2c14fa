use crate::page::PageConfig;
use crate::OmsSyncProgress;
use leptos::prelude::*;

/// The standalone status page: one widget per project in the URL, or a
/// small form asking for project ids when none were given.
#[component]
pub fn StandalonePage(
    /// What the URL asked for.
    config: PageConfig,
) -> impl IntoView {
    let zh = config.lang == crate::i18n::Lang::ZhCn;
    let (title, ids_label, show) = if zh {
        (
            "OMS 同步进度",
            "项目 ID（逗号分隔，迁移项目加 migration: 前缀）",
            "查看",
        )
    } else {
        (
            "OMS sync progress",
            "Project ids (comma-separated; prefix migration projects with migration:)",
            "Show",
        )
    };
    let empty = config.widgets.is_empty();
    view! {
        <main class="oms-page">
            <h1>{title}</h1>
            <ul class="oms-page-problems" role="status">
                {config.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <Show when=move || empty>
                <form class="oms-page-form" method="get">
                    <label>
                        {ids_label} <input name="project" required size="48" placeholder="np_4ur1zdx1v8cg, migration:p_3xj9…" />
                    </label>
                    <button type="submit">{show}</button>
                </form>
            </Show>
            <div class="oms-grid">
                {config.widgets.into_iter().map(|options| view! { <OmsSyncProgress options /> }).collect_view()}
            </div>
        </main>
    }
}
