//! The simulator over real HTTP: endpoints, auth, every fault, the lifecycle
//! under the manual clock, and bad control input.

mod common;

use common::{client, sim, T0_MS};
use oms_sim::scenario::Scenario;
use oms_sim::{Clock, Config, Running};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

async fn get_json(s: &Running, path: &str) -> (StatusCode, Value) {
    let r = client()
        .get(s.url(path))
        .basic_auth("oms", Some("oms-sim"))
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap())
}

async fn control(
    s: &Running,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    let r = client()
        .request(method, s.url(path))
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap())
}

async fn fault(s: &Running, rule: Value) {
    let (status, body) = control(s, reqwest::Method::POST, "/_sim/faults", rule).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn advance(s: &Running, secs: i64) {
    let (status, _) = control(
        s,
        reqwest::Method::POST,
        "/_sim/clock",
        json!({ "advance_ms": secs * 1000 }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

/// The sync endpoint's checkpoint: unix seconds as a string.
fn sync_checkpoint(body: &Value) -> i64 {
    body["data"]["incrSyncCheckpoint"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

const ENVELOPE_KEYS: [&str; 11] = [
    "success",
    "errorDetail",
    "code",
    "message",
    "advice",
    "requestId",
    "pageNumber",
    "pageSize",
    "totalCount",
    "cost",
    "data",
];

#[tokio::test]
async fn sync_progress_has_the_full_envelope_and_the_tables_fields() {
    let s = sim().await;
    let (status, body) = get_json(&s, "/api/omsp/v2/sync/np_steady_orders/progress").await;
    assert_eq!(status, StatusCode::OK);
    let keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ENVELOPE_KEYS);
    assert_eq!(body["success"], true);
    assert!(body["cost"].as_str().unwrap().ends_with(" ms"));
    let data = &body["data"];
    for key in [
        "status",
        "importance",
        "enableStructSync",
        "enableFullSync",
        "enableIncrSync",
        "currentStep",
        "structMigrationProgress",
        "fullMigrationProgress",
        "incrSyncCheckpoint",
    ] {
        assert!(data.get(key).is_some(), "missing {key} in {data}");
    }
    assert_eq!(data["status"], "RUNNING");
    let checkpoint: i64 = data["incrSyncCheckpoint"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let lag = T0_MS / 1000 - checkpoint;
    assert!((1..=20).contains(&lag), "lag {lag}");
}

#[tokio::test]
async fn naming_variants_and_the_pascal_envelope() {
    let s = sim().await;
    let (_, doc) = get_json(&s, "/api/omsp/v2/sync/p_3xj9docnames/progress").await;
    assert!(
        doc["data"]["structSyncProgress"].is_number()
            && doc["data"]["fullSyncProgress"].is_number()
    );
    let (_, v4) = get_json(&s, "/api/omsp/v2/sync/np_v4_payments/progress").await;
    assert!(v4["data"]["structTransferProgress"].is_number());
    assert!(v4["data"]["alarmLevel"].is_string());
    let (_, ocp) = get_json(&s, "/api/omsp/v2/sync/np_ocp_inventory/progress").await;
    assert_eq!(ocp["Success"], true);
    assert_eq!(ocp["Code"], 200);
    assert!(ocp["Cost"].is_number());
    assert_eq!(ocp["Data"]["Status"], "RUNNING");
    let (_, sybase) = get_json(&s, "/api/omsp/v2/sync/np_sybase_ledger/progress").await;
    let position = sybase["data"]["incrSyncCheckpoint"].as_str().unwrap();
    assert!(position
        .split_once(',')
        .is_some_and(|(a, b)| a.parse::<u64>().is_ok() && b.parse::<u64>().is_ok()));
}

#[tokio::test]
async fn migration_endpoint_uses_its_own_names_and_an_integer_checkpoint() {
    let s = sim().await;
    let (_, body) = get_json(&s, "/api/omsp/v2/migrations/p_migration_dw/progress").await;
    let data = &body["data"];
    for key in [
        "enableStructMigration",
        "enableFullMigration",
        "enableIncrSync",
        "enableReverseIncrSync",
    ] {
        assert!(data[key].is_boolean(), "{key} in {data}");
    }
    advance(&s, 200).await;
    let (_, body) = get_json(&s, "/api/omsp/v2/migrations/p_migration_dw/progress").await;
    assert!(body["data"]["incrSyncCheckpoint"].is_i64(), "{body}");
    // A migration id asked for on the sync endpoint is unknown there.
    let (_, body) = get_json(&s, "/api/omsp/v2/sync/p_migration_dw/progress").await;
    assert_eq!(body["success"], false);
}

#[tokio::test]
async fn health_needs_no_auth_and_the_api_does() {
    let s = sim().await;
    let r = client().get(s.url("/oms/health")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["data"]["healthy"], true);

    let path = "/api/omsp/v2/sync/np_steady_orders/progress";
    let r = client().get(s.url(path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.headers().contains_key("www-authenticate"));
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        (body["success"].clone(), body["code"].clone()),
        (json!(false), json!("UNAUTHORIZED"))
    );
    let r = client()
        .get(s.url(path))
        .basic_auth("oms", Some("wrong"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    let (_, log) = control(
        &s,
        reqwest::Method::GET,
        "/_sim/requests?path_prefix=/api/",
        json!({}),
    )
    .await;
    let sent: Vec<bool> = log["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["auth_sent"].as_bool().unwrap())
        .collect();
    assert_eq!(sent, [false, true]);
}

#[tokio::test]
async fn unknown_project_is_http_200_with_success_false() {
    let s = sim().await;
    let (status, body) = get_json(&s, "/api/omsp/v2/sync/np_nope/progress").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["success"], false);
    assert_eq!(body["code"], "CM-RESONF000003");
    assert!(body["message"].as_str().unwrap().contains("np_nope"));
    assert!(!body["advice"].as_str().unwrap().is_empty());
    assert!(body["data"].is_null());
}

#[tokio::test]
async fn lifecycle_advances_with_the_manual_clock() {
    let s = sim().await;
    let path = "/api/omsp/v2/sync/np_4ur1zdx1v8cg/progress";
    let mut seen = Vec::new();
    for step_secs in [0, 15, 25, 40, 60, 110] {
        advance(&s, step_secs).await;
        let (_, body) = get_json(&s, path).await;
        let d = &body["data"];
        seen.push((
            d["status"].as_str().unwrap().to_owned(),
            d["currentStep"].as_str().unwrap().to_owned(),
        ));
    }
    let steps: Vec<&str> = seen.iter().map(|(_, step)| step.as_str()).collect();
    assert_eq!(
        steps,
        [
            "PRE_CHECK",
            "SYNC_PREPARE",
            "STRUCT_SYNC",
            "CONNECTOR_FULL_SYNC",
            "CONNECTOR_FULL_SYNC",
            "CONNECTOR_INCR_SYNC"
        ]
    );
    assert_eq!(seen[0].0, "INIT");
    // 250 s in: 100 s into incremental, caught up to a 3 s lag.
    let (_, body) = get_json(&s, path).await;
    let checkpoint = sync_checkpoint(&body);
    assert_eq!(T0_MS / 1000 + 250 - checkpoint, 3);
}

#[tokio::test]
async fn growing_lag_grows_to_minutes() {
    let s = sim().await;
    advance(&s, 600).await;
    let (_, body) = get_json(&s, "/api/omsp/v2/sync/np_lagging_audit/progress").await;
    let checkpoint = sync_checkpoint(&body);
    assert_eq!(T0_MS / 1000 + 600 - checkpoint, 330);
}

#[tokio::test]
async fn a_project_state_can_be_set_exactly_or_served_raw() {
    let s = sim().await;
    let (status, _) = control(
        &s,
        reqwest::Method::PUT,
        "/_sim/projects/np_new",
        json!({ "importance": "HIGH", "behaviour": { "type": "fixed", "status": "SUSPEND", "current_step": "INCR_SYNC",
                 "struct_progress": 100, "full_progress": 42, "checkpoint": { "lag_secs": 7 } } }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, body) = get_json(&s, "/api/omsp/v2/sync/np_new/progress").await;
    assert_eq!(body["data"]["status"], "SUSPEND");
    assert_eq!(body["data"]["fullMigrationProgress"], 42);
    assert_eq!(
        body["data"]["incrSyncCheckpoint"],
        json!((T0_MS / 1000 - 7).to_string())
    );

    let raw = json!({ "status": "running", "structMigrationProgress": -5, "fullMigrationProgress": "50", "extra": [1] });
    control(
        &s,
        reqwest::Method::PUT,
        "/_sim/projects/np_new",
        json!({ "behaviour": { "type": "raw", "data": raw } }),
    )
    .await;
    let (_, body) = get_json(&s, "/api/omsp/v2/sync/np_new/progress").await;
    assert_eq!(body["data"], raw);

    let (_, removed) = control(
        &s,
        reqwest::Method::DELETE,
        "/_sim/projects/np_new",
        json!({}),
    )
    .await;
    assert_eq!(removed["removed"], true);
    let (_, body) = get_json(&s, "/api/omsp/v2/sync/np_new/progress").await;
    assert_eq!(body["success"], false);
}

#[tokio::test]
async fn status_faults_answer_as_oms_and_its_proxy_would() {
    let s = sim().await;
    let path = "/api/omsp/v2/sync/np_steady_orders/progress";
    for code in [401u16, 403, 404, 500, 502, 503] {
        fault(&s, json!({ "kind": "status", "code": code, "count": 1 })).await;
        let r = client()
            .get(s.url(path))
            .basic_auth("oms", Some("oms-sim"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), code);
        assert!(
            !r.headers().contains_key("www-authenticate"),
            "answers as through the reverse proxy"
        );
        let is_html = r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html");
        assert_eq!(is_html, code >= 502, "content type for {code}");
    }
    let (status, body) = get_json(&s, path).await;
    assert_eq!(
        (status, body["success"].clone()),
        (StatusCode::OK, json!(true)),
        "counted faults cleared"
    );
}

#[tokio::test]
async fn body_faults_break_the_answer_in_each_way() {
    let s = sim().await;
    let path = "/api/omsp/v2/sync/np_steady_orders/progress";
    let fetch = || async {
        let r = client()
            .get(s.url(path))
            .basic_auth("oms", Some("oms-sim"))
            .send()
            .await
            .unwrap();
        (r.status(), r.bytes().await)
    };

    fault(&s, json!({ "kind": "malformed_json", "count": 1 })).await;
    let (status, body) = fetch().await;
    assert_eq!(status, StatusCode::OK);
    assert!(serde_json::from_slice::<Value>(&body.unwrap()).is_err());

    fault(&s, json!({ "kind": "truncated", "count": 1 })).await;
    let (_, body) = fetch().await;
    assert!(body.is_err(), "a truncated body is an error for the client");

    fault(&s, json!({ "kind": "empty", "count": 1 })).await;
    assert!(fetch().await.1.unwrap().is_empty());

    fault(&s, json!({ "kind": "html", "count": 1 })).await;
    assert!(fetch().await.1.unwrap().starts_with(b"<!DOCTYPE html>"));

    fault(
        &s,
        json!({ "kind": "huge", "bytes": 5_000_000, "count": 1 }),
    )
    .await;
    let body: Value = serde_json::from_slice(&fetch().await.1.unwrap()).unwrap();
    assert!(
        body["padding"].as_str().unwrap().len() == 5_000_000 && body["data"]["status"] == "RUNNING"
    );

    fault(&s, json!({ "kind": "business_error", "code": "INNER_ERROR", "message": "boom", "advice": "retry", "count": 1 })).await;
    let body: Value = serde_json::from_slice(&fetch().await.1.unwrap()).unwrap();
    assert_eq!(
        (
            body["success"].clone(),
            body["code"].clone(),
            body["advice"].clone()
        ),
        (json!(false), json!("INNER_ERROR"), json!("retry"))
    );

    let hostile = "<img src=x onerror=alert(1)>";
    fault(
        &s,
        json!({ "kind": "hostile", "text": hostile, "count": 1 }),
    )
    .await;
    let body: Value = serde_json::from_slice(&fetch().await.1.unwrap()).unwrap();
    assert_eq!(body["data"]["status"], hostile);
    assert_eq!(body["data"]["currentStep"], hostile);
    assert_eq!(
        body["data"]["enableIncrSync"], true,
        "only text fields change"
    );
}

#[tokio::test]
async fn connection_faults_close_hang_and_delay() {
    let s = sim().await;
    let path = "/api/omsp/v2/sync/np_steady_orders/progress";
    let quick = Client::builder()
        .timeout(Duration::from_millis(700))
        .build()
        .unwrap();

    fault(
        &s,
        json!({ "kind": "close", "project": "np_steady_orders", "count": 1 }),
    )
    .await;
    let err = quick
        .get(s.url(path))
        .basic_auth("oms", Some("oms-sim"))
        .send()
        .await
        .unwrap_err();
    assert!(!err.is_timeout(), "closed, not timed out: {err}");

    fault(&s, json!({ "kind": "hang", "count": 1 })).await;
    let err = quick
        .get(s.url(path))
        .basic_auth("oms", Some("oms-sim"))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err}");

    fault(&s, json!({ "kind": "latency", "ms": 300, "count": 1 })).await;
    let started = std::time::Instant::now();
    let r = quick
        .get(s.url(path))
        .basic_auth("oms", Some("oms-sim"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300));

    // A fault for one project leaves the others alone.
    fault(
        &s,
        json!({ "kind": "status", "code": 500, "project": "np_steady_users" }),
    )
    .await;
    assert_eq!(get_json(&s, path).await.0, StatusCode::OK);
    let (_, cleared) = control(
        &s,
        reqwest::Method::DELETE,
        "/_sim/faults?project=np_steady_users",
        json!({}),
    )
    .await;
    assert_eq!(cleared["cleared"], 1);
}

#[tokio::test]
async fn bad_control_input_gets_400_saying_what_is_wrong() {
    let s = sim().await;
    let cases = [
        (
            reqwest::Method::POST,
            "/_sim/faults",
            "not json",
            "invalid body",
        ),
        (
            reqwest::Method::POST,
            "/_sim/faults",
            r#"{"kind":"status","code":42}"#,
            "42",
        ),
        (
            reqwest::Method::POST,
            "/_sim/faults",
            r#"{"kind":"latency"}"#,
            "ms",
        ),
        (reqwest::Method::POST, "/_sim/faults", "", "JSON body"),
        (
            reqwest::Method::PUT,
            "/_sim/projects/x",
            r#"{"behaviour":{"type":"nope"}}"#,
            "nope",
        ),
        (
            reqwest::Method::PUT,
            "/_sim/projects/x",
            "[1]",
            "JSON object",
        ),
        (
            reqwest::Method::POST,
            "/_sim/clock",
            r#"{"advance_ms":1,"set_ms":2}"#,
            "exactly one",
        ),
    ];
    for (method, path, body, expected) in cases {
        let r = client()
            .request(method, s.url(path))
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path} {body}");
        let message = r.json::<Value>().await.unwrap()["error"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            message.contains(expected),
            "{message:?} should mention {expected:?}"
        );
    }
}

#[tokio::test]
async fn the_request_log_records_time_path_and_auth_and_can_be_filtered() {
    let s = sim().await;
    get_json(&s, "/api/omsp/v2/sync/np_steady_orders/progress").await;
    client().get(s.url("/oms/health")).send().await.unwrap();
    let (_, log) = control(&s, reqwest::Method::GET, "/_sim/requests", json!({})).await;
    let entries = log["requests"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "control calls are not logged");
    assert_eq!(entries[0]["clock_ms"], T0_MS);
    assert!(entries[0]["wall_ms"].as_i64().unwrap() > T0_MS);
    let (_, later) = control(
        &s,
        reqwest::Method::GET,
        "/_sim/requests?since_seq=1",
        json!({}),
    )
    .await;
    assert_eq!(later["requests"][0]["path"], "/oms/health");
    control(&s, reqwest::Method::DELETE, "/_sim/requests", json!({})).await;
    let (_, empty) = control(&s, reqwest::Method::GET, "/_sim/requests", json!({})).await;
    assert_eq!(empty["requests"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn wall_clock_cannot_be_moved_and_reset_restores_the_scenario() {
    let s = oms_sim::start("127.0.0.1:0".parse().unwrap(), Config::default())
        .await
        .unwrap();
    let (status, body) = control(
        &s,
        reqwest::Method::POST,
        "/_sim/clock",
        json!({ "advance_ms": 1 }),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("--manual-clock"));
    control(
        &s,
        reqwest::Method::DELETE,
        "/_sim/projects/np_steady_orders",
        json!({}),
    )
    .await;
    let (_, reset) = control(&s, reqwest::Method::POST, "/_sim/reset", json!({})).await;
    assert_eq!(
        reset["projects"],
        Scenario::default_scenario().projects.len()
    );
}

#[tokio::test]
async fn static_folder_and_cors_are_served_when_asked() {
    let dir = std::env::temp_dir().join(format!("oms-sim-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<p>widget</p>").unwrap();
    let config = Config {
        static_dir: Some(dir.clone()),
        cors_origin: Some("http://127.0.0.1:9999".into()),
        ..Config::default()
    };
    let s = oms_sim::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap();
    let page = client()
        .get(s.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(page, "<p>widget</p>");
    let r = client()
        .get(s.url("/oms/health"))
        .header("Origin", "http://127.0.0.1:9999")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "http://127.0.0.1:9999"
    );
    // Without --cors-origin there are no CORS headers, as with OMS.
    let plain = sim().await;
    let r = client()
        .get(plain.url("/oms/health"))
        .header("Origin", "http://x.test")
        .send()
        .await
        .unwrap();
    assert!(!r.headers().contains_key("access-control-allow-origin"));
    std::fs::remove_dir_all(dir).ok();
}

async fn v4(s: &Running, action: &str, body: Value) -> (StatusCode, Value) {
    let r = client()
        .post(s.url(&format!("/api/v2?Action={action}")))
        .basic_auth("oms", Some("oms-sim"))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap())
}

#[tokio::test]
async fn v4_describe_project_progress_answers_with_v4_names_for_any_kind() {
    let s = sim().await;
    for id in ["np_steady_orders", "p_migration_dw", "np_v4_payments"] {
        let (status, body) = v4(&s, "DescribeProjectProgress", json!({ "id": id })).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["success"], json!(true), "{id}: {body}");
        let data = &body["data"];
        assert_eq!(data["projectId"], json!(id));
        assert!(data["structTransferProgress"].is_number(), "{id}: {data}");
        assert!(data.get("enableStructTransfer").is_some());
        assert!(data.get("alarmLevel").is_some());
    }
    let (_, steady) = v4(
        &s,
        "DescribeProjectProgress",
        json!({ "id": "np_steady_orders" }),
    )
    .await;
    assert!(
        steady["data"]["incrSyncCheckpoint"].is_i64(),
        "an int64 checkpoint"
    );
}

#[tokio::test]
async fn v4_errors_put_the_specific_text_in_error_detail() {
    let s = sim().await;
    let (status, body) = v4(&s, "DescribeProjectProgress", json!({ "id": "np_nobody" })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["success"], json!(false));
    assert_eq!(body["code"], json!("CM-RESONF000003"));
    assert_eq!(
        body["message"],
        json!("[CM-RESONF000003]: internal service error")
    );
    assert!(body["errorDetail"]["message"]
        .as_str()
        .unwrap()
        .contains("np_nobody"));
    assert!(body["errorDetail"]["proposal"].is_string());
    let (_, body) = v4(&s, "StopProject", json!({ "id": "np_steady_orders" })).await;
    assert_eq!(
        (body["success"].clone(), body["code"].clone()),
        (json!(false), json!("PARAM_ERROR"))
    );
    assert!(body["errorDetail"]["message"]
        .as_str()
        .unwrap()
        .contains("StopProject"));
    let (_, body) = v4(&s, "DescribeProjectProgress", json!(["np_steady_orders"])).await;
    assert_eq!(body["code"], json!("PARAM_ERROR"));
}

#[tokio::test]
async fn v4_faults_and_auth_apply_as_on_v3() {
    let s = sim().await;
    fault(
        &s,
        json!({ "kind": "status", "code": 503, "project": "np_steady_orders", "count": 1 }),
    )
    .await;
    let r = client()
        .post(s.url("/api/v2?Action=DescribeProjectProgress"))
        .basic_auth("oms", Some("oms-sim"))
        .json(&json!({ "id": "np_steady_orders" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let r = client()
        .post(s.url("/api/v2?Action=DescribeProjectProgress"))
        .json(&json!({ "id": "np_steady_orders" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn v4_steps_evolve_with_the_project_and_a_failed_step_says_why() {
    let s = sim().await;
    let steps = |body: &Value| -> Vec<(String, String)> {
        body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|step| {
                (
                    step["name"].as_str().unwrap().to_owned(),
                    step["status"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let names = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    // The lifecycle walker: schema transfer at 30 s, incremental at 200 s.
    advance(&s, 30).await;
    let (_, body) = v4(
        &s,
        "DescribeProjectSteps",
        json!({ "id": "np_4ur1zdx1v8cg" }),
    )
    .await;
    assert_eq!(
        steps(&body),
        names(&[
            ("TRANSFER_PRECHECK", "FINISHED"),
            ("STRUCT_TRANSFER", "RUNNING"),
            ("FULL_TRANSFER", "INIT"),
            ("INCR_TRANSFER", "INIT")
        ])
    );
    advance(&s, 170).await;
    let (_, body) = v4(
        &s,
        "DescribeProjectSteps",
        json!({ "id": "np_4ur1zdx1v8cg" }),
    )
    .await;
    let incr = &body["data"][3];
    assert_eq!(
        (
            incr["status"].clone(),
            incr["progress"].clone(),
            incr["finishTime"].clone()
        ),
        (json!("MONITORING"), json!(100), Value::Null)
    );
    assert!(incr["stepInfo"]["checkpointSampleTimestamp"].is_i64());
    let start = body["data"][0]["startTime"].as_str().unwrap();
    assert_eq!(
        (start.len(), &start[10..11]),
        (19, "T"),
        "UTC text, no zone: {start}"
    );
    // A failed project: its step is FAILED, with the reason the console shows.
    let (_, body) = v4(
        &s,
        "DescribeProjectSteps",
        json!({ "id": "np_failed_billing" }),
    )
    .await;
    let failed = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|step| step["status"] == json!("FAILED"))
        .expect("a failed step");
    assert_eq!(failed["name"], json!("FULL_TRANSFER"));
    assert!(failed["extraInfo"]["errorMsg"].is_string());
    assert!(failed["stepInfo"]["processedRecords"].is_i64());
    // Unknown projects answer as DescribeProjectProgress does.
    let (_, body) = v4(&s, "DescribeProjectSteps", json!({ "id": "np_nope" })).await;
    assert_eq!(body["code"], json!("CM-RESONF000003"));
}

#[tokio::test]
async fn v4_list_projects_pages_and_filters_every_project() {
    let s = sim().await;
    let ids = |body: &Value| -> Vec<String> {
        body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let (_, first) = v4(
        &s,
        "ListProjects",
        json!({ "pageNumber": 1, "pageSize": 20 }),
    )
    .await;
    let total = first["totalCount"].as_u64().unwrap() as usize;
    assert_eq!(ids(&first).len(), 20);
    assert_eq!(
        (first["pageNumber"].clone(), first["pageSize"].clone()),
        (json!(1), json!(20))
    );
    let (_, second) = v4(
        &s,
        "ListProjects",
        json!({ "pageNumber": 2, "pageSize": 20 }),
    )
    .await;
    assert_eq!(ids(&second).len(), total - 20, "the rest on page 2");
    assert!(ids(&second).iter().all(|id| !ids(&first).contains(id)));

    let (_, migrations) = v4(&s, "ListProjects", json!({ "type": "MIGRATION" })).await;
    assert_eq!(
        ids(&migrations),
        [
            "np_cutover_just_caught_up",
            "np_cutover_lagging",
            "np_cutover_no_way_back",
            "np_cutover_ready",
            "np_cutover_rows_differ",
            "np_cutover_switched",
            "np_cutover_switching",
            "np_verified_ledger",
            "np_verify_mismatch",
            "p_migration_dw"
        ]
    );
    let (_, failed) = v4(&s, "ListProjects", json!({ "status": ["FAILED"] })).await;
    assert_eq!(ids(&failed), ["np_failed_billing", "np_failed_longname"]);
    let item = &failed["data"][0];
    assert_eq!(item["alarmStats"]["alarming"], json!(true));
    assert!(item["steps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["status"] == json!("FAILED")));
    let (_, steady) = v4(&s, "ListProjects", json!({ "searchKey": "STEADY" })).await;
    assert_eq!(ids(&steady), ["np_steady_orders", "np_steady_users"]);
    let extra = &steady["data"][0]["extraInfo"];
    assert!(
        (0..=25).contains(&extra["syncDelay"].as_i64().unwrap()),
        "{extra}"
    );
    assert!(extra["syncDelaySampleTimestamp"].is_i64());
    assert_eq!(steady["data"][0]["type"], json!("SYNC"));

    let (_, too_many) = v4(&s, "ListProjects", json!({ "pageSize": 151 })).await;
    assert_eq!(
        (too_many["success"].clone(), too_many["code"].clone()),
        (json!(false), json!("PARAM_ERROR"))
    );
    assert!(too_many["errorDetail"]["message"]
        .as_str()
        .unwrap()
        .contains("150"));
}

#[tokio::test]
async fn v4_components_say_whether_store_or_writer_is_behind() {
    let s = sim().await;
    let delays = |body: &Value| -> Vec<(String, i64)> {
        body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["componentType"].as_str().unwrap().to_owned(),
                    c["delay"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let (_, writer) = v4(
        &s,
        "DescribeProjectComponents",
        json!({ "id": "np_lagging_audit" }),
    )
    .await;
    let writer = delays(&writer);
    assert_eq!(
        (writer[0].0.as_str(), writer[1].0.as_str()),
        ("STORE", "INCR_SYNC")
    );
    assert!(writer[0].1 <= 2 && writer[1].1 > 25, "{writer:?}");
    let (_, store) = v4(
        &s,
        "DescribeProjectComponents",
        json!({ "id": "np_store_lag_crm" }),
    )
    .await;
    let store = delays(&store);
    assert!(store[0].1 > 25, "the Store is behind: {store:?}");
    let (_, body) = v4(
        &s,
        "DescribeProjectComponents",
        json!({ "id": "np_steady_orders" }),
    )
    .await;
    let store_checkpoint = body["data"][0]["checkpoint"].as_str().unwrap();
    assert_eq!(store_checkpoint.len(), 19, "UTC text: {store_checkpoint}");
    assert!(body["data"][0]["checkpointSampleTimestamp"].is_i64());
}

async fn action(s: &Running, action: &str, body: Value) -> Value {
    client()
        .post(s.url(&format!("/api/v2?Action={action}")))
        .basic_auth("oms", Some("oms-sim"))
        .body(body.to_string())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn metric_history_follows_the_lag_served_and_enforces_omss_rules() {
    let s = sim().await;
    let now = T0_MS / 1000;
    let (status, _) = control(
        &s,
        reqwest::Method::PUT,
        "/_sim/projects/np_falling",
        json!({"naming": "v4", "behaviour": {"type": "lag_curve", "points": [[-3600, 1800], [0, 600]]}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let ask = |begin: i64, end: i64, points: i64, metric: &str| {
        json!({"projectId": "np_falling", "stepName": "INCR_TRANSFER", "metricType": metric,
               "aggregator": "AVG", "beginTimestamp": begin, "endTimestamp": end, "maxPointNum": points})
    };
    let delay = action(
        &s,
        "DescribeProjectStepMetric",
        ask(now - 3600, now, 10, "DELAY"),
    )
    .await;
    let points = delay["data"]["metrics"][0]["dataPoints"]
        .as_array()
        .unwrap();
    assert_eq!(points.len(), 10);
    // The curve: 1,800 s an hour ago falling to 600 s now.
    assert_eq!(points[9], json!({"timestamp": now, "value": 600.0}));
    let first = points[0]["value"].as_f64().unwrap();
    assert!((1_600.0..=1_800.0).contains(&first), "{first}");
    assert!(points
        .windows(2)
        .all(|w| w[0]["value"].as_f64() > w[1]["value"].as_f64()));
    let rps = action(
        &s,
        "DescribeProjectStepMetric",
        ask(now - 3600, now, 10, "RPS"),
    )
    .await;
    assert!(
        rps["data"]["metrics"][0]["dataPoints"][0]["value"]
            .as_f64()
            .unwrap()
            > 0.0
    );
    // OMS's rules: at least an hour, not past OMS's now, 5 to 10,080 points.
    for (body, words) in [
        (ask(now - 600, now, 10, "DELAY"), "at least one hour"),
        (ask(now - 3000, now + 600, 10, "DELAY"), "later than now"),
        (ask(now - 3600, now, 3, "DELAY"), "maxPointNum"),
    ] {
        let answer = action(&s, "DescribeProjectStepMetric", body).await;
        assert_eq!(answer["success"], json!(false));
        assert!(
            answer["errorDetail"]["message"]
                .as_str()
                .unwrap()
                .contains(words),
            "{answer}"
        );
    }
}

#[tokio::test]
async fn verification_results_are_paged_and_an_oms_4_0_lacks_both_actions() {
    let s = sim().await;
    control(
        &s,
        reqwest::Method::PUT,
        "/_sim/projects/np_many_tables",
        json!({"kind": "migration", "naming": "v4", "verify": {"tables": 160, "differing_rows": 12},
               "behaviour": {"type": "steady"}}),
    )
    .await;
    let page = |n: i64| json!({"projectId": "np_many_tables", "sourceSchemas": [], "destSchemas": [], "pageNumber": n, "pageSize": 150});
    let first = action(&s, "ListProjectFullVerifyResult", page(1)).await;
    assert_eq!(first["totalCount"], json!(160));
    assert_eq!(first["data"]["differentNumber"], json!(12));
    let tables = first["data"]["fullVerifyTableStatistics"]
        .as_array()
        .unwrap();
    assert_eq!(tables.len(), 150);
    assert_eq!(tables[0]["resultType"], json!("INCONSISTENT"));
    assert_eq!(tables[1]["progress"], json!("1.0"));
    let second = action(&s, "ListProjectFullVerifyResult", page(2)).await;
    assert_eq!(
        second["data"]["fullVerifyTableStatistics"]
            .as_array()
            .unwrap()
            .len(),
        10
    );

    let old = oms_sim::start(
        "127.0.0.1:0".parse().unwrap(),
        Config {
            clock: Clock::manual(T0_MS),
            history_actions: false,
            ..Config::default()
        },
    )
    .await
    .unwrap();
    let answer = action(&old, "ListProjectFullVerifyResult", page(1)).await;
    assert_eq!(answer["success"], json!(false));
    assert!(answer["errorDetail"]["message"]
        .as_str()
        .unwrap()
        .contains("not supported"));
}

/// Every step's name, status, start and finish, from a step list.
fn step_times(steps: &Value) -> Vec<(String, String, Value, Value)> {
    steps
        .as_array()
        .unwrap()
        .iter()
        .map(|step| {
            (
                step["name"].as_str().unwrap().to_owned(),
                step["status"].as_str().unwrap().to_owned(),
                step["startTime"].clone(),
                step["finishTime"].clone(),
            )
        })
        .collect()
}

/// The FINISHED steps of `before` as they are in `after`: the same times.
fn finished_kept(
    before: &[(String, String, Value, Value)],
    after: &[(String, String, Value, Value)],
) {
    let finished: Vec<_> = before.iter().filter(|s| s.1 == "FINISHED").collect();
    assert!(!finished.is_empty(), "{before:?}");
    for step in finished {
        let later = after
            .iter()
            .find(|s| s.0 == step.0)
            .expect("the step stays");
        assert_eq!(step, later, "a finished step keeps its times");
        assert!(step.2.is_string() && step.3.is_string(), "{step:?}");
    }
}

#[tokio::test]
async fn finished_steps_keep_their_start_and_finish_as_time_goes_on() {
    let s = sim().await;
    let described = |id: &'static str| {
        let s = &s;
        async move {
            let (_, body) = v4(s, "DescribeProjectSteps", json!({ "id": id })).await;
            step_times(&body["data"])
        }
    };
    let listed = |id: &'static str| {
        let s = &s;
        async move {
            let body = json!({ "pageNumber": 1, "pageSize": 150, "searchKey": id });
            let (_, list) = v4(s, "ListProjects", body).await;
            let item = list["data"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["id"] == json!(id))
                .unwrap()
                .clone();
            (step_times(&item["steps"]), item["gmtFinish"].clone())
        }
    };
    // The walker in its full copy (at 70 s), then in its incremental sync.
    advance(&s, 70).await;
    let walker = described("np_4ur1zdx1v8cg").await;
    let ids = [
        "np_finished_archive",
        "np_steady_orders",
        "np_failed_billing",
        "np_verify_mismatch",
    ];
    let mut before = Vec::new();
    for id in ids {
        before.push((described(id).await, listed(id).await));
    }
    advance(&s, 100).await;
    finished_kept(&walker, &described("np_4ur1zdx1v8cg").await);
    advance(&s, 3_600).await;
    for (id, (steps, (items, gmt_finish))) in ids.into_iter().zip(before) {
        finished_kept(&steps, &described(id).await);
        let (items_later, gmt_finish_later) = listed(id).await;
        finished_kept(&items, &items_later);
        assert_eq!(gmt_finish, gmt_finish_later, "{id}");
    }
    // Failed at one time, whenever asked.
    let failed_time = |steps: Value| steps["data"][2]["extraInfo"]["failedTime"].clone();
    let (_, first) = v4(
        &s,
        "DescribeProjectSteps",
        json!({ "id": "np_failed_billing" }),
    )
    .await;
    advance(&s, 600).await;
    let (_, later) = v4(
        &s,
        "DescribeProjectSteps",
        json!({ "id": "np_failed_billing" }),
    )
    .await;
    assert!(failed_time(first.clone()).is_string());
    assert_eq!(failed_time(first), failed_time(later));
}

#[tokio::test]
async fn generated_names_carry_no_region_word() {
    const REGIONS: [&str; 8] = [
        "bj", "sh", "hz", "sz", "beijing", "shanghai", "hangzhou", "shenzhen",
    ];
    let s = oms_sim::start(
        "127.0.0.1:0".parse().unwrap(),
        Config {
            clock: Clock::manual(T0_MS),
            scenario: Scenario {
                projects: Scenario::generate(300),
            },
            ..Config::default()
        },
    )
    .await
    .unwrap();
    let mut names = Vec::new();
    for page in 1..=2 {
        let (_, list) = v4(
            &s,
            "ListProjects",
            json!({ "pageNumber": page, "pageSize": 150 }),
        )
        .await;
        for item in list["data"].as_array().unwrap() {
            names.push(item["name"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(names.len(), 300);
    let regional: Vec<&String> = names
        .iter()
        .filter(|name| {
            name.split('_')
                .any(|part| REGIONS.contains(&part.to_ascii_lowercase().as_str()))
        })
        .collect();
    assert_eq!(
        regional,
        Vec::<&String>::new(),
        "a name tells another region"
    );
}

#[tokio::test]
async fn a_project_defined_some_seconds_ago_is_that_far_through_and_a_bad_age_is_refused() {
    let s = sim().await;
    let (status, body) = control(
        &s,
        reqwest::Method::PUT,
        "/_sim/projects/np_aged?age_secs=400",
        json!({"naming": "v4", "verify": {"tables": 2, "duration_secs": 1000},
               "behaviour": {"type": "steady"}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["since_ms"], json!(T0_MS - 400_000));
    let steps = action(&s, "DescribeProjectSteps", json!({"id": "np_aged"})).await;
    let verifier = steps["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|step| step["name"] == "FULL_VERIFIER")
        .cloned()
        .unwrap();
    assert_eq!(verifier["progress"], json!(40), "{verifier}");
    for bad in ["-1", "1e12", "NaN"] {
        let (status, body) = control(
            &s,
            reqwest::Method::PUT,
            &format!("/_sim/projects/np_aged?age_secs={bad}"),
            json!({"behaviour": {"type": "steady"}}),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(
            body["error"].as_str().unwrap().contains("age_secs"),
            "{body}"
        );
    }
}

#[tokio::test]
async fn a_page_of_the_cors_origin_may_use_the_control_api() {
    let config = Config {
        cors_origin: Some("http://127.0.0.1:9999".into()),
        ..Config::default()
    };
    let s = oms_sim::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap();
    for method in ["PUT", "DELETE", "POST"] {
        let r = client()
            .request(reqwest::Method::OPTIONS, s.url("/_sim/faults"))
            .header("Origin", "http://127.0.0.1:9999")
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "content-type")
            .send()
            .await
            .unwrap();
        let allowed = r.headers()["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(allowed.contains(method), "{method}: {allowed}");
    }
}

#[tokio::test]
async fn a_business_error_carries_the_level_asked_for_else_oms_4s_error() {
    let s = sim().await;
    let asked = json!({"id": "np_steady_orders"});
    fault(
        &s,
        json!({"kind": "business_error", "code": "CM-X", "message": "busy", "level": "WARN", "count": 1}),
    )
    .await;
    let warned = action(&s, "DescribeProjectProgress", asked.clone()).await;
    assert_eq!(warned["errorDetail"]["level"], json!("WARN"), "{warned}");
    assert_eq!(warned["errorDetail"]["message"], json!("busy"));
    fault(
        &s,
        json!({"kind": "business_error", "code": "CM-X", "message": "busy", "count": 1}),
    )
    .await;
    let plain = action(&s, "DescribeProjectProgress", asked).await;
    assert_eq!(plain["errorDetail"]["level"], json!("ERROR"), "{plain}");
}
