//! The step list (`[data-field=steps]`) inside an OMS 4.x widget, from a
//! step plan OMS answered: each step in OMS's order with its status, times,
//! rows and a failed one's reason; an unknown status as sent; a plan that
//! could not be read says why.

use crate::stub::{ok, progress, Oms};
use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, OmsSyncProgress};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

const PLAN: &str = r#"[
 {"order":1,"name":"TRANSFER_PRECHECK","description":"Pre-check","status":"FINISHED","startTime":"2026-12-07T03:02:08","finishTime":"2026-12-07T03:02:28","progress":100},
 {"order":2,"name":"FULL_TRANSFER","description":"Full data transfer","status":"FAILED",
  "extraInfo":{"errorDetails":["writer: insert into billing.invoice failed"],"errorCode":"CM-STEP000121","errorMsg":"the target table billing.invoice is missing"},
  "startTime":"2026-12-07T03:03:08","finishTime":null,"progress":63,
  "stepInfo":{"processedRecords":1512000,"capacity":2400000,"srcRps":5200,"dstRps":4800}},
 {"order":3,"name":"NEW_KIND_OF_STEP","description":"Something new","status":"HIBERNATING","progress":null},
 {"order":4,"name":"INCR_TRANSFER","description":"Incremental transfer","status":"INIT","startTime":null,"finishTime":null,"progress":0}
]"#;

/// A FAILED project with PLAN, its widget mounted in `lang`.
async fn failed_project(name: &str, lang: Lang) -> (Oms, HtmlElement) {
    let oms = Oms::new(name);
    oms.answer(
        "DescribeProjectProgress",
        200,
        &progress("np_steps", "FAILED", "FULL_TRANSFER"),
    );
    oms.answer("DescribeProjectSteps", 200, &ok(PLAN));
    let mut options = oms.options("np_steps");
    options.lang = Some(lang);
    let host = mount(move || view! { <OmsSyncProgress options /> });
    assert!(
        until(5_000.0, || q(
            &host,
            "[data-field=steps] li[data-step-name]"
        )
        .is_some())
        .await,
        "the plan, asked at the first answer, is drawn"
    );
    (oms, host)
}

fn steps(host: &Element) -> Vec<Element> {
    all(host, "[data-field=steps] li[data-step-name]")
}

fn step_text(step: &Element, selector: &str) -> String {
    text(step, selector)
}

#[wasm_bindgen_test]
async fn each_step_in_omss_order_with_status_rows_and_a_failed_ones_reason() {
    let (_oms, host) = failed_project("steps-en", Lang::En).await;
    let details = q(&host, "details[data-field=steps]").unwrap();
    assert!(!details.has_attribute("open"), "collapsed by default");
    assert_eq!(text(&details, "summary"), "Steps");
    let shown: Vec<(String, String)> = steps(&host)
        .iter()
        .map(|s| {
            (
                s.get_attribute("data-step-name").unwrap(),
                s.get_attribute("data-step-status").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("TRANSFER_PRECHECK", "FINISHED"),
            ("FULL_TRANSFER", "FAILED"),
            ("NEW_KIND_OF_STEP", "HIBERNATING"),
            ("INCR_TRANSFER", "INIT"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    let [done, failed, unknown, waiting] = &steps(&host)[..] else {
        panic!("four steps")
    };
    assert_eq!(step_text(done, ".oms-step-status"), "Done");
    assert_eq!(
        all(done, "time[datetime$='Z']").len(),
        2,
        "start and finish, each a time"
    );
    assert!(step_text(done, ".oms-note").contains(" → "));
    assert_eq!(step_text(failed, ".oms-step-status"), "Failed");
    assert_eq!(step_text(failed, ".oms-step-progress"), "63%");
    let rows = step_text(failed, "[data-field=step-rows]");
    assert!(rows.contains("1,512,000"), "rows done: {rows}");
    let reason = step_text(failed, "[data-field=step-error]");
    assert!(reason.contains("CM-STEP000121"), "{reason}");
    assert!(reason.contains("billing.invoice is missing"), "{reason}");
    assert_eq!(
        step_text(unknown, ".oms-step-status"),
        "HIBERNATING",
        "an unknown status as sent"
    );
    assert!(q(unknown, "[data-field=step-error]").is_none());
    assert_eq!(step_text(waiting, ".oms-step-status"), "Not started");
    assert!(
        q(waiting, "time").is_none(),
        "no time for a step not started"
    );
    // The card says why without a click, from the same plan.
    assert!(text(&host, "[data-field=failure]").contains("billing.invoice is missing"));
    host.remove();
}

#[wasm_bindgen_test]
async fn in_chinese_the_labels_are_chinese_and_omss_text_stays_as_sent() {
    let (_oms, host) = failed_project("steps-zh", Lang::ZhCn).await;
    assert_eq!(text(&host, "[data-field=steps] summary"), "步骤");
    let [done, failed, unknown, waiting] = &steps(&host)[..] else {
        panic!("four steps")
    };
    assert_eq!(step_text(done, ".oms-step-status"), "已完成");
    assert_eq!(step_text(failed, ".oms-step-status"), "失败");
    assert_eq!(step_text(unknown, ".oms-step-status"), "HIBERNATING");
    assert_eq!(step_text(waiting, ".oms-step-status"), "未开始");
    assert!(step_text(failed, "[data-field=step-error]").contains("billing.invoice is missing"));
    host.remove();
}

#[wasm_bindgen_test]
async fn opened_the_plan_is_asked_again_and_a_plan_that_cannot_be_read_says_why() {
    let (oms, host) = failed_project("steps-open", Lang::En).await;
    let asked = oms.calls("DescribeProjectSteps");
    assert_eq!(asked, 1, "asked once while closed");
    // OMS now answers the plan with its own error.
    oms.answer(
        "DescribeProjectSteps",
        200,
        r#"{"success":false,"errorDetail":{"code":"CM-X1","level":"ERROR","message":"steps are gone","requestId":"r-1"},"code":"CM-X1","message":"steps are gone","data":null}"#,
    );
    host.query_selector("[data-field=steps] summary")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    assert!(
        until(5_000.0, || q(&host, "[data-field=steps-error]").is_some()).await,
        "the failure is said in the list"
    );
    assert!(
        oms.calls("DescribeProjectSteps") > asked,
        "asked when opened"
    );
    assert_eq!(
        text(&host, "[data-field=steps-error]"),
        "OMS reported an error"
    );
    assert!(
        q(&host, "[data-field=steps] li").is_none(),
        "no stale list beside it"
    );
    host.remove();
}
