use crate::support::*;
use leptos::prelude::*;
use oms_progress::components::HistoryPanel;
use oms_progress::Lang;
use oms_progress_core::model::{
    history_view, history_view_with, outlook, outlook_with, utc_time, ChartInput, History,
    LagThresholds, OmsSeries, Range, Sample, StuckRules,
};
use wasm_bindgen::JsCast;
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

#[wasm_bindgen_test]
async fn the_range_switch_keeps_its_buttons_and_their_focus_while_polls_move_the_chart() {
    let history = RwSignal::new(History::default());
    let range = RwSignal::new(Range::Hour);
    let oms = OmsSeries {
        range: Range::Hour,
        lag: (0..10)
            .map(|i| (NOW - (10 - i) * 360_000, 1_800.0 - 150.0 * i as f64))
            .collect(),
        incr_rps: vec![(NOW - 60_000, 1_200.0)],
        ..OmsSeries::default()
    };
    let push = move |i: i64| {
        history.update(|h| {
            h.push(Sample {
                at_ms: NOW + i * 5_000,
                checkpoint_secs: Some(NOW / 1000 + i * 5 - 300 + i),
                full_progress: Some(100),
                running: true,
                failed: false,
            })
        })
    };
    push(0);
    let host = mount(move || {
        let (lag, rules) = (
            LagThresholds::default(),
            StuckRules {
                interval_ms: 5_000,
                after_ms: 60_000,
            },
        );
        let view = Memo::new(move |_| {
            history.with(|h| {
                let chart = ChartInput {
                    oms: Some(&oms),
                    ..ChartInput::default()
                };
                let o = outlook_with(h, &oms.lag, lag, rules);
                history_view_with(h, &o, chart, lag, Lang::En, None, &utc_time)
            })
        });
        view! { <HistoryPanel view range=Some(range) /> }
    });
    settle().await;
    assert_eq!(
        attr(&host, "[data-field=history]", "data-history-source").as_deref(),
        Some("both")
    );
    assert_eq!(
        attr(&host, "[data-field=history]", "data-trend").as_deref(),
        Some("catching-up")
    );
    assert_eq!(
        attr(&host, "[data-field=throughput]", "data-rows-per-second").as_deref(),
        Some("1200")
    );
    let button = q(&host, "button[data-range='6h']").unwrap();
    for i in 1..20 {
        push(i);
        settle().await;
    }
    let same = q(&host, "button[data-range='6h']").unwrap();
    assert!(
        button.is_same_node(Some(&same)),
        "the button was drawn again"
    );
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(range.get_untracked(), Range::SixHours);
    assert_eq!(
        attr(&host, "button[data-range='6h']", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&host, "button[data-range='1h']", "aria-pressed").as_deref(),
        Some("false")
    );
}
