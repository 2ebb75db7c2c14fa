use crate::support::*;
use leptos::prelude::*;
use oms_progress::components::HistoryPanel;
use oms_progress::oms_progress_core::model::{
    history_view, outlook, utc_time, History, LagThresholds, Sample, StuckRules,
};
use oms_progress::Lang;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_full_history_does_not_grow_wasm_memory_and_draws_its_sparkline() {
    // The history panel as the widget drives it: a sample a second, the view
    // recomputed each time. 30 minutes fill the ring (1,800 samples); then
    // 3,000 more must not grow wasm memory.
    let history = RwSignal::new(History::default());
    let push = |i: i64| {
        let lag = 600 - (i % 600);
        history.update(|h| {
            h.push(Sample {
                at_ms: NOW + i * 1000,
                checkpoint_secs: Some(NOW / 1000 + i - lag),
                full_progress: Some(100),
                running: true,
                failed: false,
            })
        });
    };
    let host = mount(move || {
        let (lag, rules) = (
            LagThresholds::default(),
            StuckRules {
                interval_ms: 1_000,
                after_ms: 60_000,
            },
        );
        let view = Memo::new(move |_| {
            history
                .with(|h| history_view(h, &outlook(h, lag, rules), lag, Lang::En, None, &utc_time))
        });
        view! { <HistoryPanel view /> }
    });
    for i in 0..2_000 {
        push(i);
    }
    settle().await;
    assert_eq!(history.with_untracked(History::len), 1_801);
    let before = wasm_memory_bytes();
    for i in 2_000..5_000 {
        push(i);
        if i % 100 == 0 {
            settle().await;
        }
    }
    settle().await;
    assert_eq!(history.with_untracked(History::len), 1_801, "bounded");
    let points = attr(&host, "svg[data-field=lag-history] polyline", "points").unwrap_or_default();
    assert_eq!(
        points.split(' ').count(),
        121,
        "30 minutes over 15 s buckets: {points}"
    );
    let grown = wasm_memory_bytes() - before;
    assert!(
        grown <= 64.0 * 1024.0,
        "wasm memory grew {grown} bytes over 3,000 samples with the history full"
    );
}
