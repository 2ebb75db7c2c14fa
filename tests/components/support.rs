//! What every component test shares: mounting, waiting, reading the DOM.

use leptos::prelude::*;
use oms_progress::components::{CardConfig, ProgressCard};
use oms_progress::{Lang, PollOptions};
use oms_progress_core::model::{build_view, live_view, LagThresholds, PollState};
use oms_progress_core::wire::Progress;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub const NOW: i64 = 1_764_000_000_000;

/// A fresh container in the page with the view mounted in it for good.
pub fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), f).forget();
    host
}

/// Until the reactive system has run what a change woke: effects, then the
/// effects those set off.
pub async fn settle() {
    for _ in 0..4 {
        leptos::task::tick().await;
    }
}

/// Until `done` holds, letting the page's tasks (network answers, timers)
/// run between looks; false when it still does not after `within_ms`.
pub async fn until(within_ms: f64, mut done: impl FnMut() -> bool) -> bool {
    let deadline = js_sys::Date::now() + within_ms;
    loop {
        settle().await;
        if done() {
            return true;
        }
        if js_sys::Date::now() > deadline {
            return false;
        }
        // One turn of the event loop: a network answer or a timer may land.
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

pub fn q(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    q(root, selector).and_then(|e| e.get_attribute(name))
}

pub fn text(root: &Element, selector: &str) -> String {
    q(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn polled(p: Progress) -> PollState {
    let mut st = PollState::default();
    st.record(Ok(p), NOW, 0.5, &PollOptions::default());
    st
}

/// Mounts a card for `state`, with the clock in a signal the test can move.
pub fn card(state: PollState, lang: Lang) -> (HtmlElement, RwSignal<i64>, RwSignal<PollState>) {
    let now = RwSignal::new(NOW);
    let state = RwSignal::new(state);
    let host = mount(move || {
        let view = Memo::new(move |_| state.with(|st| build_view(st, lang)));
        let live = Memo::new(move |_| {
            state.with(|st| {
                live_view(
                    st,
                    now.get(),
                    PollOptions::default().stale_after(),
                    LagThresholds::default(),
                )
            })
        });
        // The language its widget would give its parts.
        provide_context(CardConfig { lang, zone: None });
        view! { <ProgressCard project_id="np_test" view live /> }
    });
    (host, now, state)
}

/// Resource-timing entries for requests whose URL contains `needle`.
pub fn requests_to(needle: &str) -> usize {
    let performance = web_sys::window().unwrap().performance().unwrap();
    performance
        .get_entries_by_type("resource")
        .iter()
        .filter(|e| {
            js_sys::Reflect::get(e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n.contains(needle))
        })
        .count()
}

pub fn wasm_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Every element under `root` that `selector` matches, in document order.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let find: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = find.call1(root, &selector.into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(JsCast::unchecked_into)
        .collect()
}
