//! The verification panel (`[data-field=verify]`) of an OMS 4.x widget
//! whose plan has a full-verification step: OMS's verdict and progress on
//! one line without a click, the tables that differ first, OMS's counts as
//! it sent them; a verification that could not be read says why.

use crate::stub::{ok, progress, Oms};
use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, OmsSyncProgress};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

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

/// A widget of `oms` for `project` in `lang`, once its verification shows.
async fn verified(oms: &Oms, project: &str, lang: Lang) -> HtmlElement {
    oms.answer(
        "DescribeProjectProgress",
        200,
        &progress(project, "RUNNING", "INCR_TRANSFER"),
    );
    let mut options = oms.options(project);
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
async fn a_finished_verification_with_differing_rows_tables_that_differ_first() {
    let oms = Oms::new("verify-en");
    oms.answer("DescribeProjectSteps", 200, &plan("FINISHED", 100));
    oms.answer("ListProjectFullVerifyResult", 200, RESULT);
    let host = verified(&oms, "np_verify_en", Lang::En).await;
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
    assert_eq!(
        rows(&host),
        [
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
            [
                "CONSISTENT",
                "true",
                "shop.orders",
                "CONSISTENT (一致)",
                "0",
                "0",
                "0",
                "52,000",
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
        oms.calls("ListProjectFullVerifyResult"),
        1,
        "finished: asked once"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn in_chinese_the_verdict_and_the_columns_are_chinese() {
    let oms = Oms::new("verify-zh");
    oms.answer("DescribeProjectSteps", 200, &plan("FINISHED", 100));
    oms.answer("ListProjectFullVerifyResult", 200, RESULT);
    let host = verified(&oms, "np_verify_zh", Lang::ZhCn).await;
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
    let oms = Oms::new("verify-running");
    oms.answer("DescribeProjectSteps", 200, &plan("RUNNING", 40));
    oms.answer(
        "ListProjectFullVerifyResult",
        200,
        r#"{"success":true,"totalCount":0,"data":{"differentNumber":0,"fullVerifyTableStatistics":[]}}"#,
    );
    let host = verified(&oms, "np_verify_running", Lang::En).await;
    assert_eq!(
        attr(&host, "[data-field=verify]", "data-verify").as_deref(),
        Some("running")
    );
    assert_eq!(
        text(&host, "[data-field=verify-line]"),
        "Verification: running, 40 %"
    );
    assert!(
        q(&host, "[data-field=verify-tables]").is_none(),
        "no tables yet: none drawn"
    );
    host.remove();

    let oms = Oms::new("verify-broken");
    oms.answer("DescribeProjectSteps", 200, &plan("FINISHED", 100));
    oms.answer_page(
        "ListProjectFullVerifyResult",
        502,
        "<html><head><title>Bad Gateway</title></head><body>down</body></html>",
    );
    let host = verified(&oms, "np_verify_broken", Lang::En).await;
    let error = text(&host, "[data-field=verify-error]");
    assert!(
        error.starts_with("The proxy cannot reach OMS (HTTP 502"),
        "{error}"
    );
    host.remove();
}
