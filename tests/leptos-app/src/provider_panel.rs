use leptos::prelude::*;
use oms_progress::prelude::*;

#[component]
fn OpsPanel() -> impl IntoView {
    let lang = RwSignal::new(Lang::ZhCn);
    let other = move |_| lang.update(|l| *l = if *l == Lang::En { Lang::ZhCn } else { Lang::En });
    view! {
        <button class="pick-lang" on:click=other>"English / 中文"</button>
        <OmsConfigProvider lang time_zone="Asia/Shanghai">
            <OmsSyncProgress options=WidgetOptions::new("np_steady_users") />
            <OmsSyncProgress options=WidgetOptions { lang: Some(Lang::En), ..WidgetOptions::new("np_lagging_audit") } />
        </OmsConfigProvider>
    }
}
