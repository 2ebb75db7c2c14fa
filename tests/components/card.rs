use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, PollOptions};
use oms_progress_core::i18n;
use oms_progress_core::model::status_tone;
use oms_progress_core::wire::{classify, FetchError, OmsError, Percent, Progress, Status};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn every_known_status_shows_its_label_tone_and_shape() {
    for status in Status::KNOWN {
        let (host, _, _) = card(
            polled(Progress {
                status: Some(status.clone()),
                ..Progress::default()
            }),
            Lang::En,
        );
        settle().await;
        let root = q(&host, "[data-oms-widget]").unwrap();
        assert_eq!(
            root.get_attribute("data-status").as_deref(),
            Some(status.code())
        );
        assert_eq!(root.get_attribute("data-state").as_deref(), Some("live"));
        let tone = status_tone(&status);
        assert_eq!(
            root.get_attribute("data-tone").as_deref(),
            Some(tone.as_str())
        );
        assert_eq!(
            text(&host, ".oms-badge-label"),
            i18n::status_label(&status, Lang::En).unwrap()
        );
        assert_eq!(
            text(&host, ".oms-badge-symbol"),
            tone.symbol(),
            "a shape, not colour alone"
        );
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn unknown_and_missing_status_are_shown_raw_or_unknown() {
    let (host, _, _) = card(
        polled(Progress {
            status: Status::parse("HIBERNATING"),
            ..Progress::default()
        }),
        Lang::ZhCn,
    );
    settle().await;
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-status").as_deref(),
        Some("HIBERNATING")
    );
    assert_eq!(text(&host, ".oms-badge-label"), "HIBERNATING");
    assert_eq!(
        attr(&host, "[data-oms-widget]", "lang").as_deref(),
        Some("zh-CN")
    );
    let (host, _, _) = card(polled(Progress::default()), Lang::ZhCn);
    settle().await;
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-status").as_deref(),
        Some("UNKNOWN")
    );
    assert_eq!(text(&host, ".oms-badge-label"), "未知状态");
}

#[wasm_bindgen_test]
async fn bars_only_for_enabled_stages_with_aria_values() {
    let p = Progress {
        status: Status::parse("RUNNING"),
        enable_struct: Some(false),
        enable_full: Some(true),
        struct_progress: Some(Percent {
            value: 100,
            raw: None,
        }),
        full_progress: Some(Percent {
            value: 100,
            raw: Some("150".into()),
        }),
        ..Progress::default()
    };
    let (host, _, state) = card(polled(p.clone()), Lang::En);
    settle().await;
    assert!(
        q(&host, "[role=progressbar][data-stage=struct]").is_none(),
        "schema stage is disabled"
    );
    assert_eq!(
        attr(
            &host,
            "[role=progressbar][data-stage=full]",
            "aria-valuenow"
        )
        .as_deref(),
        Some("100")
    );
    assert!(
        text(&host, "[data-field=raw-value]").contains("150"),
        "the clamped value is shown as sent"
    );
    state.set(polled(Progress {
        enable_struct: Some(true),
        struct_progress: Some(Percent {
            value: 42,
            raw: None,
        }),
        ..p
    }));
    settle().await;
    assert_eq!(
        attr(
            &host,
            "[role=progressbar][data-stage=struct]",
            "aria-valuenow"
        )
        .as_deref(),
        Some("42")
    );
}

#[wasm_bindgen_test]
async fn the_lag_ticks_with_the_clock_and_never_goes_negative() {
    let checkpoint = (NOW / 1000 - 20).to_string();
    let p = Progress {
        status: Status::parse("RUNNING"),
        enable_incr: Some(true),
        incr_checkpoint: Some(checkpoint),
        ..Progress::default()
    };
    let (host, now, _) = card(polled(p), Lang::En);
    settle().await;
    assert_eq!(
        attr(&host, "[data-field=checkpoint]", "data-lag-seconds").as_deref(),
        Some("20")
    );
    assert_eq!(
        attr(&host, "[data-field=checkpoint]", "data-lag-level").as_deref(),
        Some("ok")
    );
    now.set(NOW + 1_000);
    settle().await;
    assert_eq!(
        attr(&host, "[data-field=checkpoint]", "data-lag-seconds").as_deref(),
        Some("21")
    );
    assert_eq!(text(&host, "[data-field=lag]"), "21 s (caught up)");
    now.set(NOW + 10_000);
    settle().await;
    assert_eq!(
        attr(&host, "[data-field=checkpoint]", "data-lag-level").as_deref(),
        Some("warn")
    );
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-state").as_deref(),
        Some("live")
    );
    now.set(NOW + 16_000);
    settle().await;
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-state").as_deref(),
        Some("stale")
    );
    assert!(q(&host, "[data-field=stale]").is_some());

    let future = (NOW / 1000 + 30).to_string();
    let p = Progress {
        enable_incr: Some(true),
        incr_checkpoint: Some(future),
        ..Progress::default()
    };
    let (host, _, _) = card(polled(p), Lang::En);
    settle().await;
    assert_eq!(
        attr(&host, "[data-field=checkpoint]", "data-lag-seconds").as_deref(),
        Some("0")
    );
    assert!(q(&host, "[data-field=clock-skew]").is_some());
}

#[wasm_bindgen_test]
async fn sybase_and_garbage_checkpoints_are_shown_without_an_age() {
    for (raw, shown) in [
        ("100,30", "log position 100,30"),
        ("abc", "abc"),
        ("1234567890123456789012345", "1234567890123456789012345"),
    ] {
        let p = Progress {
            enable_incr: Some(true),
            incr_checkpoint: Some(raw.into()),
            ..Progress::default()
        };
        let (host, _, _) = card(polled(p), Lang::En);
        settle().await;
        assert_eq!(text(&host, "[data-field=checkpoint-value]"), shown);
        assert_eq!(
            attr(&host, "[data-field=checkpoint]", "data-lag-seconds"),
            None
        );
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn hostile_text_is_shown_literally_and_never_becomes_markup() {
    let hostile = "<img src=x onerror=alert(1)><script>window.__pwned=1</script>";
    let mut st = polled(Progress {
        status: Status::parse(hostile),
        current_step: Some(hostile.into()),
        importance: Some(hostile.into()),
        ..Progress::default()
    });
    let oms = OmsError {
        code: Some(hostile.into()),
        message: Some(hostile.into()),
        advice: Some(hostile.into()),
        request_id: Some(hostile.into()),
        level: None,
    };
    st.record(Err(FetchError::Oms(oms)), NOW, 0.5, &PollOptions::default());
    let (host, _, _) = card(st, Lang::En);
    settle().await;
    assert!(
        host.query_selector("img, script").unwrap().is_none(),
        "no element was injected"
    );
    assert_eq!(text(&host, ".oms-badge-label"), hostile);
    assert_eq!(text(&host, "[data-field=error-message] span"), hostile);
    assert!(text(&host, "[data-field=error-advice]").contains(hostile));
    assert!(text(&host, "[data-field=error-request-id]").contains(hostile));
    assert!(text(&host, "[role=alert]").contains(hostile));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "no script ran");
}

#[wasm_bindgen_test]
async fn errors_keep_the_last_good_data_and_count_down_to_the_retry() {
    let p = Progress {
        status: Status::parse("RUNNING"),
        ..Progress::default()
    };
    let mut st = polled(p);
    // A proxy's error page: the widget says the proxy cannot reach OMS,
    // with the page's status and title, never its markup.
    let gateway = classify(
        502,
        "<html><head><title>502 Bad Gateway</title></head><body><h1>x</h1></body></html>",
    );
    st.record(
        gateway.map(|_| Progress::default()),
        NOW,
        1.0,
        &PollOptions::default(),
    );
    let (host, now, _) = card(st, Lang::En);
    settle().await;
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-state").as_deref(),
        Some("error")
    );
    assert_eq!(
        attr(&host, "[role=alert]", "data-error").as_deref(),
        Some("proxy")
    );
    assert_eq!(
        text(&host, "[data-field=error-detail]"),
        "HTTP 502: \"502 Bad Gateway\""
    );
    assert_eq!(text(&host, "[data-field=retry-in]"), "retrying in 10 s");
    now.set(NOW + 3_000);
    settle().await;
    assert_eq!(text(&host, "[data-field=retry-in]"), "retrying in 7 s");
    assert_eq!(
        attr(&host, "[data-oms-widget]", "data-status").as_deref(),
        Some("RUNNING"),
        "last good data stays"
    );
}

#[wasm_bindgen_test]
async fn an_auth_stop_is_marked_stopped_with_its_reason_and_a_retry() {
    let mut st = polled(Progress {
        status: Status::parse("RUNNING"),
        ..Progress::default()
    });
    st.record(
        Err(FetchError::Auth {
            status: 401,
            oms: OmsError {
                code: Some("UNAUTHORIZED".into()),
                request_id: Some("req-7f3a".into()),
                ..OmsError::default()
            },
        }),
        NOW,
        0.5,
        &PollOptions::default(),
    );
    let (host, _, _) = card(st, Lang::ZhCn);
    settle().await;
    assert_eq!(
        attr(&host, "[data-field=stopped]", "data-reason").as_deref(),
        Some("auth")
    );
    assert_eq!(text(&host, "[data-field=stopped]"), "已停止轮询：认证失败");
    assert!(text(&host, "[data-field=error-request-id]").contains("req-7f3a"));
    assert_eq!(
        attr(&host, "[data-action=retry]", "hidden"),
        None,
        "the retry button shows"
    );
    // Every part drew in the language the card passed it.
    assert_eq!(text(&host, "[data-field=error-code] .oms-key"), "错误码: ");
}

#[wasm_bindgen_test]
async fn a_new_checkpoint_every_poll_does_not_grow_wasm_memory() {
    // Regression: the incremental section used to be rebuilt on every new
    // checkpoint, leaking about 0.5 KB of wasm memory per poll.
    let progress = |i: i64| Progress {
        status: Status::parse("RUNNING"),
        enable_incr: Some(true),
        incr_checkpoint: Some((NOW / 1000 - 5 + i).to_string()),
        ..Progress::default()
    };
    let (host, now, state) = card(polled(progress(0)), Lang::En);
    let poll = |i: i64| {
        now.set(NOW + i * 1000);
        state.update(|st| {
            st.record(
                Ok(progress(i)),
                NOW + i * 1000,
                0.5,
                &PollOptions::default(),
            );
        });
    };
    for i in 0..100 {
        poll(i);
        settle().await;
    }
    let before = wasm_memory_bytes();
    for i in 100..700 {
        poll(i);
        settle().await;
    }
    settle().await;
    assert_eq!(
        attr(&host, "[data-field=checkpoint]", "data-lag-seconds").as_deref(),
        Some("5")
    );
    let grown = wasm_memory_bytes() - before;
    assert!(
        grown <= 64.0 * 1024.0,
        "wasm memory grew {grown} bytes over 600 polls"
    );
}

#[wasm_bindgen_test]
async fn errors_coming_and_going_do_not_grow_wasm_memory() {
    // A long soak with faults grew wasm memory by about 13 bytes a poll;
    // here every other poll fails, so the error panel comes and goes.
    let progress = Progress {
        status: Status::parse("RUNNING"),
        enable_incr: Some(true),
        incr_checkpoint: Some((NOW / 1000 - 5).to_string()),
        ..Progress::default()
    };
    let (host, now, state) = card(polled(progress.clone()), Lang::En);
    let poll = |i: i64| {
        now.set(NOW + i * 1000);
        let result = if i % 2 == 0 {
            Ok(progress.clone())
        } else {
            Err(FetchError::Http {
                status: 503,
                oms: None,
                excerpt: "busy".into(),
            })
        };
        state.update(|st| {
            st.record(result, NOW + i * 1000, 0.5, &PollOptions::default());
        });
    };
    for i in 0..200 {
        poll(i);
        settle().await;
    }
    let before = wasm_memory_bytes();
    for i in 200..=1400 {
        poll(i);
        settle().await;
    }
    settle().await;
    assert!(
        q(&host, "[role=alert]").is_none(),
        "the last poll succeeded"
    );
    let grown = wasm_memory_bytes() - before;
    assert!(
        grown <= 64.0 * 1024.0,
        "wasm memory grew {grown} bytes over 1,200 polls"
    );
}
