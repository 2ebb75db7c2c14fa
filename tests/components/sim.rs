//! oms-sim, the project's stand-in for OMS, as the component tests reach
//! it: real HTTP to a simulator `scripts/components.sh` starts and names
//! at compile time (`OMS_SIM_URL`). Each test defines its own projects
//! (ids of its own) and faults through the control API, so no two tests
//! share a state; the widget's requests, answers and drawing are all real.

use gloo_net::http::{Request, RequestBuilder};
use oms_progress::{ApiKind, WidgetOptions};
use serde_json::{json, Value};
use std::time::Duration;

/// The simulator's base URL; a test run without it fails saying how to run it.
pub fn url() -> &'static str {
    option_env!("OMS_SIM_URL").unwrap_or_else(|| {
        panic!(
            "this test needs oms-sim: run the component tests with \
             `bash scripts/components.sh`, which starts it and sets OMS_SIM_URL"
        )
    })
}

/// A control call; anything but 200 fails the test with the sim's reason.
async fn control(request: RequestBuilder, body: Option<Value>) -> Value {
    let sent = match body {
        Some(body) => {
            request
                .header("Content-Type", "application/json")
                .body(body.to_string())
                .expect("a JSON body")
                .send()
                .await
        }
        None => request.send().await,
    };
    let answer = sent.unwrap_or_else(|e| {
        panic!(
            "oms-sim at {} did not answer ({e}): is it running? `bash scripts/components.sh` starts it",
            url()
        )
    });
    let status = answer.status();
    let text = answer.text().await.unwrap_or_default();
    assert_eq!(status, 200, "oms-sim refused a control call: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn at(path: &str) -> String {
    format!("{}/_sim/{path}", url())
}

/// Defines (or replaces) project `id` as `spec` says (`sim/src/scenario.rs`'s
/// `ProjectSpec`), as if `age_secs` seconds ago.
pub async fn project_aged(id: &str, age_secs: u32, spec: Value) {
    control(
        Request::put(&at(&format!("projects/{id}?age_secs={age_secs}"))),
        Some(spec),
    )
    .await;
}

/// Defines (or replaces) project `id` as `spec` says, from now.
pub async fn project(id: &str, spec: Value) {
    project_aged(id, 0, spec).await;
}

/// An OMS 4.x project in exactly this state (`FixedState`'s fields).
pub async fn fixed(id: &str, state: Value) {
    let mut behaviour = state;
    behaviour["type"] = json!("fixed");
    project(id, json!({ "naming": "v4", "behaviour": behaviour })).await;
}

/// Adds a fault rule (`sim/src/faults.rs`'s `FaultRule`).
pub async fn fault(rule: Value) {
    control(Request::post(&at("faults")), Some(rule)).await;
}

/// Clears the faults aimed at `project`.
pub async fn clear_faults(project: &str) {
    control(
        Request::delete(&at(&format!("faults?project={project}"))),
        None,
    )
    .await;
}

/// The sequence number the next request to the simulator will get.
pub async fn next_seq() -> u64 {
    let log = control(Request::get(&at("requests?path_prefix=/none")), None).await;
    log["next_seq"].as_u64().expect("the log's next_seq")
}

/// How many OMS 4.x `action` requests came since `seq` (tests run one at
/// a time, and earlier tests' widgets poll hourly: these are this test's).
pub async fn calls_since(seq: u64, action: &str) -> usize {
    let log = control(
        Request::get(&at(&format!(
            "requests?since_seq={seq}&path_prefix=/api/v2"
        ))),
        None,
    )
    .await;
    let wanted = format!("Action={action}");
    log["requests"]
        .as_array()
        .expect("the log's requests")
        .iter()
        .filter(|r| r["query"].as_str().is_some_and(|q| q.contains(&wanted)))
        .count()
}

/// A widget's (or a wallboard's) options for the simulator: OMS 4.x,
/// polled once an hour, so that what a test reads is its first answers.
pub fn options(project_id: &str) -> WidgetOptions {
    let mut options = WidgetOptions::new(project_id);
    options.api = ApiKind::V4;
    options.base_url = url().to_owned();
    options.poll.interval = Duration::from_secs(3600);
    options.time_zone = Some("UTC".into());
    options
}
