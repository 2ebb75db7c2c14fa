//! The wallboard from the list oms-sim answers: each project in one group
//! of the summary strip, the cards sorted by what needs attention, each
//! with its status as sent and a failed one's reason; a group chosen shows
//! it alone; a list that cannot be read is an error of the board, said as
//! text. Each test's projects have ids of their own, and its board asks
//! OMS for those only (`searchKey`).

use crate::sim;
use crate::support::*;
use leptos::prelude::*;
use oms_progress::{Lang, OmsWallboard};
use oms_progress_core::model::WallFilter;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

/// A project's `FixedState`: status, current step, checkpoint seconds behind.
fn state(status: &str, step: &str, lag: Option<i64>) -> Value {
    let mut state = json!({"status": status, "current_step": step,
                           "struct_progress": 100, "full_progress": 40});
    if let Some(lag) = lag {
        // Frozen when paused or released: OMS's delay grows from there.
        let kind = if status == "RUNNING" {
            "lag_secs"
        } else {
            "frozen_lag_secs"
        };
        state["checkpoint"] = json!({ kind: lag });
    }
    state
}

/// A project of every group, named `np_{prefix}_…`, in no order.
async fn projects(prefix: &str) {
    let incr = "INCR_TRANSFER";
    let every = [
        ("running", state("RUNNING", incr, Some(2)), false),
        ("released", state("RELEASED", incr, None), false),
        ("behind", state("RUNNING", incr, Some(60)), false),
        ("new_status", state("HIBERNATING", incr, None), false),
        ("failed", state("FAILED", "FULL_TRANSFER", None), false),
        ("finished", state("FINISHED", incr, None), false),
        ("paused", state("SUSPEND", incr, Some(4_000)), false),
        ("alarming", state("RUNNING", incr, Some(3)), true),
        ("far_behind", state("RUNNING", incr, Some(900)), false),
        ("init", state("INIT", "TRANSFER_PRECHECK", None), false),
    ];
    for (name, mut behaviour, alarming) in every {
        behaviour["type"] = json!("fixed");
        sim::project(
            &format!("np_{prefix}_{name}"),
            json!({"naming": "v4", "importance": "HIGH", "alarming": alarming, "behaviour": behaviour}),
        )
        .await;
    }
}

/// The board of the projects whose id holds `prefix`, once it left loading.
async fn board(prefix: &str, lang: Lang) -> HtmlElement {
    let mut options = sim::options("");
    options.lang = Some(lang);
    let mut filter = WallFilter::default();
    filter.query.search = Some(format!("np_{prefix}_"));
    let host = mount(move || view! { <OmsWallboard options filter /> });
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
    projects("wall_groups").await;
    let host = board("wall_groups", Lang::En).await;
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
        [
            "np_wall_groups_failed",
            "np_wall_groups_far_behind",
            "np_wall_groups_behind"
        ]
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
    // The checkpoint's age when drawn: the second may have turned since
    // the simulator answered.
    let delay = shown[1]
        .get_attribute("data-delay-seconds")
        .unwrap_or_default();
    assert!(matches!(delay.as_str(), "900" | "901"), "{delay}");
    assert!(
        q(&host, "[data-field=wall-empty]").is_none_or(|e| e.has_attribute("hidden")),
        "no \"nothing matches\" beside ten cards"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_group_chosen_shows_it_alone_and_all_shows_every_card_again() {
    projects("wall_choose").await;
    let host = board("wall_choose", Lang::En).await;
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
    assert_eq!(
        card_attr(&cards(&host), "data-project-id"),
        ["np_wall_choose_behind"]
    );
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
    projects("wall_zh").await;
    let host = board("wall_zh", Lang::ZhCn).await;
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
    projects("wall_error").await;
    // Once: the list belongs to no project, so the rule must not outlive the test.
    sim::fault(
        json!({"action": "ListProjects", "kind": "business_error", "count": 1,
                      "code": "CM-LIST0001", "message": "the list is unavailable"}),
    )
    .await;
    let host = board("wall_error", Lang::En).await;
    assert_eq!(
        attr(&host, "[data-oms-wallboard]", "data-wall-state").as_deref(),
        Some("error")
    );
    assert!(cards(&host).is_empty(), "no card made up");
    let alert = q(&host, "[role=alert]").unwrap();
    assert_eq!(alert.get_attribute("data-error").as_deref(), Some("oms"));
    assert!(text(&alert, "[data-field=error-message]").contains("the list is unavailable"));
    assert!(text(&alert, "[data-field=error-request-id]").starts_with("Request id: sim-"));
    host.remove();
}
