use crate::support::*;
use leptos::prelude::*;
use oms_progress::{OmsSyncProgress, WidgetOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
async fn the_component_fetches_for_real_and_reports_what_answered_instead_of_oms() {
    // The test runner's own server has no OMS API: a real fetch, a real 404.
    let options = WidgetOptions::new("np_nowhere");
    let host = mount(move || view! { <OmsSyncProgress options /> });
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-state").as_deref(),
        Some("loading")
    );
    until(5_000.0, || {
        attr(&host, "[data-oms-widget]", "data-state").as_deref() == Some("error")
    })
    .await;
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-state").as_deref(),
        Some("error")
    );
    // The test runner's own server has no OMS API: its 404 is not OMS's,
    // the path was refused before any OMS.
    assert_eq!(
        attr(&host, "[role=alert]", "data-error").as_deref(),
        Some("refused")
    );
    assert!(text(&host, "[data-field=error-advice]")
        .contains("/api/omsp/v2/sync/np_nowhere/progress was refused before OMS"));
    assert!(text(&host, "[data-field=error-detail]").starts_with("HTTP 404"));
    assert!(q(&host, "[data-action=refresh]").is_some());
}

#[wasm_bindgen_test]
async fn a_bad_project_id_is_a_configuration_error_not_a_panic() {
    let options = WidgetOptions::new("..");
    let host = mount(move || view! { <OmsSyncProgress options /> });
    settle().await;
    assert_eq!(
        attr(&host, "[role=alert]", "data-error").as_deref(),
        Some("config")
    );
}

#[wasm_bindgen_test]
async fn unmounting_stops_polling_for_good() {
    let mut options = WidgetOptions::new("np_unmounted");
    options.poll.interval = std::time::Duration::from_secs(1);
    options.poll.max_backoff = std::time::Duration::from_secs(1);
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle =
        leptos::mount::mount_to(host.clone(), move || view! { <OmsSyncProgress options /> });
    until(5_000.0, || requests_to("/np_unmounted/") >= 2).await;
    assert!(requests_to("/np_unmounted/") >= 2, "it polls while mounted");
    drop(handle);
    assert!(
        q(&host, "[data-oms-widget]").is_none(),
        "the widget is gone"
    );
    let after_unmount = requests_to("/np_unmounted/");
    // Absence takes time to show: three intervals with no request.
    gloo_timers::future::TimeoutFuture::new(3_000).await;
    assert_eq!(
        requests_to("/np_unmounted/"),
        after_unmount,
        "no request after unmount"
    );
}

#[wasm_bindgen_test]
async fn events_reach_on_event_and_a_trigger_polls_at_once() {
    use oms_progress::PollEvent;
    use std::sync::{Arc, Mutex};
    let seen: Arc<Mutex<Vec<PollEvent>>> = Arc::default();
    let sink = seen.clone();
    let on_event = Callback::new(move |e: PollEvent| sink.lock().unwrap().push(e));
    let refresh = Trigger::new();
    let mut options = WidgetOptions::new("np_events");
    options.poll.interval = std::time::Duration::from_secs(3600);
    options.compact = true;
    let host = mount(move || view! { <OmsSyncProgress options on_event refresh /> });
    until(5_000.0, || !seen.lock().unwrap().is_empty()).await;
    {
        let events = seen.lock().unwrap();
        let PollEvent::Error(e) = &events[0] else {
            panic!("expected an error event, got {events:?}")
        };
        assert_eq!((e.kind.as_str(), e.http_status), ("refused", Some(404)));
    }
    assert!(q(&host, "[data-oms-widget][data-compact]").is_some());
    // The backoff after a 404 is seconds away; the trigger polls now.
    let before = requests_to("/np_events/");
    refresh.notify();
    until(5_000.0, || requests_to("/np_events/") > before).await;
    assert_eq!(requests_to("/np_events/"), before + 1);
}
