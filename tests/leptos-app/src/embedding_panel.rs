use leptos::prelude::*;
use oms_progress::prelude::*;

#[component]
fn OpsPanel() -> impl IntoView {
    let options = WidgetOptions { api: ApiKind::Migration, lang: Some(Lang::ZhCn), ..WidgetOptions::new("p_migration_dw") };
    view! { <OmsSyncProgress options /> }
}
