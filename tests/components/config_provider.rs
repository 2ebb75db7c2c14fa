use crate::support::*;
use leptos::context::Provider;
use leptos::prelude::*;
use oms_progress::components::{CardConfig, ProgressCard};
use oms_progress::prelude::*;
use oms_progress_core::model::{build_view, live_view, LagThresholds};
use oms_progress_core::wire::{Progress, Status};
use wasm_bindgen_test::*;
use web_sys::Element;

fn widget(host: &Element, id: &str) -> Element {
    q(host, &format!("[data-oms-widget][data-project-id={id}]")).expect(id)
}

/// Until every widget under `host` has polled and failed (the test
/// runner's server has no OMS API: a real fetch, a real refusal).
async fn all_failed(host: &Element) {
    let failed = || q(host, "[data-oms-widget]:not([data-state=error])").is_none();
    assert!(until(5_000.0, failed).await, "every widget failed");
}

#[wasm_bindgen_test]
async fn a_provider_sets_the_language_of_every_widget_under_it_but_one_that_chose() {
    let own = WidgetOptions {
        lang: Some(Lang::En),
        ..WidgetOptions::new("np_ctx_own")
    };
    let host = mount(move || {
        view! {
            <OmsConfigProvider lang=Lang::ZhCn time_zone="Asia/Shanghai">
                <OmsSyncProgress options=WidgetOptions::new("np_ctx_a") />
                <OmsSyncProgress options=WidgetOptions::new("np_ctx_b") />
                <OmsSyncProgress options=own />
            </OmsConfigProvider>
        }
    });
    all_failed(&host).await;
    for id in ["np_ctx_a", "np_ctx_b"] {
        let w = widget(&host, id);
        assert_eq!(w.get_attribute("lang").as_deref(), Some("zh-CN"), "{id}");
        assert_eq!(text(&w, "[data-action=refresh]"), "立即刷新", "{id}");
        assert_eq!(
            text(&w, ".oms-error-title"),
            "OMS 前的代理拒绝了该请求",
            "{id}: the view model's texts too"
        );
    }
    let own = widget(&host, "np_ctx_own");
    assert_eq!(own.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(text(&own, "[data-action=refresh]"), "Refresh now");
    // Without a provider: English.
    let bare = mount(|| view! { <OmsSyncProgress options=WidgetOptions::new("np_ctx_bare") /> });
    assert_eq!(
        attr(&bare, "[data-oms-widget]", "lang").as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn changing_the_providers_language_redraws_the_widget_with_its_data() {
    let lang = RwSignal::new(Lang::En);
    let host = mount(move || {
        view! {
            <OmsConfigProvider lang>
                <OmsSyncProgress options=WidgetOptions::new("np_ctx_switch") />
            </OmsConfigProvider>
        }
    });
    all_failed(&host).await;
    assert_eq!(
        text(&host, ".oms-error-title"),
        "The proxy in front of OMS refused this request"
    );
    lang.set(Lang::ZhCn);
    settle().await;
    assert_eq!(
        attr(&host, "[data-oms-widget]", "lang").as_deref(),
        Some("zh-CN")
    );
    assert_eq!(text(&host, "[data-action=refresh]"), "立即刷新");
    assert_eq!(text(&host, ".oms-error-title"), "OMS 前的代理拒绝了该请求");
    // One widget still, drawn at once from the poll it shares (the error
    // title above is its last answer's, not a new first poll's).
    assert!(q(&host, "[data-oms-widget] ~ [data-oms-widget]").is_none());
    lang.set(Lang::En);
    settle().await;
    assert_eq!(text(&host, "[data-action=refresh]"), "Refresh now");
}

/// A card whose checkpoint is 20 s before `NOW` (2025-11-24 16:00:00 UTC),
/// drawn in what the enclosing providers set (as a widget without its own
/// `lang` and `time_zone` would be).
fn checkpoint_card() -> impl IntoView {
    let p = Progress {
        status: Status::parse("RUNNING"),
        enable_incr: Some(true),
        incr_checkpoint: Some((NOW / 1000 - 20).to_string()),
        ..Progress::default()
    };
    let state = polled(p);
    let (stale, lag) = (
        PollOptions::default().stale_after(),
        LagThresholds::default(),
    );
    let provided = use_oms_config();
    let config = CardConfig {
        lang: provided.lang.get_untracked().unwrap_or_default(),
        zone: provided.time_zone.get_untracked().map(Into::into),
    };
    let lang = config.lang;
    let live = live_view(&state, NOW, stale, lag);
    let view = Memo::new(move |_| build_view(&state, lang));
    let live = Memo::new(move |_| live.clone());
    view! {
        <Provider value=config>
            <ProgressCard project_id="np_ctx_zone" view live />
        </Provider>
    }
}

#[wasm_bindgen_test]
async fn a_provider_sets_the_zone_of_shown_times_and_a_nested_one_only_the_zone() {
    let host = mount(|| {
        view! {
            <OmsConfigProvider lang=Lang::ZhCn time_zone="Asia/Shanghai">
                <div class="outer">{checkpoint_card()}</div>
                <OmsConfigProvider time_zone="UTC">
                    <div class="inner">{checkpoint_card()}</div>
                </OmsConfigProvider>
            </OmsConfigProvider>
        }
    });
    settle().await;
    let shown = |which: &str| {
        text(
            &host,
            &format!(".{which} [data-field=checkpoint-value] time"),
        )
    };
    assert!(shown("outer").contains("23:59:40"), "{}", shown("outer"));
    assert!(shown("outer").contains("GMT+8"), "{}", shown("outer"));
    assert!(shown("inner").contains("15:59:40"), "{}", shown("inner"));
    // The nested provider set only the zone: the language is the outer's.
    assert_eq!(
        attr(&host, ".inner [data-oms-widget]", "lang").as_deref(),
        Some("zh-CN")
    );
    assert_eq!(
        text(&host, ".inner [data-field=checkpoint] .oms-key"),
        "位点: "
    );
}

#[wasm_bindgen_test]
async fn a_wallboard_under_a_provider_keeps_its_lists_when_the_language_changes() {
    let lang = RwSignal::new(Lang::En);
    let options = WidgetOptions {
        api: ApiKind::V4,
        base_url: "/wall-ctx".into(),
        ..WidgetOptions::new("")
    };
    let host = mount(move || {
        view! {
            <OmsConfigProvider lang>
                <OmsWallboard options />
            </OmsConfigProvider>
        }
    });
    let asked = || requests_to("/wall-ctx/api/v2?Action=ListProjects");
    let failed =
        || attr(&host, "[data-oms-wallboard]", "data-wall-state").as_deref() == Some("error");
    assert!(
        until(5_000.0, failed).await,
        "the list failed (no OMS here)"
    );
    let before = asked();
    assert_eq!(
        attr(&host, "[data-oms-wallboard]", "lang").as_deref(),
        Some("en")
    );
    lang.set(Lang::ZhCn);
    settle().await;
    assert_eq!(
        attr(&host, "[data-oms-wallboard]", "lang").as_deref(),
        Some("zh-CN")
    );
    assert!(q(&host, "[data-oms-wallboard] ~ [data-oms-wallboard]").is_none());
    // The same polls: not asked again at once, and not back to loading.
    assert_eq!(asked(), before, "the lists were not asked anew");
    assert!(failed(), "the board kept its lists' state");
}
