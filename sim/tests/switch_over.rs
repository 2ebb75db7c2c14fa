//! The switch-over's seeded projects over real HTTP: each state's step plan,
//! progress and list item, and OMS's lag history behind each verdict, under
//! the manual clock.

mod common;

use common::{client, sim};
use oms_sim::Running;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// An OMS 4.x action's whole answer.
async fn action(s: &Running, action: &str, body: Value) -> Value {
    let r = client()
        .post(s.url(&format!("/api/v2?Action={action}")))
        .basic_auth("oms", Some("oms-sim"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["success"], json!(true), "{body}");
    body
}

async fn now_s(s: &Running) -> i64 {
    let r = client().get(s.url("/_sim/clock")).send().await.unwrap();
    r.json::<Value>().await.unwrap()["now_ms"].as_i64().unwrap() / 1000
}

async fn advance(s: &Running, secs: i64) {
    let r = client()
        .post(s.url("/_sim/clock"))
        .body(json!({ "advance_ms": secs * 1000 }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

async fn steps(s: &Running, id: &str) -> Vec<Value> {
    let answer = action(s, "DescribeProjectSteps", json!({ "id": id })).await;
    answer["data"].as_array().unwrap().clone()
}

async fn progress(s: &Running, id: &str) -> Value {
    action(s, "DescribeProjectProgress", json!({ "id": id })).await["data"].clone()
}

/// The project's item in `ListProjects`.
async fn listed(s: &Running, id: &str) -> Value {
    let answer = action(
        s,
        "ListProjects",
        json!({ "searchKey": id, "pageNumber": 1, "pageSize": 150 }),
    )
    .await;
    answer["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == json!(id))
        .cloned()
        .unwrap_or_else(|| panic!("{id} listed: {answer}"))
}

fn plan(steps: &[Value]) -> Vec<(&str, &str, i64)> {
    steps
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["status"].as_str().unwrap(),
                s["progress"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn step<'a>(steps: &'a [Value], name: &str) -> &'a Value {
    steps
        .iter()
        .find(|s| s["name"] == json!(name))
        .unwrap_or_else(|| panic!("{name} in {steps:?}"))
}

/// What the widget's core calls waiting at the switch-over: the step not
/// started or RUNNING at 0 %, every step before it FINISHED, MONITORING, or
/// a verification RUNNING at 100 %.
fn awaits_switch_over(steps: &[Value]) -> bool {
    let Some(at) = steps
        .iter()
        .position(|s| s["name"] == json!("TRANSFER_APP_SWITCH"))
    else {
        return false;
    };
    let waiting = matches!(
        (steps[at]["status"].as_str(), steps[at]["progress"].as_i64()),
        (Some("INIT"), _) | (Some("RUNNING"), Some(0))
    );
    waiting
        && steps[..at].iter().all(|s| {
            matches!(s["status"].as_str(), Some("FINISHED" | "MONITORING"))
                || (s["name"] == json!("FULL_VERIFIER")
                    && s["status"] == json!("RUNNING")
                    && s["progress"] == json!(100))
        })
}

/// The forward (or reverse) sync's lag history over the last hour, one
/// point a minute: (seconds before now, lag).
async fn delay_history(s: &Running, id: &str, step: &str) -> Vec<(i64, f64)> {
    let now = now_s(s).await;
    let answer = action(
        s,
        "DescribeProjectStepMetric",
        json!({ "projectId": id, "stepName": step, "metricType": "DELAY", "aggregator": "NONE",
                "beginTimestamp": now - 3600, "endTimestamp": now, "maxPointNum": 60 }),
    )
    .await;
    answer["data"]["metrics"][0]["dataPoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                now - p["timestamp"].as_i64().unwrap(),
                p["value"].as_f64().unwrap(),
            )
        })
        .collect()
}

const WAITING_PLAN: [(&str, &str, i64); 7] = [
    ("TRANSFER_PRECHECK", "FINISHED", 100),
    ("STRUCT_TRANSFER", "FINISHED", 100),
    ("FULL_TRANSFER", "FINISHED", 100),
    ("FULL_VERIFIER", "RUNNING", 100),
    ("INCR_TRANSFER", "MONITORING", 100),
    ("TRANSFER_APP_SWITCH", "RUNNING", 0),
    ("REVERSE_INCR_TRANSFER", "INIT", 0),
];

#[tokio::test]
async fn a_waiting_switch_over_runs_at_0_percent_after_the_verification() {
    let s = sim().await;
    let now = now_s(&s).await;
    for id in [
        "np_cutover_ready",
        "np_cutover_rows_differ",
        "np_cutover_lagging",
        "np_cutover_just_caught_up",
    ] {
        let plan_now = steps(&s, id).await;
        assert_eq!(plan(&plan_now), WAITING_PLAN, "{id}");
        let switch = step(&plan_now, "TRANSFER_APP_SWITCH");
        assert_eq!(switch["order"], json!(6));
        assert_eq!(switch["description"], json!("Forward switch-over"));
        assert!(switch["startTime"].is_string(), "{switch}");
        assert_eq!(switch["finishTime"], Value::Null);
        assert_eq!(
            switch["stepInfo"],
            json!({ "checkpointSampleTimestamp": now - 2 })
        );
        let reverse = step(&plan_now, "REVERSE_INCR_TRANSFER");
        assert_eq!(
            (reverse["startTime"].clone(), reverse["stepInfo"].clone()),
            (Value::Null, Value::Null)
        );
        assert!(awaits_switch_over(&plan_now), "{id}");

        let p = progress(&s, id).await;
        assert_eq!(p["status"], json!("RUNNING"));
        assert_eq!(p["currentStep"], json!("TRANSFER_APP_SWITCH"));
        assert_eq!(p["enableReverseIncrTransfer"], json!(true));
        assert!(p["incrSyncCheckpoint"].is_i64(), "{p}");

        // The list carries the same plan, the running step and its 0 %.
        let item = listed(&s, id).await;
        assert_eq!(item["status"], json!("RUNNING"));
        assert_eq!(item["type"], json!("MIGRATION"));
        assert_eq!(item["steps"], json!(plan_now), "{id}");
        assert_eq!(
            (
                item["extraInfo"]["runningStep"].clone(),
                item["extraInfo"]["runningProgress"].clone()
            ),
            (json!("TRANSFER_APP_SWITCH"), json!(0))
        );
        assert_eq!(item["enableReverseIncrTransfer"], json!(true));
    }
    // Without reverse sync the plan ends at the switch-over.
    let no_way_back = steps(&s, "np_cutover_no_way_back").await;
    assert_eq!(plan(&no_way_back), WAITING_PLAN[..6]);
    assert!(awaits_switch_over(&no_way_back));
    let item = listed(&s, "np_cutover_no_way_back").await;
    assert_eq!(item["enableReverseIncrTransfer"], json!(false));
    assert_eq!(item["extraInfo"]["runningProgress"], json!(0));
}

#[tokio::test]
async fn a_running_switch_over_is_at_40_percent_and_no_longer_waits() {
    let s = sim().await;
    let plan_now = steps(&s, "np_cutover_switching").await;
    let mut expected = WAITING_PLAN;
    expected[5].2 = 40;
    assert_eq!(plan(&plan_now), expected);
    assert!(!awaits_switch_over(&plan_now));
    let item = listed(&s, "np_cutover_switching").await;
    assert_eq!(
        (
            item["extraInfo"]["runningStep"].clone(),
            item["extraInfo"]["runningProgress"].clone()
        ),
        (json!("TRANSFER_APP_SWITCH"), json!(40))
    );
    assert_eq!(item["steps"], json!(plan_now));
}

#[tokio::test]
async fn a_finished_switch_over_keeps_its_times_and_the_reverse_sync_runs() {
    let s = sim().await;
    let id = "np_cutover_switched";
    let before = steps(&s, id).await;
    assert_eq!(
        plan(&before),
        [
            ("TRANSFER_PRECHECK", "FINISHED", 100),
            ("STRUCT_TRANSFER", "FINISHED", 100),
            ("FULL_TRANSFER", "FINISHED", 100),
            ("FULL_VERIFIER", "RUNNING", 100),
            ("INCR_TRANSFER", "FINISHED", 100),
            ("TRANSFER_APP_SWITCH", "FINISHED", 100),
            ("REVERSE_INCR_TRANSFER", "MONITORING", 100),
        ]
    );
    assert!(!awaits_switch_over(&before));
    let switch = step(&before, "TRANSFER_APP_SWITCH").clone();
    // Two minutes, ending where the reverse sync began, ten minutes before
    // the simulator started (the project is defined in its state).
    assert_eq!(
        switch["finishTime"],
        step(&before, "REVERSE_INCR_TRANSFER")["startTime"]
    );
    assert_eq!(switch["startTime"], json!("2025-11-24T15:48:00"));
    assert_eq!(switch["finishTime"], json!("2025-11-24T15:50:00"));
    advance(&s, 3600).await;
    let now = now_s(&s).await;
    let after = steps(&s, id).await;
    let switch_after = step(&after, "TRANSFER_APP_SWITCH");
    assert_eq!(
        (&switch_after["startTime"], &switch_after["finishTime"]),
        (&switch["startTime"], &switch["finishTime"])
    );
    // The reverse sync, 5 s behind, in its step, its progress and its history.
    let reverse = step(&after, "REVERSE_INCR_TRANSFER");
    assert_eq!(
        reverse["stepInfo"]["incrTimestampCheckpoint"],
        json!(now - 5)
    );
    let p = progress(&s, id).await;
    assert_eq!(p["currentStep"], json!("REVERSE_INCR_TRANSFER"));
    assert_eq!(p["reverseIncrTransferCheckpoint"], json!(now - 5));
    let history = delay_history(&s, id, "REVERSE_INCR_TRANSFER").await;
    assert_eq!(history.len(), 60);
    assert!(history.iter().all(|&(_, lag)| lag == 5.0), "{history:?}");
    let item = listed(&s, id).await;
    assert_eq!(
        (
            item["extraInfo"]["runningStep"].clone(),
            item["extraInfo"]["runningProgress"].clone()
        ),
        (json!("REVERSE_INCR_TRANSFER"), json!(100))
    );
    assert_eq!(item["steps"], json!(after));
}

#[tokio::test]
async fn omss_history_and_verification_behind_each_waiting_verdict() {
    let s = sim().await;
    advance(&s, 600).await;
    let lags = |h: &[(i64, f64)]| h.iter().map(|p| p.1).collect::<Vec<_>>();
    // Ready: small all hour long, and now.
    let ready = delay_history(&s, "np_cutover_ready", "INCR_TRANSFER").await;
    assert_eq!(ready.len(), 60, "every minute of the hour");
    assert!(
        lags(&ready).iter().all(|l| (1.0..=8.0).contains(l)),
        "{ready:?}"
    );
    // Lagging: well above the warning lag (25 s), all hour long.
    let lagging = delay_history(&s, "np_cutover_lagging", "INCR_TRANSFER").await;
    assert_eq!(lagging.len(), 60);
    assert!(lags(&lagging).iter().all(|l| *l >= 90.0), "{lagging:?}");
    let now = now_s(&s).await;
    let p = progress(&s, "np_cutover_lagging").await;
    assert!(now - p["incrSyncCheckpoint"].as_i64().unwrap() >= 90, "{p}");
    // The verifications: 0 rows and 1,203 rows that differ.
    for (id, rows) in [("np_cutover_ready", 0), ("np_cutover_rows_differ", 1203)] {
        let answer = action(
            &s,
            "ListProjectFullVerifyResult",
            json!({ "projectId": id, "pageNumber": 1, "pageSize": 10 }),
        )
        .await;
        assert_eq!(answer["data"]["differentNumber"], json!(rows), "{id}");
    }
}

#[tokio::test]
async fn just_caught_up_stays_two_minutes_ago_as_time_passes() {
    let s = sim().await;
    let id = "np_cutover_just_caught_up";
    for hours in [0, 1, 24] {
        if hours > 0 {
            advance(&s, 3600 * if hours == 1 { 1 } else { 23 }).await;
        }
        let now = now_s(&s).await;
        let p = progress(&s, id).await;
        assert_eq!(p["incrSyncCheckpoint"], json!(now - 4), "small now");
        let history = delay_history(&s, id, "INCR_TRANSFER").await;
        assert_eq!(history.len(), 60);
        for &(ago, lag) in &history {
            let spike = (120..=1020).contains(&ago);
            assert_eq!(lag, if spike { 95.0 } else { 4.0 }, "{ago} s ago");
        }
        // Above the warning lag (25 s) until two minutes before now.
        let newest_above = history
            .iter()
            .filter(|p| p.1 > 25.0)
            .map(|p| p.0)
            .min()
            .unwrap();
        assert!((120..=180).contains(&newest_above), "{newest_above}");
        assert_eq!(history.last().unwrap(), &(0, 4.0));
    }
}

#[tokio::test]
async fn a_switch_over_needs_a_project_in_incremental_sync() {
    let s = sim().await;
    let put = |body: Value| {
        client()
            .put(s.url("/_sim/projects/np_cut"))
            .body(body.to_string())
            .send()
    };
    let r =
        put(json!({ "switch_over": { "state": "waiting" }, "behaviour": { "type": "lifecycle" } }))
            .await
            .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let error = r.json::<Value>().await.unwrap()["error"].to_string();
    assert!(error.contains("switch_over"), "{error}");
    let r = put(json!({ "switch_over": { "state": "later" }, "behaviour": { "type": "steady" } }))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    // A paused project keeps its own step; its switch-over has not started.
    let r = put(json!({
        "naming": "v4",
        "switch_over": { "state": "waiting", "reverse": true },
        "behaviour": { "type": "fixed", "status": "SUSPEND", "current_step": "INCR_TRANSFER",
                       "struct_progress": 100, "full_progress": 100, "checkpoint": { "frozen_lag_secs": 60 } },
    }))
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let paused = steps(&s, "np_cut").await;
    assert_eq!(
        plan(&paused)[3..],
        [
            ("INCR_TRANSFER", "SUSPEND", 0),
            ("TRANSFER_APP_SWITCH", "INIT", 0),
            ("REVERSE_INCR_TRANSFER", "INIT", 0),
        ]
    );
    assert_eq!(
        step(&paused, "TRANSFER_APP_SWITCH")["stepInfo"],
        json!({ "checkpointSampleTimestamp": null })
    );
    assert_eq!(
        progress(&s, "np_cut").await["currentStep"],
        json!("INCR_TRANSFER")
    );
}
