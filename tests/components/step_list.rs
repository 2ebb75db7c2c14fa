//! The step list (`[data-field=steps]`) inside an OMS 4.x widget, from the
//! step plan oms-sim answers for a failed project: each step in OMS's
//! order with its status, times, rows and a failed one's reason; a plan
//! that could not be read says why. An unknown status as sent is read from
//! a plan a test chooses (`stub`): the simulator sends known ones only.

use crate::sim;
use crate::stub::{ok, progress, Oms};
use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, OmsSyncProgress, WidgetOptions};
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

/// A widget of these options in `lang`, once its plan is drawn.
async fn with_plan(mut options: WidgetOptions, lang: Lang) -> HtmlElement {
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
    host
}

/// Project `id` on the simulator, FAILED in its full-data copy at 63 %,
/// its widget mounted in `lang`.
async fn failed_project(id: &str, lang: Lang) -> HtmlElement {
    sim::fixed(
        id,
        json!({"status": "FAILED", "current_step": "FULL_TRANSFER",
               "struct_progress": 100, "full_progress": 63}),
    )
    .await;
    with_plan(sim::options(id), lang).await
}

fn steps(host: &Element) -> Vec<Element> {
    all(host, "[data-field=steps] li[data-step-name]")
}

fn step_text(step: &Element, selector: &str) -> String {
    text(step, selector)
}

#[wasm_bindgen_test]
async fn each_step_in_omss_order_with_status_rows_and_a_failed_ones_reason() {
    let host = failed_project("np_steps_en", Lang::En).await;
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
            ("STRUCT_TRANSFER", "FINISHED"),
            ("FULL_TRANSFER", "FAILED"),
            ("INCR_TRANSFER", "INIT"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    let [done, _, failed, waiting] = &steps(&host)[..] else {
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
    assert!(q(done, "[data-field=step-error]").is_none());
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
    let host = failed_project("np_steps_zh", Lang::ZhCn).await;
    assert_eq!(text(&host, "[data-field=steps] summary"), "步骤");
    let [done, _, failed, waiting] = &steps(&host)[..] else {
        panic!("four steps")
    };
    assert_eq!(step_text(done, ".oms-step-status"), "已完成");
    assert_eq!(step_text(failed, ".oms-step-status"), "失败");
    assert_eq!(step_text(waiting, ".oms-step-status"), "未开始");
    assert!(step_text(failed, "[data-field=step-error]").contains("billing.invoice is missing"));
    host.remove();
}

#[wasm_bindgen_test]
async fn opened_the_plan_is_asked_again_and_a_plan_that_cannot_be_read_says_why() {
    let seq = sim::next_seq().await;
    let host = failed_project("np_steps_open", Lang::En).await;
    let asked = sim::calls_since(seq, "DescribeProjectSteps").await;
    assert_eq!(asked, 1, "asked once while closed");
    // OMS now answers the plan with its own error.
    sim::fault(json!({
        "project": "np_steps_open", "action": "DescribeProjectSteps",
        "kind": "business_error", "code": "CM-X1", "message": "steps are gone",
    }))
    .await;
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
        sim::calls_since(seq, "DescribeProjectSteps").await > asked,
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

/// A plan with a step status OMS may add later. oms-sim derives each step's
/// status from its project's state and sends only the statuses OMS has
/// today, so this plan is a table's (`stub`), its drawing the real one.
const UNKNOWN_STATUS_PLAN: &str = r#"[
 {"order":1,"name":"FULL_TRANSFER","description":"Full data transfer","status":"FINISHED","progress":100},
 {"order":2,"name":"NEW_KIND_OF_STEP","description":"Something new","status":"HIBERNATING","progress":null}
]"#;

#[wasm_bindgen_test]
async fn an_unknown_status_is_shown_as_sent_in_either_language() {
    for (name, lang) in [
        ("steps-unknown-en", Lang::En),
        ("steps-unknown-zh", Lang::ZhCn),
    ] {
        let oms = Oms::new(name);
        oms.answer(
            "DescribeProjectProgress",
            200,
            &progress("np_steps", "RUNNING", "INCR_TRANSFER"),
        );
        oms.answer("DescribeProjectSteps", 200, &ok(UNKNOWN_STATUS_PLAN));
        let host = with_plan(oms.options("np_steps"), lang).await;
        let [_, unknown] = &steps(&host)[..] else {
            panic!("two steps")
        };
        assert_eq!(
            unknown.get_attribute("data-step-status").as_deref(),
            Some("HIBERNATING")
        );
        assert_eq!(
            step_text(unknown, ".oms-step-status"),
            "HIBERNATING",
            "an unknown status as sent"
        );
        assert!(q(unknown, "[data-field=step-error]").is_none());
        host.remove();
    }
}
