//! Property tests: arbitrary bytes and arbitrary JSON through the parser,
//! the policy and the view model never panic; every outcome is a value or a
//! typed error. (A panic in wasm would take down every widget on the page.)
// FetchError carries OMS's whole error by value (as in the widget's crate).
#![allow(clippy::result_large_err)]
#![cfg(not(target_arch = "wasm32"))]

use oms_progress_core::i18n::{self, Lang};
use oms_progress_core::model::{
    awaits_switch_over, budget_view, build_view, card_concerns, chart_marks, cutover,
    history_view_with, interpret_checkpoint, lag_budget, live_view, outlook_with, source_cards,
    sources_view, utc_time, verify_view, wall_title, wall_view, AlertGate, Attention, Axis,
    ChartInput, CheckState, Concern, ConcernTracker, CutoverInput, CutoverOptions, CutoverVerdict,
    History, LagNow, LagThresholds, OmsSeries, Range, Sample, Seen, SourceList, StuckRules,
    VerifyInput, WallFilter, SETTLE_MS,
};
use oms_progress_core::options::{page_config, read_options, RawValue, Source};
use oms_progress_core::wire::{
    classify, classify_list, classify_metric, classify_steps, classify_verify, FetchError,
    ListCollector, ProjectList, Status, VerifyResult, WireProject, WireStep,
};
use oms_progress_core::{model::PollState, policy::PollOptions};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::time::Duration;

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,30}".prop_map(Value::String),
        // Strings that look like what OMS sends, to reach the interesting branches.
        prop_oneof![
            Just("RUNNING"),
            Just("FAILED"),
            Just("100,30"),
            Just("1661241223"),
            Just("-5"),
            Just("1e12")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Keys OMS uses (in odd cases too), and random ones.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "success",
            "Success",
            "data",
            "Data",
            "code",
            "message",
            "advice",
            "errorDetail",
            "status",
            "STATUS",
            "importance",
            "alarmLevel",
            "currentStep",
            "enableStructSync",
            "enableFullSync",
            "enableIncrSync",
            "structMigrationProgress",
            "fullSyncProgress",
            "structTransferProgress",
            "incrSyncCheckpoint",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z]{1,12}",
    ]
}

/// Runs one answer through everything the widget does with it.
fn through_the_widget(status: u16, body: &str, now_ms: i64, random: f64) {
    let opts = PollOptions::default();
    let mut state = PollState::default();
    let result = classify(status, body);
    state.record(result, now_ms, random, &opts);
    for lang in [Lang::En, Lang::ZhCn] {
        let _ = build_view(&state, lang);
    }
    let _ = live_view(&state, now_ms, opts.stale_after(), LagThresholds::default());
    let _ = live_view(
        &state,
        now_ms.wrapping_neg(),
        opts.stale_after(),
        LagThresholds {
            warn_secs: 0,
            critical_secs: u64::MAX,
        },
    );
}

/// Runs one answer through what the chart and the verification line do
/// with OMS's metric and verification answers.
fn through_the_history(status: u16, body: &str, now_ms: i64) {
    let points = classify_metric(status, body).unwrap_or_default();
    let mut oms = OmsSeries {
        lag: points.clone(),
        incr_rps: points.clone(),
        full_rps: points,
        ..OmsSeries::default()
    };
    // The same answer as a step plan: its times become the chart's marks.
    let steps = classify_steps(status, body).unwrap_or_default();
    let mut history = History::default();
    history.note_status(now_ms - 1, &Status::Running);
    history.note_status(now_ms, &Status::Other(body.chars().take(8).collect()));
    history.push(Sample {
        at_ms: now_ms,
        checkpoint_secs: Some(now_ms / 1000 - 30),
        full_progress: Some(40),
        running: true,
        failed: false,
    });
    let lag = LagThresholds::default();
    let rules = StuckRules {
        interval_ms: 5_000,
        after_ms: 60_000,
    };
    for range in Range::ALL {
        oms.range = range;
        let chart = ChartInput {
            oms: Some(&oms),
            lacking: false,
            steps: &steps,
        };
        let o = outlook_with(&history, &oms.lag, lag, rules);
        let _ = history_view_with(&history, &o, chart, lag, Lang::En, None, &utc_time);
        let axis = Axis {
            last_ms: now_ms,
            range_ms: range.secs() * 1000,
        };
        let _ = chart_marks(
            &steps,
            history.status_changes(),
            axis,
            Lang::ZhCn,
            &utc_time,
        );
    }
    let mut result = VerifyResult::default();
    if let Ok(page) = classify_verify(status, body) {
        result.add(page, 1);
    }
    for lang in [Lang::En, Lang::ZhCn] {
        let _ = verify_view(&result, None, lang);
    }
}

/// Runs one list page through everything the wallboard does with it.
fn through_the_wallboard(status: u16, body: &str, now_ms: i64) {
    let opts = PollOptions::default();
    let mut state: PollState<ProjectList> = PollState::default();
    // The page read twice: as a whole list, and as the first page of a
    // list whose second page failed, with OMS's clock anywhere.
    let read = classify_list(status, body).and_then(|page| {
        let mut list = ListCollector::default();
        list.add(page, Some(now_ms / 1000));
        list.fail(FetchError::Timeout)
    });
    state.record(read, now_ms, 0.5, &opts);
    let projects = state.last_good.clone().unwrap_or_default();
    for lang in [Lang::En, Lang::ZhCn] {
        for group in [None, Some(Attention::Failed), Some(Attention::Unknown)] {
            let lag = LagThresholds {
                warn_secs: 0,
                critical_secs: u64::MAX,
            };
            let view = wall_view(&projects, &WallFilter::default(), group, &[], lag, lang);
            let _ = wall_title(&view, lang);
            // The same list as two sources, one stale and failing.
            let parts = [
                SourceList {
                    name: "bj",
                    list: &projects,
                    stale: false,
                    failing: false,
                },
                SourceList {
                    name: "hz",
                    list: &projects,
                    stale: true,
                    failing: true,
                },
            ];
            let view = sources_view(
                &parts,
                &WallFilter::default(),
                (group, Some("hz")),
                &["hz:x".into()],
                lag,
                lang,
            );
            let _ = wall_title(&view, lang);
            let mut tracker = ConcernTracker::default();
            let mut gate = AlertGate::default();
            let cards = source_cards(&parts[0], &WallFilter::default(), lag, lang);
            for (card, concern) in card_concerns(&cards) {
                let project = (card.id.as_str(), card.source.as_str());
                tracker.observe(project, &card.title, concern);
                let flipped = Concern {
                    attention: Attention::Failed,
                    stuck: !concern.stuck,
                    ready: !concern.ready,
                };
                if let Seen::Changed(change) = tracker.observe(project, &card.title, flipped) {
                    gate.offer(change, now_ms);
                }
            }
            let _ = gate.take(now_ms.saturating_add(SETTLE_MS), lang);
        }
    }
}

/// What switch-over readiness makes of a plan, a progress answer and a
/// verification count, with any history, options and clock.
#[allow(clippy::too_many_arguments)]
fn through_cutover(
    steps_body: &str,
    progress_body: &str,
    different_rows: Option<i64>,
    oms_lag: &[(i64, f64)],
    lags: &[(i64, i64, bool)],
    options: CutoverOptions,
    answered_ms: i64,
    now_ms: i64,
) {
    let steps = classify_steps(200, steps_body).unwrap_or_default();
    let opts = PollOptions::default();
    let mut state = PollState::default();
    state.record(classify(200, progress_body), answered_ms, 0.5, &opts);
    let mut history = History::default();
    for &(at_ms, checkpoint_secs, running) in lags {
        history.push(Sample {
            at_ms,
            checkpoint_secs: Some(checkpoint_secs),
            full_progress: None,
            running,
            failed: !running,
        });
    }
    let result = VerifyResult {
        different_rows,
        ..VerifyResult::default()
    };
    let thresholds = LagThresholds::default();
    let live = live_view(&state, now_ms, opts.stale_after(), thresholds);
    for (lang, verify) in [
        (Lang::En, VerifyInput::Read(&result)),
        (Lang::ZhCn, VerifyInput::Unreadable("x")),
        (Lang::En, VerifyInput::NotRead),
    ] {
        let readiness = cutover(&CutoverInput {
            steps: &steps,
            plan_error: different_rows.map(|_| "x"),
            verify,
            progress: state.last_good.as_ref(),
            lag_now: LagNow::of(&live, options.limit_secs(thresholds)),
            oms_lag,
            history: &history,
            thresholds,
            options,
            lang,
            time: &utc_time,
        });
        let has_switch = steps.iter().any(oms_progress_core::model::is_switch_step);
        assert_eq!(readiness.is_some(), has_switch);
        if let Some(c) = readiness {
            assert_eq!(c.checks.len(), 6);
            if c.verdict == CutoverVerdict::Ready {
                assert!(c
                    .checks
                    .iter()
                    .all(|k| !k.blocking || k.state == CheckState::Ok));
            }
            assert!(!c.line.is_empty() && c.checks.iter().all(|k| !k.text.is_empty()));
        }
    }
    let _ = awaits_switch_over(&WireProject {
        steps,
        ..WireProject::default()
    });
}

/// A step of a plan around a switch-over, in any state.
fn any_step() -> impl Strategy<Value = Value> {
    let name = prop::sample::select(vec![
        "FULL_TRANSFER",
        "INCR_TRANSFER",
        "FULL_VERIFIER",
        "TRANSFER_APP_SWITCH",
        "app_switch",
        "REVERSE_INCR_TRANSFER",
        "WARP",
    ]);
    let status = prop_oneof![
        prop::sample::select(vec![
            "INIT",
            "RUNNING",
            "FAILED",
            "FINISHED",
            "SUSPEND",
            "MONITORING",
            ""
        ])
        .prop_map(str::to_owned),
        ".{0,8}",
    ];
    (name, status, any_json(), any_json()).prop_map(|(name, status, progress, extra)| {
        json!({ "name": name, "status": status, "progress": progress, "extraInfo": extra })
    })
}

proptest! {
    // Each case judges three times over: fewer cases than the parsers'.
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_plans_histories_and_options_never_panic_cutover(
        steps in prop::collection::vec(any_step(), 0..8),
        progress in any_json(),
        different_rows in any::<Option<i64>>(),
        oms_lag in prop::collection::vec((any::<i64>(), any::<f64>()), 0..12),
        lags in prop::collection::vec((any::<i64>(), any::<i64>(), any::<bool>()), 0..12),
        (lag_secs, hold_ms) in (any::<Option<u64>>(), any::<u64>()),
        (answered, now) in (any::<i64>(), any::<i64>()),
    ) {
        let steps_body = json!({ "success": true, "data": steps }).to_string();
        let progress_body = json!({ "success": true, "data": progress }).to_string();
        let options = CutoverOptions { lag_secs, hold: Duration::from_millis(hold_ms) };
        through_cutover(&steps_body, &progress_body, different_rows, &oms_lag, &lags, options, answered, now);
        // The same around now, where the interesting branches are.
        let near: Vec<(i64, f64)> = oms_lag.iter().map(|p| (now.wrapping_rem(1 << 44) + p.0 % 600_000, p.1)).collect();
        through_cutover(&steps_body, &progress_body, different_rows, &near, &lags, options, now, now);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), status in any::<u16>(), now in any::<i64>()) {
        through_the_widget(status, &String::from_utf8_lossy(&bytes), now, 0.5);
        through_the_wallboard(status, &String::from_utf8_lossy(&bytes), now);
        through_the_history(status, &String::from_utf8_lossy(&bytes), now);
    }

    #[test]
    fn arbitrary_json_never_panics(data in any_json(), envelope in any_json(), now in any::<i64>(), random in any::<f64>()) {
        let wrapped = json!({ "success": true, "data": data });
        through_the_widget(200, &wrapped.to_string(), now, random);
        through_the_widget(200, &envelope.to_string(), now, random);
        through_the_widget(500, &envelope.to_string(), now, random);
        let page = json!({ "success": true, "totalCount": data, "data": [data, { "extraInfo": data, "alarmStats": data, "labels": data, "status": data }] });
        through_the_wallboard(200, &page.to_string(), now);
        through_the_wallboard(200, &envelope.to_string(), now);
        let metric = json!({ "success": true, "data": { "metrics": [{ "dataPoints": [data, { "timestamp": data, "value": data }, { "Timestamp": now, "Value": data }] }] } });
        through_the_history(200, &metric.to_string(), now);
        let verify = json!({ "success": true, "totalCount": data, "data": { "differentNumber": data, "fullVerifyTableStatistics": [data, { "progress": data, "sourceOnlyCount": data, "resultType": data }] } });
        through_the_history(200, &verify.to_string(), now);
    }

    #[test]
    fn arbitrary_step_times_and_status_changes_never_panic_the_marks(
        times in prop::collection::vec((any::<i64>(), 0u8..4), 0..12),
        changes in prop::collection::vec((any::<i64>(), ".{0,10}"), 0..6),
        last_ms in any::<i64>(),
        range_ms in any::<i64>(),
    ) {
        // OMS's step times ("2023-05-31T04:07:32") from any second, some
        // garbled, under any status; status changes at any time.
        let text = |secs: i64, garble: u8| {
            let t = utc_time(secs).replace(" UTC", "").replacen(' ', "T", 1);
            if garble == 3 { t.replace(':', "9") } else { t }
        };
        let steps: Vec<WireStep> = times
            .chunks(3)
            .map(|c| {
                let at = |i: usize| c.get(i).map(|&(secs, g)| text(secs / 1000, g));
                WireStep {
                    name: Some(["FULL_TRANSFER", "", "x"][c[0].1 as usize % 3].to_owned()),
                    status: Some(["FAILED", "failed", "RUNNING", ""][c[0].1 as usize].to_owned()),
                    start_time: at(0),
                    finish_time: at(1),
                    failed_time: at(2),
                    ..WireStep::default()
                }
            })
            .collect();
        let mut history = History::default();
        for (at, code) in &changes {
            let status = Status::parse(code).unwrap_or_else(|| Status::Other(code.clone()));
            history.note_status(*at, &status);
        }
        let axis = Axis { last_ms, range_ms };
        for lang in [Lang::En, Lang::ZhCn] {
            let _ = chart_marks(&steps, history.status_changes(), axis, lang, &utc_time);
        }
    }

    #[test]
    fn arbitrary_checkpoints_and_durations_never_panic(raw in ".{0,40}", secs in any::<u64>()) {
        let _ = interpret_checkpoint(&raw);
        let _ = i18n::duration(Lang::En, secs);
        let _ = i18n::duration(Lang::ZhCn, secs);
    }

    #[test]
    fn arbitrary_page_parameters_never_panic(pairs in prop::collection::vec((prop_oneof!["[a-z-]{0,12}".boxed(), prop::sample::select(vec!["wall", "type", "status", "label", "search", "group", "source", "oms", "project"]).prop_map(str::to_owned).boxed()], ".{0,30}"), 0..8), lang in ".{0,8}") {
        let config = page_config(&pairs, &lang);
        for w in &config.widgets {
            let _ = w.url();
            let _ = w.console_link("np_1");
        }
        if let Some(wall) = &config.wall {
            for source in wall.options.wall_sources() {
                let _ = wall.options.for_source(&source).console_link("np_1");
            }
        }
    }

    #[test]
    fn arbitrary_option_values_never_panic(entries in prop::collection::vec((prop::sample::select(vec!["projectId", "api", "baseUrl", "interval", "timeout", "maxBackoff", "lagWarn", "lagCritical", "cutoverLag", "cutoverHold", "lang", "compact", "credentials", "headers", "oms", "consoleUrl", "x"]), "[a-z:/,{}.]{0,20}|.{0,20}", any::<f64>(), any::<bool>(), 0u8..3), 0..10)) {
        let raw: Vec<(&str, RawValue)> = entries
            .iter()
            .map(|(name, text, number, flag, pick)| {
                let value = match pick {
                    0 => RawValue::Text(text.clone()),
                    1 => RawValue::Number(*number),
                    _ => RawValue::Bool(*flag),
                };
                (*name, value)
            })
            .collect();
        let (options, problems) = read_options(Source::Mount, raw, "en");
        let _ = options.url();
        for p in problems {
            let _ = p.to_string();
        }
    }

    #[test]
    fn arbitrary_poll_options_never_panic(interval in any::<u64>(), timeout in any::<u64>(), max in any::<u64>(), stale in any::<u32>(), failures in 0u32..100) {
        let opts = PollOptions {
            interval: Duration::from_millis(interval),
            timeout: Duration::from_millis(timeout),
            max_backoff: Duration::from_millis(max),
            stale_after_intervals: stale,
            finished_interval: Duration::from_millis(interval),
        }
        .normalized();
        let mut state: PollState = PollState::default();
        for i in 0..failures {
            state.record(Err(oms_progress_core::wire::FetchError::Timeout), i64::from(i), 0.99, &opts);
        }
        let _ = state.is_stale(i64::MAX, opts.stale_after());
    }

    #[test]
    fn arbitrary_histories_never_panic_and_the_budget_adds_up(
        oms in prop::collection::vec((any::<i64>(), any::<f64>()), 0..40),
        near in prop::collection::vec((-4_000_000i64..4_000_000, -100.0f64..2_000.0), 0..40),
        samples in prop::collection::vec((any::<i64>(), any::<i64>(), any::<bool>()), 0..4),
        close in prop::collection::vec((0i64..10_000, -100i64..2_000, any::<bool>()), 0..60),
        range_ms in prop_oneof![any::<i64>(), 0i64..100_000_000],
        warn in any::<u64>(),
        critical in any::<u64>(),
    ) {
        let mut points: Vec<(i64, f64)> = oms.into_iter().chain(near).collect();
        points.sort_by_key(|p| p.0);
        let mut history = History::default();
        let close = close.into_iter().scan(0i64, |t, (step, lag, running)| {
            *t += step;
            Some((*t, *t / 1000 - lag, running))
        });
        for (at_ms, checkpoint, running) in samples.into_iter().chain(close) {
            history.push(Sample { at_ms, checkpoint_secs: Some(checkpoint), full_progress: None, running, failed: !running });
        }
        let lag = LagThresholds { warn_secs: warn, critical_secs: critical };
        if let Some(b) = lag_budget(&points, &history, range_ms, lag) {
            prop_assert!(b.judged_ms > 0 && b.judged_ms <= b.range_ms, "{b:?}");
            prop_assert!(b.within_ms <= b.judged_ms && b.above_critical_ms <= b.judged_ms, "{b:?}");
            if warn <= critical {
                prop_assert!(b.within_ms + b.above_critical_ms <= b.judged_ms, "{b:?}");
            }
            for lang in [Lang::En, Lang::ZhCn] {
                let v = budget_view(&b, lag, lang, &utc_time);
                prop_assert!(v.text.contains(&v.within_pct), "{}", v.text);
            }
        }
    }
}
