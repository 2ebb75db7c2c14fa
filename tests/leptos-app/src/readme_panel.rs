use leptos::prelude::*;
use oms_progress::prelude::*;

#[component]
fn OpsPanel() -> impl IntoView {
    let options = WidgetOptions { api: ApiKind::V4, ..WidgetOptions::new("np_4ur1zdx1v8cg") };
    view! { <OmsSyncProgress options /> }
}
