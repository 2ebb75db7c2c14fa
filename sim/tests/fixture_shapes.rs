//! The simulator's answers have exactly the keys and JSON types of the
//! shared fixtures in tests/fixtures (the doc's example and its variants).

use oms_sim::{Clock, Config};
use serde_json::Value;

fn fixture(name: &str) -> Value {
    // Read at run time: a cached test binary may come from a clone elsewhere.
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or(env!("CARGO_MANIFEST_DIR").into());
    let path = format!("{dir}/../tests/fixtures/{name}");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Same keys at every level, and the same JSON type for each value.
fn same_shape(path: &str, a: &Value, b: &Value) -> Result<(), String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let (kx, ky): (Vec<_>, Vec<_>) = (x.keys().collect(), y.keys().collect());
            let (mut sx, mut sy) = (kx.clone(), ky.clone());
            sx.sort();
            sy.sort();
            if sx != sy {
                return Err(format!("{path}: keys {sx:?} vs {sy:?}"));
            }
            x.iter()
                .try_for_each(|(k, v)| same_shape(&format!("{path}.{k}"), v, &y[k]))
        }
        (Value::Number(_), Value::Number(_))
        | (Value::String(_), Value::String(_))
        | (Value::Bool(_), Value::Bool(_))
        | (Value::Null, Value::Null) => Ok(()),
        _ => Err(format!("{path}: {a} vs {b}")),
    }
}

#[tokio::test]
async fn simulator_answers_match_the_fixtures_field_for_field() {
    let config = Config {
        credentials: None,
        clock: Clock::manual(1_764_000_000_000),
        ..Config::default()
    };
    let s = oms_sim::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap();
    let client = reqwest::Client::new();
    let get = |path: String| {
        let client = client.clone();
        let url = s.url(&path);
        async move {
            client
                .get(url)
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    // The lifecycle projects are in schema sync at 30 s, then in incremental sync at 200 s.
    client
        .post(s.url("/_sim/clock"))
        .body(r#"{"advance_ms":30000}"#)
        .send()
        .await
        .unwrap();
    let cases = [
        (
            "doc-example.json",
            "/api/omsp/v2/sync/p_3xj9docnames/progress",
        ),
        ("v4-names.json", "/api/omsp/v2/sync/np_v4_payments/progress"),
        (
            "ocp-pascal.json",
            "/api/omsp/v2/sync/np_ocp_inventory/progress",
        ),
        ("sybase.json", "/api/omsp/v2/sync/np_sybase_ledger/progress"),
        ("not-found.json", "/api/omsp/v2/sync/np_nope/progress"),
    ];
    for (name, path) in cases {
        same_shape(name, &fixture(name), &get(path.to_string()).await).unwrap();
    }
    // OMS 4.x: DescribeProjectProgress, an answer and an error.
    for (name, id) in [
        ("v4-describe-progress.json", "np_reverse_orders"),
        ("v4-error-generic.json", "np_nope"),
    ] {
        let answer = client
            .post(s.url("/api/v2?Action=DescribeProjectProgress"))
            .json(&serde_json::json!({ "id": id }))
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap();
        same_shape(name, &fixture(name), &answer).unwrap();
    }
    // Before incremental starts the checkpoint is null, as in the fixture.
    same_shape(
        "table-names.json",
        &fixture("table-names.json"),
        &get("/api/omsp/v2/sync/np_4ur1zdx1v8cg/progress".into()).await,
    )
    .unwrap();
    client
        .post(s.url("/_sim/clock"))
        .body(r#"{"advance_ms":170000}"#)
        .send()
        .await
        .unwrap();
    same_shape(
        "migration.json",
        &fixture("migration.json"),
        &get("/api/omsp/v2/migrations/p_migration_dw/progress".into()).await,
    )
    .unwrap();
}
