//! The verification panel (`[data-field=verify]`) of an OMS 4.x widget
//! whose plan has a full-verification step, on oms-sim: OMS's verdict and
//! progress on one line without a click, OMS's counts as it sent them; a
//! verification that could not be read says why. Tables OMS sends
//! consistent first, or none yet, are a table's (`stub`): the simulator
//! always sends the differing table first, and every table from the start.

use crate::sim;
use crate::stub::{ok, progress, Oms};
use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, OmsSyncProgress, WidgetOptions};
use serde_json::{json, Value};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

/// Project `id` on the simulator, RUNNING its incremental sync after a full
/// verification (`verify`: `VerifySpec`'s fields) that began `age_secs` ago;
/// its widget in `lang`, once the verification shows.
async fn verified(id: &str, age_secs: u32, verify: Value, lang: Lang) -> HtmlElement {
    sim::project_aged(
        id,
        age_secs,
        json!({"naming": "v4", "verify": verify,
               "behaviour": {"type": "fixed", "status": "RUNNING", "current_step": "INCR_TRANSFER"}}),
    )
    .await;
    shown(sim::options(id), lang).await
}

/// A widget of these options in `lang`, once its verification shows.
async fn shown(mut options: WidgetOptions, lang: Lang) -> HtmlElement {
    options.lang = Some(lang);
    let host = mount(move || view! { <OmsSyncProgress options /> });
    assert!(
        until(5_000.0, || q(&host, "[data-field=verify]").is_some()).await,
        "the verification shows without a click"
    );
    host
}

fn rows(host: &Element) -> Vec<Vec<String>> {
    all(host, "[data-field=verify-tables] tbody tr")
        .iter()
        .map(|tr| {
            let mut row = vec![
                tr.get_attribute("data-result").unwrap_or_default(),
                tr.get_attribute("data-consistent").unwrap_or_default(),
            ];
            row.extend(
                all(tr, "th, td")
                    .iter()
                    .map(|c| c.text_content().unwrap_or_default()),
            );
            row
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_finished_verification_with_differing_rows_says_how_many_and_each_tables_counts() {
    let seq = sim::next_seq().await;
    let host = verified(
        "np_verify_en",
        0,
        json!({"tables": 2, "differing_rows": 7}),
        Lang::En,
    )
    .await;
    let panel = q(&host, "[data-field=verify]").unwrap();
    assert_eq!(
        panel.get_attribute("data-verify").as_deref(),
        Some("inconsistent")
    );
    assert_eq!(
        panel.get_attribute("data-differing-rows").as_deref(),
        Some("7")
    );
    assert_eq!(
        text(&panel, "[data-field=verify-line]"),
        "Verification: 7 rows differ"
    );
    assert_eq!(
        text(&panel, "[data-field=verify-tables] summary"),
        "Tables (2)"
    );
    assert!(
        !q(&panel, "[data-field=verify-tables]")
            .unwrap()
            .has_attribute("open"),
        "the tables when opened"
    );
    // The 7 rows: 2 only in the source, 1 only in the target, 4 that differ.
    assert_eq!(
        rows(&host),
        [
            [
                "INCONSISTENT",
                "false",
                "billing.invoice",
                "INCONSISTENT (不一致)",
                "2",
                "1",
                "4",
                "9,993",
                "100%"
            ],
            [
                "CONSISTENT",
                "true",
                "billing.orders",
                "CONSISTENT (一致)",
                "0",
                "0",
                "0",
                "10,000",
                "100%"
            ],
        ]
        .map(|r| r.map(str::to_owned).to_vec())
    );
    assert_eq!(
        attr(&panel, "tbody tr td", "data-label").as_deref(),
        Some("Result"),
        "each cell names its column"
    );
    assert!(q(&panel, "[data-field=verify-partial]").is_none());
    assert!(q(&panel, "[data-field=verify-error]").is_none());
    assert_eq!(
        sim::calls_since(seq, "ListProjectFullVerifyResult").await,
        1,
        "finished: asked once"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn in_chinese_the_verdict_and_the_columns_are_chinese() {
    let host = verified(
        "np_verify_zh",
        0,
        json!({"tables": 2, "differing_rows": 7}),
        Lang::ZhCn,
    )
    .await;
    assert_eq!(
        text(&host, "[data-field=verify-line]"),
        "全量校验：7 行不一致"
    );
    assert_eq!(
        text(&host, "[data-field=verify-tables] summary"),
        "各表结果 (2)"
    );
    let heads: Vec<String> = all(&host, "[data-field=verify-tables] thead th")
        .iter()
        .map(|h| h.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        heads,
        [
            "表",
            "结果",
            "仅源端有",
            "仅目标端有",
            "不一致",
            "一致",
            "进度"
        ]
    );
    assert_eq!(rows(&host)[0][3], "不一致", "OMS's own description");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_running_verification_says_its_progress_and_one_that_cannot_be_read_says_why() {
    // 400 s into a 1000 s verification of two tables: the first 80 % done.
    let host = verified(
        "np_verify_running",
        400,
        json!({"tables": 2, "duration_secs": 1000}),
        Lang::En,
    )
    .await;
    assert_eq!(
        attr(&host, "[data-field=verify]", "data-verify").as_deref(),
        Some("running")
    );
    assert_eq!(
        text(&host, "[data-field=verify-line]"),
        "Verification: running, 40 %"
    );
    let progress: Vec<String> = rows(&host).iter().map(|r| r[8].clone()).collect();
    assert_eq!(progress, ["80%", "0%"], "each table's progress as sent");
    host.remove();

    sim::project(
        "np_verify_broken",
        json!({"naming": "v4", "verify": {"tables": 2},
               "behaviour": {"type": "fixed", "status": "RUNNING", "current_step": "INCR_TRANSFER"}}),
    )
    .await;
    sim::fault(
        json!({"project": "np_verify_broken", "action": "ListProjectFullVerifyResult",
                      "kind": "proxy_page", "code": 502}),
    )
    .await;
    let host = shown(sim::options("np_verify_broken"), Lang::En).await;
    let error = text(&host, "[data-field=verify-error]");
    assert!(
        error.starts_with("The proxy cannot reach OMS (HTTP 502"),
        "{error}"
    );
    host.remove();
}

fn plan(verifier_status: &str, verifier_progress: u8) -> String {
    ok(&format!(
        r#"[{{"order":1,"name":"FULL_TRANSFER","status":"FINISHED","progress":100}},
        {{"order":2,"name":"FULL_VERIFIER","status":"{verifier_status}","progress":{verifier_progress}}},
        {{"order":3,"name":"INCR_TRANSFER","status":"MONITORING","progress":100}}]"#
    ))
}

/// Two tables, OMS's consistent one first; 7 rows differ in the other.
const RESULT: &str = r#"{"success":true,"errorDetail":null,"requestId":"9f2c41","pageNumber":1,"pageSize":150,"totalCount":2,
 "data":{"differentNumber":7,"fullVerifyTableStatistics":[
  {"sourceTableName":"orders","sourceSchemaName":"shop","destSchemaName":"shop","sourceOnlyCount":0,"destOnlyCount":0,"mismatchedCount":0,"consistentCount":52000,"progress":"1.0","status":"FINISHED","resultType":"CONSISTENT","resultDesc":"一致"},
  {"sourceTableName":"invoice","sourceSchemaName":"billing","destSchemaName":"billing","sourceOnlyCount":"3","destOnlyCount":1,"mismatchedCount":3,"consistentCount":9993,"progress":"80","status":"RUNNING","resultType":"INCONSISTENT","resultDesc":"不一致"}
 ]}}"#;

/// A table's OMS (`stub`) for what oms-sim never sends: see the file's head.
async fn on_table(name: &str, verifier_status: &str, result: &str) -> (Oms, HtmlElement) {
    let oms = Oms::new(name);
    oms.answer(
        "DescribeProjectProgress",
        200,
        &progress("np_verify", "RUNNING", "INCR_TRANSFER"),
    );
    let at = if verifier_status == "FINISHED" {
        100
    } else {
        40
    };
    oms.answer("DescribeProjectSteps", 200, &plan(verifier_status, at));
    oms.answer("ListProjectFullVerifyResult", 200, result);
    let host = shown(oms.options("np_verify"), Lang::En).await;
    (oms, host)
}

#[wasm_bindgen_test]
async fn tables_that_differ_first_whatever_omss_order_and_none_drawn_before_any() {
    let (_oms, host) = on_table("verify-order", "FINISHED", RESULT).await;
    let shown: Vec<Vec<String>> = rows(&host);
    assert_eq!(
        shown[0],
        [
            "INCONSISTENT",
            "false",
            "billing.invoice",
            "INCONSISTENT (不一致)",
            "3",
            "1",
            "3",
            "9,993",
            "80%"
        ],
        "the table that differs first, a count sent as text as sent"
    );
    assert_eq!(shown[1][2], "shop.orders");
    assert_eq!(shown[1][8], "100%");
    host.remove();

    let (_oms, host) = on_table(
        "verify-none",
        "RUNNING",
        r#"{"success":true,"totalCount":0,"data":{"differentNumber":0,"fullVerifyTableStatistics":[]}}"#,
    )
    .await;
    assert_eq!(
        text(&host, "[data-field=verify-line]"),
        "Verification: running, 40 %"
    );
    assert!(
        q(&host, "[data-field=verify-tables]").is_none(),
        "no tables yet: none drawn"
    );
    host.remove();
}
