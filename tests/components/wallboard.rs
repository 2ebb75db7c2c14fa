//! The wallboard from a given list: each project in one group of the
//! summary strip, the cards sorted by what needs attention, each with its
//! status as sent and a failed one's reason; a group chosen shows it alone;
//! a list that cannot be read is an error of the board, said as text.

use crate::stub::{ok, Oms};
use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, OmsWallboard};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

/// One list item: id, status, sync delay (s, sampled now), alarm raised.
fn item(id: &str, status: &str, delay: Option<i64>, alarming: bool) -> String {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let delay = delay.map_or("null".to_owned(), |d| d.to_string());
    let steps = if status == "FAILED" {
        r#"[{"order":1,"name":"FULL_TRANSFER","status":"FAILED","progress":40,"extraInfo":{"errorCode":"CM-STEP000121","errorMsg":"table billing.invoice is missing"}}]"#
    } else {
        "[]"
    };
    format!(
        r#"{{"id":"{id}","name":"{id}","type":"SYNC","status":"{status}","importance":"HIGH","labels":[],"sourceEndpointType":"MYSQL","sinkEndpointType":"OB_MYSQL","alarmStats":{{"alarming":{alarming},"alarmContent":null}},"steps":{steps},"extraInfo":{{"runningStep":"INCR_TRANSFER","runningProgress":100,"syncDelay":{delay},"syncDelaySampleTimestamp":{now}}}}}"#
    )
}

/// A project of every group, in no order.
fn list() -> String {
    let items = [
        item("np_running", "RUNNING", Some(2), false),
        item("np_released", "RELEASED", None, false),
        item("np_behind", "RUNNING", Some(60), false),
        item("np_new_status", "HIBERNATING", None, false),
        item("np_failed", "FAILED", None, false),
        item("np_finished", "FINISHED", None, false),
        item("np_paused", "SUSPEND", Some(4_000), false),
        item("np_alarming", "RUNNING", Some(3), true),
        item("np_far_behind", "RUNNING", Some(900), false),
        item("np_init", "INIT", None, false),
    ];
    let data = format!("[{}]", items.join(","));
    ok(&data).replacen(
        r#""data":"#,
        &format!(
            r#""pageNumber":1,"pageSize":150,"totalCount":{},"data":"#,
            items.len()
        ),
        1,
    )
}

async fn board(oms: &Oms, lang: Lang) -> HtmlElement {
    let mut options = oms.options("");
    options.lang = Some(lang);
    let host = mount(move || view! { <OmsWallboard options /> });
    assert!(
        until(5_000.0, || {
            attr(&host, "[data-oms-wallboard]", "data-wall-state").as_deref() != Some("loading")
        })
        .await,
        "the board leaves loading"
    );
    host
}

fn cards(host: &Element) -> Vec<Element> {
    all(host, "li.oms-wall-card")
}

fn card_attr(cards: &[Element], name: &str) -> Vec<String> {
    cards
        .iter()
        .map(|c| c.get_attribute(name).unwrap_or_default())
        .collect()
}

fn count(host: &Element, group: &str) -> Option<String> {
    attr(
        host,
        &format!(".oms-wall-summary [data-group={group}]"),
        "data-count",
    )
}

#[wasm_bindgen_test]
async fn every_project_in_its_group_sorted_by_what_needs_attention() {
    let oms = Oms::new("wall-groups");
    oms.answer("ListProjects", 200, &list());
    let host = board(&oms, Lang::En).await;
    assert_eq!(
        attr(&host, "[data-oms-wallboard]", "data-wall-state").as_deref(),
        Some("live")
    );
    let shown = cards(&host);
    assert_eq!(
        card_attr(&shown, "data-attention"),
        [
            "failed",
            "far-behind",
            "behind",
            "alarming",
            "unknown",
            "paused",
            "not-started",
            "running",
            "finished",
            "released"
        ]
    );
    assert_eq!(
        card_attr(&shown, "data-project-id")[..3],
        ["np_failed", "np_far_behind", "np_behind"]
    );
    assert_eq!(
        card_attr(&shown, "data-status")[4],
        "HIBERNATING",
        "an unknown status as sent"
    );
    for (group, n) in [
        ("all", "10"),
        ("failed", "1"),
        ("far-behind", "1"),
        ("behind", "1"),
        ("alarming", "1"),
        ("unknown", "1"),
        ("paused", "1"),
        ("not-started", "1"),
        ("running", "1"),
        ("finished", "1"),
        ("released", "1"),
    ] {
        assert_eq!(count(&host, group).as_deref(), Some(n), "{group}");
    }
    let failed = &shown[0];
    assert_eq!(
        failed.get_attribute("data-tone").as_deref(),
        Some("critical")
    );
    assert!(
        text(failed, "[data-field=failure]").contains("billing.invoice is missing"),
        "why, from the failed step the list carries"
    );
    assert_eq!(
        text(&shown[4], "[data-field=status] .oms-badge-label"),
        "HIBERNATING"
    );
    assert_eq!(
        shown[1].get_attribute("data-delay-seconds").as_deref(),
        Some("900")
    );
    assert!(
        q(&host, "[data-field=wall-empty]").is_none_or(|e| e.has_attribute("hidden")),
        "no \"nothing matches\" beside ten cards"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_group_chosen_shows_it_alone_and_all_shows_every_card_again() {
    let oms = Oms::new("wall-choose");
    oms.answer("ListProjects", 200, &list());
    let host = board(&oms, Lang::En).await;
    let button = |group: &str| -> HtmlElement {
        q(&host, &format!(".oms-wall-summary [data-group={group}]"))
            .unwrap()
            .unchecked_into()
    };
    button("behind").click();
    assert!(
        until(2_000.0, || cards(&host).len() == 1).await,
        "behind alone"
    );
    assert_eq!(card_attr(&cards(&host), "data-project-id"), ["np_behind"]);
    assert_eq!(
        button("behind").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        button("all").get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        count(&host, "all").as_deref(),
        Some("10"),
        "the counts stay whole"
    );
    button("all").click();
    assert!(
        until(2_000.0, || cards(&host).len() == 10).await,
        "every card again"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn in_chinese_the_strip_and_badges_are_chinese() {
    let oms = Oms::new("wall-zh");
    oms.answer("ListProjects", 200, &list());
    let host = board(&oms, Lang::ZhCn).await;
    assert_eq!(
        attr(&host, "[data-oms-wallboard]", "lang").as_deref(),
        Some("zh-CN")
    );
    let label = |group: &str| {
        let button = q(&host, &format!(".oms-wall-summary [data-group={group}]")).unwrap();
        let all = button.text_content().unwrap_or_default();
        let n = text(&button, "[data-field=count]");
        all.replace(&n, "").trim().to_owned()
    };
    assert_eq!(label("failed"), "失败");
    assert_eq!(label("paused"), "已暂停");
    assert_eq!(label("not-started"), "未启动");
    assert_eq!(label("unknown"), "状态未知");
    let shown = cards(&host);
    assert_eq!(
        text(&shown[0], "[data-field=status] .oms-badge-label"),
        "失败"
    );
    assert_eq!(
        text(&shown[4], "[data-field=status] .oms-badge-label"),
        "HIBERNATING",
        "an unknown status as sent, in either language"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_list_oms_refuses_is_the_boards_error_said_as_text() {
    let oms = Oms::new("wall-error");
    oms.answer(
        "ListProjects",
        200,
        r#"{"success":false,"errorDetail":{"code":"CM-LIST0001","level":"ERROR","message":"the list is unavailable","requestId":"req-list"},"code":"CM-LIST0001","message":"the list is unavailable","data":null}"#,
    );
    let host = board(&oms, Lang::En).await;
    assert_eq!(
        attr(&host, "[data-oms-wallboard]", "data-wall-state").as_deref(),
        Some("error")
    );
    assert!(cards(&host).is_empty(), "no card made up");
    let alert = q(&host, "[role=alert]").unwrap();
    assert_eq!(alert.get_attribute("data-error").as_deref(), Some("oms"));
    assert!(text(&alert, "[data-field=error-message]").contains("the list is unavailable"));
    assert_eq!(
        text(&alert, "[data-field=error-request-id]"),
        "Request id: req-list"
    );
    host.remove();
}
